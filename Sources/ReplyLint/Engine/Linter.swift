import ByteScan
import Foundation

/// Runs the enabled rules over documents and places their findings in the source files.
///
/// A `Linter` is immutable and can be shared by threads; each thread brings its own `Tokenizer`.
public final class Linter: Sendable {
    public struct Configuration: Sendable {
        public var options: LintOptions
        /// Severity by rule id or by category name; nil turns the rule off.
        public var severities: [String: Severity?]
        /// Only these rule ids or categories run, when set.
        public var only: Set<String>?

        public init(options: LintOptions = LintOptions(), severities: [String: Severity?] = [:], only: Set<String>? = nil) {
            self.options = options
            self.severities = severities
            self.only = only
        }

        /// The severity a rule runs at, or nil when it is off. A rule id setting wins over its category's.
        public func severity(for description: RuleDescription) -> Severity? {
            if let only, !only.contains(description.id), !only.contains(description.category.rawValue) { return nil }
            if let setting = severities[description.id] { return setting }
            if let setting = severities[description.category.rawValue] { return setting }
            return description.defaultSeverity
        }
    }

    struct Active: Sendable {
        let rule: any Rule
        let description: RuleDescription
        let severity: Severity
    }

    let active: [Active]
    /// What placing a finding reads of its rule, apart from the rule itself (an `Active` read from its
    /// list is copied, and its rule is shared by every thread).
    struct Placing: Sendable {
        let id: String
        let category: Category
        let severity: Severity
        /// The place of `id` among the ids of the active rules in `String` order: findings are sorted
        /// by it as diagnostics are by their rule id.
        var rank = 0
    }
    let placing: [Placing]
    public let configuration: Configuration

    /// Builds every enabled rule of `registry` from the lexicons.
    public init(lexicons: LexiconStore, configuration: Configuration = Configuration(),
                registry: [any Rule.Type] = RuleRegistry.all) throws {
        self.configuration = configuration
        let enabled = registry.compactMap { type in configuration.severity(for: type.description).map { (type, $0) } }
        // The rules are built at once on the machine's cores (building them is most of the time to lint
        // one reply); each lands at its place in the registry, and the first error in registry order is
        // the one thrown, whichever thread met it first.
        let built = Built(count: enabled.count)
        // Taken one category after another (a profanity rule, a discrimination rule, a polemic rule, ...,
        // then the second of each): the rules of a family share what they build (`LexiconStore.shared`),
        // and a thread that took the sibling of the rule another thread is building would only wait.
        var byCategory: [Category: [Int]] = [:]
        for (index, (type, _)) in enabled.enumerated() { byCategory[type.description.category, default: []].append(index) }
        let lists = Category.allCases.compactMap { byCategory[$0] }
        var order: [Int] = []
        for round in 0..<(lists.map(\.count).max() ?? 0) {
            for list in lists where round < list.count { order.append(list[round]) }
        }
        Linter.inParallel(order.count) { [order] position in
            let index = order[position]
            built.set(index, Result { try enabled[index].0.init(lexicons: lexicons) })
        }
        var active: [Active] = []
        for (index, (type, severity)) in enabled.enumerated() {
            active.append(Active(rule: try built.get(index).get(), description: type.description, severity: severity))
        }
        self.active = active
        var placing = active.map { Placing(id: $0.description.id, category: $0.description.category, severity: $0.severity) }
        for (rank, index) in placing.indices.sorted(by: { placing[$0].id < placing[$1].id }).enumerated() { placing[index].rank = rank }
        self.placing = placing
        knownNames = Set(registry.map { $0.description.id } + Category.allCases.map(\.rawValue))
    }

    /// `body` for every index below `count`, on this thread and helper threads (one per other core, at
    /// most three), each taking the next index. Threads of their own, not Dispatch's: a linter may be
    /// built inside a `concurrentPerform` (a runner's worker resolving the settings of its input), where a
    /// nested one runs its iterations one after another on the calling thread.
    static func inParallel(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let helpers = min(3, ProcessInfo.processInfo.activeProcessorCount - 1, count - 1)
        guard helpers > 0 else {
            for index in 0..<count { body(index) }
            return
        }
        let next = Counter()
        let done = DispatchSemaphore(value: 0)
        @Sendable func work() {
            while true {
                let index = next.increment()
                guard index < count else { return }
                body(index)
            }
        }
        for _ in 0..<helpers {
            let thread = Thread {
                work()
                done.signal()
            }
            // The stack a main thread gets: a rule is built here as it would be on the main thread.
            thread.stackSize = 8 << 20
            thread.start()
        }
        work()
        for _ in 0..<helpers { done.wait() }
    }

    /// The rules built by `init`'s threads, each written once at its own index.
    private final class Built: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<any Rule, any Error>?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Result<any Rule, any Error>) {
            lock.lock()
            defer { lock.unlock() }
            results[index] = result
        }

        func get(_ index: Int) -> Result<any Rule, any Error> {
            lock.lock()
            defer { lock.unlock() }
            return results[index]!
        }
    }

    /// Every rule id and category name a suppression or a setting may name (all registered rules,
    /// not only the enabled ones).
    public let knownNames: Set<String>

    /// The ids of the rules that run.
    public var ruleIDs: [String] { active.map(\.description.id) }

    /// Lints one document. Diagnostics come back sorted. A thread that lints many documents passes
    /// the same `worker` memo to each (never one memo to two threads).
    public func lint(_ document: Document, tokenizer: Tokenizer, worker: WorkerMemo? = nil) -> [Diagnostic] {
        let (tokens, sentences) = tokenizer.tokenize(document.text)
        var context = RuleContext(document: document, tokens: tokens, sentences: sentences, options: configuration.options)
        if let worker { context.worker = worker }
        context.words = tokenizer.wordTable
        // Each rule's findings stay in the list it returned; `placed` names them by rule and position
        // (a copy of a finding retains its texts, and a reply may have thousands of findings).
        var found = [[Finding]](repeating: [], count: active.count)
        var placed: [Placed] = []
        for (index, entry) in active.enumerated() where entry.description.category != .spelling {
            found[index] = entry.rule.check(context)
            for item in found[index].indices { placed.append(Placed(rule: index, item: item)) }
        }
        // A register or polemic finding inside a profanity or discrimination finding (`mieeerda` stretched,
        // `fuera los inmigrantes`) says less than it: the stronger one is reported alone.
        var strongRanges: [Range<Int>] = []
        for p in placed {
            let category = active[p.rule].description.category
            if category == .profanity || category == .discrimination { strongRanges.append(found[p.rule][p.item].range) }
        }
        let strong = SpanIndex(strongRanges)
        if !strong.isEmpty {
            placed.removeAll { p in
                let category = active[p.rule].description.category
                return (category == .register || category == .polemic) && strong.covers(found[p.rule][p.item].range)
            }
        }
        // Spelling yields to every other family: a word already flagged as profanity or as chat
        // slang is not also a spelling mistake. The spelling rules run last and skip those words (no
        // dictionary look-up, no suggestion search); a finding that still overlaps one is dropped.
        var claimedRanges: [Range<Int>] = []
        claimedRanges.reserveCapacity(placed.count)
        for p in placed { claimedRanges.append(found[p.rule][p.item].range) }
        let claimed = SpanIndex(claimedRanges)
        context.claimed = claimed
        for (index, entry) in active.enumerated() where entry.description.category == .spelling {
            found[index] = entry.rule.check(context)
            for item in found[index].indices {
                // Spelling findings are the last ones: only they can overlap a claimed span.
                if !claimed.isEmpty && claimed.overlaps(found[index][item].range) { continue }
                placed.append(Placed(rule: index, item: item))
            }
        }
        // Each finding's span in the file, then the findings in the order of their diagnostics (by
        // `Diagnostic.ordered`: a document's diagnostics share their path): sorting these small records
        // costs a fraction of sorting the diagnostics, which are placed in order.
        let textCount = document.text.count
        for i in placed.indices {
            let range = found[placed[i].rule][placed[i].item].range.clamped(to: 0..<textCount)
            let start = document.fileOffset(range.lowerBound)
            placed[i].start = start
            placed[i].end = max(start, document.fileOffset(range.upperBound, end: true))
        }
        placed.sort { a, b in
            if a.start != b.start { return a.start < b.start }
            if a.end != b.end { return a.end < b.end }
            if a.rule != b.rule { return placing[a.rule].rank < placing[b.rule].rank }
            // The same rule on the same span twice (rare): by message, as diagnostics are.
            return Linter.oneLine(found[a.rule][a.item].message) < Linter.oneLine(found[b.rule][b.item].message)
        }
        // The same rule twice on the same span says nothing new: the first in this order is kept (the
        // records compared, not the diagnostics, which a read through the list copied whole).
        var kept = 0
        for i in placed.indices {
            if kept > 0 && placed[kept - 1].rule == placed[i].rule && placed[kept - 1].start == placed[i].start
                && placed[kept - 1].end == placed[i].end {
                continue
            }
            placed[kept] = placed[i]
            kept += 1
        }
        placed.removeSubrange(kept...)
        // Each diagnostic is made for its slot of the list, which is sized once.
        let diagnostics = [Diagnostic](unsafeUninitializedCapacity: placed.count) { slots, made in
            guard let base = slots.baseAddress else { return }
            // The line of the last diagnostic: they come in order, so each is found from there.
            var line = 0
            for p in placed {
                // Read in place from its list (a finding or an active rule passed as a value is copied, its
                // texts retained, and destroyed again; the rules are shared by every thread).
                found[p.rule].withUnsafeBufferPointer { list in
                    place(list.baseAddress! + p.item, rule: p.rule, start: p.start, end: p.end, line: &line, in: document,
                          into: base + made)
                }
                made += 1
            }
        }
        return diagnostics
    }

    /// A finding by the index of its rule in `active` and its position in that rule's list.
    struct Placed {
        var rule: Int
        var item: Int
        /// The finding's span in the file, in UTF-8 bytes, once known.
        var start = 0
        var end = 0
    }

    /// A message is one line: a flagged span that crosses a line break is quoted on one line.
    static func oneLine(_ message: String) -> String {
        guard mayHoldLineBreak(message) else { return message }
        return message.split(whereSeparator: \.isNewline).map { $0.trimmedBlanks }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// False when the message surely has no line break: none of the bytes that start one (a byte
    /// scan; walking the message by characters cost more than the rest of placing a finding).
    static func mayHoldLineBreak(_ message: String) -> Bool {
        // A native string's bytes are read in place (a copy of the string to call `withUTF8` on retained
        // and released it for every diagnostic).
        if let answer = message.utf8.withContiguousStorageIfAvailable({ mayHoldLineBreak(bytes: $0) }) { return answer }
        var copy = message
        return copy.withUTF8 { mayHoldLineBreak(bytes: $0) }
    }

    static func mayHoldLineBreak(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var i = 0
        while true {
            // Sixteen bytes at a time to the next one that can end a line break: a byte below 0x0E, or
            // 85, A8, A9 (U+0085 is C2 85; U+2028 and U+2029 are E2 80 A8 and E2 80 A9).
            i += rl_no_break_prefix(base + i, bytes.count - i)
            if i >= bytes.count { return false }
            let previous = i > 0 ? bytes[i - 1] : 0
            switch bytes[i] {
            case 0x0A...0x0D: return true
            case 0x85 where previous == 0xC2: return true  // U+0085
            case 0xA8, 0xA9: if previous == 0x80 { return true }  // U+2028, U+2029 (E2 80 A8/A9)
            default: break
            }
            i += 1
        }
    }

    /// The diagnostic of a finding whose span in the file is `start..<end`, made in `slot`.
    func place(_ finding: UnsafePointer<Finding>, rule: Int, start: Int, end: Int, line lineHint: inout Int, in document: Document,
               into slot: UnsafeMutablePointer<Diagnostic>) {
        // The slot is given a blank (texts that are literals, which count no references), then its
        // fields one by one in place: a diagnostic made whole and then stored was copied (each of its
        // texts retained) and the original destroyed.
        slot.initialize(to: Diagnostic.blank)
        slot.pointee.fill(placing: finding, placing[rule], start: start, end: end, line: &lineHint, in: document)
    }
}

extension Diagnostic {
    /// A blank diagnostic of literal texts, for a slot about to be filled.
    static let blank = Diagnostic(path: "", line: 0, column: 0, endLine: 0, endColumn: 0, offset: 0, length: 0,
                                  severity: .note, category: .input, rule: "", message: "", excerpt: "")

    /// Sets every field to the diagnostic of a finding whose span in the file is `start..<end`.
    mutating func fill(placing finding: UnsafePointer<Finding>, _ rule: Linter.Placing, start: Int, end: Int, line lineHint: inout Int,
                       in document: Document) {
        let source = document.source
        let range = finding.pointee.range.clamped(to: 0..<document.text.count)
        (line, column) = source.location(of: start, line: &lineHint)
        (endLine, endColumn) = source.location(of: end, after: start, at: (line, column))
        // A finding may lower its rule's severity (a mild word), never raise it past the setting.
        severity = min(finding.pointee.severity ?? rule.severity, rule.severity)
        excerpt = String(decoding: source.bytes[start..<end], as: UTF8.self)
        // A fix is offered only where the file holds the span exactly as the rule saw it: never
        // through an escape sequence of a collection, never over a key or a placeholder.
        if finding.pointee.safeFix, let first = finding.pointee.suggestions.first, excerpt == document.slice(range) {
            fix = first
        } else {
            fix = nil
        }
        path = source.path
        offset = start
        length = end - start
        category = rule.category
        self.rule = rule.id
        message = Linter.oneLine(finding.pointee.message)
        suggestions = finding.pointee.suggestions
        help = finding.pointee.help
        reply = document.name
    }
}
