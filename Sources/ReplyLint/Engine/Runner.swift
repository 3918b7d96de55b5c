import Dispatch
import Foundation

/// Lints a set of paths on every core. The report is the same, byte for byte, whatever the
/// number of threads: each file's diagnostics are sorted, and files keep their input order.
public struct Runner: Sendable {
    public let linters: any LinterSource
    public let locale: String
    /// Threads to use; defaults to the machine's active cores.
    public var threads: Int
    public var mode: Mode
    /// Whether each worker frees what it kept (its tokenizer's word table, its memo of verdicts) when the
    /// run ends. A process that exits right after the run, as the command does, sets it false: the
    /// system takes the memory back at exit, all at once, instead of object by object (0.6 % of the
    /// instructions of a 1 MB run).
    public var releasesWorkerMemory = true
    /// Whether each result keeps the source lines its diagnostics point at (`JobResult.lines`), for a
    /// renderer that prints them (`StreamRenderer.readsSourceLines`); a run for one that prints none
    /// sets it false and copies no line.
    public var keepsSourceLines = true
    /// Writes a file's diagnostics for the report (`JSONRenderer.body`), on the worker that linted it,
    /// so that the files' reports are written in parallel and only put in order one after another
    /// (`JobResult.rendered`). Nil: the report is written as the results come, one at a time.
    public var render: (@Sendable ([Diagnostic]) -> [UInt8])?

    /// What happens to safe fixes.
    public enum Mode: Sendable {
        /// Report only.
        case lint
        /// Apply the safe fixes to the files (atomically) and report what remains.
        case fix
        /// Report what remains after the fixes and show them as a diff, writing nothing.
        case diff
    }

    public init(linter: Linter, locale: String = "es", threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                mode: Mode = .lint) {
        self.init(linters: FixedLinter(linter), locale: locale, threads: threads, mode: mode)
    }

    /// A runner that picks each file's linter from `linters` (one per config file).
    public init(linters: any LinterSource, locale: String = "es", threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                mode: Mode = .lint) {
        self.linters = linters
        self.locale = locale
        self.threads = max(1, threads)
        self.mode = mode
    }

    public struct Result: Sendable {
        public var report: Report
        /// The lines that hold a diagnostic (start and end lines), by path, for renderers that
        /// print source lines (after fixes).
        public var lines: [String: [Int: SourceLine]]

        public func line(_ path: String, _ line: Int) -> SourceLine? { lines[path]?[line] }
        /// Unified diffs of the fixes, in input order (`--fix` and `--diff`).
        public var diffs: [String] = []
        /// How many fixes were applied (or would be, with `--diff`).
        public var fixes = 0
    }

    /// Lints `paths` (files, folders, `-` for stdin named `stdinName`) and returns every diagnostic at
    /// once, sorted. `run(paths:stdinName:each:)` streams them instead, file by file.
    public func run(paths: [String], stdinName: String = "<stdin>") -> Result {
        var diagnostics: [Diagnostic] = []
        var lines: [String: [Int: SourceLine]] = [:]
        var diffs: [String] = []
        var fixes = 0
        let files = run(paths: paths, stdinName: stdinName) { result in
            diagnostics += result.diagnostics
            if let path = result.path, !result.lines.isEmpty { lines[path] = result.lines }
            if let diff = result.diff, !diff.isEmpty { diffs.append(diff) }
            fixes += result.fixes
        }
        var unique: [Diagnostic] = []
        for d in diagnostics.sorted(by: Diagnostic.ordered) where unique.last != d { unique.append(d) }
        return Result(report: Report(diagnostics: unique, files: files), lines: lines, diffs: diffs, fixes: fixes)
    }

    /// Lints `paths` and hands each input's result to `each`, one at a time, in path order (the order
    /// of the sorted report), as soon as the inputs before it are done: the output can be written
    /// while later files are linted, and memory holds the files in flight, not the whole run. `each`
    /// runs on the workers' threads, never two at once. A broken config's error, which every file it
    /// governs meets, is handed over once. Returns the number of inputs looked at.
    @discardableResult
    public func run(paths: [String], stdinName: String = "<stdin>", each: (JobResult) -> Void) -> Int {
        var jobs: [Job] = []
        var files = 0

        // Standard input is read first, on this thread.
        var fileArguments: [String] = []
        var stdinRead = false
        for path in paths {
            if path == "-" {
                guard !stdinRead else { continue }
                stdinRead = true
                files += 1
                switch InputFiles.readStandardInput(name: stdinName) {
                case .success(let file): jobs.append(.file(file))
                case .failure(let error): jobs.append(.reported(Diagnostic(inputError: error)))
                }
            } else {
                fileArguments.append(path)
            }
        }
        let (expanded, errors) = InputFiles.expand(fileArguments)
        // Files a config's `ignore` globs name are left out, as if they were not there.
        let found = expanded.filter { path in
            guard case .success(let settings) = linters.resolve(path) else { return true }
            return !settings.config.ignores(path)
        }
        // Skipped entries (notes) were not inputs; unreadable ones count as files looked at.
        files += found.count + errors.filter { $0.severity == .error }.count
        jobs += found.map { .path($0) } + errors.map { .reported(Diagnostic(inputError: $0)) }
        // The report's order: by path (stable, so the input order breaks ties).
        let ordered = jobs.enumerated().sorted { a, b in
            a.element.path != b.element.path ? a.element.path < b.element.path : a.offset < b.offset
        }.map(\.element)

        var foreign: [Diagnostic] = []
        withoutActuallyEscaping(each) { each in
            let sink = Sink { result, job in
                // Sorted and without repeats; a diagnostic about another file (a config) only once.
                // A file's diagnostics nearly always come sorted, unique and about that file alone:
                // they are then handed on as they are, without a copy.
                if result.rendered != nil || Self.passOnAsTheyAre(result.diagnostics, of: job.path) {
                    each(result)
                    return
                }
                var unique: [Diagnostic] = []
                for d in result.diagnostics.sorted(by: Diagnostic.ordered) where unique.last != d {
                    if d.path != job.path {
                        if foreign.contains(d) { continue }
                        foreign.append(d)
                    }
                    unique.append(d)
                }
                var result = result
                result.diagnostics = unique
                result.rendered = nil
                each(result)
            }
            lintAll(ordered, sink)
        }
        return files
    }

    /// A file's diagnostics go into the report as they are when they are sorted, without repeats and
    /// about that file alone (nearly always); else the sink sorts them and keeps a config's once.
    static func passOnAsTheyAre(_ diagnostics: [Diagnostic], of path: String) -> Bool {
        isStrictlyOrdered(diagnostics) && !diagnostics.contains(where: { $0.path != path })
    }

    /// Each diagnostic sorts strictly before the next: the list is sorted and has no repeats.
    static func isStrictlyOrdered(_ diagnostics: [Diagnostic]) -> Bool {
        var i = 1
        while i < diagnostics.count {
            if !Diagnostic.ordered(diagnostics[i - 1], diagnostics[i]) { return false }
            i += 1
        }
        return true
    }

    enum Job: Sendable {
        case path(String)
        case file(SourceFile)
        /// An input found unreadable before linting (a missing path, a loop): its diagnostic.
        case reported(Diagnostic)

        /// The path a config is looked up for (stdin: its name, from the working folder).
        var path: String {
            switch self {
            case .path(let p): return p
            case .file(let f): return f.path
            case .reported(let d): return d.path
            }
        }
    }

    /// What linting one input gave.
    public struct JobResult: Sendable {
        public var diagnostics: [Diagnostic] = []
        /// The input's path, when it was read.
        public var path: String?
        /// The lines its diagnostics point at (start and end lines), for renderers that print them.
        public var lines: [Int: SourceLine] = [:]
        /// The unified diff of its fixes (`--fix`, `--diff`).
        public var diff: String?
        public var fixes = 0
        /// The diagnostics as `Runner.render` wrote them, when it is set and they needed no sorting
        /// (nearly always: a file's come sorted, once each, and about that file alone).
        public var rendered: [UInt8]?

        public func line(_ path: String, _ number: Int) -> SourceLine? { path == self.path ? lines[number] : nil }

        /// Keeps only the lines the diagnostics point at (none unless `wanted`); the file itself is let go.
        mutating func keepLines(of file: SourceFile, _ wanted: Bool) {
            path = file.path
            lines = [:]
            guard wanted else { return }
            for d in diagnostics where d.path == file.path {
                // Each line copied once, however many diagnostics it holds.
                if lines[d.line] == nil { lines[d.line] = file.sourceLine(d.line) }
                if d.endLine != d.line && lines[d.endLine] == nil { lines[d.endLine] = file.sourceLine(d.endLine) }
            }
        }
    }

    /// Where finished jobs go, in order, one at a time.
    final class Sink: @unchecked Sendable {
        let take: (JobResult, Job) -> Void
        init(_ take: @escaping (JobResult, Job) -> Void) { self.take = take }
    }

    /// Lints jobs in parallel; each worker owns a tokenizer and takes the next job from a shared
    /// counter. Results reach `sink` in job order; a worker more than a few jobs ahead of the oldest
    /// unfinished one waits, so that finished results never pile up behind a slow file.
    func lintAll(_ jobs: [Job], _ sink: Sink) {
        let order = InOrder(window: 4 * threads)
        let next = Counter()
        let workers = min(threads, max(1, jobs.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let tokenizer = try? Tokenizer(locale: locale)
            let worker = WorkerMemo()
            while true {
                let index = next.increment()
                guard index < jobs.count else { break }
                order.waitForTurn(index)
                var result: JobResult
                if let tokenizer {
                    result = lint(jobs[index], tokenizer: tokenizer, worker: worker)
                    // Written here, in parallel, when the sink would pass the diagnostics on as they are.
                    if let render, Self.passOnAsTheyAre(result.diagnostics, of: jobs[index].path) {
                        result.rendered = render(result.diagnostics)
                    }
                } else {
                    result = JobResult(diagnostics: [Diagnostic(inputError: .unreadable(path: jobs[index].path, reason: "no se pudo abrir el segmentador de ICU"))])
                }
                order.finish(index, result) { sink.take($0, jobs[$1]) }
            }
            if !releasesWorkerMemory {
                // Kept until the process ends (see `releasesWorkerMemory`).
                _ = Unmanaged.passRetained(worker)
                if let tokenizer { _ = Unmanaged.passRetained(tokenizer) }
            }
        }
    }

    func lint(_ job: Job, tokenizer: Tokenizer, worker: WorkerMemo = WorkerMemo()) -> JobResult {
        if case .reported(let diagnostic) = job { return JobResult(diagnostics: [diagnostic]) }
        let settings: ResolvedSettings
        switch linters.resolve(job.path) {
        case .success(let s): settings = s
        // A broken config is reported once, at its own position (duplicates are dropped in `run`).
        case .failure(let error): return JobResult(diagnostics: [Diagnostic(inputError: error)])
        }
        let linter = settings.linter
        let file: SourceFile
        switch job {
        case .file(let f): file = f
        case .reported: return JobResult()
        case .path(let path):
            switch InputFiles.read(path) {
            case .success(let f): file = f
            case .failure(let error): return JobResult(diagnostics: [Diagnostic(inputError: error)])
            }
        }
        let collections = CollectionOptions(textKeys: settings.config.textKeys.map(Set.init))
        var diagnostics = lintFile(file, linter: linter, collections: collections, tokenizer: tokenizer, worker: worker)
        guard mode != .lint, diagnostics.contains(where: { $0.fix != nil }) else {
            var result = JobResult(diagnostics: diagnostics)
            result.keepLines(of: file, keepsSourceLines)
            return result
        }
        // Apply the safe fixes, then lint the result again; a fix may uncover another (rarely), so
        // repeat a few times until nothing changes.
        let original = diagnostics
        var current = file
        var total = 0
        for _ in 0..<3 {
            let (bytes, applied) = Fixer.apply(diagnostics, to: current.bytes)
            guard applied > 0, case .success(let fixed) = InputFiles.decode(bytes, path: file.path) else { break }
            total += applied
            current = fixed
            diagnostics = lintFile(current, linter: linter, collections: collections, tokenizer: tokenizer, worker: worker)
        }
        var result = JobResult(diagnostics: diagnostics, fixes: total)
        result.diff = Fixer.diff(path: file.path, old: file, new: current)
        // Only a file that is rewritten reports what remains; a dry run (`--diff`) or standard input,
        // which cannot be rewritten, reports the findings of the text as it is, with the diff.
        guard mode == .fix, case .path(let path) = job, total > 0 else {
            result.diagnostics = original
            result.keepLines(of: file, keepsSourceLines)
            return result
        }
        if let error = Fixer.write(current.bytes, to: path) {
            result.diagnostics = original + [Diagnostic(inputError: error)]
            result.diff = nil
            result.fixes = 0
            result.keepLines(of: file, keepsSourceLines)
        } else {
            result.keepLines(of: current, keepsSourceLines)
        }
        return result
    }

    /// Every diagnostic of one file: each of its documents, then its suppression comments.
    func lintFile(_ file: SourceFile, linter: Linter, collections: CollectionOptions, tokenizer: Tokenizer, worker: WorkerMemo) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        do throws(InputError) {
            for document in try InputFiles.documents(of: file, collections: collections) {
                let found = linter.lint(document, tokenizer: tokenizer, worker: worker)
                // A file of one document (most of them) takes its list as it is, without copying it.
                if diagnostics.isEmpty { diagnostics = found } else { diagnostics += found }
            }
        } catch {
            diagnostics.append(Diagnostic(inputError: error))
        }
        let suppressions = Suppressions(file: file)
        diagnostics = suppressions.apply(to: diagnostics, knownNames: linter.knownNames, file: file)
        diagnostics.sort(by: Diagnostic.ordered)
        return diagnostics
    }
}

/// Puts finished jobs back in order: each is handed on once every job before it has been, under a
/// lock (so one at a time). `waitForTurn` holds a worker back while it is `window` jobs or more ahead.
final class InOrder: @unchecked Sendable {
    private let condition = NSCondition()
    private var done: [Int: Runner.JobResult] = [:]
    private var next = 0
    private let window: Int

    init(window: Int) { self.window = max(1, window) }

    func waitForTurn(_ index: Int) {
        condition.lock()
        while index >= next + window { condition.wait() }
        condition.unlock()
    }

    func finish(_ index: Int, _ result: Runner.JobResult, _ handOn: (Runner.JobResult, Int) -> Void) {
        condition.lock()
        done[index] = result
        while let ready = done.removeValue(forKey: next) {
            handOn(ready, next)
            next += 1
        }
        condition.broadcast()
        condition.unlock()
    }
}

final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        let current = value
        value += 1
        return current
    }
}
