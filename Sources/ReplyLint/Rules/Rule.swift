/// The register a brand speaks to its customers in.
public enum Register: String, Sendable, CaseIterable {
    case usted
    case tu
    case vos

    /// Accepts `usted`, `tu`, `tú`, `vos`.
    public init?(setting: String) {
        switch setting.lowercased() {
        case "usted": self = .usted
        case "tu", "tú": self = .tu
        case "vos": self = .vos
        default: return nil
        }
    }
}

/// Settings that change what rules flag.
public struct LintOptions: Sendable, Equatable {
    /// The register replies are expected to use (usted by default).
    public var register: Register
    /// A region such as `es-MX`; nil means every region, with only unambiguous entries.
    public var region: String?
    public var locale: String

    public init(register: Register = .usted, region: String? = nil, locale: String = "es") {
        self.register = register
        self.region = region
        self.locale = locale
    }
}

/// An example a rule carries: text with `«` and `»` around every span the rule must flag
/// (none in a non-triggering example), and the options it runs under.
public struct RuleExample: Sendable, CustomStringConvertible {
    public var marked: String
    public var options: LintOptions
    public var file: StaticString
    public var line: UInt

    public init(_ marked: String, register: Register = .usted, region: String? = nil,
                file: StaticString = #filePath, line: UInt = #line) {
        self.marked = marked
        self.options = LintOptions(register: register, region: region)
        self.file = file
        self.line = line
    }

    /// The text without markers, and the byte ranges the markers enclose.
    public var parsed: (text: String, spans: [Range<Int>]) {
        var bytes: [UInt8] = []
        var spans: [Range<Int>] = []
        var open: Int?
        for scalar in marked.unicodeScalars {
            if scalar == "«" { open = bytes.count; continue }
            if scalar == "»", let start = open { spans.append(start..<bytes.count); open = nil; continue }
            bytes.append(contentsOf: String(scalar).utf8)
        }
        return (String(decoding: bytes, as: UTF8.self), spans)
    }

    public var description: String { marked }
}

/// What a rule is, for `--list-rules`, `replylint explain` and the generic example test.
public struct RuleDescription: Sendable {
    /// Stable id, `family.name` (`register.laughter`). Never renamed once released.
    public var id: String
    public var category: Category
    public var defaultSeverity: Severity
    /// One line: what the rule flags.
    public var summary: String
    /// Why a reply should not have it: a paragraph or two.
    public var rationale: String
    public var triggering: [RuleExample]
    public var nonTriggering: [RuleExample]
    /// Whether the example test may also run each example behind a multi-byte prefix sentence.
    /// Reply-level rules (one finding per reply, on its first sentence) say false.
    public var examplesTakePrefix: Bool

    public init(id: String, category: Category, defaultSeverity: Severity? = nil, summary: String, rationale: String,
                triggering: [RuleExample], nonTriggering: [RuleExample], examplesTakePrefix: Bool = true) {
        self.id = id
        self.category = category
        self.defaultSeverity = defaultSeverity ?? category.defaultSeverity
        self.summary = summary
        self.rationale = rationale
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.examplesTakePrefix = examplesTakePrefix
    }
}

/// A rule: one small type that says what it flags and proves it with examples.
///
/// A rule is built once from the lexicons (turning their lines into fast lookups) and then
/// checks any number of documents, from any thread.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init(lexicons: LexiconStore) throws
    func check(_ context: RuleContext) -> [Finding]
}

/// What a rule sees of one document.
public struct RuleContext {
    public let document: Document
    public let tokens: [Token]
    public let sentences: [Sentence]
    public let options: LintOptions
    /// Spans the other families already flagged, for the spelling rules, which run last and yield to them.
    var claimed = SpanIndex([])
    let memo = Memo()
    /// What the worker thread linting this document remembers from its earlier documents.
    var worker = WorkerMemo()
    /// The word table that numbered the tokens (`Token.word`), when the linter knows it.
    var words: WordTable?

    public init(document: Document, tokens: [Token], sentences: [Sentence], options: LintOptions) {
        self.document = document
        self.tokens = tokens
        self.sentences = sentences
        self.options = options
    }

    /// Work several rules of a family need on the same document (the register rules' forms of
    /// address, say), done once per document. The rules of one document run on one thread.
    public func memoized<T>(_ key: String, _ make: () -> T) -> T {
        if let value = memo.values[key] as? T { return value }
        let value = make()
        memo.values[key] = value
        return value
    }

    final class Memo {
        var values: [String: Any] = [:]
    }

    /// A rule's per-word memo for this document's word table, kept by the worker across documents; nil
    /// when the tokens' table is not known (then `Token.word` means nothing here).
    func wordMemo<Value>(_ key: String) -> WordMemo<Value>? {
        guard let words else { return nil }
        return worker.value("\(key)#\(words.serial)") { WordMemo<Value>() }
    }

    /// The document text of a byte range.
    public func text(_ range: Range<Int>) -> String { document.slice(range) }

    /// The index of the next token that is not punctuation, after `index`.
    public func nextWord(after index: Int) -> Int? {
        var i = index + 1
        while i < tokens.count {
            if tokens[i].kind != .punctuation { return i }
            i += 1
        }
        return nil
    }
}

/// Memory a worker thread keeps from one document to the next, for work whose result depends only on
/// its input (the spelling verdict on a word: words repeat across the replies of a collection). One per
/// thread, so it needs no lock; each user keys its entries by its own identity.
public final class WorkerMemo {
    private var values: [String: AnyObject] = [:]

    public init() {}

    func value<T: AnyObject>(_ key: String, _ make: () -> T) -> T {
        if let known = values[key] as? T { return known }
        let made = make()
        values[key] = made
        return made
    }
}

extension String {
    /// The parts one after another, written once into a string of their total size. A message built
    /// by interpolation grows its string part by part, which cost more than the rest of a finding for
    /// the rules that report a word thousands of times in a long text.
    static func concatenation(_ parts: String...) -> String {
        var total = 0
        for part in parts { total += part.utf8.count }
        return String(unsafeUninitializedCapacity: total) { buffer in
            var at = 0
            for var part in parts {
                part.withUTF8 { bytes in
                    // One copy of the whole part (byte by byte, each store was checked for bounds).
                    UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[at..<(at + bytes.count)])
                        .copyMemory(from: UnsafeRawBufferPointer(bytes))
                    at += bytes.count
                }
            }
            return at
        }
    }
}
