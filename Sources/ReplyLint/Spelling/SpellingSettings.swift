import Foundation

/// Where spelling finds its dictionary and the user's vocabulary.
///
/// The spelling rules read `SpellingSettings.current` when a `Linter` builds them, so a program sets
/// it first:
///
///     SpellingSettings.current = SpellingSettings(dictionary: "/opt/dic/es_MX", vocabulary: "styles/vocab")
///     let linter = try Linter(lexicons: store)
///     for problem in SpellingSettings.current.problems() { print(problem) }   // exit status 2
///
/// A missing dictionary or vocabulary folder never makes a rule's `init` throw: the spelling rules then
/// report nothing (the vocabulary's reject list still works without a dictionary), the other families
/// run, and `problems()` says what is wrong and how to fix it.
public struct SpellingSettings: Sendable, Equatable {
    /// The Debian `hunspell-es` dictionary.
    public static let standardDictionary = "/usr/share/hunspell/es_ES"

    /// Dictionary path without extension: Hunspell reads `<path>.aff` and `<path>.dic` (UTF-8).
    public var dictionary: String
    /// A folder with `accept.txt` and/or `reject.txt` (one word a line, `#` comments), or nil.
    public var vocabulary: String?
    /// Words longer than this many characters are not spelled; they are reported at note severity.
    public var maxWordLength: Int

    /// `dictionary` nil means `$REPLYLINT_DICTIONARY`, then `/usr/share/hunspell/es_ES`.
    public init(dictionary: String? = nil, vocabulary: String? = nil, maxWordLength: Int = 32) {
        self.dictionary = dictionary ?? SpellingSettings.environmentDictionary ?? SpellingSettings.standardDictionary
        self.vocabulary = vocabulary
        self.maxWordLength = maxWordLength
    }

    static var environmentDictionary: String? {
        guard let value = ProcessInfo.processInfo.environment["REPLYLINT_DICTIONARY"], !value.isEmpty else { return nil }
        return value
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var stored = SpellingSettings()

    /// The settings the spelling rules are built with. Set it before creating a `Linter`; a linter
    /// keeps the settings it was built with.
    public static var current: SpellingSettings {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }

    /// What keeps spelling from working with these settings: a missing or unreadable dictionary, a
    /// missing or unreadable vocabulary folder. Empty when all is well. Loads the dictionary if no
    /// rule did yet (once per process and path).
    /// `checkDictionary` false leaves out the dictionary (every config in use names its own).
    public func problems(checkDictionary: Bool = true) -> [SpellingSetupError] {
        var result: [SpellingSetupError] = []
        if checkDictionary, case .failure(let error) = SpellChecker.shared(dictionary: dictionary) { result.append(error) }
        if let vocabulary, case .failure(let error) = UserVocabulary.load(folder: vocabulary) { result.append(error) }
        return result
    }
}

/// Why spelling cannot run as configured. The CLI prints it once as an input error (exit status 2).
public struct SpellingSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or folder at fault.
    public let path: String
    /// One line without the path, with the fix when there is one.
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): error: \(message)" }

    /// The same problem as an input error, for `Diagnostic(inputError:)`.
    public var inputError: InputError { .unreadable(path: path, reason: message) }
}
