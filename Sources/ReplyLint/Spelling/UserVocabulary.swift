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
            return .failure(SpellingSetupError(path: folder, message: "vocabulary folder not found (it should hold accept.txt and/or reject.txt)"))
        }
        var vocabulary = UserVocabulary(folder: folder)
        var any = false
        for name in ["accept.txt", "reject.txt"] {
            let path = (folder as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            any = true
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                return .failure(SpellingSetupError(path: path, message: "unreadable or not UTF-8"))
            }
            var lineNumber = 0
            for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lineNumber += 1
                let entry = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                if entry.isEmpty || entry.hasPrefix("#") { continue }
                let lowered = entry.lowercased().precomposedStringWithCanonicalMapping
                if entry.rangeOfCharacter(from: UserVocabulary.patternCharacters) == nil {
                    if name == "accept.txt" { vocabulary.accepted.insert(lowered) } else { vocabulary.rejected.insert(lowered) }
                    continue
                }
                guard let regex = try? NSRegularExpression(pattern: "^(?:\(entry))$", options: [.caseInsensitive]) else {
                    return .failure(SpellingSetupError(path: "\(path):\(lineNumber)", message: "not a valid pattern: \(entry)"))
                }
                let pattern = Pattern(source: entry, regex: regex)
                if name == "accept.txt" { vocabulary.acceptPatterns.append(pattern) } else { vocabulary.rejectPatterns.append(pattern) }
            }
        }
        guard any else {
            return .failure(SpellingSetupError(path: folder, message: "vocabulary folder has neither accept.txt nor reject.txt"))
        }
        return .success(vocabulary)
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
