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
