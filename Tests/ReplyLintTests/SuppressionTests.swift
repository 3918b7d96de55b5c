import XCTest
@testable import ReplyLint

/// A rule for engine tests only: flags every word "prohibido".
struct ForbiddenWordRule: Rule {
    static let description = RuleDescription(
        id: "register.test-forbidden", category: .register, summary: "prueba",
        rationale: "a rule used by the engine tests only; it flags the word prohibido wherever it appears",
        triggering: [RuleExample("es «prohibido»")], nonTriggering: [RuleExample("permitido")])
    init(lexicons: LexiconStore) throws {}
    func check(_ context: RuleContext) -> [Finding] {
        context.tokens.filter { $0.lower == "prohibido" }.map { Finding(range: $0.range, message: "palabra de prueba") }
    }
}

/// Findings on purpose out of order and twice on a span, for the engine's ordering test: on each word
/// `dos`, the same span twice (messages "b" then "a") and a longer span from the same start.
struct EchoRule: Rule {
    static let description = RuleDescription(
        id: "register.test-echo", category: .register, summary: "prueba",
        rationale: "a rule used by the engine tests only; it reports the word dos twice and the word and the next one",
        triggering: [RuleExample("«dos» tres")], nonTriggering: [RuleExample("uno")])
    init(lexicons: LexiconStore) throws {}
    func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for (i, token) in context.tokens.enumerated().reversed() where token.lower == "dos" {
            let longer = token.range.lowerBound..<(i + 1 < context.tokens.count ? context.tokens[i + 1].range.upperBound : token.range.upperBound)
            findings.append(Finding(range: longer, message: "c"))
            findings.append(Finding(range: token.range, message: "b"))
            findings.append(Finding(range: token.range, message: "a"))
        }
        return findings
    }
}

final class SuppressionTests: XCTestCase {
    /// A document's diagnostics come sorted by position, span length, rule id and message, whatever the
    /// order of the findings; of one rule's findings on one span, only the first in that order is kept.
    func testDiagnosticsComeSortedWithOneFindingOfARulePerSpan() throws {
        let text = "uno dos tres prohibido dos cinco"
        let file = try SourceFile(path: "r.txt", bytes: Array(text.utf8))
        let linter = try Linter(lexicons: LexiconStore(), registry: [EchoRule.self, ForbiddenWordRule.self])
        let diagnostics = linter.lint(Document(file: file), tokenizer: try Tokenizer())
        XCTAssertEqual(diagnostics.map { "\($0.offset)+\($0.length) \($0.rule) \($0.message)" }, [
            "4+3 register.test-echo a",
            "4+8 register.test-echo c",
            "13+9 register.test-forbidden palabra de prueba",
            "23+3 register.test-echo a",
            "23+9 register.test-echo c",
        ])
        XCTAssertEqual(diagnostics, diagnostics.sorted(by: Diagnostic.ordered))
    }

    func lint(_ text: String) throws -> [Diagnostic] {
        let file = try SourceFile(path: "r.txt", bytes: Array(text.utf8))
        let linter = try Linter(lexicons: LexiconStore(), registry: [ForbiddenWordRule.self])
        let tokenizer = try Tokenizer()
        let suppressions = Suppressions(file: file)
        let document = Document(source: file, text: suppressions.blankingDirectives(in: file),
                                segments: Document(file: file).segments)
        return suppressions.apply(to: linter.lint(document, tokenizer: tokenizer), knownNames: linter.knownNames, file: file)
            .sorted(by: Diagnostic.ordered)
    }

    func summary(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.line):\($0.rule)" }
    }

    func testNextLineAndSameLine() throws {
        let text = """
            # replylint-disable-next-line register.test-forbidden
            prohibido uno
            prohibido dos
            prohibido tres <!-- replylint-disable-line register -->
            """
        XCTAssertEqual(summary(try lint(text)), ["3:register.test-forbidden"])
    }

    func testDirectivesAreFoundOnEveryKindOfLine() throws {
        // A BOM, CRLF line ends, a directive on the last line with no line end, a line that mentions
        // replylint-disable in prose before a real directive (only the first mention of a line is read).
        let text = "\u{FEFF}# replylint-disable-next-line register\r\nprohibido\r\n"
            + "se escribe replylint-disable así # replylint-disable-line register\r\n"
            + "prohibido # replylint-disable-line register"
        let file = try SourceFile(path: "r.txt", bytes: Array(text.utf8))
        let directives = Suppressions(file: file).directives
        XCTAssertEqual(directives.map(\.line), [1, 4])
        XCTAssertEqual(directives.map(\.kind), [.disableNextLine, .disableLine])
        XCTAssertEqual(directives.map(\.names), [["register"], ["register"]])
        XCTAssertEqual(directives[1].range.upperBound, file.bytes.count)
        XCTAssertTrue(Suppressions(file: try SourceFile(path: "r.txt", bytes: Array("replylint-".utf8))).directives.isEmpty)
        XCTAssertTrue(Suppressions(file: try SourceFile(path: "r.txt", bytes: [])).directives.isEmpty)
    }

    func testBlockUntilEnable() throws {
        let text = """
            <!-- replylint-disable register.test-forbidden -->
            prohibido
            prohibido
            <!-- replylint-enable register.test-forbidden -->
            prohibido
            """
        XCTAssertEqual(summary(try lint(text)), ["5:register.test-forbidden"])
    }

    func testDisableWithoutNamesCoversEverythingToTheEnd() throws {
        XCTAssertEqual(summary(try lint("// replylint-disable\nprohibido\nprohibido")), [])
    }

    func testUnusedAndUnknownDirectivesAreReported() throws {
        let text = """
            # replylint-disable-next-line register.test-forbidden
            nada que ver aquí
            # replylint-disable-next-line register.no-existe
            prohibido
            """
        let diagnostics = try lint(text)
        XCTAssertEqual(summary(diagnostics), ["1:suppression.unused", "3:suppression.unknown-rule", "4:register.test-forbidden"])
        XCTAssertEqual(diagnostics[0].severity, .note)
        XCTAssertEqual(diagnostics[0].column, 3)
        XCTAssertEqual(diagnostics[0].excerpt, "replylint-disable-next-line register.test-forbidden")
        XCTAssertEqual(diagnostics[1].severity, .warning)
    }

    func testDirectiveTextIsNotLintedAndProseMentionIsNoDirective() throws {
        // The directive names the word, but its comment is blanked before linting.
        XCTAssertEqual(summary(try lint("<!-- replylint-disable-line prohibido -->")), ["1:suppression.unknown-rule"])
        // Outside a comment the word is prose, not a directive.
        XCTAssertEqual(Suppressions(file: try SourceFile(path: "r", bytes: Array("vea replylint-disable aquí".utf8))).directives, [])
    }
}
