import ArgumentParser
import Foundation
import ReplyLint

/// The `replylint` command: thin. It parses options, finds inputs, runs the library, prints and exits.
struct ReplyLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replylint",
        abstract: "Lint draft replies to customers before they are posted.",
        discussion: """
        Exit status: 0 clean or warnings only; 1 an error-severity diagnostic, or more warnings than \
        --max-warnings; 2 an input could not be read (the other inputs are still linted) or a bad option.
        """,
        version: "0.1.0",
        subcommands: [Lint.self, Explain.self, Tokens.self],
        defaultSubcommand: Lint.self
    )
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json, sarif, github, rdjson }
enum ColorChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

extension Register: ExpressibleByArgument {
    public init?(argument: String) { self.init(setting: argument) }
    public static var allValueStrings: [String] { ["usted", "tu", "vos"] }
}

struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Expected register of the replies: usted (default), tu (tú) or vos. Wins over the config file.")
    var register: Register?

    @Option(name: .long, help: "Region whose region-specific words apply (es-ES, es-MX, es-AR...); default: all, unambiguous entries only.")
    var region: String?

    @Option(name: .long, help: "Locale of the lexicons (default es).")
    var locale: String?

    @Option(name: .long, help: "Folder holding the lexicons (<dir>/<locale>/...); default: found beside the executable or $REPLYLINT_LEXICONS.")
    var lexicons: String?

    @Option(name: .long, help: "Use this config file for every input instead of finding .replylint.yml from each file's folder upward.")
    var config: String?

    @Flag(name: .long, help: "Ignore .replylint.yml files.")
    var noConfig = false

    @Option(name: .long, help: "A vocabulary folder with accept.txt and/or reject.txt (one word a line), for spelling.")
    var vocab: String?

    @Option(name: .long, help: "Hunspell dictionary, path without .aff/.dic (default: $REPLYLINT_DICTIONARY, then /usr/share/hunspell/es_ES). Its table of word forms is kept in $REPLYLINT_CACHE_DIR, else ~/.cache/replylint (REPLYLINT_CACHE_DIR=off: none).")
    var dictionary: String?

    func lexiconRoot() throws -> String {
        guard let root = lexicons ?? LexiconStore.defaultRoot() else {
            throw CLIError("no lexicon folder found; pass --lexicons DIR or set REPLYLINT_LEXICONS")
        }
        return root
    }
}

struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Lint files, folders (walked for .txt, .md, .yml, .yaml and .json) or - for stdin.")

    @Argument(help: "Files, folders, or - for standard input.")
    var paths: [String] = []

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Output format: text, json, sarif (2.1.0), github (workflow commands) or rdjson (reviewdog).")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Colors in text output: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    @Option(name: .long, help: "Exit with status 1 when more warnings than this are reported.")
    var maxWarnings: Int?

    @Option(name: [.short, .long], help: "Files linted at once (default: every core). The output is the same whatever the number.")
    var jobs: Int?

    @Option(name: .long, help: "The name given to standard input in diagnostics.")
    var stdinFilename: String = "<stdin>"

    @Option(name: .long, help: "Run only these rules or categories (repeatable).")
    var only: [String] = []

    @Option(name: .long, help: "Turn off these rules or categories (repeatable).")
    var disable: [String] = []

    @Flag(name: .long, help: "Apply the safe fixes (repeated punctuation, elongation, a certain missing accent) to the files, atomically.")
    var fix = false

    @Flag(name: .long, help: "Show the safe fixes as a unified diff; write nothing.")
    var diff = false

    @Option(name: .long, help: "Record today's findings in this file (then lint as usual).")
    var writeBaseline: String?

    @Option(name: .long, help: "Report only findings that this baseline file does not already record.")
    var baseline: String?

    @Flag(name: .long, help: "List the rules and exit.")
    var listRules = false

    mutating func run() throws {
        if listRules {
            print(RuleList.render(), terminator: "")
            return
        }
        guard !paths.isEmpty else {
            throw CLIError("no input: name files, folders, or - for standard input")
        }
        let known = Set(RuleRegistry.all.map { $0.description.id } + Category.allCases.map(\.rawValue))
        for name in only + disable where !known.contains(name) {
            throw CLIError("unknown rule or category '\(name)'; see `replylint --list-rules`")
        }
        var severities: [String: Severity?] = [:]
        for name in disable { severities[name] = .some(nil) }
        if let config = common.config, !FileManager.default.fileExists(atPath: config) {
            throw CLIError("\(config): no existe el archivo de configuración")
        }
        let settings = CommandLineSettings(
            register: common.register, region: common.region, locale: common.locale, lexiconRoot: try common.lexiconRoot(),
            severities: severities, only: only.isEmpty ? nil : Set(only), configPath: common.config, noConfig: common.noConfig)
        SpellingSettings.current = SpellingSettings(dictionary: common.dictionary, vocabulary: common.vocab)
        let linters = ConfiguredLinters(settings)

        var recorded: Baseline?
        do {
            recorded = try baseline.map { try Baseline(path: $0) }
        } catch let error as InputError {
            throw CLIError(error.description)
        }
        let mode: Runner.Mode = diff ? .diff : fix ? .fix : .lint
        var runner = Runner(linters: linters, locale: common.locale ?? "es", mode: mode)
        if let jobs {
            guard jobs >= 1 else { throw CLIError("--jobs needs a number of at least 1") }
            runner.threads = jobs
        }
        // The process exits once the report is out: the workers' memory goes back with it.
        runner.releasesWorkerMemory = false

        // The report is written file by file as the files are linted, in the sorted order.
        var renderer: any StreamRenderer
        switch format {
        case .json: renderer = JSONRenderer()
        case .sarif: renderer = SARIFRenderer(version: ReplyLintCommand.configuration.version)
        case .github: renderer = GitHubRenderer()
        case .rdjson: renderer = RDJSONRenderer()
        case .text:
            let useColor: Bool
            switch color {
            case .always: useColor = true
            case .never: useColor = false
            case .auto:
                let env = ProcessInfo.processInfo.environment
                useColor = isatty(1) != 0 && env["NO_COLOR"].map(\.isEmpty) ?? true && env["TERM"] != "dumb"
            }
            renderer = TextRenderer(color: useColor) { _, _ in nil }
        }
        runner.keepsSourceLines = renderer.readsSourceLines
        // A JSON report is written file by file on the workers, unless a baseline leaves some out. Its
        // files go through `json`, which counts the diagnostics written for the commas between them;
        // `renderer` writes its opening and closing.
        var json: JSONRenderer? = format == .json ? JSONRenderer() : nil
        if json != nil && recorded == nil { runner.render = { JSONRenderer.body($0, afterOthers: false) } }
        let output = OutputStream()
        var tally = Tally()
        var recording = writeBaseline.map { _ in Baseline(diagnostics: []) }
        func emit(_ diagnostics: [Diagnostic], source: (String, Int) -> SourceLine?, rendered: [UInt8]? = nil) {
            recording?.record(diagnostics)
            let shown = recorded?.take(diagnostics) ?? diagnostics
            tally.add(shown)
            if json != nil {
                if let rendered, recorded == nil {
                    json!.add(rendered: rendered, of: shown.count) { output.write(bytes: $0) }
                } else {
                    output.write(bytes: json!.fileBytes(shown, source: source))
                }
            } else {
                output.write(bytes: renderer.fileBytes(shown, source: source))
            }
        }
        output.write(renderer.begin())
        tally.files = runner.run(paths: paths, stdinName: stdinFilename) { result in
            if let diff = result.diff, !diff.isEmpty {
                // Diffs go with the text output; with a machine format they go to stderr.
                if format == .text { output.write(diff) } else { FileHandle.standardError.write(Data(diff.utf8)) }
            }
            emit(result.diagnostics, source: result.line, rendered: result.rendered)
        }
        // A missing dictionary or vocabulary folder: said once, as an input error (exit 2), when
        // a spelling rule ran; the other families were linted all the same.
        if linters.runsCategory(.spelling) {
            let problems = SpellingSettings.current.problems(checkDictionary: linters.spellsWithDefaultDictionary).map { Diagnostic(inputError: $0.inputError) }
                + linters.problems().map { Diagnostic(inputError: $0) }
            if !problems.isEmpty { emit(problems, source: { _, _ in nil }) }
        }
        output.write(renderer.end(tally))
        output.flush()
        if let writeBaseline, let recording {
            if let error = InputFiles.writeNewFile(Array(recording.serialized().utf8), to: writeBaseline) { throw CLIError(error.description) }
        }
        let status = tally.exitStatus(maxWarnings: maxWarnings)
        // The report is out: the process ends here, and the rules' tables go back to the system with
        // it instead of being freed one by one (a few milliseconds of a one-reply run).
        withExtendedLifetime(runner) { Foundation.exit(status) }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Explain a rule: what it flags, why, and examples.")

    @Argument(help: "A rule id, e.g. register.laughter.")
    var rule: String

    func run() throws {
        guard let text = RuleList.explain(rule) else {
            throw CLIError("unknown rule '\(rule)'; see `replylint --list-rules`")
        }
        print(text, terminator: "")
    }
}

struct Tokens: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the tokens of a file or of stdin (for lexicon authors).")

    @Argument(help: "A file, or - for standard input.")
    var path: String = "-"

    @Option(name: .long, help: "Locale of the break iterators.")
    var locale: String = "es"

    func run() throws {
        let result = path == "-" ? InputFiles.readStandardInput(name: "<stdin>") : InputFiles.read(path)
        let file: SourceFile
        switch result {
        case .success(let f): file = f
        case .failure(let error): throw CLIError(error.description)
        }
        let document = Document(file: file)
        let tokenizer = try Tokenizer(locale: locale)
        let (tokens, _) = tokenizer.tokenize(document.text)
        var out = ""
        for token in tokens {
            let (line, column) = file.location(of: document.fileOffset(token.range.lowerBound))
            out += "\(line):\(column)\t\(token.kind.rawValue)\ts\(token.sentence)\t\(token.text)\t\(token.folded)\n"
        }
        print(out, terminator: "")
    }
}

/// Standard output, written in large blocks as the report streams.
final class OutputStream {
    private var buffer: [UInt8] = []

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Small pieces are gathered; a large one (a file's report) is written as it is, after what was
    /// gathered, without being copied into the buffer and then into a `Data`.
    func write(bytes: [UInt8]) {
        if buffer.count + bytes.count < 1 << 16 {
            buffer.append(contentsOf: bytes)
            return
        }
        flush()
        bytes.withUnsafeBufferPointer { OutputStream.writeAll($0) }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBufferPointer { OutputStream.writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Every byte to standard output; a report that cannot be written ends the run with status 2.
    private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let n = Foundation.write(1, base + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                FileHandle.standardError.write(Data("replylint: no se puede escribir el informe: \(String(cString: strerror(errno)))\n".utf8))
                Foundation.exit(2)
            }
            done += n
        }
    }
}

/// Opening the spelling dictionary starts before the options are parsed, on another core, for the
/// dictionary they name (`--dictionary`, else $REPLYLINT_DICTIONARY, else the standard one): it maps the
/// dictionary's form table from the cache folder (well under a millisecond), or, the first time, loads
/// Hunspell (30 to 70 ms) and builds that table (a few seconds). The spelling rules wait for it if they
/// get there first; where the options turn out not to need it, it is simply not used.
func preloadDictionary(_ arguments: [String]) {
    let skip: Set<String> = ["explain", "tokens", "--list-rules", "--help", "-h", "--version", "--disable=spelling"]
    guard !arguments.contains(where: skip.contains),
          !zip(arguments, arguments.dropFirst()).contains(where: { $0 == "--disable" && $1 == "spelling" }) else { return }
    var dictionary: String?
    for (i, argument) in arguments.enumerated() {
        if argument == "--dictionary", i + 1 < arguments.count { dictionary = arguments[i + 1] }
        if argument.hasPrefix("--dictionary=") { dictionary = String(argument.dropFirst("--dictionary=".count)) }
    }
    let path = SpellingSettings(dictionary: dictionary, vocabulary: nil).dictionary
    DispatchQueue.global().async { _ = SpellChecker.shared(dictionary: path) }
}
preloadDictionary(Array(CommandLine.arguments.dropFirst()))

// Every failure that is not a lint result (a bad option, an unknown rule, broken lexicons) exits with 2.
do {
    var command = try ReplyLintCommand.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch let error as CLIError {
    FileHandle.standardError.write(Data("replylint: error: \(error.description)\n".utf8))
    Foundation.exit(2)
} catch {
    let code = ReplyLintCommand.exitCode(for: error)
    if code == .success {
        ReplyLintCommand.exit(withError: error)
    }
    FileHandle.standardError.write(Data((ReplyLintCommand.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(2)
}
