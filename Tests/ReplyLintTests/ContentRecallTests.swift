import Foundation
import XCTest
@testable import ReplyLint

/// Recall over disguises: for every strong profanity entry, generated variants (capitals, accents,
/// leetspeak, @ for a, elongation, masking, dotted, spaced and hyphenated letters) must all be caught.
/// In a phrase, the last word is disguised and the rest written plainly.
final class ContentRecallTests: XCTestCase {
    /// The disguised spellings of a folded word, by name.
    static func variants(_ word: String) -> [(name: String, text: String)] {
        let letters = Array(word)
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        var result: [(String, String)] = [("capitals", word.uppercased())]
        let accented: [Character: Character] = ["a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"]
        if let i = letters.firstIndex(where: { vowels.contains($0) }) {
            var copy = letters
            copy[i] = accented[copy[i]]!
            result.append(("accent", String(copy)))
            var stretched = letters
            stretched.insert(contentsOf: [letters[i], letters[i], letters[i]], at: i)
            result.append(("elongation", String(stretched)))
        } else {
            var stretched = letters
            stretched.insert(contentsOf: [letters.last!, letters.last!, letters.last!], at: letters.count)
            result.append(("elongation", String(stretched)))
        }
        let leetMap: [Character: Character] = ["a": "4", "e": "3", "i": "1", "o": "0"]
        let leet = String(letters.map { leetMap[$0] ?? $0 })
        if leet != word { result.append(("leet", leet)) }
        if letters.dropFirst().contains("a") {
            result.append(("at sign", String(letters.prefix(1)) + String(letters.dropFirst().map { $0 == "a" ? "@" : $0 })))
        }
        if letters.count >= 3 {
            // Hide one inner letter: the first inner vowel, or the middle letter.
            let inner = letters.indices.dropFirst().dropLast()
            let i = inner.first(where: { vowels.contains(letters[$0]) }) ?? inner[inner.startIndex + (inner.count - 1) / 2]
            var masked = letters
            masked[i] = "*"
            result.append(("masked", String(masked)))
        }
        result.append(("dotted", letters.map(String.init).joined(separator: ".")))
        result.append(("spaced", letters.map(String.init).joined(separator: " ")))
        result.append(("hyphenated", letters.map(String.init).joined(separator: "-")))
        return result
    }

    func testEveryStrongProfanityEntryIsCaughtInDisguise() throws {
        let lexicons = TestSupport.lexicons
        let lexicon = try ProfanityLexicon(lexicons)
        let rules: [any Rule] = [try VulgarLanguageRule(lexicons: lexicons), try InsultRule(lexicons: lexicons)]
        let tokenizer = try Tokenizer()
        var entries = 0
        var checked = 0
        var missed: [String] = []
        for (index, entry) in lexicon.matcher.entries.enumerated() where lexicon.severities[index] == nil {
            entries += 1
            let words = tokenizer.fold(entry.term).split(separator: " ").map(String.init)
            let lead = words.dropLast().joined(separator: " ")
            let options = LintOptions(region: entry.regionOnly ? entry.regions.first : nil)
            let extra = entry.with.sorted().first.map { " " + $0 } ?? ""
            for (name, variant) in Self.variants(words.last!) {
                let before = "Le escribo por su pedido: " + (lead.isEmpty ? "" : lead + " ")
                let text = before + variant + extra + " y nada más."
                let span = before.utf8.count..<(before.utf8.count + variant.utf8.count)
                let document = Document(string: text)
                let (tokens, sentences) = tokenizer.tokenize(document.text)
                let context = RuleContext(document: document, tokens: tokens, sentences: sentences, options: options)
                let findings = rules.flatMap { $0.check(context) }
                checked += 1
                if !findings.contains(where: { $0.range.overlaps(span) }) {
                    missed.append("\(entry.term) as \(name) «\(variant)» (\(entry.path):\(entry.line))")
                }
            }
        }
        print("content recall: \(entries) strong entries, \(checked) disguised variants, \(missed.count) missed")
        XCTAssertGreaterThan(entries, 100)
        XCTAssertTrue(missed.isEmpty, "disguised profanity not caught:\n" + missed.joined(separator: "\n"))
    }

    func testVariantsAreReallyDisguised() {
        let names = Self.variants("mierda").map(\.text)
        XCTAssertEqual(names, ["MIERDA", "míerda", "miiiierda", "m13rd4", "mierd@", "m*erda", "m.i.e.r.d.a", "m i e r d a", "m-i-e-r-d-a"])
    }
}
