import Foundation

/// A dictionary with its caches and replylint's suggester: what the spelling rules call.
///
/// One per dictionary path and process (`shared(dictionary:)`), created on first use and kept: loading
/// the Spanish dictionary takes tens of milliseconds, and the caches pay off across documents.
public final class SpellChecker: @unchecked Sendable {
    public let dictionary: HunspellDictionary
    /// The dictionary's forms in a mapped table, when replylint could build or find one: it answers most
    /// questions without Hunspell (see `FormIndex`).
    public let forms: FormIndex?
    let verdicts = SpellingCache<Bool>()
    let suggestionCache = SpellingCache<Suggestions>(limit: 50_000)
    let nameSuggestionCache = SpellingCache<Suggestions>(limit: 50_000)

    /// Suggestions for a word, best first, and where they came from.
    public struct Suggestions: Sendable, Equatable {
        public var words: [String]
        /// The stage of replylint's candidate search that found them (`repeats`, `accents`, `confusions`,
        /// `oneEdit`), or `none`.
        public var stage: String
    }

    public init(dictionary: HunspellDictionary, forms: FormIndex? = nil) {
        self.dictionary = dictionary
        self.forms = forms
    }

    /// Whether the dictionary accepts the word as written; cached.
    public func isCorrect(_ word: String) -> Bool {
        verdicts.value(for: word) { forms?.verdict(word) ?? dictionary.spell(word) }
    }

    /// Up to three suggestions for a word the dictionary rejects, from replylint's own candidate search;
    /// cached.
    ///
    /// Hunspell's `suggest()` is not asked, even when the search finds nothing. Measured on the benchmark
    /// text (real tweets and replies, about 600 distinct unknown words), the search found nothing for 36
    /// Spanish-looking words; Hunspell's answers were right for 2 of them and noise for the rest
    /// (`colacaito` → `litocola`, `infografía` → `iconografía`), at 15 to 32 ms a word: 15 % of the
    /// time of linting 10 MB. A wrong `help:` line costs more trust than a missing one. Such words are
    /// mostly names, slang or new words the dictionary lacks, which belong in the team's vocabulary.
    ///
    /// `edits: false` is for a word that is likely a name (capitalised in mid-sentence): the search stops
    /// before its one-edit stage, whose guesses for names are noise (`Mike` → `Mime`).
    public func suggestions(for word: String, edits: Bool = true) -> Suggestions {
        edits ? suggestionCache.value(for: word) { computeSuggestions(for: word) }
              : nameSuggestionCache.value(for: word) { computeSuggestions(for: word, edits: false) }
    }

    /// The same without the cache (for the benchmark).
    public func computeSuggestions(for word: String, limit: Int = 3, edits: Bool = true) -> Suggestions {
        let (words, stage): ([String], CandidateGenerator.Stage)
        if let forms {
            // Candidates are lowercase or capitalised letters: the table answers nearly all of them.
            let dictionary = dictionary
            (words, stage) = CandidateGenerator(spell: { forms.verdict($0) ?? dictionary.spell($0) },
                                                lookup: { forms.verdict(lowercase: $0, capitalized: $1) })
                .candidates(for: word, limit: limit, edits: edits)
        } else {
            (words, stage) = dictionary.withSpeller { spell in
                CandidateGenerator(spell: spell).candidates(for: word, limit: limit, edits: edits)
            }
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
        nameSuggestionCache.removeAll()
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var instances: [String: Result<SpellChecker, SpellingSetupError>] = [:]

    /// The process's checker for a dictionary path, loaded on first use. A failure is remembered too:
    /// a missing dictionary is looked for once.
    ///
    /// With a cache folder (`FormIndex.cacheDirectory`), it maps the dictionary's form table and loads
    /// Hunspell only when a word needs it. The first time, it loads Hunspell, builds the table (about 3 s
    /// for the Spanish dictionary, once per machine) and writes it there.
    public static func shared(dictionary path: String) -> Result<SpellChecker, SpellingSetupError> {
        lock.lock()
        defer { lock.unlock() }
        if let known = instances[path] { return known }
        let result: Result<SpellChecker, SpellingSetupError>
        do {
            if let directory = FormIndex.cacheDirectory {
                let deferred = try HunspellDictionary(path: path, deferred: true)
                if let forms = FormIndex.open(dictionary: path, directory: directory) {
                    result = .success(SpellChecker(dictionary: deferred, forms: forms))
                } else {
                    let loaded = try HunspellDictionary(path: path)
                    let forms = FormIndex.build(dictionary: path, directory: directory, accepts: loaded.spellAll)
                    result = .success(SpellChecker(dictionary: loaded, forms: forms))
                }
            } else {
                result = .success(SpellChecker(dictionary: try HunspellDictionary(path: path)))
            }
        } catch let error as SpellingSetupError {
            result = .failure(error)
        } catch {
            result = .failure(SpellingSetupError(path: path, message: "\(error)"))
        }
        instances[path] = result
        return result
    }
}
