/// How serious a finding is. `error` fails the run (exit status 1).
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
    case note
    case warning
    case error

    private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// The families of rules. `input` is for files replylint could not read.
public enum Category: String, Sendable, CaseIterable, Codable {
    case profanity
    case spelling
    case empathy
    case discrimination
    case polemic
    case register
    case input
    /// Comments that suppress findings: unused or unknown-rule directives.
    case suppression

    /// Default severity of the family's rules.
    public var defaultSeverity: Severity {
        switch self {
        case .profanity, .discrimination, .input: return .error
        case .spelling, .empathy, .polemic, .register: return .warning
        case .suppression: return .note
        }
    }
}

/// What a rule reports: a span of the document text, a message and how to fix it.
public struct Finding: Sendable, Equatable {
    /// UTF-8 byte range in the document text.
    public var range: Range<Int>
    /// One short line, lowercase, no trailing period, meaningful alone.
    public var message: String
    /// Replacements for the span, best first. The first one alone must fix the problem.
    public var suggestions: [String]
    /// A `help:` line when the fix is not a plain replacement of the span.
    public var help: String?
    /// Overrides the rule's default severity (a mild word in a profanity rule, a likely name in spelling).
    public var severity: Severity?
    /// True when the first suggestion is safe to apply without a human reading it (`--fix`):
    /// repeated punctuation, elongated letters, a missing accent with one possible fix.
    public var safeFix: Bool

    public init(range: Range<Int>, message: String, suggestions: [String] = [], help: String? = nil, severity: Severity? = nil,
                safeFix: Bool = false) {
        self.range = range
        self.message = message
        self.suggestions = suggestions
        self.help = help
        self.severity = severity
        self.safeFix = safeFix
    }
}

/// A finding placed in its file: what the renderers print.
public struct Diagnostic: Sendable, Equatable {
    public var path: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// UTF-8 byte offset and length in the file (BOM included in the offset).
    public var offset: Int
    public var length: Int
    public var severity: Severity
    public var category: Category
    public var rule: String
    public var message: String
    /// The flagged text as written in the file.
    public var excerpt: String
    public var suggestions: [String]
    public var help: String?
    /// The reply's name inside a collection, nil for a whole file.
    public var reply: String?
    /// The text that `--fix` puts in place of `offset..<offset+length`, when the fix is safe.
    public var fix: String?

    public init(path: String, line: Int, column: Int, endLine: Int, endColumn: Int, offset: Int, length: Int,
                severity: Severity, category: Category, rule: String, message: String, excerpt: String,
                suggestions: [String] = [], help: String? = nil, reply: String? = nil, fix: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.offset = offset
        self.length = length
        self.severity = severity
        self.category = category
        self.rule = rule
        self.message = message
        self.excerpt = excerpt
        self.suggestions = suggestions
        self.help = help
        self.reply = reply
        self.fix = fix
    }

    /// An input that could not be read, as a diagnostic of category `input`.
    public init(inputError error: InputError) {
        let p = error.position
        self.init(path: error.path, line: p.line, column: p.column, endLine: p.line, endColumn: p.column,
                  offset: p.offset, length: 0, severity: .error, category: .input, rule: error.ruleID,
                  message: error.message, excerpt: "")
    }

    /// Sort order: path, then position, then rule id, then message. Stable across runs and threads.
    public static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.path != b.path { return a.path < b.path }
        if a.offset != b.offset { return a.offset < b.offset }
        if a.length != b.length { return a.length < b.length }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}
