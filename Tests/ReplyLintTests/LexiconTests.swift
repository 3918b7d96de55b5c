import XCTest
@testable import ReplyLint

final class LexiconTests: XCTestCase {
    func testFormat() throws {
        let table = try LexiconTable(name: "t", path: "t.txt", contents: """
            # a comment
            #! columns: term | suggestion | note

            xq | porque | chat # trailing comment
            #hashtag | | a field may start with #? no: this line is a comment
            tb|también
            """)
        XCTAssertEqual(table.columns, ["term", "suggestion", "note"])
        XCTAssertEqual(table.rows.map(\.term), ["xq", "tb"])
        XCTAssertEqual(table.rows[0]["note"], "chat")
        XCTAssertEqual(table.rows[1]["suggestion"], "también")
        XCTAssertEqual(table.rows[1]["note"], "")
        XCTAssertEqual(table.rows[1].line, 6)
    }

    func testBlanksAroundFieldsAndHashesInsideThem() throws {
        // Tabs and no-break spaces around fields are blanks; a hash is a comment only between spaces.
        let table = try LexiconTable(name: "t", path: "t.txt", contents:
            "#! columns: term | suggestion | note\n\u{A0}\tholi\u{A0}|\tcanción #2\u{A0}| #nota #  resto\nx||\n")
        XCTAssertEqual(table.rows.map(\.term), ["holi", "x"])
        XCTAssertEqual(table.rows[0]["suggestion"], "canción #2")
        XCTAssertEqual(table.rows[0]["note"], "#nota")
        XCTAssertEqual(table.rows[1]["suggestion"], "")
        XCTAssertEqual(table.rows[1].line, 3)
    }

    func testCRLFFilesReadLikeLFFiles() throws {
        let lf = "# comentario\n#! columns: term | suggestion\nxq | porque\n\ntb | también\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let a = try LexiconTable(name: "t", path: "t.txt", contents: lf)
        let b = try LexiconTable(name: "t", path: "t.txt", contents: crlf)
        XCTAssertEqual(b.columns, ["term", "suggestion"])
        XCTAssertEqual(b.rows.map(\.term), ["xq", "tb"])
        XCTAssertEqual(b.rows.map { $0["suggestion"] }, a.rows.map { $0["suggestion"] })
        XCTAssertEqual(b.rows.map(\.line), [3, 5])
        // An error names the same line either way.
        let bad = "#! columns: term\r\nok\r\nuno | dos\r\n"
        XCTAssertThrowsError(try LexiconTable(name: "t", path: "t.txt", contents: bad)) { error in
            XCTAssertEqual((error as? LexiconError)?.line, 3)
        }
    }

    func testWordFilterKeepsEveryWordAndTurnsAwayMostOthers() throws {
        let words = ["xq", "tb", "porfa", "canción", "tú", "ñoño", "te", "vos"]
        let filter = WordFilter(words)
        for word in words { XCTAssertTrue(filter.mayContain(word), word) }
        // A word written decomposed in the lexicon still meets the tokenizer's NFC form.
        let decomposed = WordFilter(["cancio\u{301}n"])
        XCTAssertTrue(decomposed.mayContain("canción"))
        // Against the shipped lexicon of address forms, ordinary words mostly fail the bit test.
        let forms = try TestSupport.lexicons.table("register/address-forms").rows.map { $0.term.lowercased() }
        let big = WordFilter(forms)
        for form in forms { XCTAssertTrue(big.mayContain(form), form) }
        let others = (0..<2000).map { "palabra\($0)" }
        let passed = others.filter(big.mayContain).count
        XCTAssertLessThan(passed, others.count / 10, "\(passed) of \(others.count) passed")
    }

    func testMalformedFilesNameTheFileAndLine() {
        let cases: [(String, Int)] = [
            ("xq | porque", 1),                                     // entry before the directive
            ("#! columns: term | note\na | b | c", 2),              // too many fields
            ("#! columns: term | note\n | nota", 2),                // empty entry
            ("#! colums: term", 1),                                 // unknown directive
            ("# nothing but comments", 1),                          // no directive at all
            // A second directive (found by the lexicon fuzzer: the rows above it had more fields than the
            // columns it left the table with).
            ("#! columns: term | a | b\nxq | 1 | 2\n#! columns: term\ntb", 3),
        ]
        for (contents, line) in cases {
            XCTAssertThrowsError(try LexiconTable(name: "t", path: "dir/t.txt", contents: contents), contents) { error in
                let e = error as? LexiconError
                XCTAssertEqual(e?.path, "dir/t.txt")
                XCTAssertEqual(e?.line, line, contents)
                XCTAssertTrue(e?.description.hasPrefix("dir/t.txt:\(line): error:") ?? false)
            }
        }
    }

    /// Every shipped lexicon loads, and no file lists the same entry twice (same fields apart from the note).
    func testShippedLexiconsLoadWithoutDuplicates() throws {
        let store = TestSupport.lexicons
        XCTAssertFalse(store.tables.isEmpty)
        for (name, table) in store.tables.sorted(by: { $0.key < $1.key }) {
            var seen: [String: Int] = [:]
            for row in table.rows {
                let key = zip(table.columns, row.fields).filter { $0.0 != "note" }.map { $0.1.lowercased() }.joined(separator: "|")
                if let first = seen[key] {
                    XCTFail("\(table.path):\(row.line): duplicate of line \(first) in \(name)")
                } else {
                    seen[key] = row.line
                }
            }
        }
    }

    func testMissingTableIsAClearError() {
        XCTAssertThrowsError(try LexiconStore(locale: "es").table("register/nada")) { error in
            XCTAssertTrue("\(error)".contains("register/nada.txt"), "\(error)")
        }
        XCTAssertThrowsError(try LexiconStore(root: "/nonexistent", locale: "es"))
    }
}
