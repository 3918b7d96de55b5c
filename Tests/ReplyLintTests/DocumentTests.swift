import XCTest
@testable import ReplyLint

final class DocumentTests: XCTestCase {
    func file(_ bytes: [UInt8], _ path: String = "a.txt") throws -> SourceFile {
        try SourceFile(path: path, bytes: bytes)
    }

    func testLineTablesForLFCRLFAndCR() throws {
        for (ending, kind) in [("\n", SourceFile.LineEnding.lf), ("\r\n", .crlf), ("\r", .cr)] {
            let f = try file(Array("uno\(ending)dos\(ending)\(ending)tres".utf8))
            XCTAssertEqual(f.lineEnding, kind)
            XCTAssertEqual(f.lineStarts.count, 4, "ending \(kind)")
            XCTAssertEqual(f.lineText(2), "dos")
            XCTAssertEqual(f.lineText(3), "")
            XCTAssertEqual(f.lineText(4), "tres")
            let tres = f.bytes.count - 4
            XCTAssertEqual(f.location(of: tres).line, 4)
            XCTAssertEqual(f.location(of: tres).column, 1)
        }
    }

    func testBOMIsNotAColumnButCountsInOffsets() throws {
        let f = try file([0xEF, 0xBB, 0xBF] + Array("hola".utf8))
        XCTAssertTrue(f.hasBOM)
        XCTAssertEqual(f.textStart, 3)
        XCTAssertEqual(f.location(of: 3).column, 1)
        XCTAssertEqual(f.location(of: 5).column, 3)
        XCTAssertEqual(f.text, "hola")
        let doc = Document(file: f)
        XCTAssertEqual(doc.string, "hola")
        XCTAssertEqual(doc.fileOffset(0), 3)
        XCTAssertEqual(doc.fileOffset(4, end: true), 7)
    }

    func testColumnsCountScalarsAfterEmojiAndAccents() throws {
        // 👍🏽 is two scalars (8 bytes), ñ one scalar (2 bytes), e + U+0301 two scalars.
        let f = try file(Array("👍🏽 ñe\u{301} x".utf8))
        let x = f.bytes.count - 1
        XCTAssertEqual(f.location(of: x).column, 8)
        XCTAssertEqual(f.location(of: 9).column, 4) // the ñ
    }

    func testColumnsAreTheSameNearAndFarFromTheLineStart() throws {
        // Columns up to a checkpoint stride into a line are counted from the line start, further in from
        // the checkpoints: both ways must agree with a plain count of scalars, at every offset.
        let line = String(repeating: "añ👍é ", count: 700)  // 11 bytes, 5 scalars a repeat
        let text = "primera línea\n" + line + "\nfin ñ"
        let f = try file(Array(text.utf8))
        let bytes = Array(text.utf8)
        var scalarsInLine = 0
        var lineNumber = 1
        for offset in 0..<bytes.count {
            if bytes[offset] & 0xC0 != 0x80 {
                let (l, c) = f.location(of: offset)
                XCTAssertEqual(l, lineNumber, "offset \(offset)")
                XCTAssertEqual(c, scalarsInLine + 1, "offset \(offset)")
                if c != scalarsInLine + 1 { return }
                scalarsInLine += 1
            }
            if bytes[offset] == 0x0A { lineNumber += 1; scalarsInLine = 0 }
        }
    }

    func testAnEndFromItsStartIsWhereASearchPutsIt() throws {
        // Offsets in the middle of scalars, on CR, LF and CRLF line ends, at the end of the file.
        let text = "añ👍é\r\nxq\rholaaa ñandú\n\n" + String(repeating: "😀é ", count: 200) + "\nfin"
        let f = try file(Array(text.utf8))
        let count = text.utf8.count
        var numbers = HostileSpanIndexTests.Numbers(seed: 13)
        for _ in 0..<20_000 {
            let start = numbers.next(count + 1)
            let end = min(count, start + numbers.next(numbers.next(2) == 0 ? 12 : 400))
            let known = f.location(of: start)
            let found = f.location(of: end, after: start, at: known)
            let searched = f.location(of: end)
            XCTAssertTrue(found == searched, "\(start)..<\(end): \(found), search says \(searched)")
            if found != searched { return }
        }
    }

    func testABadByteOrALineEndIsFoundAtAnyOffsetOfPlainText() throws {
        // The reader passes eight ASCII bytes at a time: whatever stops it must be found where it is.
        for offset in 0..<24 {
            let before = Array(String(repeating: "a", count: offset).utf8)
            XCTAssertThrowsError(try file(before + [0] + Array("bcdefghijklmnop".utf8))) { error in
                XCTAssertEqual(error as? InputError, .binary(path: "a.txt", line: 1, column: offset + 1, offset: offset))
            }
            XCTAssertThrowsError(try file(before + [0xFF] + Array("bcdefghijklmnop".utf8))) { error in
                XCTAssertEqual(error as? InputError, .invalidUTF8(path: "a.txt", line: 1, column: offset + 1, offset: offset))
            }
            for end: [UInt8] in [[0x0A], [0x0D], [0x0D, 0x0A]] {
                let f = try file(before + end + Array("bcdefghijklmnop".utf8))
                XCTAssertEqual(f.lineStarts, [0, offset + end.count], "line end \(end) at \(offset)")
            }
        }
    }

    func testTheExactZeroByteMaskMarksEachZeroByteAlone() {
        var numbers = HostileSpanIndexTests.Numbers(seed: 23)
        for _ in 0..<20_000 {
            var word: UInt64 = 0
            for k in 0..<8 { word |= UInt64([0x00, 0x01, 0x7F, 0x80, 0xFF, 0x20][numbers.next(6)]) << (8 * UInt64(k)) }
            var expected: UInt64 = 0
            for k in 0..<8 where (word >> (8 * UInt64(k))) & 0xFF == 0 { expected |= 0x80 << (8 * UInt64(k)) }
            XCTAssertEqual(ByteWords.zeros(word), expected, String(word, radix: 16))
        }
    }

    func testScalarCountsByWordsAgreeWithCountsByBytes() {
        var numbers = HostileSpanIndexTests.Numbers(seed: 17)
        let pieces = ["a", "ñ", "€", "😀", " ", "é"]
        for _ in 0..<2_000 {
            let bytes = Array((0..<numbers.next(40)).map { _ in pieces[numbers.next(pieces.count)] }.joined().utf8)
            let from = numbers.next(bytes.count + 1)
            let to = from + numbers.next(bytes.count - from + 1)
            let expected = bytes[from..<to].filter { $0 & 0xC0 != 0x80 }.count
            XCTAssertEqual(bytes.withUnsafeBufferPointer { SourceFile.scalars($0, from: from, to: to) }, expected)
        }
    }

    /// A location found from the line of the one before (offsets in increasing order, as a document's
    /// diagnostics are placed) is the one found by a search of all the lines, and so is one asked out of
    /// order with a stale line.
    func testLocationsFoundFromTheLastLineAreTheSearchedOnes() throws {
        var numbers = HostileSpanIndexTests.Numbers(seed: 5)
        for round in 0..<40 {
            var text = round % 2 == 0 ? "\u{FEFF}" : ""
            for _ in 0..<(1 + numbers.next(60)) {
                text += String(repeating: numbers.next(3) == 0 ? "ñ" : "a", count: numbers.next(30))
                text += ["\n", "\r\n", "\r"][numbers.next(3)]
            }
            let file = try SourceFile(path: "r.txt", bytes: Array(text.utf8))
            var line = 0
            var offset = 0
            while offset <= file.bytes.count {
                XCTAssertEqual(file.location(of: offset, line: &line) == file.location(of: offset), true, "\(round) at \(offset)")
                offset += numbers.next(40)
            }
            for _ in 0..<50 {
                let at = numbers.next(file.bytes.count + 1)
                XCTAssertEqual(file.location(of: at, line: &line) == file.location(of: at), true, "\(round) back at \(at)")
            }
        }
    }

    func testMessagesAreMadeOneLine() {
        XCTAssertEqual(Linter.oneLine("tilde: «canción»"), "tilde: «canción»")
        XCTAssertEqual(Linter.oneLine("risa «ja\nja»"), "risa «ja ja»")
        XCTAssertEqual(Linter.oneLine("risa «ja\r\n  ja»"), "risa «ja ja»")
        for separator in ["\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}"] {
            XCTAssertEqual(Linter.oneLine("a\(separator)b"), "a b", separator.debugDescription)
        }
        // Letters whose bytes resemble those of a line separator are not line breaks.
        for text in ["é à © ¨ …", "\u{2027}\u{202A}", "Ũ ũ"] {
            XCTAssertFalse(Linter.mayHoldLineBreak(text), text)
            XCTAssertEqual(Linter.oneLine(text), text)
        }
        // A break at any offset of a long message, before and after eight-byte words of plain text.
        for separator in ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"] {
            for offset in 0..<20 {
                let text = String(repeating: "x", count: offset) + separator + String(repeating: "é", count: 10)
                XCTAssertTrue(Linter.mayHoldLineBreak(text), "\(separator.debugDescription) at \(offset)")
            }
        }
        XCTAssertFalse(Linter.mayHoldLineBreak(String(repeating: "tilde en «canción» ", count: 5)))
    }

    func testInvalidUTF8IsReportedAtItsPosition() {
        // Line 2, after "dé" (é is 2 bytes): a lone continuation byte.
        let bytes: [UInt8] = Array("ok\ndé".utf8) + [0x80] + Array(" fin".utf8)
        XCTAssertThrowsError(try file(bytes)) { error in
            XCTAssertEqual(error as? InputError, .invalidUTF8(path: "a.txt", line: 2, column: 3, offset: 6))
        }
        // Overlong encodings, surrogates and truncated sequences are refused too.
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0xFF]] {
            XCTAssertThrowsError(try file(Array("a".utf8) + bad), "\(bad)")
        }
    }

    func testNULBytesMakeABinaryFile() {
        XCTAssertThrowsError(try file([0x61, 0x00, 0x62])) { error in
            XCTAssertEqual(error as? InputError, .binary(path: "a.txt", line: 1, column: 2, offset: 1))
        }
    }

    func testUTF16IsRefusedWithAClearMessage() {
        let result = InputFiles.decode([0xFF, 0xFE, 0x68, 0x00], path: "u.txt")
        guard case .failure(let error) = result else { return XCTFail("UTF-16 accepted") }
        XCTAssertTrue(error.message.contains("UTF-16"), error.message)
    }

    func testSegmentsMapEscapesToTheirSource() throws {
        // A reply "é!" stored in a file as "\u00e9!" starting at byte 10.
        let f = try file(Array("0123456789\\u00e9!".utf8))
        let doc = Document(source: f, text: Array("é!".utf8), segments: [
            .init(textStart: 0, textLength: 2, fileStart: 10, fileLength: 6),
            .init(textStart: 2, textLength: 1, fileStart: 16, fileLength: 1),
        ])
        XCTAssertEqual(doc.fileOffset(0), 10)
        XCTAssertEqual(doc.fileOffset(2), 16)
        XCTAssertEqual(doc.fileOffset(2, end: true), 16)
        XCTAssertEqual(doc.fileOffset(3, end: true), 17)
    }
}
