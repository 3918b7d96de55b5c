import Foundation

/// A dictionary with its caches and replylint's suggester: what the spelling rules call.
///
/// One per dictionary path and process (`shared(dictionary:)`), created on first use and kept: loading
/// the Spanish dictionary takes tens of milliseconds, and the caches pay off across documents.
public final class SpellChecker: @unchecked Sendable {
    public let dictionary: HunspellDictionary
    let verdicts = SpellingCache<Bool>()
    let suggestionCache = SpellingCache<Suggestions>(limit: 50_000)

    /// Suggestions for a word, best first, and where they came from.
    public struct Suggestions: Sendable, Equatable {
        public var words: [String]
        /// `accents`, `confusions`, `oneEdit` (replylint's own stages), `hunspell` or `none`.
        public var stage: String
    }

    public init(dictionary: HunspellDictionary) {
        self.dictionary = dictionary
    }

    /// Whether the dictionary accepts the word as written; cached.
    public func isCorrect(_ word: String) -> Bool {
        verdicts.value(for: word) { dictionary.spell(word) }
    }

    /// Up to three suggestions for a word the dictionary rejects; cached. replylint's own candidates
    /// first, Hunspell's suggester only when they find nothing and `fallback` allows it (a likely name
    /// gains nothing from Hunspell's slow guesses).
    public func suggestions(for word: String, fallback: Bool = true) -> Suggestions {
        if !fallback {
            return suggestionCache.value(for: "\u{1}" + word) { ownSuggestions(for: word) }
        }
        return suggestionCache.value(for: word) { computeSuggestions(for: word) }
    }

    /// The same without the cache (for the benchmark).
    public func computeSuggestions(for word: String, limit: Int = 3) -> Suggestions {
        let own = ownSuggestions(for: word, limit: limit)
        if !own.words.isEmpty { return own }
        guard SpellChecker.worthAskingHunspell(word) else { return Suggestions(words: [], stage: "none") }
        let theirs = Array(dictionary.suggest(word).prefix(limit))
        return Suggestions(words: theirs, stage: theirs.isEmpty ? "none" : "hunspell")
    }

    /// Letters Spanish doubles in ordinary words (the matcher's list: `llamar`, `perro`, `acción`, `leer`).
    static let spanishDoubles = Set(LexiconMatcher.ordinaryDoubles.flatMap(\.unicodeScalars))
    static let spanishLetters: Set<Unicode.Scalar> = Set("abcdefghijlmnopqrstuvxyzñáéíóúü".unicodeScalars)
    static let vowels: Set<Unicode.Scalar> = Set("aeiouáéíóúü".unicodeScalars)
    static let spanishFinals: Set<Unicode.Scalar> = Set("aeiouáéíóúnsrldzyjx".unicodeScalars)

    /// Whether Hunspell's suggester (tens of milliseconds a word) can help with a word replylint's own
    /// stages found nothing for. It only proposes Spanish words, so it is asked only about a word spelled
    /// the way Spanish words are: 4 to 10 letters of the Spanish alphabet (no `k` or `w`, which Spanish
    /// keeps for loanwords), a vowel, no doubled letter Spanish never doubles (`tt`, `gg`, `ss`), none of
    /// the digraphs of other languages (`sh`, `th`, `gh`, `ph`, `ck`), a Spanish final letter and not two
    /// consonants at the end, and not a two-letter alternation such as written laughter (`jajajja`).
    /// For the rest (loanwords, brand names, laughter, keyboard mashing: `makeup`, `tweets`, `bnmx`) its
    /// guesses were measured to be noise (`makeup` → `mapuche`), at the price of the slowest calls. So
    /// were they for longer words with no one-edit fix (`editorialmente` → `editorial mente`,
    /// `geolocalización` → `localización`), which took 50 to 70 ms each: such words are mostly correct
    /// ones the dictionary lacks, for the team's vocabulary. On the dev set's 81 real misspellings
    /// this fallback gives two more right first suggestions than none at all (75 against 73).
    static let hunspellLengths = 4...10
    static func worthAskingHunspell(_ word: String) -> Bool {
        let w = Array(word.lowercased().unicodeScalars)
        guard hunspellLengths.contains(w.count), w.allSatisfy(spanishLetters.contains), w.contains(where: vowels.contains) else { return false }
        for (a, b) in zip(w, w.dropFirst()) {
            if a == b && !spanishDoubles.contains(a) { return false }
            switch (a, b) {
            case ("s", "h"), ("t", "h"), ("g", "h"), ("p", "h"), ("c", "k"): return false
            default: break
            }
        }
        guard let last = w.last, spanishFinals.contains(last), !(!vowels.contains(w[w.count - 2]) && !vowels.contains(last) && last != "y") else {
            return false
        }
        // Two letters taking turns, once doubled letters are squeezed (`jajjajaja` → `jajajaja`).
        var squeezed: [Unicode.Scalar] = []
        for c in w where c != squeezed.last { squeezed.append(c) }
        if squeezed.count >= 4, Set(squeezed).count == 2 { return false }
        return true
    }

    /// replylint's own candidates only, uncached; empty when its stages find nothing.
    public func ownSuggestions(for word: String, limit: Int = 3) -> Suggestions {
        let (words, stage) = dictionary.withSpeller { spell in
            CandidateGenerator(spell: spell).candidates(for: word, limit: limit)
        }
        return Suggestions(words: words, stage: stage.rawValue)
    }

    /// Cache statistics: (entries, hits, misses) of the word verdicts.
    public var cacheStatistics: (entries: Int, hits: Int, misses: Int) {
        (verdicts.count, verdicts.hits, verdicts.misses)
    }

    /// Empties both caches (for measurements).
    public func clearCaches() {
        verdicts.removeAll()
        suggestionCache.removeAll()
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var instances: [String: Result<SpellChecker, SpellingSetupError>] = [:]

    /// The process's checker for a dictionary path, loaded on first use. A failure is remembered too:
    /// a missing dictionary is looked for once.
    public static func shared(dictionary path: String) -> Result<SpellChecker, SpellingSetupError> {
        lock.lock()
        defer { lock.unlock() }
        if let known = instances[path] { return known }
        let result: Result<SpellChecker, SpellingSetupError>
        do {
            result = .success(SpellChecker(dictionary: try HunspellDictionary(path: path)))
        } catch let error as SpellingSetupError {
            result = .failure(error)
        } catch {
            result = .failure(SpellingSetupError(path: path, message: "\(error)"))
        }
        instances[path] = result
        return result
    }
}
