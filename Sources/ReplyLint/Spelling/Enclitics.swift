/// Verb forms with pronouns attached (`compártenos`, `permíteme`, `verifícalo`, `enviándonos`).
///
/// The Spanish dictionary knows many of these but not all, and replies in the tú register are full of
/// them. replylint takes the pronouns off, checks that the rest is a word the dictionary knows (an
/// imperative, an infinitive or a gerund), and works out where the written accent must go: adding the
/// pronouns moves the stress back, so `comparte` + `nos` is `compártenos`, while `hacer` + `lo` stays
/// `hacerlo`. A form that differs from the expected one only by its accent is a missing accent
/// (`compartenos` → `compártenos`).
enum Enclitics {
    enum Verdict: Equatable {
        /// The word is a known form with pronouns, correctly accented.
        case correct
        /// The word is such a form with its accent missing or misplaced; the right spelling.
        case accent(String)
        /// Not a form with pronouns the dictionary can vouch for.
        case unknown
    }

    typealias Scalars = [Unicode.Scalar]

    static let objects = ["lo", "la", "los", "las", "le", "les"]
    static let reflexives = ["me", "te", "se", "nos", "os"]
    /// Every pronoun ending, longest first: `noslo`, `selas`, `nos`, `me`...
    static let endings: [Scalars] = {
        var all = reflexives.flatMap { first in objects.map { first + $0 } } + reflexives + objects
        all.sort { $0.count > $1.count }
        return all.map { Array($0.unicodeScalars) }
    }()

    /// `lower` is the word lowercased (NFC); `isWord` asks the dictionary. `voseo` admits the vos
    /// imperatives, stressed on the last vowel (`verificá` + `lo` → `verificalo`); in the tú and usted
    /// registers that spelling is a missing accent (`verifícalo`).
    static func analyze(_ lower: String, voseo: Bool = false, isWord: (String) -> Bool) -> Verdict {
        let word = Array(lower.unicodeScalars)
        var suggestion: String?
        for ending in endings where word.count > ending.count + 1 && word.suffix(ending.count).elementsEqual(ending) {
            let stem = plain(Array(word.dropLast(ending.count)))
            guard looksVerbal(stem) else { continue }
            // An ustedes imperative takes `se`, never `te` or `os`: -ante and -ente are adjective endings.
            if stem.last == "n" && (ending.first == "t" || ending.first == "o") { continue }
            // The verb form alone as the dictionary knows it, with the letter a nosotros or vosotros
            // imperative drops before the pronoun (vamos+nos → vámonos, sentad+os → sentaos), and with
            // the accent it may carry alone (envía).
            var restorations: [Scalars] = [[]]
            if ending.first == "n" && stem.last == "o" && stem.dropLast().last == "m" { restorations.append(["s"]) }
            if ending == ["o", "s"] { restorations.append(["d"]) }
            for restored in restorations {
                for written in accentVariants(stem) {
                    if !voseo, let last = written.last, acuteToPlain[last] != nil, restored.isEmpty { continue }
                    let verb = written + restored
                    guard isWord(String(scalars: verb)) else { continue }
                    guard let expected = accented(written, verb: verb, extraSyllables: nuclei(ending).count) else { continue }
                    let text = String(scalars: expected + ending)
                    if text == lower { return .correct }
                    if suggestion == nil && plain(word) == plain(expected + ending) { suggestion = text }
                }
            }
        }
        return suggestion.map { .accent($0) } ?? .unknown
    }

    /// An unaccented stem, then the stem with an acute accent on each vowel.
    static func accentVariants(_ stem: Scalars) -> [Scalars] {
        var out = [stem]
        for i in stem.indices {
            if let mark = plainToAcute[stem[i]] {
                var v = stem
                v[i] = mark
                out.append(v)
            }
        }
        return out
    }

    /// Infinitives (`-ar`, `-er`, `-ir`), gerunds (`-ndo`), imperatives of tú and usted (`-a`, `-e`) and
    /// ustedes (`-an`, `-en`), and the short irregular ones (`di`, `haz`, `pon`...). Anything else
    /// followed by `nos` or `lo` is a word and a coincidence (`ni` + `nos` is not `niños`).
    static func looksVerbal(_ stem: Scalars) -> Bool {
        let text = String(scalars: stem)
        if shortVerbs.contains(text) { return true }
        guard stem.count >= 3 else { return false }
        for ending in ["a", "e", "ar", "er", "ir", "ndo", "an", "en", "mo", "ad", "ed", "id"] where text.hasSuffix(ending) {
            return true
        }
        return false
    }

    /// Imperatives and infinitives of one syllable (the stem is unaccented here).
    static let shortVerbs: Set<String> = ["da", "de", "di", "ve", "se", "ten", "ven", "pon", "haz", "sal", "dar", "ver", "ser", "ir", "oir", "oye"]

    /// The stem written with the accent the whole word needs, or nil when the stress cannot be placed.
    /// `verb` is the form alone as the dictionary knows it (the stem plus any restored consonant).
    static func accented(_ written: Scalars, verb: Scalars, extraSyllables: Int) -> Scalars? {
        let nuclei = self.nuclei(verb)
        guard !nuclei.isEmpty else { return nil }
        // Stress of the verb form alone: its written accent, or the default rules.
        let stressed: Int
        if let marked = nuclei.firstIndex(where: { n in n.contains { acuteToPlain[verb[$0]] != nil } }) {
            stressed = marked
        } else if let last = verb.last, "aeiouns".unicodeScalars.contains(last) {
            stressed = max(0, nuclei.count - 2)
        } else {
            stressed = nuclei.count - 1
        }
        var out = plain(written)
        // With the pronouns the stress falls on the third syllable from the end or earlier: it is written.
        guard nuclei.count - 1 - stressed + extraSyllables >= 2 else { return out }
        let nucleus = nuclei[stressed]
        let target = nucleus.first(where: { acuteToPlain[verb[$0]] != nil })
            ?? nucleus.first(where: { "aeo".unicodeScalars.contains(verb[$0]) }) ?? nucleus.last!
        guard target < out.count, let mark = plainToAcute[out[target]] else { return nil }
        out[target] = mark
        return out
    }

    /// Vowel groups of a word, one per syllable: strong vowels next to each other, or an accented `í`/`ú`,
    /// start a new syllable; the `u` of `que`, `qui`, `gue`, `gui` is silent.
    static func nuclei(_ word: Scalars) -> [[Int]] {
        var result: [[Int]] = []
        var current: [Int] = []
        for (i, c) in word.enumerated() {
            let base = acuteToPlain[c] ?? c
            var vowel = "aeiouü".unicodeScalars.contains(base)
            if c == "u", i > 0, word[i - 1] == "q" || word[i - 1] == "g", i + 1 < word.count, word[i + 1] == "e" || word[i + 1] == "i" || word[i + 1] == "é" || word[i + 1] == "í" {
                vowel = false
            }
            if !vowel {
                if !current.isEmpty { result.append(current); current = [] }
                continue
            }
            if let previous = current.last {
                let p = word[previous]
                let strongHere = "aeoáéó".unicodeScalars.contains(c) || c == "í" || c == "ú"
                let strongBefore = "aeoáéó".unicodeScalars.contains(p) || p == "í" || p == "ú"
                if strongHere && strongBefore {
                    result.append(current)
                    current = []
                }
            }
            current.append(i)
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    static let acuteToPlain: [Unicode.Scalar: Unicode.Scalar] = ["á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u"]
    static let plainToAcute: [Unicode.Scalar: Unicode.Scalar] = ["a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"]

    static func plain(_ word: Scalars) -> Scalars { word.map { acuteToPlain[$0] ?? $0 } }
}
