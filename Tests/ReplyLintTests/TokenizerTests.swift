import XCTest
@testable import ReplyLint
import ICUShim

final class TokenizerTests: XCTestCase {
    var tokenizer: Tokenizer!

    override func setUpWithError() throws {
        tokenizer = try Tokenizer(locale: "es")
    }

    func tokens(_ text: String) -> [Token] {
        tokenizer.tokenize(Array(text.utf8)).tokens
    }

    func kinds(_ text: String) -> [String] {
        tokens(text).map { "\($0.kind.rawValue):\($0.text)" }
    }

    func testWordsNumbersAndSpanishPunctuation() {
        XCTAssertEqual(kinds("¿Cómo está? ¡Muy bien!"),
                       ["punctuation:¿", "word:Cómo", "word:está", "punctuation:?", "punctuation:¡", "word:Muy",
                        "word:bien", "punctuation:!"])
        XCTAssertEqual(kinds("Total: 1.250,50 € y 3,5%"),
                       ["word:Total", "punctuation::", "number:1.250,50", "symbol:€", "word:y", "number:3,5", "punctuation:%"])
    }

    func testTwoByteScalarsAreNoEmojiButCopyrightAndRegistered() {
        // The tokenizer passes over U+0080 to U+07FF without asking ICU, except © and ®: ICU agrees.
        for c in UInt32(0x80)...0x7FF {
            let value = Int32(bitPattern: c)
            XCTAssertEqual(rl_is_extended_pictographic(value) != 0 || rl_is_regional_indicator(value) != 0,
                           c == 0xA9 || c == 0xAE, String(c, radix: 16))
        }
        XCTAssertEqual(kinds("© ® Año ™ ñú"), ["emoji:©", "emoji:®", "word:Año", "emoji:™", "word:ñú"])
    }

    func testEmojiClustersStayWhole() {
        // ZWJ family, skin tone, flag, keycap: one token each.
        let text = "Hola 👨‍👩‍👧‍👦 👍🏽 🇪🇸 1️⃣ ❤️ fin"
        XCTAssertEqual(kinds(text),
                       ["word:Hola", "emoji:👨‍👩‍👧‍👦", "emoji:👍🏽", "emoji:🇪🇸", "emoji:1️⃣", "emoji:❤️", "word:fin"])
    }

    func testURLsEmailsMentionsHashtags() {
        let text = "Escriba a @Soporte_MX o a ayuda@empresa.com.mx, vea https://empresa.com/ayuda?x=1. #AtenciónAlCliente"
        XCTAssertEqual(kinds(text),
                       ["word:Escriba", "word:a", "mention:@Soporte_MX", "word:o", "word:a", "email:ayuda@empresa.com.mx",
                        "punctuation:,", "word:vea", "url:https://empresa.com/ayuda?x=1", "punctuation:.",
                        "hashtag:#AtenciónAlCliente"])
        XCTAssertEqual(kinds("Más en www.empresa.es y empresa.com/faq."),
                       ["word:Más", "word:en", "url:www.empresa.es", "word:y", "url:empresa.com/faq", "punctuation:."])
        XCTAssertEqual(kinds("(ver https://a.com/x_(y))"),
                       ["punctuation:(", "word:ver", "url:https://a.com/x_(y)", "punctuation:)"])
    }

    func testLinksInAnyCaseAndRunsThatAreNotLinks() {
        // Scheme, www and top-level domain in capitals are links all the same.
        XCTAssertEqual(tokens("Vea HTTPS://EMPRESA.COM/AYUDA o WWW.Empresa.Es o Tienda.MX hoy").filter { $0.kind == .url }.map(\.text),
                       ["HTTPS://EMPRESA.COM/AYUDA", "WWW.Empresa.Es", "Tienda.MX"])
        // Dots that make no link: an unknown domain, an empty label, a trailing dot, abbreviations,
        // numbers, a scheme with nothing after it, an at sign with no domain after it.
        for text in ["archivo.xyz", "a..com", "fin.", "S.A.", "1.500", "https://", "www.a", "usuario@", "hola@empresa"] {
            XCTAssertFalse(tokens("Vea \(text) hoy").contains { $0.kind == .url || $0.kind == .email }, text)
        }
        XCTAssertEqual(tokens("(empresa.com)").map(\.kind), [.punctuation, .url, .punctuation])
    }

    func testPlaceholders() {
        let text = "Hola {{nombre}}, su pedido {pedido} de %s (%1$d) llega ${fecha} a [NOMBRE_TIENDA]."
        XCTAssertEqual(tokens(text).filter { $0.kind == .placeholder }.map(\.text),
                       ["{{nombre}}", "{pedido}", "%s", "%1$d", "${fecha}", "[NOMBRE_TIENDA]"])
        // Not placeholders: a percentage, a bracketed lowercase note, an empty brace pair.
        XCTAssertTrue(tokens("un 20% de descuento [ver nota] {}").allSatisfy { $0.kind != .placeholder })
    }

    /// The special scanner passes over the bytes before the run that holds the next byte a span needs;
    /// it finds what a walk over every byte finds, on generated texts of links, addresses, handles,
    /// slots, accented words and long runs of URL bytes, and on the bundled examples.
    func testTheSkippingSpecialScanFindsWhatTheFullWalkFinds() throws {
        let pieces = ["hola", "Ñandú", "añoejemplo", "ejemplo", ".com", ".es", ".xyz", "www.", "https://", "http:/",
                      "@", "@Soporte", "#", "#Ayuda", "#123", "{{nombre}}", "{pedido}", "{", "}", "${fecha}", "$", "%s",
                      "%1$d", "20%", "%", "[NOMBRE]", "[ver]", "[", "]", "(", ")", ".", ",", ":", ";", "!", "?", "'",
                      "-", "_", "~", "/", "*", " ", "  ", "\n", "é", "ü", "😀", "a,b,c,d,e,f,g,h", "x=1&y=2", "a@b.com",
                      "ayuda@empresa", "S.A.", "1.500", "10:30"]
        var numbers = HostileSpanIndexTests.Numbers(seed: 41)
        var differences: [String] = []
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<numbers.next(30) { text += pieces[numbers.next(pieces.count)] }
            let bytes = Array(text.utf8)
            let skipped = SpecialScanner.scan(bytes), walked = SpecialScanner.scan(bytes, skipping: false)
            if skipped != walked && differences.count < 10 { differences.append("\(text.debugDescription): \(walked) vs \(skipped)") }
        }
        XCTAssertEqual(differences, [])
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var found = 0
        for folder in ["examples", "Tests/ReplyLintTests/Fixtures"].map({ root.appendingPathComponent($0) }) {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
                let walked = SpecialScanner.scan(bytes, skipping: false)
                XCTAssertEqual(SpecialScanner.scan(bytes), walked, name)
                found += walked.count
            }
        }
        // The examples hold links, handles and slots: the comparison is not of two empty lists.
        XCTAssertGreaterThan(found, 10)
    }

    func testLowerAndFoldedForms() {
        let t = tokens("CANCIÓN Pingüino ÑANDÚ")
        XCTAssertEqual(t.map(\.lower), ["canción", "pingüino", "ñandú"])
        XCTAssertEqual(t.map(\.folded), ["cancion", "pinguino", "ñandu"])
    }

    func testDecomposedInputGivesTheSameTokens() {
        let composed = "Canción de ñandú, ¿información?"
        let decomposed = composed.decomposedStringWithCanonicalMappingForTest
        XCTAssertNotEqual(Array(composed.utf8), Array(decomposed.utf8))
        let a = tokens(composed)
        let b = tokens(decomposed)
        XCTAssertEqual(a.map(\.kind), b.map(\.kind))
        XCTAssertEqual(a.map(\.lower), b.map(\.lower))
        XCTAssertEqual(a.map(\.folded), b.map(\.folded))
        // Ranges point at the decomposed bytes.
        let doc = Document(string: decomposed)
        XCTAssertEqual(b.map { doc.slice($0.range) }, b.map(\.text))
    }

    func testSentencesAndSpaceBefore() {
        let result = tokenizer.tokenize(Array("Gracias. ¿Puede escribirnos?\nSaludos".utf8))
        XCTAssertEqual(result.sentences.count, 3)
        XCTAssertEqual(result.tokens.map(\.sentence), [0, 0, 1, 1, 1, 1, 2])
        XCTAssertEqual(result.tokens.map(\.spaceBefore), [true, false, true, false, true, false, true])
    }

    func testMaskedAndLeetWordsStayVisible() {
        XCTAssertEqual(kinds("p.u.t.a m*erda p3nd3j0"),
                       ["word:p.u.t.a", "word:m", "punctuation:*", "word:erda", "word:p3nd3j0"])
    }
}

extension String {
    /// NFD via Foundation, for building test input only.
    var decomposedStringWithCanonicalMappingForTest: String {
        (self as NSStringBridge).decomposed
    }
}

import Foundation
private typealias NSStringBridge = NSString
private extension NSString {
    var decomposed: String { decomposedStringWithCanonicalMapping }
}

final class TokenShapeTests: XCTestCase {
    func testShapes() {
        XCTAssertEqual(TokenShape.of("IVA"), [.ascii, .upper, .initialUpper, .upperPair])
        XCTAssertEqual(TokenShape.of("Ñandú"), [.upper, .initialUpper, .lower])
        XCTAssertEqual(TokenShape.of("p3nd3j0"), [.ascii, .lower, .digit])
        XCTAssertEqual(TokenShape.of("ÉXITO"), [.upper, .initialUpper, .upperPair])
        let token = Token(kind: .word, range: 0..<2, text: "A4", lower: "a4", folded: "a4", sentence: 0, spaceBefore: true)
        XCTAssertFalse(token.isAllCaps)
        XCTAssertTrue(token.isCapitalized)
    }

    func testTheASCIIPathAgreesWithTheScalarPath() {
        // Every printable ASCII character, alone and in pairs: the byte reading and the scalar reading
        // must give the same shape.
        let ascii = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }
        var texts = ascii
        for a in ascii { for b in ["A", "z", "5", "-"] { texts.append(a + b); texts.append(b + a) } }
        texts += ["", "HOLA", "Hola", "hOLA", "24h", "XD", "xD", "a.B.c"]
        for text in texts { XCTAssertEqual(TokenShape.of(text), TokenShape.ofScalars(text), text.debugDescription) }
        // A non-ASCII letter anywhere takes the scalar path, and drops `.ascii`.
        XCTAssertEqual(TokenShape.of("HOLAÑ"), [.upper, .initialUpper, .upperPair])
        XCTAssertEqual(TokenShape.of("canción"), [.lower])
    }
}

/// `SentenceBreaker` must find exactly the boundaries of ICU's sentence iterator, which it replaced.
final class SentenceBreakerTests: XCTestCase {
    let icu = try! ICUSentences()

    func breaks(_ text: String) -> [Int] {
        Array(text.utf8).withUnsafeBufferPointer { SentenceBreaker.ends($0) }
    }

    /// Scalars of every Sentence_Break class, in one, two, three and four UTF-8 bytes.
    static let pieces: [String] = [
        "a", "z", "ñ", "é", "ß", "B", "Á", "Ñ", "ア", "中", "1", "٣", "9",
        ".", "․", "?", "!", "¿", "¡", "…", "。", "؟", "‼", "﹖",
        ")", "(", "\"", "'", "«", "»", "”", "“", "[", "]",
        " ", "  ", "\t", "\u{00A0}", "\u{2003}",
        "\n", "\r", "\r\n", "\u{0085}", "\u{2028}", "\u{2029}", "\u{000B}", "\u{000C}",
        ",", ";", ":", "-", "—", "、",
        "\u{0301}", "\u{200D}", "\u{00AD}", "\u{200B}", "\u{FE0F}", "\u{2060}",
        "😀", "👍🏽", "🇪🇸", "#", "@", "%", "*", "/", "$",
        "Sr", "etc", "EE", "UU", "p", "ej", "3", "5",
    ]

    func testSameBoundariesAsICUOnGeneratedText() {
        var numbers = HostileSpanIndexTests.Numbers(seed: 29)
        var differences: [String] = []
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<numbers.next(24) { text += Self.pieces[numbers.next(Self.pieces.count)] }
            let expected = icu.ends(Array(text.utf8))
            let found = breaks(text)
            if found != expected && differences.count < 10 {
                differences.append("\(text.unicodeScalars.map { String($0.value, radix: 16) }): ICU \(expected), got \(found)")
            }
        }
        XCTAssertEqual(differences, [])
    }

    func testSameBoundariesAsICUOnTheBundledExamples() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folders = ["examples", "Tests/ReplyLintTests/Fixtures"].map { root.appendingPathComponent($0) }
        var checked = 0
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
                XCTAssertEqual(bytes.withUnsafeBufferPointer { SentenceBreaker.ends($0) }, icu.ends(bytes), name)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 5)
    }

    func testTheRulesThatKeepASentenceGoing() {
        XCTAssertEqual(breaks("Vale 3.5 euros."), [15], "SB6: a full stop before a digit")
        XCTAssertEqual(breaks("La U.E.Decide"), [13], "SB7: a letter, a full stop, a capital")
        XCTAssertEqual(breaks("Lo dijo el Sr. García."), [15, 23], "no rule keeps a space and a capital")
        XCTAssertEqual(breaks("Vino etc. y se fue."), [19], "SB8: a lowercase letter after the full stop")
        XCTAssertEqual(breaks("¿En serio?! Vale."), [13, 18], "SB8a: terminators run together")
        XCTAssertEqual(breaks("Hola.\r\nAdiós"), [7, 13], "CR LF is one separator")
        XCTAssertEqual(breaks("Dijo «hola.» Luego"), [15, 20], "closing marks and spaces stay with the sentence")
        XCTAssertEqual(breaks(""), [])
        for text in ["La U.E.Decide", "Vino etc. y se fue.", "Dijo «hola.» Luego", "¿En serio?! Vale."] {
            XCTAssertEqual(breaks(text), icu.ends(Array(text.utf8)), text)
        }
    }
}

/// The tokenizer's word breaker applies the word rules itself over the common scalars and leaves the
/// rest to ICU's iterator: it must find exactly the boundaries and statuses of ICU's iterator alone.
final class WordBreakerTests: XCTestCase {
    let rules = try! Boundaries(icuOnly: false)
    let icu = try! Boundaries(icuOnly: true)

    /// Scalars of every class the rules handle (letters, digits, `_`, the mid marks, spaces, line ends,
    /// marks with no class) and of the ones they leave to ICU (combining marks, joiners, format
    /// characters, emoji, Hebrew, `@`, the colon that ICU keeps out of MidLetter), in one to four bytes.
    static let pieces: [String] = [
        "a", "Z", "ñ", "É", "ª", "µ", "ß", "ω", "ж", "5", "٣", "_", ".", ",", ";", ":", "'", "’", "\"", "·",
        " ", "\t", "\u{00A0}", "\n", "\r", "\u{000B}", "\u{0085}", "-", "¿", "«", "!", "#", "@", "©",
        "\u{0301}", "\u{200D}", "\u{00AD}", "\u{FE0F}", "\u{20E3}", "א", "ア", "中", "，", "😀", "🇪",
    ]

    func testEveryStringOfUpToThreeScalarsBreaksAsICUBreaksIt() {
        var differences: [String] = []
        var checked = 0
        func check(_ text: String) {
            let bytes = Array(text.utf8)
            let expected = icu.segments(bytes), found = rules.segments(bytes)
            checked += 1
            if found != expected && differences.count < 10 {
                differences.append("\(text.unicodeScalars.map { String($0.value, radix: 16) }): ICU \(expected), got \(found)")
            }
        }
        for a in Self.pieces {
            check(a)
            for b in Self.pieces {
                check(a + b)
                for c in Self.pieces { check(a + b + c) }
            }
        }
        XCTAssertEqual(differences, [])
        XCTAssertEqual(checked, Self.pieces.count * (1 + Self.pieces.count * (1 + Self.pieces.count)))
    }

    func testGeneratedTextsBreakAsICUBreaksThem() {
        var numbers = HostileSpanIndexTests.Numbers(seed: 41)
        let pieces = Self.pieces + SentenceBreakerTests.pieces + ["hola", "Pedido", "24", "3,5", "l'a", "e-mail", "señor"]
        var differences: [String] = []
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<numbers.next(30) { text += pieces[numbers.next(pieces.count)] }
            let bytes = Array(text.utf8)
            let expected = icu.segments(bytes), found = rules.segments(bytes)
            if found != expected && differences.count < 10 {
                differences.append("\(text.unicodeScalars.map { String($0.value, radix: 16) }): ICU \(expected), got \(found)")
            }
        }
        XCTAssertEqual(differences, [])
    }

    /// What the tokenizer reads: ICU's segments, but the runs of spaces the rules found; the plain ones
    /// free of emoji and of scalars beyond U+07FF.
    func testTheTokenizersSpansAreICUsSegmentsButTheSpaces() {
        var numbers = HostileSpanIndexTests.Numbers(seed: 43)
        let pieces = Self.pieces + ["hola", "  ", "   ", "Pedido", "24", "3,5", "señor", "👍🏽"]
        var differences: [String] = []
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<numbers.next(30) { text += pieces[numbers.next(pieces.count)] }
            let bytes = Array(text.utf8)
            var expected: [String] = []
            var start = 0
            for segment in icu.segments(bytes) {
                if !bytes[start..<segment.end].allSatisfy({ $0 == 0x20 }) { expected.append("\(start)..<\(segment.end)/\(segment.status)") }
                start = segment.end
            }
            // Runs of spaces inside a stretch left to ICU come through (the tokenizer drops them).
            let spans = rules.spans(bytes)
            let found = spans.filter { span in !bytes[span.range].allSatisfy { $0 == 0x20 } }.map { "\($0.range)/\($0.status)" }
            for span in spans where span.plain {
                XCTAssertFalse(bytes[span.range].allSatisfy { $0 == 0x20 }, "a run of spaces the rules found, at \(span.range)")
                let scalars = String(decoding: bytes[span.range], as: UTF8.self).unicodeScalars
                XCTAssertFalse(scalars.contains(where: { $0.value >= 0x800 || rl_is_extended_pictographic(Int32($0.value)) != 0 }), "\(text.debugDescription)")
            }
            if found != expected && differences.count < 10 { differences.append("\(text.debugDescription): ICU \(expected), got \(found)") }
        }
        XCTAssertEqual(differences, [])
    }

    func testTheBundledExamplesBreakAsICUBreaksThem() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var checked = 0
        for folder in ["examples", "Tests/ReplyLintTests/Fixtures"].map({ root.appendingPathComponent($0) }) {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
                XCTAssertEqual(rules.segments(bytes), icu.segments(bytes), name)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 5)
    }

    func testTheRulesThemselves() {
        func ends(_ text: String) -> [String] { rules.segments(Array(text.utf8)).map(\.description) }
        // Letters and digits join (WB5, WB8-10); a status tells a word from a number.
        XCTAssertEqual(ends("hola 24 p3nd3j0"), ["4/200", "5/0", "7/100", "8/0", "15/100"])
        // A mid mark joins letters to letters (WB6-7) and digits to digits (WB11-12), never a space.
        XCTAssertEqual(ends("l'a 3,5 a.b a,b"), ["3/200", "4/0", "7/100", "8/0", "11/200", "12/0", "13/200", "14/0", "15/200"])
        // ICU keeps the colon out of MidLetter for Spanish; a run of spaces is one segment (WB3d); CR LF too.
        XCTAssertEqual(ends("a:b  \r\n"), ["1/200", "2/0", "3/200", "5/0", "7/0"])
        // A combining mark after a letter is left to ICU, which keeps it in the word (WB4).
        XCTAssertEqual(ends("cafe\u{0301} ya"), ["6/200", "7/0", "9/200"])
        XCTAssertEqual(rules.icuStretches, 1)
    }

    /// Each locale's breaker checks its classes against its own ICU rules: Swedish keeps `:` in MidLetter.
    func testALocaleWithOtherRulesGetsItsOwnClasses() throws {
        let swedish = try Boundaries(locale: "sv", icuOnly: false), swedishICU = try Boundaries(locale: "sv", icuOnly: true)
        for text in ["a:b", "ord:et 3:4", "Hola: ¿qué tal?"] + Self.pieces.flatMap({ a in Self.pieces.map { a + ":" + $0 } }) {
            XCTAssertEqual(swedish.segments(Array(text.utf8)), swedishICU.segments(Array(text.utf8)), text.debugDescription)
        }
        XCTAssertEqual(swedish.segments(Array("a:b".utf8)).map(\.description), ["3/200"])
        XCTAssertEqual(rules.segments(Array("a:b".utf8)).map(\.description), ["1/200", "2/0", "3/200"])
        XCTAssertTrue(swedish.appliesRules(":"))
    }

    /// The rules, not ICU, read the scalars of a Spanish reply: the breaker checks each class against
    /// ICU when it is opened and leaves to ICU a scalar whose class the rules get wrong, so a mistake in
    /// the rules would still give ICU's boundaries, only slower. This is where such a mistake shows.
    func testTheRulesReadTheScalarsOfASpanishReply() {
        let text = "¡Hola, Begoña! ¿Recibió el pedido nº 24? Son 3,5 € (IVA incluido): «gracias» a_b l'água. Ünd ß…"
        for scalar in text.unicodeScalars where scalar.value < 0x800 && scalar != "€" {
            XCTAssertTrue(rules.appliesRules(scalar), "U+\(String(scalar.value, radix: 16))")
        }
        let bytes = Array(text.utf8)
        XCTAssertEqual(rules.segments(bytes), icu.segments(bytes))
        // `€` and `…` are beyond U+0800: two stretches go to ICU, each to the next space.
        XCTAssertEqual(rules.icuStretches, 2)
        for scalar: Unicode.Scalar in ["\u{0301}", "\u{200D}", "\u{00AD}", "@", "©", "א"] {
            XCTAssertFalse(rules.appliesRules(scalar), "U+\(String(scalar.value, radix: 16))")
        }
        XCTAssertFalse(icu.appliesRules("a"))
    }
}
