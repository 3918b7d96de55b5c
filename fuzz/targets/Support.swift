// Shared by every fuzz target: the lexicons, one linter with every rule, one tokenizer.
// Built once per process; libFuzzer calls the target millions of times in one process.
import Foundation
@testable import ReplyLint

enum FuzzSupport {
    /// `lexicons/` of the checkout (`REPLYLINT_LEXICONS`, set by fuzz/run.sh).
    static let lexiconRoot: String = {
        if let env = ProcessInfo.processInfo.environment["REPLYLINT_LEXICONS"], !env.isEmpty { return env }
        return LexiconStore.defaultRoot() ?? "lexicons"
    }()

    static let lexicons: LexiconStore = {
        do { return try LexiconStore(root: lexiconRoot, locale: "es") } catch {
            fatalError("fuzz: cannot load lexicons from \(lexiconRoot): \(error) (set REPLYLINT_LEXICONS)")
        }
    }()

    static let linter: Linter = {
        do { return try Linter(lexicons: lexicons) } catch { fatalError("fuzz: cannot build the linter: \(error)") }
    }()

    static let tokenizer: Tokenizer = {
        do { return try Tokenizer(locale: "es") } catch { fatalError("fuzz: no tokenizer: \(error)") }
    }()

    /// ICU's sentence iterator, to check the tokenizer's sentences against.
    static let icuSentences: ICUSentences = {
        do { return try ICUSentences(locale: "es") } catch { fatalError("fuzz: no sentence iterator: \(error)") }
    }()

    /// The tokenizer's word breaker and ICU's word iterator alone, to compare their boundaries.
    static let wordRules: Boundaries = {
        do { return try Boundaries(locale: "es", icuOnly: false) } catch { fatalError("fuzz: no word breaker: \(error)") }
    }()
    static let icuWords: Boundaries = {
        do { return try Boundaries(locale: "es", icuOnly: true) } catch { fatalError("fuzz: no word iterator: \(error)") }
    }()

    static let runner = Runner(linter: linter, threads: 1)

    /// Every rule on its own, to run with and without the worker's word memos.
    static let rules: [any Rule] = {
        do { return try RuleRegistry.all.map { try $0.init(lexicons: lexicons) } } catch { fatalError("fuzz: cannot build the rules: \(error)") }
    }()

    /// The memo a worker keeps across documents (spelling verdicts): one, as libFuzzer runs one thread.
    static let worker = WorkerMemo()

    /// The whole per-file pipeline of a run on one source file: documents, rules, suppressions,
    /// then the fixes and the text and JSON renderers, checking the invariants a renderer relies on.
    static func lintAndRender(_ file: SourceFile, collections: CollectionOptions = CollectionOptions()) {
        let diagnostics = runner.lintFile(file, linter: linter, collections: collections, tokenizer: tokenizer, worker: worker)
        for d in diagnostics {
            precondition(d.line >= 1 && d.column >= 1, "diagnostic before the file start: \(d)")
            precondition(d.endLine >= d.line, "diagnostic ends before it starts: \(d)")
            precondition(d.line <= file.lineStarts.count, "diagnostic past the last line: \(d)")
            precondition(d.offset >= 0 && d.length >= 0 && d.offset + d.length <= file.bytes.count,
                         "diagnostic range outside the file: \(d)")
        }
        let report = Report(diagnostics: diagnostics, files: 1)
        let text = TextRenderer(color: false) { _, n in file.sourceLine(n) }.render(report)
        _ = JSONRenderer.render(report)
        _ = text
        let (bytes, applied) = Fixer.apply(diagnostics, to: file.bytes)
        if applied > 0, let fixed = try? SourceFile(path: file.path, bytes: bytes) {
            _ = Fixer.diff(path: file.path, old: file, new: fixed)
        }
    }
}
