import Foundation
import XCTest
@testable import ReplyLint

/// Spelling settings: the user vocabulary (accept/reject lists), another dictionary path, a missing
/// dictionary.
final class SpellingSetupTests: XCTestCase {
    var saved = SpellingSettings.current
    var folders: [URL] = []

    override func setUp() {
        saved = SpellingSettings.current
    }

    override func tearDown() {
        SpellingSettings.current = saved
        for folder in folders { try? FileManager.default.removeItem(at: folder) }
    }

    func vocabulary(accept: String?, reject: String?) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-vocab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let accept { try accept.write(to: folder.appendingPathComponent("accept.txt"), atomically: true, encoding: .utf8) }
        if let reject { try reject.write(to: folder.appendingPathComponent("reject.txt"), atomically: true, encoding: .utf8) }
        folders.append(folder)
        return folder.path
    }

    /// Spelling diagnostics of a linter built with the current settings.
    func lint(_ text: String, registry: [any Rule.Type] = SpellingFamily.rules) throws -> [Diagnostic] {
        try Linter(lexicons: TestSupport.lexicons, registry: registry).lint(Document(string: text), tokenizer: Tokenizer())
    }

    func testAcceptAndRejectLists() throws {
        let reply = "Su caso está en Zendesk y Freshdeskito; la multitienda de la competencia no tiene garantía."
        let before = try lint(reply)
        XCTAssertTrue(before.contains { $0.excerpt == "Zendesk" })
        XCTAssertFalse(before.contains { $0.excerpt == "competencia" })

        SpellingSettings.current = SpellingSettings(vocabulary: try vocabulary(
            accept: "# our tools\nZendesk\nfreshdesk\\w*\nmultitienda\n",
            reject: "# words our style guide bans\ncompetencia\ncheck-in\n"))
        XCTAssertEqual(SpellingSettings.current.problems(), [])
        let after = try lint(reply + " El check-in es online.")
        XCTAssertEqual(after.map(\.excerpt), ["competencia", "check-in"])
        XCTAssertEqual(after.map(\.rule), ["spelling.rejected-word", "spelling.rejected-word"])
        XCTAssertEqual(after.first?.message, "palabra rechazada por el vocabulario del equipo: «competencia»")
    }

    func testVocabularyProblems() throws {
        SpellingSettings.current = SpellingSettings(vocabulary: "/nonexistent/vocab")
        XCTAssertEqual(SpellingSettings.current.problems().map(\.path), ["/nonexistent/vocab"])
        // Spelling still runs without it.
        XCTAssertEqual(try lint("Le enviamos la informacion.").map(\.excerpt), ["informacion"])

        SpellingSettings.current = SpellingSettings(vocabulary: try vocabulary(accept: nil, reject: nil))
        XCTAssertTrue(SpellingSettings.current.problems().first?.message.contains("accept.txt") ?? false)

        SpellingSettings.current = SpellingSettings(vocabulary: try vocabulary(accept: "ok\n[broken\n", reject: nil))
        let problem = SpellingSettings.current.problems().first
        XCTAssertTrue(problem?.path.hasSuffix("accept.txt:2") ?? false, "\(String(describing: problem))")
    }

    /// A rule of another family, for checking that it still runs without a dictionary.
    struct ChatAbbreviation: Rule {
        static let description = RuleDescription(
            id: "register.test-xq", category: .register, summary: "xq", rationale: String(repeating: "test ", count: 10),
            triggering: [RuleExample("«xq»")], nonTriggering: [RuleExample("porque")])
        init(lexicons: LexiconStore) throws {}
        func check(_ context: RuleContext) -> [Finding] {
            context.tokens.filter { $0.lower == "xq" }.map { Finding(range: $0.range, message: "abreviatura de chat «xq»", suggestions: ["porque"]) }
        }
    }

    func testMissingDictionaryIsAClearErrorAndOtherRulesStillRun() throws {
        SpellingSettings.current = SpellingSettings(dictionary: "/nonexistent/hunspell/es_XX")
        let problems = SpellingSettings.current.problems()
        XCTAssertEqual(problems.count, 1)
        let problem = try XCTUnwrap(problems.first)
        XCTAssertEqual(problem.path, "/nonexistent/hunspell/es_XX.aff")
        XCTAssertTrue(problem.message.contains("apt-get install hunspell-es"), problem.message)
        XCTAssertTrue(problem.description.hasPrefix("/nonexistent/hunspell/es_XX.aff: error: "))
        if case .unreadable(let path, let reason) = problem.inputError {
            XCTAssertEqual(path, problem.path)
            XCTAssertEqual(reason, problem.message)
        } else {
            XCTFail("expected an unreadable input error")
        }
        // Building the rules does not throw; spelling reports nothing, the other rule still runs, and the
        // project reject list needs no dictionary.
        let found = try lint("Le enviamos la informacion xq asín lo pidió.", registry: SpellingFamily.rules + [ChatAbbreviation.self])
        XCTAssertEqual(found.map(\.excerpt), ["xq", "asín"])
        XCTAssertEqual(found.map(\.rule), ["register.test-xq", "spelling.rejected-word"])

        // Loading the dictionary directly throws the same kind of error.
        XCTAssertThrowsError(try HunspellDictionary(path: "/nonexistent/es_ES")) { error in
            XCTAssertTrue((error as? SpellingSetupError)?.message.contains("apt-get install hunspell-es") ?? false, "\(error)")
        }
    }

    func testDictionaryPathFromTheEnvironment() throws {
        setenv("REPLYLINT_DICTIONARY", "/opt/dictionaries/es_MX", 1)
        defer { unsetenv("REPLYLINT_DICTIONARY") }
        XCTAssertEqual(SpellingSettings().dictionary, "/opt/dictionaries/es_MX")
        XCTAssertEqual(SpellingSettings(dictionary: "/elsewhere/es_AR").dictionary, "/elsewhere/es_AR")
        unsetenv("REPLYLINT_DICTIONARY")
        XCTAssertEqual(SpellingSettings().dictionary, "/usr/share/hunspell/es_ES")
    }

    func testAnotherDictionaryPath() throws {
        // Debian's regional names link to the same dictionary.
        SpellingSettings.current = SpellingSettings(dictionary: "/usr/share/hunspell/es_MX")
        XCTAssertEqual(SpellingSettings.current.problems(), [])
        XCTAssertEqual(try lint("Le enviamos la informacion.").map(\.excerpt), ["informacion"])
    }
}
