import Foundation

/// Shared pieces of the register rules: case matching for suggestions, the context conditions
/// that lexicon rows may carry, and small questions about a token's neighbourhood.
enum RegisterText {
    /// `replacement` written with the case of `original`: all capitals stay all capitals
    /// (`XQ` -> `PORQUE`), a capitalised word stays capitalised (`Xq` -> `Porque`), anything else
    /// is left as the lexicon wrote it.
    static func matchCase(_ replacement: String, like original: String) -> String {
        guard let first = replacement.first else { return replacement }
        // Scalars below U+0100 (the letters of Spanish) read from a table, the others' properties asked.
        let latin = Self.latin
        var letters = 0, capitals = 0
        var leadIsCapital: Bool?
        for scalar in original.unicodeScalars {
            let letter: Bool, capital: Bool
            if scalar.value < 0x100 {
                let bits = latin[Int(scalar.value)]
                letter = bits & 1 != 0
                capital = bits & 2 != 0
            } else {
                letter = scalar.properties.isAlphabetic
                capital = letter && scalar.properties.isUppercase
            }
            guard letter else { continue }
            letters += 1
            if capital { capitals += 1 }
            if leadIsCapital == nil { leadIsCapital = capital }
        }
        guard let lead = leadIsCapital else { return replacement }
        if letters >= 2 && capitals == letters { return replacement.uppercased() }
        return lead ? String(first).uppercased() + replacement.dropFirst() : replacement
    }

    /// For U+0000 to U+00FF: bit 1 alphabetic, bit 2 an uppercase letter (Unicode properties).
    private static let latin: [UInt8] = (0..<256).map { value in
        let properties = Unicode.Scalar(UInt8(value)).properties
        return (properties.isAlphabetic ? 1 : 0) | (properties.isAlphabetic && properties.isUppercase ? 2 : 0)
    }

    /// The first letter in capitals, the rest untouched.
    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return String(first).uppercased() + text.dropFirst()
    }

    /// Splits a lexicon field of alternatives written `a / b`.
    static func alternatives(_ field: String) -> [String] {
        field.components(separatedBy: " / ").map { $0.trimmedBlanks }.filter { !$0.isEmpty }
    }

    /// A folding function for lexicon terms: the same folding tokens get.
    static func folder() throws -> (String) -> String {
        let tokenizer = try Tokenizer()
        return { tokenizer.fold($0) }
    }
}

extension RuleContext {
    /// The index of the previous token, if any.
    func previous(_ index: Int) -> Int? { index > 0 ? index - 1 : nil }

    /// The index of the next token, if any.
    func next(_ index: Int) -> Int? { index + 1 < tokens.count ? index + 1 : nil }

    /// Whether the token is the first word of its sentence (opening marks such as `¡`, `¿`,
    /// quotes and emoji before it do not count).
    func isSentenceStart(_ index: Int) -> Bool {
        let sentence = tokens[index].sentence
        var i = index - 1
        while i >= 0 && tokens[i].sentence == sentence {
            switch tokens[i].kind {
            case .punctuation:
                switch tokens[i].text {
                case ",", ";", ":": return false
                default: break
                }
            case .emoji, .symbol:
                break
            default:
                return false
            }
            i -= 1
        }
        return true
    }

    /// Whether the token sits in a question: after an `¿` of its sentence, or in a sentence that
    /// ends with `?`.
    func isInQuestion(_ index: Int) -> Bool {
        // Worked out once for each sentence asked about, and only for those (a few abbreviations in a long
        // text): a sentence with no full stop can be the whole of a megabyte-long file, and scanning it
        // again for each chat abbreviation was quadratic.
        let marks = memoized("register.question-marks") { QuestionMarks(tokens) }
        return marks.contains(index)
    }

    /// The text between the end of one token and the start of another.
    func gap(after index: Int) -> String {
        guard index + 1 < tokens.count else { return "" }
        return text(tokens[index].range.upperBound..<tokens[index + 1].range.lowerBound)
    }
}

/// Which tokens sit in a question: an `¿` of its sentence comes before the token, or the first of
/// `? ¿ . !` after it in its sentence is a `?`. A sentence is a run of tokens with the same `sentence`;
/// each run is read when a token of it is first asked about.
final class QuestionMarks {
    private let tokens: [Token]
    /// The runs read so far, by their tokens' sentence.
    private var runs: [Int: Run] = [:]

    struct Run {
        var range: Range<Int>
        /// For each token of the run, whether it sits in a question.
        var asked: [Bool]
    }

    init(_ tokens: [Token]) {
        self.tokens = tokens
    }

    func contains(_ index: Int) -> Bool {
        let sentence = tokens[index].sentence
        if let run = runs[sentence], run.range.contains(index) { return run.asked[index - run.range.lowerBound] }
        let run = read(around: index)
        runs[sentence] = run
        return run.asked[index - run.range.lowerBound]
    }

    /// The run of tokens of `index`'s sentence, with its marks.
    private func read(around index: Int) -> Run {
        // Marks told by their bytes: `¿` is C2 BF, the others one byte each (0 for any other token).
        let opening: UInt8 = 0xBF, question = UInt8(ascii: "?"), stop = UInt8(ascii: "."), bang = UInt8(ascii: "!")
        return tokens.withUnsafeBufferPointer { tokens in
            let sentence = tokens[index].sentence
            var lower = index
            while lower > 0 && tokens[lower - 1].sentence == sentence { lower -= 1 }
            var upper = index + 1
            while upper < tokens.count && tokens[upper].sentence == sentence { upper += 1 }
            var marks = [UInt8](repeating: 0, count: upper - lower)
            for i in lower..<upper where tokens[i].kind == .punctuation {
                let bytes = tokens[i].text.utf8
                if bytes.count == 1 { marks[i - lower] = bytes.first! }
                else if bytes.count == 2, bytes.first == 0xC2, bytes.last == 0xBF { marks[i - lower] = opening }
            }
            // Backwards, whether the first mark after each token is a `?`; then forwards, or an `¿` before it.
            var asked = [Bool](repeating: false, count: marks.count)
            var i = marks.count - 2
            while i >= 0 {
                let next = marks[i + 1]
                if next == question {
                    asked[i] = true
                } else if next == opening || next == stop || next == bang {
                    asked[i] = false
                } else {
                    asked[i] = asked[i + 1]
                }
                i -= 1
            }
            var open = false
            for i in marks.indices {
                if open { asked[i] = true }
                if marks[i] == opening { open = true }
            }
            return Run(range: lower..<upper, asked: asked)
        }
    }
}

/// Conditions a lexicon row may put on where its word is flagged (the `context` column), so that
/// "la letra q", "2 x 3" or "su tío" stay silent. Parsed once when a rule is built; an unknown
/// condition is an error naming the lexicon file and line.
struct WordConditions: Sendable {
    var lower = false
    var noNumberBefore = false
    var noNumberAfter = false
    var notQuoted = false
    var notDotted = false
    var vocative = false
    var notAfter: Set<String> = []
    var notBefore: Set<String> = []
    var before: Set<String>?
    /// With `before`: an infinitive next also makes the reading safe ("pa hablar").
    var orInfinitive = false
    /// With `before`: an apostrophe right after the word marks the clipping ("pa' otro").
    var orElided = false
    /// Not a condition: next words that call for the interrogative form ("q tal" -> "qué tal").
    var askBefore: Set<String> = []

    static let quotes: Set<String> = ["\"", "'", "«", "»", "“", "”", "‘", "’", "`"]
    static let vocativeOpeners: Set<String> = [",", "¡", "¿", "(", "—", "-", ";", ":"]
    static let vocativeClosers: Set<String> = [",", ".", "!", "?", "…", ")", ";", ":", "—"]

    init() {}

    init(_ field: String, fold: (String) -> String, path: String, line: Int) throws {
        for item in field.split(separator: " ") where !item.isEmpty {
            // Empty pieces kept: a lone "=" or "=x" is an unknown condition, not a missing name.
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let words = parts.count == 2 ? Set(parts[1].split(separator: "/").map { fold(String($0)) }) : []
            switch parts[0] {
            case "lower": lower = true
            case "no-number-before": noNumberBefore = true
            case "no-number-after": noNumberAfter = true
            case "not-quoted": notQuoted = true
            case "not-dotted": notDotted = true
            case "vocative": vocative = true
            case "not-after" where !words.isEmpty: notAfter = words
            case "not-before" where !words.isEmpty: notBefore = words
            case "before" where !words.isEmpty: before = words
            case "or-infinitive": orInfinitive = true
            case "or-elided": orElided = true
            case "ask-before" where !words.isEmpty: askBefore = words
            default:
                throw LexiconError(path: path, line: line, reason: "unknown context condition '\(item)'")
            }
        }
    }

    /// Whether the word spanning tokens `first...last` may be flagged. `cues` are the words after
    /// which a vocative may follow ("hola", "gracias").
    func hold(_ context: RuleContext, first: Int, last: Int, cues: Set<String>) -> Bool {
        let tokens = context.tokens
        let token = tokens[first]
        if lower && token.text != token.lower && !(context.isSentenceStart(first) && !token.isAllCaps) {
            return false
        }
        let prev = context.previous(first).map { tokens[$0] }
        let next = context.next(last).map { tokens[$0] }
        if noNumberBefore, let prev, prev.kind == .number { return false }
        if noNumberAfter, let next, next.kind == .number { return false }
        if notQuoted {
            if let prev, !token.spaceBefore, Self.quotes.contains(prev.text) { return false }
            if let next, !next.spaceBefore, Self.quotes.contains(next.text) { return false }
        }
        if notDotted, let next, !next.spaceBefore, next.text == "." { return false }
        let prevWord = previousWord(context, first)
        let nextWord = context.nextWord(after: last).map { tokens[$0] }
        if !notAfter.isEmpty, let prevWord, notAfter.contains(prevWord.folded) { return false }
        if !notBefore.isEmpty, let nextWord, notBefore.contains(nextWord.folded) { return false }
        if let before {
            let listed = next.map { ($0.kind == .word || $0.kind == .mention) && before.contains($0.folded) } ?? false
            let infinitive = orInfinitive && next.map { $0.kind == .word && Self.isInfinitive($0.folded) } ?? false
            let elided = orElided && next.map { !$0.spaceBefore && ($0.text == "'" || $0.text == "’") } ?? false
            guard listed || infinitive || elided else { return false }
        }
        if vocative && !isVocative(context, first: first, last: last, cues: cues) { return false }
        return true
    }

    /// A word that looks like an infinitive, with or without a pronoun attached ("hablar",
    /// "revisarlo").
    static func isInfinitive(_ word: String) -> Bool {
        guard word.count >= 4 else { return false }
        var stem = word
        for clitic in ["selo", "sela", "selos", "selas", "lo", "la", "los", "las", "le", "les", "me", "te", "se", "nos"] where stem.hasSuffix(clitic) && stem.count > clitic.count + 3 {
            let trimmed = String(stem.dropLast(clitic.count))
            if trimmed.hasSuffix("ar") || trimmed.hasSuffix("er") || trimmed.hasSuffix("ir") { stem = trimmed; break }
        }
        return stem.hasSuffix("ar") || stem.hasSuffix("er") || stem.hasSuffix("ir")
    }

    /// The nearest word token before `index` in the same sentence, skipping punctuation.
    private func previousWord(_ context: RuleContext, _ index: Int) -> Token? {
        var i = index - 1
        while i >= 0 {
            let t = context.tokens[i]
            if t.kind == .word || t.kind == .number { return t.sentence == context.tokens[index].sentence ? t : nil }
            i -= 1
        }
        return nil
    }

    /// A form of address: opened by the start of a sentence, a comma, `¡`/`¿` or a greeting, and
    /// closed by punctuation, an emoji, or the end of the text.
    private func isVocative(_ context: RuleContext, first: Int, last: Int, cues: Set<String>) -> Bool {
        let tokens = context.tokens
        let opened: Bool
        if context.isSentenceStart(first) {
            opened = true
        } else if let p = context.previous(first) {
            let prev = tokens[p]
            opened = (prev.kind == .punctuation && Self.vocativeOpeners.contains(prev.text))
                || (prev.kind == .word && cues.contains(prev.folded))
                || prev.kind == .emoji
        } else {
            opened = true
        }
        guard opened else { return false }
        guard let n = context.next(last) else { return true }
        let next = tokens[n]
        if next.sentence != tokens[last].sentence { return true }
        return (next.kind == .punctuation && Self.vocativeClosers.contains(next.text)) || next.kind == .emoji
    }
}

/// A lexicon of single words or short phrases (words separated by spaces), looked up by their
/// folded words, longest phrase first.
struct PhraseIndex<Value: Sendable>: Sendable {
    struct Entry: Sendable {
        let words: [String]
        let value: Value
    }

    /// The entries by their first word, longest first: `lists[byFirst[word]]`.
    private var lists: [[Entry]] = []
    private var byFirst: [String: Int] = [:]
    private var firsts = WordFilter([])
    /// Where a word's entries are in `lists` (-1 for none), remembered by word (`RuleContext.wordMemo`):
    /// a word that starts entries is then found again without hashing its text.
    let memoKey = WordMemoKey.make("phrases")

    init() {}

    mutating func insert(_ words: [String], _ value: Value) {
        guard let first = words.first else { return }
        let list = byFirst[first] ?? {
            lists.append([])
            return lists.count - 1
        }()
        byFirst[first] = list
        lists[list].append(Entry(words: words, value: value))
        firsts.insert(first)
        lists[list].sort { $0.words.count > $1.words.count }
    }

    /// The longest entry whose words are the word tokens starting at `index` (consecutive
    /// tokens, nothing between them but spaces); returns the entry and the last token index.
    /// Most tokens are words that start no entry: a token that is no word, or whose word the memo
    /// already knows to start nothing, is answered inline, without a call.
    /// `starts` is read for tokens with a word id only (a stand-in will do when the tokens have none):
    /// a memo passed as an optional was unwrapped, retained and released again, for every token.
    @inline(__always)
    func match(_ tokens: [Token], at index: Int, starts: WordMemo<Int32>) -> (value: Value, last: Int)? {
        guard tokens[index].kind == .word else { return nil }
        let id = tokens[index].word
        if id >= 0, let known = starts[id] {
            return known < 0 ? nil : entryMatch(tokens, at: index, list: Int(known))
        }
        let list = firsts.mayContain(tokens[index].folded) ? byFirst[tokens[index].folded] ?? -1 : -1
        if id >= 0 { starts[id] = Int32(list) }
        return list < 0 ? nil : entryMatch(tokens, at: index, list: list)
    }

    private func entryMatch(_ tokens: [Token], at index: Int, list: Int) -> (value: Value, last: Int)? {
        // Entries read in place: one copied out of the list retains its words and its value.
        let entries = lists[list]
        for e in entries.indices {
            var i = index
            var ok = true
            for k in entries[e].words.indices {
                if k > 0 {
                    i += 1
                    guard i < tokens.count, tokens[i].kind == .word, tokens[i].spaceBefore,
                          tokens[i].sentence == tokens[index].sentence else { ok = false; break }
                }
                if tokens[i].folded != entries[e].words[k] { ok = false; break }
            }
            if ok { return (entries[e].value, i) }
        }
        return nil
    }
}
