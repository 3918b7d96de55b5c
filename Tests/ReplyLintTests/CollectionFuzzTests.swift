import Foundation
import XCTest
import Yams
@testable import ReplyLint

/// Random replies written by Yams's own emitter in every scalar style and line width: the
/// scanner must rebuild each one exactly (no fallback) and map its letters onto the file.
final class CollectionFuzzTests: XCTestCase {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    static let pieces: [String] = [
        "hola", "gracias", "su", "pedido", "jajaja", " ", " ", " ", "  ", "\n", "\n\n", "'", "\"", "\\", ":", ": ",
        "#", " #", "é", "ñandú", "😀", "\t", "-", "- ", "{", "}", "[", "]", ",", "%s", "{{nombre}}", "¿", "?", "!",
        "&", "*", "|", ">", "\u{A0}", "\r\n",
    ]

    func randomReply(_ g: inout Generator) -> String {
        var s = ""
        for _ in 0..<(1 + Int(g.next() % 14)) { s += g.pick(Self.pieces) }
        return s
    }

    func testEmittedScalarsAreRebuiltExactly() throws {
        var g = Generator(state: 2026)
        let styles: [Node.Scalar.Style] = [.any, .plain, .singleQuoted, .doubleQuoted, .literal, .folded]
        var fallbacks: [String] = []
        var checked = 0
        for round in 0..<300 {
            let width = g.pick([-1, 12, 20, 40])
            var items: [Node] = []
            for _ in 0..<6 {
                items.append(Node(randomReply(&g), .implicit, g.pick(styles)))
            }
            let root: Node = round % 2 == 0 ? Node(items) : Node([(Node("texto"), Node(items))])
            let yaml = try Yams.serialize(node: root, width: width, allowUnicode: round % 3 != 0)
            let file = try SourceFile(path: "fuzz.yml", bytes: Array(yaml.utf8))
            let docs = try InputFiles.documents(of: file)
            let parsed = try XCTUnwrap(try Yams.compose(yaml: yaml))
            let values = (parsed.sequence ?? parsed.mapping?["texto"]?.sequence).map { Array($0) } ?? []
            let expected = values.compactMap { node -> String? in
                guard let s = node.string, !s.isEmpty, node.tag.rawValue == Tag.Name.str.rawValue else { return nil }
                return s
            }
            XCTAssertEqual(docs.map(\.string), expected, yaml)
            for doc in docs {
                checked += 1
                if doc.segments.contains(where: { $0.fileLength == 0 }) {
                    fallbacks.append(yaml + " -> " + doc.string.debugDescription)
                    continue
                }
                InputTestSupport.assertLettersMapOntoThemselves(doc)
                // Segments are in order, cover the text, and stay inside the file.
                var next = 0
                for s in doc.segments {
                    XCTAssertEqual(s.textStart, next)
                    next += s.textLength
                    XCTAssertLessThanOrEqual(s.fileStart + s.fileLength, file.bytes.count)
                }
                XCTAssertEqual(next, doc.text.count)
            }
        }
        XCTAssertGreaterThan(checked, 1000)
        XCTAssertEqual(fallbacks.count, 0, fallbacks.prefix(5).joined(separator: "\n====\n"))
    }

    /// JSON strings with every character randomly written raw or escaped (`\uXXXX`, surrogate
    /// pairs, short escapes): the text must equal Foundation's decoding, and every character must
    /// map onto exactly the bytes that write it.
    func testRandomlyEscapedJSONStrings() throws {
        var g = Generator(state: 7)
        for _ in 0..<200 {
            var replies: [String] = []
            var written: [String] = []
            for _ in 0..<5 {
                let reply = randomReply(&g)
                var json = "\""
                for scalar in reply.unicodeScalars {
                    let short: [Unicode.Scalar: String] = ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "/": "\\/"]
                    let mustEscape = scalar.value < 0x20 || scalar == "\"" || scalar == "\\"
                    if !mustEscape && g.next() % 3 != 0 {
                        json.unicodeScalars.append(scalar)
                    } else if let s = short[scalar], g.next() % 2 == 0 {
                        json += s
                    } else if scalar.value > 0xFFFF {
                        let v = scalar.value - 0x10000
                        json += String(format: "\\u%04x\\u%04X", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF))
                    } else {
                        json += String(format: "\\u%04x", scalar.value)
                    }
                }
                replies.append(reply)
                written.append(json + "\"")
            }
            let text = "{\"texto\": [\n  " + written.joined(separator: ",\n  ") + "\n]}"
            let file = try SourceFile(path: "fuzz.json", bytes: Array(text.utf8))
            let docs = try InputFiles.documents(of: file)
            let foundation = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: [String]]
            XCTAssertEqual(docs.map(\.string), foundation?["texto"]?.filter { !$0.isEmpty }, text)
            for (doc, json) in zip(docs, written.filter { $0 != "\"\"" }) {
                // Each character of the text maps to the bytes of the file that write it.
                let start = doc.fileOffset(0)
                XCTAssertEqual(String(decoding: file.bytes[(start - 1)..<(start - 1 + json.utf8.count)], as: UTF8.self), json)
                var offset = 0
                for ch in doc.string {
                    let length = String(ch).utf8.count
                    let from = doc.fileOffset(offset)
                    let to = doc.fileOffset(offset + length, end: true)
                    let source = String(decoding: file.bytes[from..<to], as: UTF8.self)
                    let decoded = try JSONSerialization.jsonObject(with: Data(("[\"" + source + "\"]").utf8)) as? [String]
                    XCTAssertEqual(decoded?.first.map { Array($0.unicodeScalars) }, Array(String(ch).unicodeScalars),
                                   "«\(source)» for \(String(ch).debugDescription) in \(json)")
                    offset += length
                }
            }
        }
    }
}
