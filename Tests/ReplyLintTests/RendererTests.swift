import ByteScan
import Foundation
import XCTest
@testable import ReplyLint

final class RendererTests: XCTestCase {
    func diagnostic(in file: SourceFile, from: Int, length: Int, suggestions: [String] = ["porque"], help: String? = nil) -> Diagnostic {
        let (line, column) = file.location(of: from)
        let (endLine, endColumn) = file.location(of: from + length)
        return Diagnostic(path: file.path, line: line, column: column, endLine: endLine, endColumn: endColumn,
                          offset: from, length: length, severity: .warning, category: .register, rule: "register.test",
                          message: "abreviatura de chat «xq»", excerpt: String(decoding: file.bytes[from..<(from + length)], as: UTF8.self),
                          suggestions: suggestions, help: help)
    }

    func testJSONNumbersAreDecimal() {
        for n in [0, 7, 9, 10, 99, 100, 12_345, 1_000_000, -1, -10, -987, Int.max, Int.min] {
            let out = [UInt8](unsafeUninitializedCapacity: 21) { buffer, written in
                var writer = ByteWriter(buffer)
                writer.number(n)
                written = writer.count
            }
            XCTAssertEqual(String(decoding: out, as: UTF8.self), String(n))
        }
    }

    func testJSONStringsEscapeWhatTheyMustAndFitTheirBound() throws {
        let nasty = "a\"b\\c\nd\re\tf\u{1}\u{1F}\u{2028}\u{2029}\u{2027}ñ😀" + String(repeating: "\u{0}", count: 40)
        let quoted = JSONRenderer.quote(nasty)
        XCTAssertEqual(quoted, "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001\\u001f\\u2028\\u2029\u{2027}ñ😀"
                       + String(repeating: "\\u0000", count: 40) + "\"")
        // What the escapes stand for is the text again.
        let back = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: .fragmentsAllowed) as? String
        XCTAssertEqual(back, nasty)
        // A diagnostic whose every text is control characters (the worst case) stays within its bound.
        let file = try SourceFile(path: "\u{1}\u{2}.txt", bytes: Array("xq".utf8))
        var d = diagnostic(in: file, from: 0, length: 2, suggestions: [String(repeating: "\u{1}", count: 50), ""], help: "\u{1}")
        d.message = String(repeating: "\u{7}", count: 300)
        var renderer = JSONRenderer()
        let bytes = renderer.fileBytes([d, d], source: { _, _ in nil })
        XCTAssertLessThanOrEqual(bytes.count, 2 * JSONRenderer.bound(d))
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(("[" + String(decoding: bytes, as: UTF8.self) + "]").utf8)))
        XCTAssertEqual(renderer.fileBytes([], source: { _, _ in nil }), [])
    }

    func testCaretLandsUnderTheSpanAfterWideCharactersAndTabs() throws {
        // 👍🏽 takes two terminal columns, the tab four; "xq" starts at display column 2 + 1 + 4 = 7.
        let file = try SourceFile(path: "r.txt", bytes: Array("👍🏽 \txq vale".utf8))
        let start = Array("👍🏽 \t".utf8).count
        let d = diagnostic(in: file, from: start, length: 2)
        XCTAssertEqual(d.column, 5) // scalars: 👍, 🏽, space, tab, then x
        let text = TextRenderer(color: false) { _, line in file.sourceLine(line) }.render(d)
        XCTAssertEqual(text, """
            r.txt:1:5: warning: abreviatura de chat «xq» [register.test]
            1 | 👍🏽     xq vale
              |        ^~
              = help: sustituya por «porque»

            """)
    }

    func testHelpLinesAndSummary() throws {
        let file = try SourceFile(path: "r.txt", bytes: Array("a b".utf8))
        let d = diagnostic(in: file, from: 0, length: 1, suggestions: ["x", "y", "z", "w"], help: "quitar la risa")
        XCTAssertEqual(HelpText.line(for: d), ["quitar la risa", "sustituya por «x», «y» o «z»"])
        let report = Report(diagnostics: [d], files: 2)
        XCTAssertEqual(TextRenderer(color: false) { _, _ in nil }.summary(report), "2 archivos revisados: 0 errores, 1 aviso, 0 notas")
        XCTAssertTrue(TextRenderer(color: true) { _, _ in nil }.summary(report).contains("\u{1B}["))
    }

    /// JSON quoting and the line-break test read sixteen bytes at a time (and the last bytes with loads
    /// that overlap): both agree with a byte-by-byte reading, on every length up to 70 scalars and every
    /// place of the byte that stops them.
    func testTheSixteenByteScansAgreeWithTheByteByByteOnes() {
        func quoted(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                default:
                    if scalar.value < 0x20 {
                        out += "\\u00" + String(format: "%02x", scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        func breaks(_ s: String) -> Bool {
            let b = Array(s.utf8)
            return b.indices.contains { i in
                (0x0A...0x0D).contains(b[i]) || (i > 0 && b[i] == 0x85 && b[i - 1] == 0xC2)
                    || (i > 0 && (b[i] == 0xA8 || b[i] == 0xA9) && b[i - 1] == 0x80)
            }
        }
        // Scalars at the edges of both tests: controls, quote, backslash, bytes next to them, 0xE2-led
        // scalars that are and are not U+2028/U+2029, and others whose bytes end in 85, A8 or A9.
        let edges: [Unicode.Scalar] = ["\u{0}", "\u{9}", "\n", "\u{B}", "\r", "\u{E}", "\u{1F}", " ", "!", "\"", "#",
                                       "[", "\\", "]", "\u{7F}", "\u{80}", "\u{85}", "é", "ñ", "\u{2027}", "\u{2028}",
                                       "\u{2029}", "€", "\u{1F028}", "😀", "a"]
        var numbers = HostileSpanIndexTests.Numbers(seed: 3)
        for round in 0..<20_000 {
            let length = round % 71
            var text = String.UnicodeScalarView()
            // Mostly plain letters, so that the long runs the scans skip are there too.
            for _ in 0..<length { text.append(numbers.next(4) == 0 ? edges[numbers.next(edges.count)] : "a") }
            let s = String(text)
            XCTAssertEqual(JSONRenderer.quote(s), quoted(s), s.debugDescription)
            XCTAssertEqual(Linter.mayHoldLineBreak(s), breaks(s), s.debugDescription)
        }
        // One stopping scalar at every offset of every length up to 40 bytes.
        for length in 1...40 {
            for offset in 0..<length {
                for stop in ["\"", "\u{1}", "\u{2028}", "\n"] {
                    let s = String(repeating: "x", count: offset) + stop + String(repeating: "y", count: length - offset - 1)
                    XCTAssertEqual(JSONRenderer.quote(s), quoted(s), s.debugDescription)
                    XCTAssertEqual(Linter.mayHoldLineBreak(s), breaks(s), s.debugDescription)
                }
            }
        }
    }

    /// The tokenizer's two sixteen-byte scans (the bytes a special span needs, the letters, digits and
    /// spaces the sentence breaker passes over) and the spacing rule's (line ends, two spaces in a row)
    /// agree with a byte-by-byte reading: every byte value at every offset of every length up to 40
    /// bytes, in runs of bytes that do not stop them.
    func testTheTokenizersSixteenByteScansAgreeWithTheByteByByteOnes() {
        func special(_ b: UInt8) -> Bool { Array(".:@#{$%[".utf8).contains(b) }
        func notLetter(_ b: UInt8) -> Bool {
            !((b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x20)
        }
        // The spacing rule's scan: the first line end, or the first of two spaces in a row.
        func spacingStop(_ bytes: [UInt8]) -> Int {
            bytes.indices.first { i in
                bytes[i] == 0x0A || bytes[i] == 0x0D || (bytes[i] == 0x20 && i + 1 < bytes.count && bytes[i + 1] == 0x20)
            } ?? bytes.count
        }
        for length in 0...40 {
            for offset in 0..<max(1, length) {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    for i in bytes.indices where i % 3 == 2 { bytes[i] = UInt8(ascii: " ") }
                    if length > 0 { bytes[offset] = UInt8(value) }
                    bytes.withUnsafeBufferPointer { p in
                        let base = p.baseAddress ?? UnsafePointer(bitPattern: 1)!
                        XCTAssertEqual(rl_special_free_prefix(base, length), bytes.firstIndex(where: special) ?? length, "\(bytes)")
                        XCTAssertEqual(rl_letters_prefix(base, length), bytes.firstIndex(where: notLetter) ?? length, "\(bytes)")
                        XCTAssertEqual(rl_spacing_prefix(base, length), spacingStop(bytes), "\(bytes)")
                    }
                }
            }
        }
    }

    /// Numbers are written two digits at a time: every count of digits, both ends of the range.
    func testNumbersAreWrittenAsDecimalDigits() {
        var values: [Int] = [0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, Int.max, Int.min, Int.min + 1, -1, -10, -99, -100]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -power, 7 * power + 3]
        }
        var numbers = HostileSpanIndexTests.Numbers(seed: 11)
        for _ in 0..<2_000 { values.append(numbers.next(Int(Int32.max)) * (numbers.next(2) == 0 ? 1 : 1_000_003)) }
        for n in values {
            let bytes = [UInt8](unsafeUninitializedCapacity: 32) { buffer, written in
                var out = ByteWriter(buffer)
                out.number(n)
                written = out.count
            }
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), String(n))
        }
    }

    func testJSONEscapesEverythingItMust() {
        XCTAssertEqual(JSONRenderer.quote("a\"b\\c\nd\te\u{1}f\u{2028}ñ😀"), "\"a\\\"b\\\\c\\nd\\te\\u0001f\\u2028ñ😀\"")
    }

    func testExitStatus() throws {
        let file = try SourceFile(path: "r.txt", bytes: Array("a".utf8))
        var warning = diagnostic(in: file, from: 0, length: 1)
        XCTAssertEqual(Report(diagnostics: [warning], files: 1).exitStatus(), 0)
        XCTAssertEqual(Report(diagnostics: [warning, warning], files: 1).exitStatus(maxWarnings: 1), 1)
        warning.severity = .error
        XCTAssertEqual(Report(diagnostics: [warning], files: 1).exitStatus(), 1)
        let input = Diagnostic(inputError: .unreadable(path: "x", reason: "r"))
        XCTAssertEqual(Report(diagnostics: [warning, input], files: 2).exitStatus(), 2)
    }
}
