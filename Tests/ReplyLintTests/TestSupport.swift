import Foundation
import XCTest
@testable import ReplyLint

enum TestSupport {
    /// The repository's `lexicons/` folder.
    static let lexiconRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lexicons").path
    }()

    static let repositoryRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    /// The Spanish lexicons, loaded once for the whole test run.
    static let lexicons: LexiconStore = {
        do { return try LexiconStore(root: lexiconRoot, locale: "es") } catch {
            fatalError("cannot load lexicons: \(error)")
        }
    }()

    /// A linter with every rule, the given options.
    static func linter(_ options: LintOptions = LintOptions()) throws -> Linter {
        try Linter(lexicons: lexicons, configuration: Linter.Configuration(options: options))
    }

    /// Lints a string with every rule; returns the diagnostics.
    static func lint(_ text: String, options: LintOptions = LintOptions()) throws -> [Diagnostic] {
        try linter(options).lint(Document(string: text), tokenizer: Tokenizer())
    }

    /// The findings of one rule type over a string.
    static func findings<R: Rule>(_ type: R.Type, _ text: String, options: LintOptions = LintOptions()) throws -> [Finding] {
        let rule = try type.init(lexicons: lexicons)
        let document = Document(string: text)
        let (tokens, sentences) = try Tokenizer().tokenize(document.text)
        return rule.check(RuleContext(document: document, tokens: tokens, sentences: sentences, options: options))
    }

    /// The flagged texts of one rule type over a string.
    static func flagged<R: Rule>(_ type: R.Type, _ text: String, options: LintOptions = LintOptions()) throws -> [String] {
        let document = Document(string: text)
        return try findings(type, text, options: options).map { document.slice($0.range) }
    }
}
