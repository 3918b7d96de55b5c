import Foundation

/// What the spelling rules share: which tokens are spelled, the vocabularies, and the verdict on each
/// word. Each spelling rule builds one in its `init` and keeps the findings of its own kind.
///
/// Only `.word` tokens are spelled: never URLs, e-mail addresses, mentions, hashtags, placeholders,
/// numbers or emoji. Words are also skipped when they hold a digit, are all capitals (acronyms: `IVA`,
/// `DNI`), or are glued to a number, a placeholder or a URL (`24h`, `{{nombre}}s`) or to another word
/// by `.`, `/`, `_` or `@` (`factura.pdf`, `tienda.com`).
struct SpellingScan: Sendable {
    let checker: SpellChecker?
    let settings: SpellingSettings
    /// Lowercase project vocabulary (`lexicons/es/vocabulary.txt`) and its plurals.
    let projectWords: Set<String>
    /// Forms the dictionary knows but replies should not use (`lexicons/es/spelling/reject.txt`):
    /// lowercase form → the standard form.
    let projectRejects: [String: String]
    let user: UserVocabulary?
    /// Chat words the register family knows (laughter, abbreviations, slang): they are register
    /// findings, or nothing when a team turns those rules off, never spelling mistakes.
    let laughter: LaughterMatcher
    let chatWords: Set<String>
    /// This scan's key in a worker's memo (scans of other configs have other vocabularies): a serial
    /// number the scan and its copies share, so no other scan can have it.
    let memoBase = WordMemoKey.make("spelling.verdicts")
    func memoKey(voseo: Bool) -> String { voseo ? memoBase + ".vos" : memoBase }

    /// What a worker remembers of the words it has spelled: the verdict on a word depends only on
    /// the word as written and whether it opens a sentence (and this scan's vocabularies and whether
    /// voseo is expected, which key the memo itself).
    final class Verdicts {
        var reports: [String: Remembered] = [:]
    }

    /// The verdicts on one word, inside a sentence and at its start, once each is known (a class: a
    /// memo read is one reference, not a copy of two findings).
    final class Remembered {
        var inside: Report?? = nil
        var start: Report?? = nil
    }

    /// What spelling says about one word.
    struct Report {
        enum Kind {
            case accent
            case unknown
            case rejected
        }
        var kind: Kind
        var finding: Finding
    }

    init(lexicons: LexiconStore) throws {
        let settings = SpellingSettings.current
        self.settings = settings
        let table = try lexicons.table("vocabulary")
        try table.require("term")
        var words = Set<String>()
        for row in table.rows {
            let term = row.term.lowercased().precomposedStringWithCanonicalMapping
            words.insert(term)
            // Loanwords make their plural with -s in Spanish usage: apps, links, tickets.
            if let last = term.unicodeScalars.last, last.properties.isAlphabetic, last != "s" {
                words.insert(term + "s")
            }
        }
        projectWords = words
        let rejects = try lexicons.table("spelling/reject")
        try rejects.require("term", "suggestion")
        var rejected: [String: String] = [:]
        for row in rejects.rows {
            rejected[row.term.lowercased().precomposedStringWithCanonicalMapping] = row["suggestion"]
        }
        projectRejects = rejected
        laughter = try LaughterMatcher(lexicons: lexicons)
        let fold = try RegisterText.folder()
        var chat = Set<String>()
        for name in ["register/abbreviations", "register/slang"] {
            // An entry flagged only in some context (`tío` as a form of address) is an ordinary word elsewhere.
            for row in try lexicons.table(name).rows where !row.term.contains(" ") && row["context"].isEmpty { chat.insert(fold(row.term)) }
        }
        chatWords = chat
        // A missing dictionary or vocabulary folder must not stop the other families:
        // SpellingSettings.problems() reports it instead.
        checker = try? SpellChecker.shared(dictionary: lexicons.dictionary ?? settings.dictionary).get()
        let folder = settings.vocabulary.flatMap { try? UserVocabulary.load(folder: $0).get() }
        let configured = try UserVocabulary.fromLexicons(lexicons)
        user = folder.map { $0.merged(with: configured) } ?? configured
    }

    func accepts(_ lower: String) -> Bool {
        projectWords.contains(lower) || (user?.accepts(lower) ?? false)
    }

    /// The findings of the reports of one kind, each copied once (a filter and then a map copied each
    /// twice, every copy retaining its texts).
    static func findings(of kind: Report.Kind, in reports: [Report]) -> [Finding] {
        reports.withUnsafeBufferPointer { reports in
            var findings: [Finding] = []
            for i in reports.indices where reports[i].kind == kind { findings.append(reports[i].finding) }
            return findings
        }
    }

    /// Every report for a document, in token order.
    func reports(_ context: RuleContext) -> [Report] {
        let tokens = context.tokens
        let voseo = context.options.register == .vos
        let verdicts = context.worker.value(memoKey(voseo: voseo)) { Verdicts() }
        let byWord: WordMemo<Remembered>? = context.wordMemo(memoKey(voseo: voseo))
        // Most words are spelled right: that they are (bit 1 at a sentence start, bit 2 inside one) is
        // kept apart in plain bytes, read with no reference count, unlike the remembered reports.
        let clean: WordMemo<UInt8>? = context.wordMemo(memoKey(voseo: voseo) + ".clean")
        // Unwrapped once, out of the loop (bound in it, a memo is retained and released for each word);
        // without a word table no token has an id, and the stand-ins go unread.
        let memos = byWord != nil && clean != nil
        let reportsByWord = byWord ?? WordMemo<Remembered>()
        let cleanByWord = clean ?? WordMemo<UInt8>()
        var claimed = SpanIndex.Sweep(context.claimed)
        // The tokens read through a buffer: the scan asks about the neighbours of every word.
        return tokens.withUnsafeBufferPointer { tokens in
            var result: [Report] = []
            var i = 0
            while i < tokens.count {
                guard tokens[i].kind == .word, !claimed.overlaps(tokens[i].range) else { i += 1; continue }
                // The token's fields are read in place; it is copied only for a word not met before.
                let range = tokens[i].range
                // A hyphenated compound the vocabulary knows (`check-in`, `e-mail`) is one word.
                if i + 2 < tokens.count, tokens[i + 2].kind == .word,
                   tokens[i + 1].range.lowerBound == range.upperBound,
                   tokens[i + 2].range.lowerBound == tokens[i + 1].range.upperBound, tokens[i + 1].text == "-" {
                    let compound = tokens[i].lower + "-" + tokens[i + 2].lower
                    if user?.rejects(compound) ?? false {
                        let range = range.lowerBound..<tokens[i + 2].range.upperBound
                        result.append(rejected(range, context.text(range)))
                        i += 3
                        continue
                    }
                    if accepts(compound) { i += 3; continue }
                }
                // A short word after a number is a unit or its abbreviation: `24 h`, `5 min`, `9:00 hrs`.
                let unit = i > 0 && tokens[i - 1].kind == .number && (tokens[i].text.utf8.count <= 4 || tokens[i].text.count <= 4)
                if !glued(tokens, i), !unit {
                    let start = startsSentence(tokens, i, first: firstOfSentence(context, tokens[i].sentence))
                    let id = memos ? tokens[i].word : -1
                    let bit: UInt8 = start ? 1 : 2
                    if id >= 0, let bits = cleanByWord[id], bits & bit != 0 { i += 1; continue }
                    let known = id >= 0 ? reportsByWord[id] : verdicts.reports[tokens[i].text]
                    let found: Report?
                    if let verdict = known.flatMap({ start ? $0.start : $0.inside }) {
                        found = verdict.map { var again = $0; again.finding.range = range; return again }
                    } else {
                        let token = tokens[i]
                        found = report(token, sentenceStart: start, voseo: voseo)
                        let remembered = known ?? Remembered()
                        if start { remembered.start = .some(found) } else { remembered.inside = .some(found) }
                        if id >= 0 && found == nil { cleanByWord[id] = (cleanByWord[id] ?? 0) | bit }
                        if known == nil {
                            if id >= 0 {
                                reportsByWord[id] = remembered
                            } else {
                                if verdicts.reports.count >= 100_000 { verdicts.reports.removeAll(keepingCapacity: true) }
                                verdicts.reports[token.text] = remembered
                            }
                        }
                    }
                    if let found { result.append(found) }
                }
                i += 1
            }
            return result
        }
    }

    // MARK: - One word

    func report(_ token: Token, sentenceStart: Bool, voseo: Bool = false) -> Report? {
        // Invisible format characters (a soft hyphen, a bidi mark pasted with a handle) are not spelled.
        // ASCII words (most of them) need neither the format-character filter nor normalization.
        let ascii = token.shape.contains(.ascii)
        let text = !ascii && token.text.unicodeScalars.contains { $0.properties.generalCategory == .format }
            ? String(scalars: token.text.unicodeScalars.filter { $0.properties.generalCategory != .format })
            : token.text
        // Only letters, marks, apostrophes and hyphens make a word: digits, dots, `@` or `_` mean a code, a
        // file name or a handle (`factura.pdf`, `español@usuario`).
        if ascii {
            if text.utf8.contains(where: { !(($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x27 || $0 == 0x2D) }) {
                return nil
            }
        } else if text.unicodeScalars.contains(where: { !($0.properties.isAlphabetic || $0.properties.generalCategory == .nonspacingMark
                                                   || $0 == "'" || $0 == "’" || $0 == "-") || $0.properties.numericType != nil }) {
            return nil
        }
        let lower = ascii ? token.lower : text.lowercased().precomposedStringWithCanonicalMapping
        if let user, user.rejects(lower) { return rejected(token.range, text) }
        if let standard = projectRejects[lower] {
            let fix = token.isCapitalized ? SpellingScan.capitalize(standard) : standard
            return Report(kind: .rejected, finding: Finding(
                range: token.range, message: "forma coloquial o anticuada: «\(text)»", suggestions: fix.isEmpty ? [] : [fix]))
        }
        if token.isAllCaps { return nil }
        // A lone letter is an initial, a list label or a unit (`a)`, `B.`, `24 h`), not a word to spell.
        if text.unicodeScalars.count == 1 { return nil }
        if accepts(lower) { return nil }
        guard let checker else { return nil }

        let length = text.count
        if length > settings.maxWordLength {
            let shown = length > 40 ? String(text.prefix(37)) + "…" : text
            return Report(kind: .unknown, finding: Finding(
                range: token.range,
                message: "palabra de \(length) letras, demasiado larga para revisar su ortografía: «\(shown)»",
                help: "revise si faltan espacios entre palabras", severity: .note))
        }

        let form = ascii ? text : text.precomposedStringWithCanonicalMapping
        if checker.isCorrect(form) { return nil }
        if chatWords.contains(token.folded) || laughter.isLaughter(token.folded) { return nil }
        let scalars = Array(form.unicodeScalars)
        let capitalized = token.isCapitalized
        let mixedCase = scalars.dropFirst().contains { $0.properties.isUppercase }
        if capitalized {
            // At the start of a sentence the capital says nothing: the word as written, then lowercased.
            if sentenceStart && checker.isCorrect(lower) { return nil }
        } else {
            // A proper noun written in lowercase: `españa` → `España`.
            // (Unless an accent makes it a common word: the dictionary knows a place "Dificil", but
            // `dificil` is `difícil`.)
            let proper = SpellingScan.capitalize(form)
            if !mixedCase && checker.isCorrect(proper),
               !(checker.suggestions(for: form).words.first.map { SpellingScan.fold($0) == SpellingScan.fold(form) && $0 != proper } ?? false) {
                return Report(kind: .unknown, finding: Finding(
                    range: token.range, message: "nombre propio en minúscula: «\(text)»", suggestions: [proper]))
            }
        }
        if mixedCase {
            // `iPhone`-style words are names: the vocabulary is where they belong.
            return Report(kind: .unknown, finding: Finding(
                range: token.range, message: "palabra desconocida, quizá un nombre o una marca: «\(text)»",
                help: SpellingScan.acceptHelp, severity: .note))
        }

        // A diminutive of a known word (cafecito, regalito), which the dictionary mostly lacks.
        if !mixedCase && Diminutives.isDiminutive(lower, isWord: { checker.isCorrect($0) }) { return nil }

        // A verb with pronouns attached (compártenos, verifícalo), which the dictionary only partly lists.
        switch Enclitics.analyze(lower, voseo: voseo, isWord: { checker.isCorrect($0) }) {
        case .correct: return nil
        case .accent(let right):
            let fix = capitalized ? SpellingScan.capitalize(right) : right
            let message = SpellingScan.accentCount(form) == 0 ? "falta la tilde: «\(text)»" : "tilde mal puesta: «\(text)»"
            let note = capitalized && !sentenceStart
            return Report(kind: .accent, finding: Finding(range: token.range, message: message, suggestions: [fix],
                                                          severity: note ? .note : nil, safeFix: !note))
        case .unknown: break
        }

        // A capital in mid-sentence marks a name: one-edit guesses are not searched for it. At the start of
        // a sentence a capitalised unknown word is a slip only when an accent or a Spanish confusion
        // explains it; a name is one letter away from some word too often (a signature such as "Lili" or
        // "Bob") for a mere edit to count, so such a guess is shown on a note.
        let suggestions = checker.suggestions(for: form, edits: !(capitalized && !sentenceStart))
        let likelyName = capitalized && (!sentenceStart || !["repeats", "accents", "confusions"].contains(suggestions.stage))
        let severity: Severity? = likelyName ? .note : nil

        if let best = suggestions.words.first, SpellingScan.fold(best) == SpellingScan.fold(form) {
            let hadAccent = SpellingScan.accentCount(form) > 0
            let hasAccent = SpellingScan.accentCount(best) > 0
            let message = !hadAccent ? "falta la tilde: «\(text)»" : !hasAccent ? "sobra la tilde: «\(text)»" : "tilde mal puesta: «\(text)»"
            // `--fix` may apply it when the accent is the only spelling the dictionary knows for the word.
            let unique = severity == nil && suggestions.stage == "accents" && suggestions.words.count == 1
            return Report(kind: .accent, finding: Finding(range: token.range, message: message, suggestions: [best],
                                                          severity: severity, safeFix: unique))
        }
        if likelyName {
            return Report(kind: .unknown, finding: Finding(
                range: token.range, message: "palabra desconocida, quizá un nombre propio: «\(text)»",
                suggestions: suggestions.words, help: SpellingScan.acceptHelp, severity: .note))
        }
        var message = "palabra desconocida: «\(text)»"
        if let best = suggestions.words.first, SpellingScan.fold(best.replacingOccurrences(of: "ñ", with: "n")) == SpellingScan.fold(form),
           best.contains("ñ") {
            message = "falta la eñe: «\(text)»"
        }
        return Report(kind: .unknown, finding: Finding(
            range: token.range, message: message, suggestions: suggestions.words,
            help: suggestions.words.isEmpty ? SpellingScan.acceptHelp : nil))
    }

    func rejected(_ range: Range<Int>, _ text: String) -> Report {
        Report(kind: .rejected, finding: Finding(
            range: range, message: "palabra rechazada por el vocabulario del equipo: «\(text)»",
            help: "la lista reject.txt del vocabulario la excluye; use otra palabra"))
    }

    static let acceptHelp = "si está bien escrita, añádala a accept.txt del vocabulario (--vocab)"

    // MARK: - Context

    /// True when no word or number comes before the token in its sentence (punctuation, emoji,
    /// mentions and placeholders may), or when it follows a colon.
    /// The index of the first token of a sentence (0 for a sentence the context does not list).
    @inline(__always) func firstOfSentence(_ context: RuleContext, _ sentence: Int) -> Int {
        sentence < context.sentences.count ? context.sentences[sentence].tokens.lowerBound : 0
    }

    @inline(__always) func startsSentence(_ tokens: UnsafeBufferPointer<Token>, _ index: Int, first: Int) -> Bool {
        // Fields read in place: copying a Token out of the array costs more than this walk.
        var j = index - 1
        while j >= first {
            switch tokens[j].kind {
            case .word, .number: return false
            case .punctuation where tokens[j].text == ":": return true
            default: j -= 1
            }
        }
        return true
    }

    /// A word stuck to something that is not prose: a number or a special token with no space between
    /// (`24h`, `{{nombre}}s`), or another word through `.`, `/`, `_`, `@`, `\`, `=` (`factura.pdf`).
    @inline(__always) func glued(_ tokens: UnsafeBufferPointer<Token>, _ i: Int) -> Bool {
        func sticky(_ kind: TokenKind) -> Bool {
            kind == .number || kind == .url || kind == .email || kind == .placeholder || kind == .mention || kind == .hashtag
        }
        func joiner(_ text: String) -> Bool {
            let bytes = text.utf8
            return bytes.count == 1 && SpellingScan.joinerBytes.contains(bytes.first!)
        }
        // Fields read in place: copying a Token out of the array costs more than these checks.
        if i > 0, tokens[i - 1].range.upperBound == tokens[i].range.lowerBound {
            if sticky(tokens[i - 1].kind) { return true }
            if joiner(tokens[i - 1].text), i > 1, tokens[i - 2].range.upperBound == tokens[i - 1].range.lowerBound,
               tokens[i - 2].kind != .punctuation { return true }
        }
        if i + 1 < tokens.count, tokens[i + 1].range.lowerBound == tokens[i].range.upperBound {
            if sticky(tokens[i + 1].kind) { return true }
            if joiner(tokens[i + 1].text), i + 2 < tokens.count, tokens[i + 2].range.lowerBound == tokens[i + 1].range.upperBound,
               tokens[i + 2].kind != .punctuation && tokens[i + 2].kind != .emoji { return true }
        }
        return false
    }

    /// What glues two words into a code or a file name (`factura.pdf`, `clave_1`).
    static let joinerBytes = ByteSet("./_@\\=")

    // MARK: - Text helpers

    static func capitalize(_ word: String) -> String {
        guard let first = word.first else { return word }
        return String(first).uppercased() + word.dropFirst()
    }

    /// Lowercase without accents or diaeresis; `ñ` stays.
    static func fold(_ word: String) -> String {
        String(scalars: word.lowercased().unicodeScalars.map { CandidateGenerator.plain[$0] ?? $0 })
    }

    static func accentCount(_ word: String) -> Int {
        word.lowercased().unicodeScalars.filter { CandidateGenerator.plain[$0] != nil && $0 != "ü" }.count
    }
}
