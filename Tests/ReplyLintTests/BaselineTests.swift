import Foundation
import XCTest
@testable import ReplyLint

final class BaselineTests: XCTestCase {
    func lint(_ text: String, path: String = "r.txt") throws -> [Diagnostic] {
        let linter = try Linter(lexicons: LexiconStore(), registry: [ForbiddenWordRule.self])
        return linter.lint(Document(file: try SourceFile(path: path, bytes: Array(text.utf8))), tokenizer: try Tokenizer())
    }

    func testOnlyNewFindingsRemainAfterEditsElsewhere() throws {
        let before = try lint("Uno prohibido.\nDos prohibido.\n")
        let baseline = Baseline(diagnostics: before)
        XCTAssertEqual(baseline.counts.values.reduce(0, +), 2)
        // Lines added above move the old findings; a third occurrence is new.
        let after = try lint("Línea nueva.\n\nUno prohibido.\nDos prohibido.\nTres prohibido.\n")
        let remaining = baseline.filter(after)
        XCTAssertEqual(remaining.count, 1)
        // The same text in another file is not covered.
        XCTAssertEqual(baseline.filter(try lint("prohibido", path: "otro.txt")).count, 1)
    }

    func testAReplyAddedAboveOrAPathTypedDifferentlyBringsNothingBack() throws {
        let linter = try Linter(lexicons: LexiconStore(), registry: [ForbiddenWordRule.self])
        func lintCollection(_ yaml: String, path: String) throws -> [Diagnostic] {
            let file = try SourceFile(path: path, bytes: Array(yaml.utf8))
            return try InputFiles.documents(of: file, collections: CollectionOptions()).flatMap { linter.lint($0, tokenizer: try Tokenizer()) }
        }
        let before = try lintCollection("saludos:\n  - texto: \"Esto está prohibido.\"\n  - texto: \"Y esto, prohibido.\"\n", path: "r.yml")
        XCTAssertEqual(before.compactMap(\.reply), ["saludos[0].texto", "saludos[1].texto"])
        let baseline = Baseline(diagnostics: before)
        let after = try lintCollection("saludos:\n  - texto: \"Hola.\"\n  - texto: \"Esto está prohibido.\"\n  - texto: \"Y esto, prohibido.\"\n",
                                       path: "./r.yml")
        XCTAssertEqual(after.count, 2)
        XCTAssertEqual(baseline.filter(after), [])
        // One more occurrence is still new.
        let more = try lintCollection("saludos:\n  - texto: \"prohibido\"\n  - texto: \"Esto está prohibido.\"\n  - texto: \"Y esto, prohibido.\"\n",
                                      path: "r.yml")
        XCTAssertEqual(baseline.filter(more).count, 1)
        XCTAssertEqual(Baseline.withoutPositions("grupos[2].respuestas[10].texto"), "grupos[].respuestas[].texto")
        XCTAssertEqual(Baseline.normalized(path: "./respuestas//a.yml"), "respuestas/a.yml")
    }

    func testRoundTripThroughTheFileFormat() throws {
        let baseline = Baseline(diagnostics: try lint("prohibido prohibido"))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json")
        try Data(baseline.serialized().utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertEqual(try Baseline(path: url.path), baseline)
        XCTAssertTrue(baseline.serialized().contains("\"count\":2"))
    }

    func testMalformedBaselineIsAnInputError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json")
        try Data("{\"findings\": 3}".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try Baseline(path: url.path)) { error in
            guard case .malformed(let path, _, _, _)? = error as? InputError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, url.path)
        }
    }
}
