import Foundation
import XCTest
@testable import ReplyLint

/// Spelling with the Spanish Hunspell dictionary: what is flagged, with which first suggestion, and
/// what is left alone.
final class SpellingTests: XCTestCase {
    /// The spelling findings over a text: flagged text → finding.
    func spelling(_ text: String) throws -> [(text: String, finding: Finding, rule: String)] {
        let document = Document(string: text)
        var out: [(String, Finding, String)] = []
        for (type, id) in [(MissingAccentRule.self as any Rule.Type, "spelling.missing-accent"),
                           (UnknownWordRule.self, "spelling.unknown-word"), (RejectedWordRule.self, "spelling.rejected-word")] {
            let rule = try type.init(lexicons: TestSupport.lexicons)
            let (tokens, sentences) = try Tokenizer().tokenize(document.text)
            for finding in rule.check(RuleContext(document: document, tokens: tokens, sentences: sentences, options: LintOptions())) {
                out.append((document.slice(finding.range), finding, id))
            }
        }
        return out.sorted { $0.1.range.lowerBound < $1.1.range.lowerBound }
    }

    func testMisspellingsOfEachClassGetTheRightFirstSuggestion() throws {
        // (reply, misspelled word, first suggestion, rule)
        let cases: [(String, String, String, String)] = [
            // accent omission
            ("Le enviamos la informacion por correo.", "informacion", "información", "spelling.missing-accent"),
            ("Sentimos que la cancion no se escuche.", "cancion", "canción", "spelling.missing-accent"),
            ("Revisaremos su peticion hoy mismo.", "peticion", "petición", "spelling.missing-accent"),
            ("Puede llamarnos por telefono cuando quiera.", "telefono", "teléfono", "spelling.missing-accent"),
            ("El envío llega el miercoles.", "miercoles", "miércoles", "spelling.missing-accent"),
            // accent in the wrong place
            ("Nosotros tambíen lo lamentamos.", "tambíen", "también", "spelling.missing-accent"),
            ("Le escribimos despúes de revisarlo.", "despúes", "después", "spelling.missing-accent"),
            // b/v
            ("Puede bolver a intentarlo más tarde.", "bolver", "volver", "spelling.unknown-word"),
            ("Le debolveremos el importe.", "debolveremos", "devolveremos", "spelling.unknown-word"),
            ("Estamos travajando en ello.", "travajando", "trabajando", "spelling.unknown-word"),
            // ll/y
            ("Le yamaremos mañana.", "yamaremos", "llamaremos", "spelling.unknown-word"),
            ("Gracias por su alluda con el caso.", "alluda", "ayuda", "spelling.unknown-word"),
            // h omission or excess
            ("Vamos a acer todo lo posible.", "acer", "hacer", "spelling.unknown-word"),
            ("Lo revisamos aora mismo.", "aora", "ahora", "spelling.unknown-word"),
            ("Vamos a hechar un vistazo a su pedido.", "hechar", "echar", "spelling.unknown-word"),
            // c/s/z
            ("No es nesesario que lo reenvíe.", "nesesario", "necesario", "spelling.unknown-word"),
            ("Lo revisamos con el equipo de fabricasion.", "fabricasion", "fabricación", "spelling.unknown-word"),
            ("Disculpe las molestias que le hemos ocacionado.", "ocacionado", "ocasionado", "spelling.unknown-word"),
            // g/j
            ("Le enviamos un mensage privado.", "mensage", "mensaje", "spelling.unknown-word"),
            ("Vamos a jestionar su reclamación.", "jestionar", "gestionar", "spelling.unknown-word"),
            // doubled letters
            ("Sentimos lo ocurido con su pedido.", "ocurido", "ocurrido", "spelling.unknown-word"),
            ("Ya tiene accesso a su cuenta.", "accesso", "acceso", "spelling.unknown-word"),
            ("No es inecesario insistir.", "inecesario", "innecesario", "spelling.unknown-word"),
            // letters typed more than once
            ("Nadiee le ha respondido todavía.", "Nadiee", "Nadie", "spelling.unknown-word"),
            // letter slips
            ("El jugete llegará mañana.", "jugete", "juguete", "spelling.unknown-word"),
            ("Revisamos su pedidio ahora.", "pedidio", "pedido", "spelling.unknown-word"),
            // ñ and capitals
            ("Es un problema pequeno y lo resolvemos.", "pequeno", "pequeño", "spelling.unknown-word"),
            ("Atendemos a familias con ninos pequeños.", "ninos", "niños", "spelling.unknown-word"),
            ("Enviamos a toda españa sin coste.", "españa", "España", "spelling.unknown-word"),
        ]
        for (reply, word, suggestion, rule) in cases {
            let found = try spelling(reply)
            XCTAssertEqual(found.map(\.text), [word], "on: \(reply)")
            guard let first = found.first else { continue }
            XCTAssertEqual(first.finding.suggestions.first, suggestion, "first suggestion for \(word)")
            XCTAssertLessThanOrEqual(first.finding.suggestions.count, 3)
            XCTAssertEqual(first.rule, rule, "rule for \(word)")
            XCTAssertNil(first.finding.severity, "\(word) should keep the rule's severity")
        }
    }

    func testOnlyCertainAccentsAreSafeFixes() throws {
        XCTAssertEqual(try spelling("Le enviamos la informacion.").first?.finding.safeFix, true)
        XCTAssertEqual(try spelling("Compartenos tu número.").first?.finding.safeFix, true)
        // A likely name, or a misspelling with several candidates, is left to a person.
        XCTAssertEqual(try spelling("Hablamos con Raul ayer.").first?.finding.safeFix, false)
        XCTAssertEqual(try spelling("Puede bolver mañana.").first?.finding.safeFix, false)
    }

    func testMessages() throws {
        XCTAssertEqual(try spelling("Gracias por la informacion.").first?.finding.message, "falta la tilde: «informacion»")
        XCTAssertEqual(try spelling("Gracias tambíen a usted.").first?.finding.message, "tilde mal puesta: «tambíen»")
        XCTAssertEqual(try spelling("Lo solucionamos con un pequeno ajuste.").first?.finding.message, "falta la eñe: «pequeno»")
        XCTAssertEqual(try spelling("Puede bolver mañana.").first?.finding.message, "palabra desconocida: «bolver»")
        XCTAssertEqual(try spelling("Su pedido sale de españa.").first?.finding.message, "nombre propio en minúscula: «españa»")
        // The dictionary also lists a proper noun "Dificil"; the missing accent is the likelier slip.
        XCTAssertEqual(try spelling("Es muy dificil de encontrar.").first?.finding.message, "falta la tilde: «dificil»")
        XCTAssertEqual(try spelling("Es muy dificil de encontrar.").first?.finding.suggestions, ["difícil"])
    }

    func testCorrectWordsInEveryInflectionAreNotFlagged() throws {
        let replies = [
            "Gestionamos su reclamación y le devolveremos el importe en cinco días hábiles.",
            "Lamentamos mucho lo ocurrido; revisaríamos su caso enseguida si nos envía el número de pedido.",
            "Discúlpenos por la espera: estamos revisándolo y enviándole la información ahora mismo.",
            "Llámenos cuando quiera, o escríbanos y le contestaremos en cuanto podamos.",
            "Las compañeras del equipo técnico ya solucionaron las incidencias de ayer.",
            "¿Podría confirmarnos su dirección? Así agilizaremos el envío.",
            "¡Muchísimas gracias por su paciencia y por confiar en nosotros!",
            "Entendemos su frustración; nos hacemos cargo y le mantendremos informado.",
            "Hola, Carmen: le atendió nuestro compañero José en la tienda de Sevilla.",
            "Puede escribirnos por WhatsApp, por email o desde la app; también por chat en la web.",
            "Le enviamos el link para el login; si no le llega, abra un ticket y lo revisamos online.",
            "El check-in se hace desde su smartphone con wifi; ok, cualquier emoji vale en el chat.",
            "Puede pagar con Bizum o PayPal, y ver la serie en Netflix desde su iPhone.",
            "Contacte con @SoporteTienda o visite https://www.ejemplo.com/ayuda o escriba a ayuda@ejemplo.com #Ayuda",
            "Hola {{nombre}}, su pedido {pedido} llegará el ${fecha} 😊🙏🏽 ¡Gracias!",
            "El IVA y la tasa de la DGT van incluidos; su código es XK93B y el plazo, 24h.",
            "Adjuntamos la factura.pdf; la hora de apertura es a las 9:30.",
            "Le llamamos en 5 min; la tienda abre a las 9:00 hrs y el envío tarda 24 h.",
            "Un momentito, por favor: le mandamos un regalito y un cafecito a sus amiguitos.",
            "Escríbenos por DM, @usuario\u{2069}, y cuéntanos con calma; nuestros fans lo saben.",
        ]
        for reply in replies {
            let found = try spelling(reply).filter { ($0.finding.severity ?? .warning) >= .warning }
            XCTAssertEqual(found.map(\.text), [], "on: \(reply)")
        }
    }

    func testCapitalisedUnknownWordsMidSentenceAreNotes() throws {
        let found = try spelling("Le atenderá nuestra compañera Xochiquetzal en la tienda de Zapopan.")
        XCTAssertFalse(found.isEmpty)
        for item in found {
            XCTAssertEqual(item.finding.severity, .note, "\(item.text) should be a note")
        }
        // A signature at the start of its own line: a name, even if one letter away from a word.
        let signature = try spelling("Quedamos atentos a tu respuesta.\nNati")
        XCTAssertEqual(signature.map(\.text), ["Nati"])
        XCTAssertEqual(signature.first?.finding.severity, .note)
        // Mixed case: a brand the vocabulary lacks.
        XCTAssertEqual(try spelling("Puede usar su cuenta de GitLabz sin problema.").first?.finding.severity, .note)
    }

    func testNamesInMidSentenceGetNoOneEditGuess() throws {
        // One edit away from dictionary words (`Disnea`, `Macro`): noise as a suggestion for a name.
        for (reply, name) in [("Lo compramos en la tienda de Disney ayer.", "Disney"), ("Lo dijo Macri en la radio.", "Macri")] {
            let found = try spelling(reply)
            XCTAssertEqual(found.map(\.text), [name], "on: \(reply)")
            XCTAssertEqual(found.first?.finding.suggestions, [], "no guess for \(name)")
            XCTAssertEqual(found.first?.finding.severity, .note)
        }
        // The cheap stages still answer for a capitalised word: an accent in mid-sentence, and at the
        // start of a sentence a one-edit slip is still shown (on a note).
        XCTAssertEqual(try spelling("Hablamos con Raul ayer.").first?.finding.suggestions.first, "Raúl")
        XCTAssertEqual(try spelling("Achivos adjuntos, por favor.").first?.finding.suggestions.first, "Archivos")
        // The same word in lowercase still gets its one-edit guess.
        XCTAssertEqual(try spelling("Revise los achivos adjuntos.").first?.finding.suggestions.first, "archivos")
    }

    func testSentenceStartIsCheckedAsWrittenAndLowercased() throws {
        XCTAssertEqual(try spelling("Gracias por escribirnos.").map(\.text), [])
        let accent = try spelling("Informacion actualizada: el pedido ya salió.")
        XCTAssertEqual(accent.map(\.text), ["Informacion"])
        XCTAssertEqual(accent.first?.finding.suggestions.first, "Información")
        XCTAssertNil(accent.first?.finding.severity)
        let slip = try spelling("¡Bolveremos a llamarle!")
        XCTAssertEqual(slip.first?.finding.suggestions.first, "Volveremos")
        XCTAssertNil(slip.first?.finding.severity)
        // A capitalised word that starts the sentence after a mention or a placeholder.
        XCTAssertEqual(try spelling("@usuario Informacion enviada.").first?.finding.suggestions.first, "Información")
    }

    func testVerbsWithAttachedPronouns() throws {
        guard case .success(let checker) = SpellChecker.shared(dictionary: SpellingSettings.standardDictionary) else {
            return XCTFail("dictionary missing")
        }
        let isWord = { checker.isCorrect($0) }
        for word in ["compártenos", "permíteme", "verifícalo", "revísalo", "contáctanos", "enviándonos", "hacerlo",
                     "dámelo", "explícanoslo", "vámonos", "sentaos", "síguenos", "cuéntanos", "búscalo"] {
            XCTAssertEqual(Enclitics.analyze(word, isWord: isWord), .correct, word)
        }
        XCTAssertEqual(Enclitics.analyze("compartenos", isWord: isWord), .accent("compártenos"))
        XCTAssertEqual(Enclitics.analyze("enviandonos", isWord: isWord), .accent("enviándonos"))
        XCTAssertEqual(Enclitics.analyze("verificalo", isWord: isWord), .accent("verifícalo"))
        // Vos imperatives keep the stress on the last vowel of the verb: correct without an accent.
        XCTAssertEqual(Enclitics.analyze("verificalo", voseo: true, isWord: isWord), .correct)
        XCTAssertEqual(Enclitics.analyze("mandanos", voseo: true, isWord: isWord), .correct)
        // Misspelled stems are no verb forms.
        XCTAssertEqual(Enclitics.analyze("conpartenos", isWord: isWord), .unknown)
        XCTAssertEqual(Enclitics.analyze("hacerlos", isWord: isWord), .correct)
        XCTAssertEqual(Enclitics.analyze("xyzlo", isWord: isWord), .unknown)
        // A word followed by letters that look like a pronoun is no verb form: ni + nos.
        XCTAssertEqual(Enclitics.analyze("ninos", isWord: isWord), .unknown)
        XCTAssertEqual(Enclitics.analyze("perola", isWord: isWord), .unknown)
        XCTAssertEqual(Enclitics.analyze("dinos", isWord: isWord), .correct)
        XCTAssertEqual(Enclitics.analyze("díganselo", isWord: isWord), .correct)
        // -ante and -ente are not an ustedes imperative with `te`.
        XCTAssertEqual(Enclitics.analyze("abrasante", isWord: isWord), .unknown)

        let found = try spelling("Compartenos tu número y permitenos revisarlo; te llamaremos enseguida.")
        XCTAssertEqual(found.map(\.text), ["Compartenos", "permitenos"])
        XCTAssertEqual(found.map { $0.finding.suggestions.first ?? "" }, ["Compártenos", "permítenos"])
        XCTAssertEqual(found.first?.finding.message, "falta la tilde: «Compartenos»")
    }

    func testDiminutives() throws {
        guard case .success(let checker) = SpellChecker.shared(dictionary: SpellingSettings.standardDictionary) else {
            return XCTFail("dictionary missing")
        }
        let isWord = { checker.isCorrect($0) }
        for word in ["cafecito", "regalito", "amiguitos", "cosita", "poquito", "consejito", "pulseritas", "lucecita"] {
            XCTAssertTrue(Diminutives.isDiminutive(word, isWord: isWord), word)
        }
        for word in ["xyzito", "regalíto", "bolvito"] {
            XCTAssertFalse(Diminutives.isDiminutive(word, isWord: isWord), word)
        }
    }

    func testDecomposedAccentsAndCompounds() throws {
        // Accents typed as combining marks (NFD) are the same letters.
        XCTAssertEqual(try spelling("Le enviamos la informacio\u{301}n del pedido.").map(\.text), [])
        XCTAssertEqual(try spelling("Le enviamos la informacion del pedido y el cafe\u{301}.").map(\.text), ["informacion"])
        // Each part of a hyphenated compound is a word of its own.
        XCTAssertEqual(try spelling("Un curso teórico-práctico y otro teorico-práctico.").map(\.text), ["teorico"])
        // A name with an apostrophe in mid-sentence is at most a note.
        XCTAssertTrue(try spelling("Le atiende la señora O'Donnell-Quirke hoy.").allSatisfy { $0.finding.severity == .note })
    }

    func testVeryLongTokensAreNotesNotSpelled() throws {
        let long = String(repeating: "super", count: 8) + "oferta"
        let found = try spelling("Hoy tenemos una \(long) para usted.")
        XCTAssertEqual(found.map(\.text), [long])
        XCTAssertEqual(found.first?.finding.severity, .note)
        XCTAssertTrue(found.first?.finding.suggestions.isEmpty ?? false)
    }

    func testProjectRejectListFlagsWordsTheDictionaryKnows() throws {
        let found = try spelling("Asín lo hicimos: conducí hasta su tienda.")
        XCTAssertEqual(found.map(\.text), ["Asín", "conducí"])
        XCTAssertEqual(found.map { $0.finding.suggestions.first ?? "" }, ["Así", "conduje"])
        XCTAssertTrue(found.allSatisfy { $0.rule == "spelling.rejected-word" })
    }

    func testIssueDictionaryFacts() throws {
        // The vocabulary and the capitalisation logic cover what the dictionary gets wrong for replies.
        guard case .success(let checker) = SpellChecker.shared(dictionary: SpellingSettings.standardDictionary) else {
            return XCTFail("the Spanish dictionary should be installed (apt-get install hunspell-es)")
        }
        for word in ["Canción", "CANCIÓN", "WhatsApp", "wifi"] { XCTAssertTrue(checker.isCorrect(word), word) }
        for word in ["whatsapp", "email", "ok", "app", "online", "emoji", "españa"] { XCTAssertFalse(checker.isCorrect(word), word) }
        XCTAssertEqual(try spelling("Escríbanos por whatsapp o email, ok? La app funciona online 👍 y con cualquier emoji.").map(\.text), [])
    }

    func testOwnSuggesterStages() throws {
        guard case .success(let checker) = SpellChecker.shared(dictionary: SpellingSettings.standardDictionary) else {
            return XCTFail("dictionary missing")
        }
        XCTAssertEqual(checker.computeSuggestions(for: "informacion").stage, "accents")
        XCTAssertEqual(checker.computeSuggestions(for: "nesesario").stage, "confusions")
        XCTAssertEqual(checker.computeSuggestions(for: "pedidio").stage, "oneEdit")
        XCTAssertEqual(checker.computeSuggestions(for: "Mexico").words.first, "México")
        XCTAssertEqual(checker.computeSuggestions(for: "mexico").words.first, "México")
        // A letter typed two places late or early.
        XCTAssertEqual(checker.computeSuggestions(for: "falcutad").words.first, "facultad")
        XCTAssertEqual(checker.computeSuggestions(for: "falcutad").stage, "oneEdit")
        XCTAssertEqual(checker.computeSuggestions(for: "prguenta").words.first, "pregunta")
        // Nothing near: no suggestion, and Hunspell's guesses are not asked for (`colacaito` would get
        // `litocola`), even for a word spelled like a Spanish one.
        XCTAssertEqual(checker.computeSuggestions(for: "xqzwvkj"), .init(words: [], stage: "none"))
        XCTAssertEqual(checker.computeSuggestions(for: "colacaito"), .init(words: [], stage: "none"))
        XCTAssertFalse(checker.dictionary.suggest("colacaito").isEmpty)
    }

    func testAWordWithoutSuggestionsIsStillReported() throws {
        let found = try spelling("Le mandamos la infografía de la campaña multicanal.")
        XCTAssertEqual(found.map(\.text), ["infografía", "multicanal"])
        XCTAssertTrue(found.allSatisfy { $0.finding.suggestions.isEmpty })
    }

    func testChatWordsAreLeftToTheRegisterRules() throws {
        // With the register rules off (a team's choice), their words do not turn into spelling mistakes.
        XCTAssertEqual(try spelling("Jajaja, xq no nos escribe, wey? jsjsjs xD").map(\.text), [])
        XCTAssertEqual(try spelling("Jajaja, xq no nos escribe, wey? Informacion").map(\.text), ["Informacion"])
        // `tío` is slang only as a form of address: the relative without its accent is a spelling mistake.
        XCTAssertEqual(try spelling("Fuimos a casa de mi tio.").map(\.text), ["tio"])
    }

    func testCacheRemembersVerdicts() throws {
        guard case .success(let checker) = SpellChecker.shared(dictionary: SpellingSettings.standardDictionary) else {
            return XCTFail("dictionary missing")
        }
        let before = checker.cacheStatistics
        _ = checker.isCorrect("reembolsaremos")
        _ = checker.isCorrect("reembolsaremos")
        let after = checker.cacheStatistics
        XCTAssertGreaterThanOrEqual(after.hits - before.hits, 1)
        XCTAssertEqual(checker.suggestions(for: "nesesario"), checker.suggestions(for: "nesesario"))
    }

    func testConcurrentLintingGivesTheSameFindings() throws {
        let linter = try Linter(lexicons: TestSupport.lexicons, registry: SpellingFamily.rules)
        let replies = (0..<40).map { i in
            ["Le enviamos la informacion \(i) por correo y el jugete llegará pronto.",
             "Vamos a jestionar su caso \(i); no es nesesario que vuelva a escribir.",
             "Gracias por su paciencia, lo resolvemos hoy \(i).",
             "Sentimos lo ocurido, tambíen con la factura \(i)."][i % 4] + " Palabra\(i)rara trabajandoo\(i % 7)x lo vimos."
        }
        let serial = try replies.map { try linter.lint(Document(string: $0), tokenizer: Tokenizer()).map { "\($0.offset) \($0.rule) \($0.suggestions)" } }
        var parallel = [[String]](repeating: [], count: replies.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: replies.count) { i in
            let tokenizer = try! Tokenizer()
            let result = linter.lint(Document(string: replies[i]), tokenizer: tokenizer).map { "\($0.offset) \($0.rule) \($0.suggestions)" }
            lock.lock()
            parallel[i] = result
            lock.unlock()
        }
        XCTAssertEqual(parallel, serial)
        XCTAssertTrue(serial[0].contains { $0.contains("información") })
    }

    func testConcurrentSuggestionsOnOneHandleStayCorrect() throws {
        guard case .success(let checker) = SpellChecker.shared(dictionary: SpellingSettings.standardDictionary) else {
            return XCTFail("dictionary missing")
        }
        // replylint's candidates and Hunspell's suggester (the benchmark's peer) from many threads at once.
        let words = ["cancion", "nesesario", "jestionar", "ocurido", "graurme", "bolver", "falcutad", "aora"]
        let expected = words.map { [checker.computeSuggestions(for: $0).words, checker.dictionary.suggest($0)] }
        XCTAssertFalse(expected[4][1].isEmpty)
        var got = [[[String]]](repeating: [], count: 48)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 48) { i in
            let word = words[i % words.count]
            let result = [checker.computeSuggestions(for: word).words, checker.dictionary.suggest(word)]
            lock.lock()
            got[i] = result
            lock.unlock()
        }
        for i in 0..<48 { XCTAssertEqual(got[i], expected[i % words.count], words[i % words.count]) }
    }
}
