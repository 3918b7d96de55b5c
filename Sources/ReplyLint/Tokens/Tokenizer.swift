import ICUShim

/// Turns a document's text into tokens (ICU's word boundaries) and sentences.
///
/// Template slots, URLs, e-mail addresses, mentions and hashtags are found first by a small
/// scanner (ICU would split them into words); the shim's word breaker then runs over the text
/// between them: it finds ICU's boundaries, applying the word rules itself to the common scalars
/// and ICU's iterator to the rest (`Sources/ICUShim/icushim.c`). Sentences follow UAX #29 on ICU's data (`SentenceBreaker`).
///
/// A tokenizer owns its ICU word iterator and case folder and reuses them for every document:
/// create one per thread and keep it. It is not thread-safe.
public final class Tokenizer {
    public let locale: String
    private let words: OpaquePointer
    private let folder: OpaquePointer
    private var foldBuffer = [CChar](repeating: 0, count: 256)
    /// The distinct texts of the tokens this tokenizer has made, across documents.
    public let wordTable = WordTable()
    /// The ASCII scalars ICU calls white space, and punctuation: what a segment that is no word nor
    /// number is (no token, punctuation or a symbol), told without a call for each space.
    private let asciiSpaces = ByteSet((0..<128).filter { rl_is_white_space(Int32($0)) != 0 }.map(UInt8.init))
    private let asciiPunctuation = ByteSet((0..<128).filter { rl_is_punctuation(Int32($0)) != 0 }.map(UInt8.init))

    public struct Failure: Error, CustomStringConvertible {
        public let status: Int32
        public var description: String { "ICU could not open a break iterator (status \(status))" }
    }

    public init(locale: String = "es") throws {
        self.locale = locale
        var status: Int32 = 0
        // ICU answers "es" with a warning (it falls back to root data): test for failure, not zero.
        guard let w = rl_breaker_open(Int32(RL_BREAK_WORD), locale, &status), status <= 0 else {
            throw Failure(status: status)
        }
        guard let f = rl_folder_open(locale, &status), status <= 0 else {
            rl_breaker_close(w)
            throw Failure(status: status)
        }
        words = w
        folder = f
    }

    deinit {
        rl_breaker_close(words)
        rl_folder_close(folder)
    }

    /// The ICU version replylint runs on.
    public static var icuVersion: String { String(cString: rl_icu_version()) }

    /// Tokens and sentences of a text.
    public func tokenize(_ text: [UInt8]) -> (tokens: [Token], sentences: [Sentence]) {
        if text.isEmpty { return ([], []) }
        var tokens: [Token] = []
        tokens.reserveCapacity(text.count / 4)
        let sentenceRanges = sentenceBoundaries(text)
        let special = SpecialScanner.scan(text)

        text.withUnsafeBufferPointer { buffer in
            var cursor = 0
            for span in special {
                if span.range.lowerBound > cursor {
                    wordTokens(buffer, cursor..<span.range.lowerBound, into: &tokens)
                }
                tokens.append(makeToken(buffer, span.kind, span.range))
                cursor = span.range.upperBound
            }
            if cursor < buffer.count {
                wordTokens(buffer, cursor..<buffer.count, into: &tokens)
            }
        }

        // Sentence index and the space before each token, written through a buffer (each write to an
        // array element checked that its storage was not shared).
        var sentenceList: [Sentence] = []
        sentenceList.reserveCapacity(sentenceRanges.count)
        tokens.withUnsafeMutableBufferPointer { tokens in
            var t = 0
            for (index, range) in sentenceRanges.enumerated() {
                let first = t
                while t < tokens.count && tokens[t].range.lowerBound < range.upperBound {
                    tokens[t].sentence = index
                    t += 1
                }
                sentenceList.append(Sentence(range: range, tokens: first..<t))
            }
            var previousEnd = 0
            for i in tokens.indices {
                let start = tokens[i].range.lowerBound
                tokens[i].spaceBefore = start == 0 || (previousEnd < start) || i == 0
                previousEnd = tokens[i].range.upperBound
            }
        }
        return (tokens, sentenceList)
    }

    /// Lowercase (`mode` RL_FOLD_LOWER), accent-folded (RL_FOLD_ACCENTS) or uppercase
    /// (RL_FOLD_UPPER) form of a string, with the locale's rules.
    public func fold(_ string: String, mode: Int32 = Int32(RL_FOLD_ACCENTS)) -> String {
        var bytes = Array(string.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            fold(UnsafeBufferPointer(buffer), 0..<buffer.count, mode: mode)
        }
    }

    // MARK: - Internals

    private func sentenceBoundaries(_ text: [UInt8]) -> [Range<Int>] {
        let ends = text.withUnsafeBufferPointer { SentenceBreaker.ends($0) }
        var result: [Range<Int>] = []
        result.reserveCapacity(ends.count)
        var start = 0
        for end in ends {
            result.append(start..<end)
            start = end
        }
        return result
    }

    private func wordTokens(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into tokens: inout [Token]) {
        let base = buffer.baseAddress! + range.lowerBound
        let status0 = base.withMemoryRebound(to: CChar.self, capacity: range.count) {
            rl_breaker_set_utf8(words, $0, Int64(range.count))
        }
        guard status0 <= 0 else { return }
        _ = rl_breaker_first(words)
        var start: Int32 = 0
        var status: Int32 = 0
        while true {
            // Runs of spaces (most segments but words) are passed over in the breaker: they make no token.
            let next = Int(rl_breaker_next_span(words, &start, &status))
            if next < 0 { break }
            let segment = (range.lowerBound + Int(start))..<(range.lowerBound + next)
            // A segment the word rules found holds no emoji: its status says what it is.
            let plain = status & Int32(RL_SEGMENT_PLAIN) != 0
            status &= ~Int32(RL_SEGMENT_PLAIN)
            if let kind = plain && status >= RL_WORD_LETTER ? .word : classify(buffer, segment, status: status) {
                let found = wordTable.lookup(buffer, segment)
                let id = found.id >= 0 ? found.id
                    : found.id == WordTable.Lookup.absent ? wordTable.add(entry(buffer, segment), buffer, segment, at: found) : nil
                if let id {
                    // Made in the append itself: a token made first and then appended is copied and
                    // destroyed, which retains and releases its texts once more.
                    tokens.append(Token(kind: kind, range: segment, texts: wordTable.entries[Int(id)].texts,
                                        sentence: 0, spaceBefore: false, word: id))
                } else {
                    tokens.append(makeToken(buffer, kind, segment))
                }
            }
        }
    }

    @inline(__always)
    private func classify(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, status: Int32) -> TokenKind? {
        if Tokenizer.isEmojiSegment(buffer, range) { return .emoji }
        if status >= RL_WORD_LETTER { return .word }
        if status >= RL_WORD_NUMBER {
            // ICU reports the status of the last rule that matched: `p3nd3j0` ends in a digit but is a word.
            for i in range where (buffer[i] >= 0x41 && buffer[i] <= 0x5A) || (buffer[i] >= 0x61 && buffer[i] <= 0x7A) || buffer[i] >= 0xC0 {
                return .word
            }
            return .number
        }
        // The first scalar tells the rest; a word or a number (nearly every segment) never reads it.
        let first = Tokenizer.scalar(buffer, at: range.lowerBound)
        if first < 0x80 {
            // ASCII spaces and marks told by a table read once from ICU.
            let c = UInt8(first)
            return asciiSpaces.contains(c) ? nil : asciiPunctuation.contains(c) ? .punctuation : .symbol
        }
        if rl_is_white_space(Int32(bitPattern: first)) != 0 { return nil }
        if rl_is_punctuation(Int32(bitPattern: first)) != 0 { return .punctuation }
        return .symbol
    }

    /// A segment is an emoji when it holds a pictographic scalar, a regional indicator pair or a
    /// keycap: ICU keeps ZWJ sequences, skin tones and flags together in one segment.
    static func isEmojiSegment(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            let byte = buffer[i]
            if byte < 0x80 { i += 1; continue }
            // Two-byte scalars (U+0080 to U+07FF: accented letters, ñ) hold no emoji but © and ®.
            if byte < 0xE0 {
                if byte == 0xC2 && i + 1 < range.upperBound && (buffer[i + 1] == 0xA9 || buffer[i + 1] == 0xAE) { return true }
                i += 2
                continue
            }
            let c = Tokenizer.scalar(buffer, at: i)
            let value = Int32(bitPattern: c)
            if c == 0x20E3 || rl_is_extended_pictographic(value) != 0 || rl_is_regional_indicator(value) != 0 {
                return true
            }
            i += Tokenizer.scalarLength(byte)
        }
        return false
    }

    private func entry(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> WordTable.Entry {
        WordTable.Entry(texts: makeToken(buffer, .word, range).texts)
    }

    private func makeToken(_ buffer: UnsafeBufferPointer<UInt8>, _ kind: TokenKind, _ range: Range<Int>) -> Token {
        let slice = UnsafeBufferPointer(rebasing: buffer[range])
        let text = String(decoding: slice, as: UTF8.self)
        var ascii = true
        for byte in slice where byte >= 0x80 { ascii = false; break }
        let lower: String
        let folded: String
        if ascii {
            lower = Tokenizer.asciiLower(slice)
            folded = lower
        } else {
            lower = fold(buffer, range, mode: Int32(RL_FOLD_LOWER))
            folded = fold(buffer, range, mode: Int32(RL_FOLD_ACCENTS))
        }
        return Token(kind: kind, range: range, text: text, lower: lower, folded: folded, sentence: 0, spaceBefore: false)
    }

    private func fold(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, mode: Int32) -> String {
        let source = UnsafeRawPointer(buffer.baseAddress! + range.lowerBound).assumingMemoryBound(to: CChar.self)
        while true {
            let needed = foldBuffer.withUnsafeMutableBufferPointer {
                rl_folder_fold(folder, mode, source, Int32(range.count), $0.baseAddress, Int32($0.count))
            }
            if needed < 0 {
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
            }
            if Int(needed) <= foldBuffer.count {
                return foldBuffer.withUnsafeBufferPointer {
                    $0.withMemoryRebound(to: UInt8.self) {
                        String(decoding: UnsafeBufferPointer(rebasing: $0[0..<Int(needed)]), as: UTF8.self)
                    }
                }
            }
            foldBuffer = [CChar](repeating: 0, count: Int(needed) * 2)
        }
    }

    static func asciiLower(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            for (i, b) in bytes.enumerated() { out[i] = (b >= 0x41 && b <= 0x5A) ? b + 0x20 : b }
            return bytes.count
        }
    }

    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The scalar value at a byte offset of valid UTF-8.
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32 {
        let lead = b[i]
        switch scalarLength(lead) {
        case 1: return UInt32(lead)
        case 2: return (UInt32(lead & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F)
        case 3: return (UInt32(lead & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
        default:
            return (UInt32(lead & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12)
                | (UInt32(b[i + 2] & 0x3F) << 6) | UInt32(b[i + 3] & 0x3F)
        }
    }
}

/// ICU's own sentence break iterator, which `SentenceBreaker` must agree with: the tests compare
/// them. Not thread-safe; one per thread.
final class ICUSentences {
    private let boundaries: Boundaries

    init(locale: String = "es") throws {
        boundaries = try Boundaries(kind: Int32(RL_BREAK_SENTENCE), locale: locale)
    }

    /// The end offset of every sentence, as `SentenceBreaker.ends` gives them.
    func ends(_ text: [UInt8]) -> [Int] { boundaries.segments(text).map(\.end) }
}

/// The boundaries of a text with their rule statuses, as a breaker of the shim finds them. Word ones: as
/// the tokenizer's breaker finds them (the word rules applied to the common scalars, ICU's iterator for
/// the rest) or, with `icuOnly`, as ICU's iterator alone does; the tests and the document fuzz target
/// compare the two. Not thread-safe.
final class Boundaries {
    struct Segment: Equatable, CustomStringConvertible {
        var end: Int
        var status: Int32
        var description: String { "\(end)/\(status)" }
    }

    private let breaker: OpaquePointer

    /// A breaker of `kind` (RL_BREAK_*).
    init(kind: Int32, locale: String = "es") throws {
        var status: Int32 = 0
        guard let b = rl_breaker_open(kind, locale, &status), status <= 0 else {
            throw Tokenizer.Failure(status: status)
        }
        breaker = b
    }

    /// A word breaker: the tokenizer's, or ICU's iterator alone.
    convenience init(locale: String = "es", icuOnly: Bool) throws {
        try self.init(kind: Int32(icuOnly ? RL_BREAK_WORD_ICU : RL_BREAK_WORD), locale: locale)
    }

    deinit { rl_breaker_close(breaker) }

    /// Points the breaker at `text` and calls `step` until it returns false.
    private func walk(_ text: [UInt8], _ step: (OpaquePointer) -> Bool) {
        text.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard rl_breaker_set_utf8(breaker, chars.baseAddress, Int64(chars.count)) <= 0 else { return }
                _ = rl_breaker_first(breaker)
                while step(breaker) {}
            }
        }
    }

    func segments(_ text: [UInt8]) -> [Segment] {
        var segments: [Segment] = []
        var status: Int32 = 0
        walk(text) { breaker in
            let next = Int(rl_breaker_next(breaker, &status))
            if next >= 0 { segments.append(Segment(end: next, status: status)) }
            return next >= 0
        }
        return segments
    }

    /// The segments as the tokenizer reads them (`rl_breaker_next_span`): all but the runs of U+0020
    /// spaces, with the plain flag taken off the status; and whether each was found by the rules.
    func spans(_ text: [UInt8]) -> [(range: Range<Int>, status: Int32, plain: Bool)] {
        var spans: [(range: Range<Int>, status: Int32, plain: Bool)] = []
        var start: Int32 = 0, status: Int32 = 0
        walk(text) { breaker in
            let end = Int(rl_breaker_next_span(breaker, &start, &status))
            if end >= 0 {
                spans.append((Int(start)..<end, status & ~Int32(RL_SEGMENT_PLAIN), status & Int32(RL_SEGMENT_PLAIN) != 0))
            }
            return end >= 0
        }
        return spans
    }

    /// Whether the breaker applies the rules itself to `scalar` (false: ICU's iterator reads it).
    func appliesRules(_ scalar: Unicode.Scalar) -> Bool { rl_breaker_applies_rules(breaker, Int32(scalar.value)) != 0 }

    /// The stretches of the last text the breaker left to ICU's iterator.
    var icuStretches: Int { Int(rl_breaker_icu_stretches(breaker)) }
}
