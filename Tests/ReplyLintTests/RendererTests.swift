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

    func testTheEightByteTestAgreesWithTheByteOne() {
        func plain(_ word: UInt64) -> Bool {
            (0..<8).allSatisfy { k in
                let b = UInt8(truncatingIfNeeded: word >> (8 * UInt64(k)))
                return b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2
            }
        }
        let fill = UInt64(0x61) &* 0x0101_0101_0101_0101
        for k in 0..<8 {
            for b in 0...255 {
                let word = fill & ~(0xFF << (8 * UInt64(k))) | (UInt64(b) << (8 * UInt64(k)))
                XCTAssertEqual(JSONRenderer.isPlain(word), plain(word), "byte \(b) at \(k)")
            }
        }
        var numbers = HostileSpanIndexTests.Numbers(seed: 3)
        for _ in 0..<50_000 {
            // Bytes drawn near the edges the test looks at (0x1F/0x20, 0x21-0x23, 0x5B-0x5D, 0xE1-0xE3).
            let edges: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xE1, 0xE2, 0xE3, 0xFF]
            var word: UInt64 = 0
            for k in 0..<8 { word |= UInt64(edges[numbers.next(edges.count)]) << (8 * UInt64(k)) }
            XCTAssertEqual(JSONRenderer.isPlain(word), plain(word), String(word, radix: 16))
        }
        // An escape at every offset of a long string is still found.
        for offset in 0..<20 {
            let text = String(repeating: "x", count: offset) + "\"" + String(repeating: "y", count: 19 - offset) + "\u{2028}z"
            let back = try? JSONSerialization.jsonObject(with: Data(JSONRenderer.quote(text).utf8), options: .fragmentsAllowed) as? String
            XCTAssertEqual(back, text)
            XCTAssertEqual(JSONRenderer.quote(text).filter { $0 == "\\" }.count, 2, text)
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
