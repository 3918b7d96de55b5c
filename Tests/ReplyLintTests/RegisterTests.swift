import XCTest
@testable import ReplyLint

/// The register family as a whole: exact diagnostics on whole replies, suggestions and case.
final class RegisterTests: XCTestCase {
    /// (rule id, excerpt) of every register diagnostic, in order.
    func registerPairs(_ text: String, _ register: Register = .usted) throws -> [String] {
        try TestSupport.lint(text, options: LintOptions(register: register))
            .filter { $0.category == .register && $0.severity != .note }
            .map { "\($0.rule): \($0.excerpt)" }
    }

    func testChattyReplyGetsOneDiagnosticPerProblem() throws {
        let text = "jajaja q tal, no te preocupes xq lo arreglamos!!!"
        XCTAssertEqual(try registerPairs(text), [
            "register.laughter: jajaja",
            "register.abbreviation: q",
            "register.tuteo: te",
            "register.tuteo: preocupes",
            "register.abbreviation: xq",
            "register.punctuation: !!!",
        ])
        let diagnostics = try TestSupport.lint(text).filter { $0.category == .register }
        let byExcerpt = Dictionary(diagnostics.map { ($0.excerpt, $0) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(byExcerpt["q"]?.suggestions, ["qué", "que"])
        XCTAssertEqual(byExcerpt["te"]?.suggestions, ["se", "le"])
        XCTAssertEqual(byExcerpt["preocupes"]?.suggestions, ["preocupe"])
        XCTAssertEqual(byExcerpt["xq"]?.suggestions.first, "porque")
        XCTAssertEqual(byExcerpt["!!!"]?.suggestions, ["!"])
        XCTAssertNil(byExcerpt["jajaja"]?.suggestions.first)
        XCTAssertNotNil(byExcerpt["jajaja"]?.help)
        XCTAssertEqual(byExcerpt["jajaja"]?.column, 1)
        XCTAssertEqual(byExcerpt["!!!"]?.column, 47)
    }

    func testProfessionalUstedRepliesAreClean() throws {
        let replies = [
            "Buenos días, Sra. García. Lamentamos las molestias. Le hemos enviado un correo con los pasos para recuperar su cuenta. Si necesita algo más, escríbanos por mensaje privado.",
            "Hola, Juan. Gracias por avisarnos. Hemos revisado su pedido 48213 y saldrá mañana por la mañana; le llegará un SMS con el número de seguimiento.",
            "Lamentamos lo ocurrido con su tarjeta. Por su seguridad, no comparta su NIP con nadie. Llame al 800 123 4567 y un asesor le atenderá de inmediato.",
            "Buenas tardes. Entendemos su molestia y le pedimos disculpas por la espera. ¿Podría indicarnos por mensaje privado su número de cliente? Así lo revisamos hoy mismo.",
            "Estimada clienta: el reembolso de 35,90 € ya está aprobado y se verá reflejado en su cuenta en un plazo de 3 a 5 días hábiles. Quedamos a su disposición.",
            "Gracias por su paciencia, Sr. López. El técnico pasará el jueves entre las 9:00 y las 13:00. Si ese horario no le conviene, contáctenos y buscamos otro.",
            "Disculpe las molestias. Puede consultar el estado de su solicitud en https://ejemplo.com/estado o en la app. Un saludo.",
            "Le confirmamos que su factura con IVA está disponible en PDF en su área de cliente. ¡Gracias por confiar en nosotros!",
        ]
        for reply in replies {
            XCTAssertEqual(try registerPairs(reply), [], reply)
        }
    }

    func testToneOfTuBrandIsCleanUnderTu() throws {
        let reply = "¡Hola, Marta! Gracias por escribirnos. Ya revisamos tu pedido y te enviamos un correo con los pasos. Si tienes dudas, escríbenos por mensaje privado."
        XCTAssertEqual(try registerPairs(reply, .tu), [])
        // The same reply is tuteo for a brand that speaks usted.
        XCTAssertEqual(try registerPairs(reply, .usted), [
            "register.tuteo: tu", "register.tuteo: te", "register.tuteo: tienes", "register.tuteo: escríbenos",
        ])
    }

    func testVosReply() throws {
        let reply = "Hola, Sofía. Si tenés el comprobante, escribinos por privado y te ayudamos."
        XCTAssertEqual(try registerPairs(reply, .vos), [])
        XCTAssertEqual(try registerPairs(reply, .tu), ["register.voseo: tenés", "register.voseo: escribinos"])
        XCTAssertEqual(try registerPairs(reply, .usted), ["register.voseo: tenés", "register.voseo: escribinos", "register.tuteo: te"])
    }

    func testEachFormOutOfRegisterIsReportedOnce() throws {
        let text = "Disculpe la demora. Si tienes el ticket, escríbenos y te ayudamos."
        XCTAssertEqual(try registerPairs(text), [
            "register.mixed: tienes", "register.mixed: escríbenos", "register.mixed: te",
        ])
        let tuteo = try TestSupport.flagged(TuteoRule.self, text)
        XCTAssertEqual(tuteo, [])
        let mixed = try TestSupport.findings(MixedRule.self, text)
        XCTAssertTrue(mixed[0].message.contains("usted"), mixed[0].message)
        XCTAssertTrue(mixed[0].message.contains("tú"), mixed[0].message)
        XCTAssertEqual(mixed.map { $0.suggestions.first }, ["tiene", "escríbanos", "le"])
    }

    func testSuggestionsKeepTheCase() throws {
        XCTAssertEqual(RegisterText.matchCase("porque", like: "Xq"), "Porque")
        XCTAssertEqual(RegisterText.matchCase("porque", like: "XQ"), "PORQUE")
        XCTAssertEqual(RegisterText.matchCase("porque", like: "xq"), "porque")
        XCTAssertEqual(RegisterText.matchCase("que", like: "Q"), "Que")
        XCTAssertEqual(RegisterText.matchCase("por favor", like: "Xfa"), "Por favor")
        XCTAssertEqual(RegisterText.matchCase("usted", like: "TÚ"), "USTED")
        XCTAssertEqual(RegisterText.matchCase("usted", like: "Ñ"), "Usted")
        XCTAssertEqual(RegisterText.matchCase("él", like: "ÉL"), "ÉL")
        XCTAssertEqual(RegisterText.matchCase("escríbanos", like: "Escríbenos"), "Escríbanos")

        let start = try TestSupport.findings(AbbreviationRule.self, "Xq no llegó el correo, lo revisamos.")
        XCTAssertEqual(start.first?.suggestions.first, "Porque")
        let question = try TestSupport.findings(AbbreviationRule.self, "¿Xq no nos escribe por privado?")
        XCTAssertEqual(question.first?.suggestions, ["Por qué", "Porque"])
        let plain = try TestSupport.findings(AbbreviationRule.self, "Revisamos q todo esté bien.")
        XCTAssertEqual(plain.first?.suggestions, ["que", "qué"])
        let elongated = try TestSupport.findings(ElongationRule.self, "HOLAAA y graciaaas, porfavoooor.")
        XCTAssertEqual(elongated.map { $0.suggestions.first }, ["HOLA", "gracias", "por favor"])
        let tuteo = try TestSupport.findings(TuteoRule.self, "Escríbenos. Te lo enviamos hoy.")
        XCTAssertEqual(tuteo.map { $0.suggestions.first }, ["Escríbanos", "Se"])
    }

    func testRepeatedSpacesAreFoundAtAnyOffset() throws {
        // The rule passes sixteen bytes at a time: a run of spaces must be found wherever it starts,
        // across those blocks too, and never at a line start (also after a line that ends in a space).
        for offset in 1..<20 {
            for run in 2..<5 {
                let text = "x" + String(repeating: "a", count: offset) + String(repeating: " ", count: run) + "bcdefghijklmnopq"
                let found = try TestSupport.findings(SpacingRule.self, text)
                XCTAssertEqual(found.map(\.range), [(offset + 1)..<(offset + 1 + run)], "\(run) spaces after \(offset + 1) bytes")
            }
            let indented = String(repeating: "a", count: offset) + "\n   bcdefghijklmnopq"
            XCTAssertEqual(try TestSupport.findings(SpacingRule.self, indented).count, 0, "indented line after \(offset) bytes")
            let trailing = String(repeating: "a", count: offset) + " \n  bcdefghijklmnopq \n\r  x"
            XCTAssertEqual(try TestSupport.findings(SpacingRule.self, trailing).count, 0, "indented line after a trailing space at \(offset)")
            let single = String(repeating: "ab ", count: offset + 5)
            XCTAssertEqual(try TestSupport.findings(SpacingRule.self, single).count, 0)
        }
    }

    func testAMessageIsItsPartsInOrder() {
        XCTAssertEqual(String.concatenation("tuteo «", "Tú", "» en una respuesta que debe tratar de ", "usted"),
                       "tuteo «Tú» en una respuesta que debe tratar de usted")
        XCTAssertEqual(String.concatenation(), "")
        XCTAssertEqual(String.concatenation("", "😀\u{301}", "", String(repeating: "ñ", count: 40)), "😀\u{301}" + String(repeating: "ñ", count: 40))
    }

    /// What `RegisterText.matchCase` must answer, told by every scalar's Unicode properties.
    static func matchCaseByScalars(_ replacement: String, like original: String) -> String {
        guard let first = replacement.first else { return replacement }
        let letters = original.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard let lead = letters.first else { return replacement }
        if letters.count >= 2 && letters.allSatisfy({ $0.properties.isUppercase }) {
            return replacement.uppercased()
        }
        if lead.properties.isUppercase {
            return String(first).uppercased() + replacement.dropFirst()
        }
        return replacement
    }

    func testTheTableCaseMatchAgreesWithTheScalarOne() {
        let pieces = ["a", "Z", "q", "X", "1", "-", " ", ".", "'", "@", "É", "ñ", "Ñ", "ª", "º", "µ", "ß", "×", "÷", "Ω", "ω", "ǅ", "Ǆ", "Ⅻ", "ⓐ", "😀", "\u{301}"]
        var numbers = HostileSpanIndexTests.Numbers(seed: 5)
        for _ in 0..<3_000 {
            let original = (0..<numbers.next(6)).map { _ in pieces[numbers.next(pieces.count)] }.joined()
            for replacement in ["porque", "se", "", "ñandú"] {
                XCTAssertEqual(RegisterText.matchCase(replacement, like: original),
                               Self.matchCaseByScalars(replacement, like: original), "\(original) -> \(replacement)")
            }
        }
    }

    func testElongationSuggestions() throws {
        func fix(_ word: String) throws -> String? {
            try TestSupport.findings(ElongationRule.self, word).first?.suggestions.first
        }
        XCTAssertEqual(try fix("leeeer"), "leer")
        XCTAssertEqual(try fix("siiii"), "sí")
        XCTAssertEqual(try fix("sii"), "sí")
        XCTAssertEqual(try fix("holaa"), "hola")
        XCTAssertEqual(try fix("noooo"), "no")
        XCTAssertEqual(try fix("zooo"), "zoo")
        XCTAssertEqual(try fix("perrrro"), "perro")
        XCTAssertEqual(try fix("graciass"), nil)  // a doubled final s is left alone (fitness, express)
        XCTAssertEqual(try fix("cree"), nil)
        XCTAssertEqual(try fix("Hawaii"), nil)
        // Only certain fixes are safe for --fix: "perrrro" could be "pero" or "perro".
        XCTAssertEqual(try TestSupport.findings(ElongationRule.self, "perrrro").first?.safeFix, false)
        XCTAssertEqual(try TestSupport.findings(ElongationRule.self, "holaaaa").first?.safeFix, true)
        XCTAssertEqual(try TestSupport.findings(ElongationRule.self, "leeeer").first?.safeFix, false)
        XCTAssertEqual(try TestSupport.findings(ElongationRule.self, "noooo").first?.safeFix, true)
    }

    func testShoutingSuggestion() throws {
        let findings = try TestSupport.findings(ShoutingRule.self, "Hola. GRACIAS POR ENVIAR SU DNI, YA LO REVISAMOS.")
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings.first?.suggestions, ["Gracias por enviar su DNI, ya lo revisamos"])
    }

    func testPunctuationRuns() throws {
        let findings = try TestSupport.findings(PunctuationRule.self, "¡¡Hola!! ¿Cómo está?! Le escribimos.....")
        XCTAssertEqual(findings.map(\.suggestions), [["¡"], ["!"], ["?"], ["..."]])
        XCTAssertEqual(findings.map(\.severity), [nil, nil, .note, nil])
    }

    func testSlangVocativeOnly() throws {
        XCTAssertEqual(try TestSupport.flagged(SlangRule.self, "Hola, tío, ya está."), ["tío"])
        XCTAssertEqual(try TestSupport.flagged(SlangRule.self, "Su tío ya puede recoger el pedido."), [])
        XCTAssertEqual(try TestSupport.flagged(SlangRule.self, "Mi tía, que es la titular, llamó ayer."), [])
        XCTAssertEqual(try TestSupport.flagged(SlangRule.self, "¿Qué onda? Ya quedó."), ["Qué onda"])
        let chido = try TestSupport.findings(SlangRule.self, "Chido que le guste.")
        XCTAssertEqual(chido.first?.suggestions, ["Estupendo"])
    }

    func testRegisterRulesRespectTheExpectedRegister() throws {
        let text = "Si quieres, te llamamos; tenés que confirmar. Disculpe la espera."
        for register in Register.allCases {
            let pairs = try registerPairs(text, register)
            for pair in pairs {
                // Nothing of the expected register is ever flagged.
                switch register {
                case .usted: XCTAssertFalse(pair.hasSuffix(": Disculpe"), pair)
                case .tu: XCTAssertFalse(pair.hasSuffix(": quieres") || pair.hasSuffix(": te"), pair)
                case .vos: XCTAssertFalse(pair.hasSuffix(": tenés") || pair.hasSuffix(": te"), pair)
                }
            }
            // Every form outside the expected register once, and only once.
            XCTAssertEqual(Set(pairs.map { $0.split(separator: " ").last! }).count, pairs.count, "\(register): \(pairs)")
        }
        XCTAssertEqual(try registerPairs(text, .usted), ["register.mixed: quieres", "register.mixed: te", "register.mixed: tenés"])
        XCTAssertEqual(try registerPairs(text, .tu), ["register.mixed: tenés", "register.mixed: Disculpe"])
        XCTAssertEqual(try registerPairs("Tenés que confirmar. Disculpe la espera.", .tu), ["register.voseo: Tenés", "register.usted: Disculpe"])
    }
}

final class RegisterShoutingMessageTests: XCTestCase {
    func testLongRunsGetAShortMessage() throws {
        let text = "LE PEDIMOS QUE NOS ENVÍE SU NÚMERO DE CLIENTE POR MENSAJE PRIVADO PARA REVISARLO"
        let findings = try TestSupport.findings(ShoutingRule.self, text)
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings.first?.message, "14 palabras seguidas en mayúsculas")
        XCTAssertEqual(findings.first?.range, 0..<text.utf8.count)
    }
}

final class QuestionMarksTests: XCTestCase {
    /// The marks of one sentence, read token by token from the start of the text: the meaning the
    /// per-sentence reading must keep.
    static func reference(_ tokens: [Token], _ index: Int) -> Bool {
        let sentence = tokens[index].sentence
        var open = false
        var j = index - 1
        while j >= 0 && tokens[j].sentence == sentence {
            if tokens[j].kind == .punctuation && tokens[j].text == "¿" { open = true }
            j -= 1
        }
        if open { return true }
        j = index + 1
        while j < tokens.count && tokens[j].sentence == sentence {
            if tokens[j].kind == .punctuation {
                switch tokens[j].text {
                case "?": return true
                case "¿", ".", "!": return false
                default: break
                }
            }
            j += 1
        }
        return false
    }

    func testEachSentenceReadWhenAskedAgreesWithAReadingOfTheWholeText() throws {
        let tokenizer = try Tokenizer()
        var generator = SystemRandomNumberGenerator()
        let pieces = ["q", "tal", "¿", "?", ".", "!", ",", "hola", "pq", "xq", "\n\n", "¡", "sí", "…", "¿q", "tal?"]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 1...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined(separator: Bool.random(using: &generator) ? " " : "")
            let (tokens, _) = tokenizer.tokenize(Array(text.utf8))
            guard !tokens.isEmpty else { continue }
            let marks = QuestionMarks(tokens)
            // Asked in any order, some tokens twice.
            for index in (tokens.indices.shuffled(using: &generator) + tokens.indices.shuffled(using: &generator).prefix(5)) {
                XCTAssertEqual(marks.contains(index), Self.reference(tokens, index), "\(text) at \(index)")
            }
        }
    }

    func testTokensWhoseSentencesDoNotRunInOrderAreStillRead() {
        // Hand-made tokens may number their sentences in any order: a run is what shares a number.
        func token(_ text: String, _ kind: TokenKind, _ sentence: Int, _ at: Int) -> Token {
            Token(kind: kind, range: at..<(at + text.utf8.count), text: text, lower: text, folded: text, sentence: sentence, spaceBefore: true)
        }
        let tokens = [token("q", .word, 1, 0), token("?", .punctuation, 1, 2), token("q", .word, 0, 4),
                      token(".", .punctuation, 0, 6), token("q", .word, 1, 8), token("!", .punctuation, 1, 10)]
        let marks = QuestionMarks(tokens)
        XCTAssertEqual(tokens.indices.map { marks.contains($0) }, tokens.indices.map { Self.reference(tokens, $0) })
        XCTAssertEqual(tokens.indices.map { marks.contains($0) }, [true, false, false, false, false, false])
    }
}
