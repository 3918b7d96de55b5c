import Foundation
import XCTest
@testable import ReplyLint

/// The lexicon matcher on small tables written here, so each behaviour is tested on its own.
final class MatcherTests: XCTestCase {
    static let header = "#! columns: term | sev | region | forms | when | note\n"

    func table(_ body: String, name: String = "test/list") throws -> LexiconTable {
        try LexiconTable(name: name, path: "lexicons/es/\(name).txt", contents: Self.header + body)
    }

    func matches(_ matcher: LexiconMatcher, _ text: String, region: String? = nil) throws -> [String] {
        let document = Document(string: text)
        let (tokens, sentences) = try Tokenizer().tokenize(document.text)
        let context = RuleContext(document: document, tokens: tokens, sentences: sentences, options: LintOptions(region: region))
        return matcher.matches(in: context).map { document.slice($0.range) }
    }

    func testMarkSetsAnswerLikeTheirCharacterSets() {
        // Every mark, every other punctuation scalar up to U+2100, and texts of more than one scalar.
        var texts = (0x21...0x2100).compactMap { Unicode.Scalar($0).map { String(Character($0)) } }
        texts += ["..", "¡¡", "'\u{301}", "-\u{300}", "", "ab", "…."]
        for (marks, set) in [(LexiconMatcher.openingMarks, LexiconMatcher.opening), (LexiconMatcher.closingMarks, LexiconMatcher.closing)] {
            for text in texts {
                XCTAssertEqual(marks.contains(text), text.count == 1 && set.contains(text.first!), text)
            }
        }
    }

    func testSpelledRunsFoundOnTheWayAreTheRunsOfOneLetterTokens() throws {
        // The reference: runs of two or more one-letter tokens in a row, in one sentence.
        func reference(_ tokens: [Token]) -> [Range<Int>] {
            var result: [Range<Int>] = []
            var i = 0
            while i < tokens.count {
                guard LexiconMatcher.isOneLetter(tokens[i]) else { i += 1; continue }
                var j = i + 1
                while j < tokens.count, LexiconMatcher.isOneLetter(tokens[j]), tokens[j].sentence == tokens[i].sentence { j += 1 }
                if j - i >= 2 { result.append(i..<j) }
                i = j
            }
            return result
        }
        var generator = FormIndexTests.Seeded(state: 5)
        let pieces = ["m", "i", "é", "ñ", "A", "3", "y", "casa", "ok", "13", ".", ". ", "! ", "-", "*", "@", "\u{301}", "ü",
                      "\n\n", "ja", "#x", "🙂", " ", " ", " "]
        let vocabulary = LexiconVocabulary()
        _ = try LexiconMatcher(tables: [table("mierda | strong")], vocabulary: vocabulary)
        let tokenizer = try Tokenizer()
        var found = 0
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let document = Document(string: text)
            let (tokens, sentences) = tokenizer.tokenize(document.text)
            // Without the word table (no templates) and with it (templates made, then read).
            for withTable in [false, true, true] {
                var context = RuleContext(document: document, tokens: tokens, sentences: sentences, options: LintOptions())
                if withTable { context.words = tokenizer.wordTable }
                let shared = LexiconMatcher.SharedUnits(context, vocabulary: vocabulary)
                XCTAssertEqual(shared.spelledRuns, reference(tokens), text)
                found += shared.spelledRuns.count
            }
        }
        XCTAssertGreaterThan(found, 200)
    }

    func testWordUnitsAndTemplatesStaySmall() {
        // Read for every token of every document: a unit is plain values, and a word's template (read at
        // random by word id) a third of a unit.
        XCTAssertTrue(_isPOD(LexiconMatcher.Unit.self))
        XCTAssertTrue(_isPOD(LexiconMatcher.SharedUnits.Template.self))
        XCTAssertLessThanOrEqual(MemoryLayout<LexiconMatcher.SharedUnits.Template?>.stride, 12)
        XCTAssertLessThanOrEqual(MemoryLayout<LexiconMatcher.Unit>.stride, 40)
    }

    func testAMatcherBuiltAfterTheDocumentsUnitsStillFindsItsWords() throws {
        // Two matchers share a vocabulary; the second is built after the first has made the document's
        // units (with the vocabulary as it stood then), and must find its own words all the same: as
        // plain words, as phrase words, and glued into clusters or spelled out.
        let vocabulary = LexiconVocabulary()
        let first = try LexiconMatcher(tables: [table("mierda | strong")], vocabulary: vocabulary)
        let text = "Qué mierda, la caca de vaca, c.a.c.a y c a c a, otra caca."
        let document = Document(string: text)
        let tokenizer = try Tokenizer()
        let (tokens, sentences) = tokenizer.tokenize(document.text)
        var context = RuleContext(document: document, tokens: tokens, sentences: sentences, options: LintOptions())
        context.words = tokenizer.wordTable
        XCTAssertEqual(first.matches(in: context).map { document.slice($0.range) }, ["mierda"])
        let second = try LexiconMatcher(tables: [table("caca | strong\nde vaca | strong")], vocabulary: vocabulary)
        XCTAssertEqual(second.matches(in: context).map { document.slice($0.range) },
                       ["caca", "de vaca", "c.a.c.a", "c a c a", "caca"])
        // The same document met afresh finds the same.
        let fresh = RuleContext(document: document, tokens: tokens, sentences: sentences, options: LintOptions())
        XCTAssertEqual(second.matches(in: fresh).map { document.slice($0.range) }, ["caca", "de vaca", "c.a.c.a", "c a c a", "caca"])
    }

    func testMatchesWholeTokensNeverSubstrings() throws {
        let m = try LexiconMatcher(tables: [table("puta | strong\ncomputo | strong\nmierda | strong\npollo | strong | | | with:gallina")])
        XCTAssertEqual(try matches(m, "La computadora, la disputa y el análisis del cómputo"), ["cómputo"])
        XCTAssertEqual(try matches(m, "El padre putativo y el pollo asado"), [])
        XCTAssertEqual(try matches(m, "Una mierda, otra MIERDA."), ["mierda", "MIERDA"])
    }

    func testDeclaredFormsOnlyNothingGuessed() throws {
        let m = try LexiconMatcher(tables: [table("pendejo | strong | | -a, -os, -ito\nsudaca | strong | | -s\ncabrón | strong | | -es, cabronazo")])
        XCTAssertEqual(try matches(m, "pendeja pendejos pendejito sudacas cabrones cabronazo"),
                       ["pendeja", "pendejos", "pendejito", "sudacas", "cabrones", "cabronazo"])
        // Not declared: not matched.
        XCTAssertEqual(try matches(m, "pendejas sudaquitas cabronas"), [])
    }

    func testPhrasesAcrossSpacesAndPunctuationWithinASentence() throws {
        let m = try LexiconMatcher(tables: [table("hijo de puta | strong | | hija de puta\nhala madrid | strong")])
        XCTAssertEqual(try matches(m, "Es un hijo  de... puta, y una hija de puta."), ["hijo  de... puta", "hija de puta"])
        XCTAssertEqual(try matches(m, "¡Hala, Madrid!"), ["Hala, Madrid"])
        XCTAssertEqual(try matches(m, "Vamos a Hala. Madrid queda lejos."), [])
        XCTAssertEqual(try matches(m, "Gracias y #HalaMadrid"), ["#HalaMadrid"])
        // A first word with an ordinary double letter, written plainly and stretched.
        let doubles = try LexiconMatcher(tables: [table("cállate la boca | mild\nllorar a mares | mild")])
        XCTAssertEqual(try matches(doubles, "Callate la boca. Vas a llorar a mares. Vas a llorrrar a mares."),
                       ["Callate la boca", "llorar a mares", "llorrrar a mares"])
    }

    func testAMatcherFindsTheSameBesideOneWithLongerPhrases() throws {
        // Matchers that share a vocabulary share the merged stretches around disguised words, built to
        // reach as far as the longest phrase of any of them: a matcher of short phrases must find the
        // same in them as in stretches of its own.
        let body = "puta madre | strong\nmierda | strong\nhdp | strong"
        let alone = try LexiconMatcher(tables: [table(body)])
        let vocabulary = LexiconVocabulary()
        let short = try LexiconMatcher(tables: [table(body)], vocabulary: vocabulary)
        let long = try LexiconMatcher(tables: [table("uno dos tres cuatro cinco seis siete ocho | strong\nla p u t a que te | strong")],
                                      vocabulary: vocabulary)
        XCTAssertEqual(vocabulary.longestPhrase, 8)
        let texts = [
            "La p u t a madre, uno dos tres cuatro cinco seis siete ocho m*erda y la p.u.t.a m@dre, h.d.p",
            "m i e r d a " + String(repeating: "palabra ", count: 5) + "la puta m*dre " + String(repeating: "x ", count: 9) + "p-u-t-a madre",
            "la p u t a que te parió, puta m_dre",
        ]
        for text in texts {
            let document = Document(string: text)
            let (tokens, sentences) = try Tokenizer().tokenize(document.text)
            let context = RuleContext(document: document, tokens: tokens, sentences: sentences, options: LintOptions())
            let together = long.matches(in: context).count + short.matches(in: context).count  // the long one builds first
            XCTAssertGreaterThan(together, 0, text)
            XCTAssertEqual(short.matches(in: context).map { document.slice($0.range) }, try matches(alone, text), text)
        }
    }

    func testDisguises() throws {
        let m = try LexiconMatcher(tables: [table("mierda | strong\npendejo | strong | | -os\ncabrón | strong\nhdp | strong\nputa madre | strong")])
        let cases: [(String, String)] = [
            ("Qué pendéjo", "pendéjo"), ("Qué p3nd3j0", "p3nd3j0"), ("Qué m13rd4", "m13rd4"), ("Qué c@brón", "c@brón"),
            ("Son pendej0$ todos", "pendej0$"), ("Qué mieeeerda", "mieeeerda"), ("Qué mierdaa", "mierdaa"),
            ("Qué m*erda", "m*erda"), ("Qué m**rda", "m**rda"), ("Qué m.i.e.r.d.a", "m.i.e.r.d.a"), ("Qué m i e r d a y ya", "m i e r d a"),
            ("Qué m-i-e-r-d-a", "m-i-e-r-d-a"), ("Qué m_erda", "m_erda"), ("Qué HDP", "HDP"), ("Qué h.d.p.", "h.d.p"),
            ("La puta m*dre", "puta m*dre"), ("La p u t a madre", "p u t a madre"), ("La putamadre", "putamadre"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(try matches(m, text), [expected], text)
        }
        // Ordinary doubles, footnote asterisks and plain words stay clean.
        XCTAssertEqual(try matches(m, "Cullera, leer, cooperar, precio* (*sin IVA), 4G y 5G, S.A. y EE.UU."), [])
    }

    func testRegionOnlyEntriesNeedTheirRegion() throws {
        let m = try LexiconMatcher(tables: [table("coger | strong | es-MX, es-AR | coge | region\ngilipollas | strong | es-ES")])
        XCTAssertEqual(try matches(m, "Puede coger el tren; no sea gilipollas."), ["gilipollas"])
        XCTAssertEqual(try matches(m, "Puede coger el tren; no sea gilipollas.", region: "es-ES"), ["gilipollas"])
        XCTAssertEqual(try matches(m, "Puede coger el tren; no sea gilipollas.", region: "es-MX"), ["coger", "gilipollas"])
        XCTAssertEqual(try matches(m, "Lo coge mañana.", region: "es_ar"), ["coge"])
    }

    func testSentenceConditions() throws {
        let m = try LexiconMatcher(tables: [table("concha | strong | | | without:mar,playa\nbaboso | mild | | | with:eres,pinche")])
        XCTAssertEqual(try matches(m, "Una concha de la playa. Qué concha."), ["concha"])
        XCTAssertEqual(try matches(m, "El caracol baboso. Eres un baboso."), ["baboso"])
    }

    func testClassSlots() throws {
        let classes = try LexiconTable(name: "test/classes", path: "lexicons/es/test/classes.txt",
                                       contents: "#! columns: member | class | forms | note\nmujeres | grupo | mujer\npersonas mayores | grupo\n")
        let m = try LexiconMatcher(tables: [table("todos los <grupo> son | strong\n<grupo> no saben | strong")], classes: classes)
        XCTAssertEqual(try matches(m, "Todos los personas mayores son así. Las mujeres no saben."), ["Todos los personas mayores son", "mujeres no saben"])
        XCTAssertEqual(try matches(m, "Todos los clientes son importantes."), [])
        // A phrase that opens with a member of several words; the next word decides which phrases are tried.
        XCTAssertEqual(try matches(m, "Personas mayores no saben. Mujer no sabe. Mujeres no saben nada."), ["Personas mayores no saben", "Mujeres no saben"])
        // A member of several words matches whole, in one sentence, and a word matches as itself only.
        XCTAssertEqual(try matches(m, "Todos los personas jóvenes son así. Todos los personas. Mayores son así."), [])
        XCTAssertEqual(try matches(m, "Todos los mujeres mayores son así. Todos los MUJERES son, todos los mujer son."),
                       ["Todos los MUJERES son", "todos los mujer son"])
    }

    func testMalformedEntriesNameFileAndLine() throws {
        let bad: [(String, String)] = [
            ("ok | strong\nhijo de puta | strong | | -as", "an ending applies to a one-word entry"),
            ("ok | strong\nmierda | strong | mx", "is not a tag like es-MX"),
            ("ok | strong\nmierda | strong | | | sometimes", "unknown condition"),
            ("ok | strong\nmierda | strong | | | region", "needs region tags"),
            ("ok | strong\nmi3rda | strong", "is not a word"),
            ("ok | strong\ntodos los <nada> | strong", "unknown class <nada>"),
            ("ok | strong\nputa | strong | | -o\nputo | strong", "duplicate form 'puto'"),
            ("ok | strong\nhala madrid | strong\nhala  madrid | strong", "duplicate phrase 'hala madrid'"),
        ]
        for (body, reason) in bad {
            XCTAssertThrowsError(try LexiconMatcher(tables: [table(body)]), reason) { error in
                guard let error = error as? LexiconError else { return XCTFail("not a LexiconError: \(error)") }
                XCTAssertEqual(error.path, "lexicons/es/test/list.txt")
                XCTAssertGreaterThanOrEqual(error.line, 3, "\(reason): \(error)")
                XCTAssertTrue(error.description.contains(reason), "\(error.description) should say \(reason)")
                XCTAssertTrue(error.description.hasPrefix("lexicons/es/test/list.txt:\(error.line): error:"))
            }
        }
    }

    func testSeverityColumnIsChecked() throws {
        let t = try table("mierda | fuerte")
        XCTAssertThrowsError(try LexiconColumns.severity(t.rows[0], in: t)) { error in
            XCTAssertEqual((error as? LexiconError)?.line, 2)
        }
    }

    /// Every content lexicon documents its columns in its header and builds without error; the
    /// builders reject malformed and duplicated lines with the file and line.
    func testContentLexiconsAreDocumentedAndLoad() throws {
        let lexicons = TestSupport.lexicons
        let families = ["profanity", "discrimination", "polemic", "empathy"]
        let names = lexicons.tables.keys.filter { name in families.contains { name.hasPrefix($0 + "/") } }
        XCTAssertGreaterThanOrEqual(names.count, 14)
        for name in names {
            let table = try lexicons.table(name)
            let text = try String(contentsOfFile: table.path, encoding: .utf8)
            let comments = text.split(separator: "\n").filter { $0.hasPrefix("#") && !$0.hasPrefix("#!") }.joined(separator: "\n")
            for column in table.columns {
                XCTAssertTrue(comments.contains(column), "\(table.path): the header does not explain the column '\(column)'")
            }
        }
        for type in ProfanityFamily.rules + DiscriminationFamily.rules + PolemicFamily.rules + EmpathyFamily.rules {
            XCTAssertNoThrow(try type.init(lexicons: lexicons), "\(type.description.id)")
        }
        let profanity = try ProfanityLexicon(lexicons)
        print("profanity: \(profanity.matcher.entries.count) entries, \(profanity.matcher.singles.count + profanity.matcher.glued.count) word forms")
        XCTAssertGreaterThanOrEqual(profanity.matcher.entries.count, 150)
    }

    /// Matching cost grows with the reply, not with the lexicon: a long reply runs in well under a second.
    func testLongReplyStaysFast() throws {
        let rule = try VulgarLanguageRule(lexicons: TestSupport.lexicons)
        let sentence = "Gracias por escribirnos: su pedido de computadoras llega el lunes a Escuintla, sin coste. "
        let document = Document(string: String(repeating: sentence, count: 400))
        let (tokens, sentences) = try Tokenizer().tokenize(document.text)
        let context = RuleContext(document: document, tokens: tokens, sentences: sentences, options: LintOptions())
        let start = Date()
        XCTAssertEqual(rule.check(context).count, 0)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "\(tokens.count) tokens")
    }
}
