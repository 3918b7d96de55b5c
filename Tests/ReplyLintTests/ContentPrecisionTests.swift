import Foundation
import XCTest
@testable import ReplyLint

/// Precision of the profanity and discrimination rules over a large clean vocabulary: every word of
/// the Spanish Hunspell dictionary (hunspell-es, expanded with its suffix rules: plurals, feminines,
/// verb forms...) is linted on its own line. The dictionary also spells the bad words themselves, so
/// a word that is exactly a form the lexicons declare is the lexicon at work, not a false alarm;
/// any other hit (a look-alike caught through leetspeak, elongation, masking or a glued phrase) must
/// be in `Data/content-precision-allowlist.txt` with a reason, or the test fails.
final class ContentPrecisionTests: XCTestCase {
    static let dictionary = "/usr/share/hunspell/es_ES"

    static let allowListPath: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Data/content-precision-allowlist.txt").path
    }()

    func testDictionaryWordsRaiseNoProfanityOrDiscrimination() throws {
        let dic = Self.dictionary + ".dic"
        let aff = Self.dictionary + ".aff"
        guard FileManager.default.fileExists(atPath: dic), FileManager.default.fileExists(atPath: aff) else {
            XCTFail("the Spanish Hunspell dictionary is missing (\(dic)): install it with `apt-get install hunspell-es`")
            return
        }
        let words = try HunspellExpander(aff: aff).expand(dic: dic)
        XCTAssertGreaterThanOrEqual(words.count, 20_000, "too few dictionary words to measure precision")

        let lexicons = TestSupport.lexicons
        let profanity = try ProfanityLexicon(lexicons)
        let discrimination = try DiscriminationLexicon(lexicons)
        // The forms the lexicons declare (one word, or a phrase written as one word).
        var declared = Set<String>()
        for matcher in [profanity.matcher, discrimination.matcher] {
            declared.formUnion(matcher.singles.keys)
            declared.formUnion(matcher.glued.keys)
        }

        let allowTable = try LexiconTable(name: "allowlist", path: Self.allowListPath,
                                          contents: String(contentsOfFile: Self.allowListPath, encoding: .utf8))
        try allowTable.require("reason")
        var allowed: [String: Int] = [:]
        for row in allowTable.rows {
            XCTAssertFalse(row["reason"].isEmpty, "\(Self.allowListPath):\(row.line): an allow-listed word needs a reason")
            XCTAssertNil(allowed[row.term], "\(Self.allowListPath):\(row.line): duplicate word '\(row.term)'")
            allowed[row.term] = row.line
        }

        let rules: [any Rule] = [
            try VulgarLanguageRule(lexicons: lexicons), try InsultRule(lexicons: lexicons),
            try SlurRule(lexicons: lexicons), try GeneralizationRule(lexicons: lexicons),
        ]
        let tokenizer = try Tokenizer()
        var ownWords = 0
        var ownList: [String] = []
        var unexpected: [String] = []
        var allowedHits = Set<String>()
        var start = 0
        while start < words.count {
            // One word a line: a line is a sentence of its own, so nothing joins across words.
            let chunk = words[start..<min(start + 2_000, words.count)]
            start += chunk.count
            let document = Document(string: chunk.joined(separator: "\n"))
            let (tokens, sentences) = tokenizer.tokenize(document.text)
            let context = RuleContext(document: document, tokens: tokens, sentences: sentences, options: LintOptions())
            for rule in rules {
                for finding in rule.check(context) {
                    let text = document.slice(finding.range)
                    let folded = tokenizer.fold(text)
                    if declared.contains(folded) {
                        ownWords += 1
                        ownList.append(text)
                    } else if allowed[text] != nil || allowed[folded] != nil {
                        allowedHits.insert(allowed[text] != nil ? text : folded)
                    } else {
                        unexpected.append("\(text) [\(type(of: rule).description.id)]")
                    }
                }
            }
        }
        print("content precision: \(words.count) dictionary words, \(ownWords) hits on the lexicons' own forms, "
              + "\(allowedHits.count) allow-listed, \(unexpected.count) unexpected")
        if ProcessInfo.processInfo.environment["REPLYLINT_VERBOSE"] != nil {
            print("lexicon forms found in the dictionary: " + ownList.joined(separator: " "))
        }
        XCTAssertTrue(unexpected.isEmpty, "false alarms on dictionary words (fix the lexicon, or allow-list with a reason): "
                      + unexpected.prefix(60).joined(separator: ", "))
        for (word, line) in allowed where !allowedHits.contains(word) {
            XCTFail("\(Self.allowListPath):\(line): '\(word)' is no longer flagged: remove it from the allow-list")
        }
    }
}

/// Expands a Hunspell dictionary with its suffix rules (one level, no prefixes): enough to get the
/// plurals, feminines and verb forms of every word.
struct HunspellExpander {
    struct Suffix {
        var strip: String
        var add: String
        /// Conditions on the last characters, last one last: nil = any character.
        var condition: [(set: Set<Character>, negated: Bool)?]
    }

    var suffixes: [Character: [Suffix]] = [:]

    init(aff: String) throws {
        let lines = try String(contentsOfFile: aff, encoding: .utf8).split(separator: "\n").map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }) }
        for fields in lines where fields.count >= 5 && fields[0] == "SFX" {
            // Rule lines have five fields; the header's fourth field is a count.
            if fields.count == 4 { continue }
            guard let flag = fields[1].first, fields[1].count == 1 else { continue }
            if fields[2] == "Y" || fields[2] == "N", Int(fields[3]) != nil, fields.count == 4 { continue }
            let strip = fields[2] == "0" ? "" : String(fields[2])
            let addField = fields[3].split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
            let add = addField == "0" ? "" : addField
            suffixes[flag, default: []].append(Suffix(strip: strip, add: add, condition: Self.parse(String(fields[4]))))
        }
    }

    static func parse(_ condition: String) -> [(set: Set<Character>, negated: Bool)?] {
        var result: [(set: Set<Character>, negated: Bool)?] = []
        var chars = Array(condition)[...]
        while let c = chars.popFirst() {
            if c == "." { result.append(nil); continue }
            if c == "[" {
                var negated = false
                if chars.first == "^" { negated = true; chars.removeFirst() }
                var set = Set<Character>()
                while let d = chars.popFirst(), d != "]" { set.insert(d) }
                result.append((set, negated))
                continue
            }
            result.append((Set([c]), false))
        }
        return result
    }

    func applies(_ suffix: Suffix, to word: [Character]) -> Bool {
        guard word.count >= suffix.condition.count else { return false }
        for (offset, element) in suffix.condition.enumerated() {
            guard let element else { continue }
            let c = word[word.count - suffix.condition.count + offset]
            if element.set.contains(c) == element.negated { return false }
        }
        return true
    }

    /// Every word and its suffixed forms, sorted, without duplicates.
    func expand(dic: String) throws -> [String] {
        var words = Set<String>()
        let lines = try String(contentsOfFile: dic, encoding: .utf8).split(separator: "\n").dropFirst()
        for line in lines {
            let parts = line.split(separator: "/", maxSplits: 1)
            guard let stem = parts.first.map(String.init), !stem.isEmpty else { continue }
            words.insert(stem)
            guard parts.count == 2 else { continue }
            let chars = Array(stem)
            for flag in parts[1] {
                for suffix in suffixes[flag] ?? [] where stem.hasSuffix(suffix.strip) && applies(suffix, to: chars) {
                    words.insert(String(stem.dropLast(suffix.strip.count)) + suffix.add)
                }
            }
        }
        return words.sorted()
    }
}
