import XCTest
@testable import ReplyLint

/// Inputs the fuzz targets (`fuzz/`) crashed on, cut down to what still reached the bug, run the way the
/// target runs them: so that `swift test` keeps each one fixed without libFuzzer.
final class HostileFuzzRegressionTests: XCTestCase {
    /// The `lexicon` target's steps: the table parser, its invariants, then the register rules built from
    /// the table in place of one shipped table, run over a reply.
    func runLexiconTarget(table file: String, contents: String, rules: [any Rule.Type],
                          reply: String = "Hola tío, xq no me dices? jajaja holaaa, ¿tenés el DNI? GRACIAS!!!\n") throws {
        do {
            let table = try LexiconTable(name: "register/x", path: "x.txt", contents: contents)
            for row in table.rows {
                XCTAssertFalse(row.term.isEmpty)
                XCTAssertLessThanOrEqual(row.fields.count, table.columns.count, "row \(row.line) has more fields than the table's columns")
            }
        } catch is LexiconError {
            // A clear error is a right answer.
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-fuzz-regression-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("es/register")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        let source = TestSupport.lexiconRoot + "/es/register"
        for name in try FileManager.default.contentsOfDirectory(atPath: source) where name != file {
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: folder.appendingPathComponent(name).path)
        }
        try contents.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
        do {
            let linter = try Linter(lexicons: LexiconStore(root: root.path, locale: "es"), registry: rules)
            let file = try SourceFile(path: "x.txt", bytes: Array(reply.utf8))
            for d in linter.lint(Document(file: file), tokenizer: try Tokenizer()) {
                XCTAssertTrue(d.offset >= 0 && d.offset + d.length <= file.bytes.count, "\(d)")
            }
        } catch let error as LexiconError {
            XCTAssertEqual(error.path, folder.appendingPathComponent(file).path)
            XCTAssertGreaterThan(error.line, 0)
        }
    }

    /// A second `#! columns:` directive redefined the columns under rows read with the first ones
    /// (a row had seven fields in a table of two columns).
    func testSecondColumnsDirective() throws {
        let contents = """
            #! columns: term | register | usted | tu | vos | context | note
            tú          | tu     | usted     | tú | vos | accent | \u{FFFD}\u{FFFD}\u{5}
            #! columns: term | note
            xd      | emoticon
            """
        try runLexiconTarget(table: "address-forms.txt", contents: contents, rules: [TuteoRule.self, MixedRule.self])
        XCTAssertThrowsError(try LexiconTable(name: "register/x", path: "x.txt", contents: contents)) { error in
            XCTAssertEqual((error as? LexiconError)?.line, 3)
        }
    }

    /// A lone `=` in a context column ("vocative =|") was an index out of range while the rule was built.
    func testLoneEqualsSignInAContext() throws {
        let contents = """
            #! columns: term | suggestion | context | note
            tío        | -            | vocative | form of address
            parce      | -            | vocative =| Colombian "buddy"
            """
        try runLexiconTarget(table: "slang.txt", contents: contents, rules: [SlangRule.self])
    }
}
