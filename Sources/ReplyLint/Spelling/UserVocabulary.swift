import Foundation

/// A user's vocabulary folder, like Vale's: `accept.txt` (words spelling must not flag: brand and
/// product names, the team's jargon) and `reject.txt` (words spelling flags even when the dictionary
/// knows them: a competitor's name, a word the brand's style guide bans). Either file may be absent.
///
/// One entry a line; `#` starts a comment line. Matching ignores case. A plain entry matches a whole
/// word (`Zendesk`, `check-in`); an entry with regular-expression characters is a pattern that must
/// match a whole word (`[Ww]hats[Aa]pp`, `multi\w+`).
public struct UserVocabulary: Sendable {
    public let folder: String
    public private(set) var accepted: Set<String> = []
    public private(set) var rejected: Set<String> = []
    private var acceptPatterns: [Pattern] = []
    private var rejectPatterns: [Pattern] = []

    struct Pattern: @unchecked Sendable {
        let source: String
        let regex: NSRegularExpression
        func matches(_ word: String) -> Bool {
            regex.firstMatch(in: word, range: NSRange(word.startIndex..., in: word)) != nil
        }
    }

    /// Empty lists.
    public init(folder: String = "") {
        self.folder = folder
    }

    /// Reads `accept.txt` and `reject.txt` from a folder; an error when the folder or both files are
    /// missing, a file is unreadable, or a pattern does not compile.
    public static func load(folder: String) -> Result<UserVocabulary, SpellingSetupError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .failure(SpellingSetupError(path: folder, message: "no se encuentra la carpeta de vocabulario (debe contener accept.txt o reject.txt)"))
        }
        var vocabulary = UserVocabulary(folder: folder)
        var any = false
        for name in ["accept.txt", "reject.txt"] {
            let path = (folder as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            any = true
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                return .failure(SpellingSetupError(path: path, message: "no se puede leer o no es UTF-8"))
            }
            var lineNumber = 0
            for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lineNumber += 1
                let entry = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                if entry.isEmpty || entry.hasPrefix("#") { continue }
                guard vocabulary.add(entry, accept: name == "accept.txt") else {
                    return .failure(SpellingSetupError(path: "\(path):\(lineNumber)", message: "patrón no válido: \(entry)"))
                }
            }
        }
        guard any else {
            return .failure(SpellingSetupError(path: folder, message: "la carpeta de vocabulario no tiene accept.txt ni reject.txt"))
        }
        return .success(vocabulary)
    }

    /// Adds one entry (a word, or a pattern when it holds regular-expression characters) to the
    /// accept or the reject list; false when a pattern does not compile.
    mutating func add(_ entry: String, accept: Bool) -> Bool {
        let lowered = entry.lowercased().precomposedStringWithCanonicalMapping
        if entry.rangeOfCharacter(from: UserVocabulary.patternCharacters) == nil {
            if accept { accepted.insert(lowered) } else { rejected.insert(lowered) }
            return true
        }
        guard let regex = try? NSRegularExpression(pattern: "^(?:\(entry))$", options: [.caseInsensitive]) else { return false }
        let pattern = Pattern(source: entry, regex: regex)
        if accept { acceptPatterns.append(pattern) } else { rejectPatterns.append(pattern) }
        return true
    }

    /// The vocabulary `.replylint.yml` names (`vocabulary: accept/reject`), which the config step
    /// adds to the lexicons as the tables `vocabulary/accept` and `vocabulary/reject`.
    static func fromLexicons(_ lexicons: LexiconStore) throws -> UserVocabulary? {
        var vocabulary = UserVocabulary(folder: "")
        var any = false
        for (name, accept) in [("vocabulary/accept", true), ("vocabulary/reject", false)] {
            guard let table = lexicons.tables[name] else { continue }
            any = true
            for row in table.rows where !vocabulary.add(row.term, accept: accept) {
                throw LexiconError(path: table.path, line: row.line, reason: "patrón no válido: \(row.term)")
            }
        }
        return any ? vocabulary : nil
    }

    /// Both vocabularies: a word is accepted or rejected when either says so.
    func merged(with other: UserVocabulary?) -> UserVocabulary {
        guard let other else { return self }
        var result = self
        result.accepted.formUnion(other.accepted)
        result.rejected.formUnion(other.rejected)
        result.acceptPatterns += other.acceptPatterns
        result.rejectPatterns += other.rejectPatterns
        return result
    }

    static let patternCharacters = CharacterSet(charactersIn: "[](){}*+?|\\^$.")

    /// Whether the vocabulary accepts a word (given as written or lowercased).
    public func accepts(_ word: String) -> Bool {
        accepted.contains(word.lowercased()) || acceptPatterns.contains { $0.matches(word) }
    }

    /// Whether the vocabulary rejects a word.
    public func rejects(_ word: String) -> Bool {
        rejected.contains(word.lowercased()) || rejectPatterns.contains { $0.matches(word) }
    }

    public var isEmpty: Bool {
        accepted.isEmpty && rejected.isEmpty && acceptPatterns.isEmpty && rejectPatterns.isEmpty
    }
}
