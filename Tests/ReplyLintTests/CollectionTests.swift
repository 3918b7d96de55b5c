import Foundation
import XCTest
@testable import ReplyLint

/// Template collections: which values are replies, their names, and the exact file position of
/// every byte of a reply through quotes, escapes, folding and block scalars.
final class CollectionTests: XCTestCase {
    typealias S = InputTestSupport

    func names(_ docs: [Document]) -> [String] { docs.map { $0.name ?? "-" } }
    func texts(_ docs: [Document]) -> [String] { docs.map(\.string) }

    // MARK: Which values are replies, and their names

    func testYAMLListOfStrings() throws {
        let docs = try S.documents("- Hola, gracias por escribir.\n- \"Lo revisamos hoy.\"\n- 'Un saludo.'\n")
        XCTAssertEqual(names(docs), ["[0]", "[1]", "[2]"])
        XCTAssertEqual(texts(docs), ["Hola, gracias por escribir.", "Lo revisamos hoy.", "Un saludo."])
    }

    func testYAMLMapOfStrings() throws {
        let docs = try S.documents("retraso: Sentimos el retraso.\nreembolso: Ya está tramitado.\n")
        XCTAssertEqual(names(docs), ["retraso", "reembolso"])
        XCTAssertEqual(texts(docs), ["Sentimos el retraso.", "Ya está tramitado."])
    }

    func testYAMLListOfObjectsLintsTextAndNeverMetadata() throws {
        let yaml = """
        - id: saludo
          titulo: Saludo formal
          canal: twitter
          etiquetas: [bienvenida, formal]
          texto: Hola, ¿en qué podemos ayudarle?
        - id: cierre
          cuerpo: Quedamos a su disposición.
          prioridad: alta
        """
        let docs = try S.documents(yaml)
        XCTAssertEqual(names(docs), ["[0].texto", "[1].cuerpo"])
        XCTAssertEqual(texts(docs), ["Hola, ¿en qué podemos ayudarle?", "Quedamos a su disposición."])
    }

    func testNestedGroupsAndOddKeys() throws {
        let docs = try S.fixture("respuestas.yml")
        let all = try InputFiles.documents(of: docs)
        XCTAssertEqual(names(all), [
            "saludos[0].texto", "saludos[1].texto", "saludos[2].texto",
            "despedidas.formales[0].texto", "despedidas.formales[1].texto",
            "despedidas[\"fin de semana\"][0]", "despedidas[\"fin de semana\"][1]",
            "atajos.retraso", "atajos.reembolso",
        ])
        for doc in all {
            S.assertLettersMapOntoThemselves(doc)
            XCTAssertTrue(doc.segments.allSatisfy { $0.fileLength > 0 }, "no fallback in \(doc.name!)")
        }
    }

    func testKeyNames() {
        XCTAssertEqual(ReplySelector.name([.key("saludos"), .index(3), .key("texto")]), "saludos[3].texto")
        XCTAssertEqual(ReplySelector.name([.index(0)]), "[0]")
        XCTAssertEqual(ReplySelector.name([.key("envío-urgente"), .key("respuesta_1")]), "envío-urgente.respuesta_1")
        XCTAssertEqual(ReplySelector.name([.key("a.b"), .key("con \"comillas\""), .key("")]),
                       "[\"a.b\"][\"con \\\"comillas\\\"\"][\"\"]")
    }

    func testConfiguredTextKeysReplaceTheDefaults() throws {
        let yaml = """
        - id: a
          plantilla: Hola, le escribimos enseguida.
          texto: esto es una nota del equipo
        - id: b
          Plantilla: Gracias por avisarnos.
        """
        let docs = try S.documents(yaml, options: CollectionOptions(textKeys: ["PLANTILLA"]))
        XCTAssertEqual(names(docs), ["[0].plantilla", "[1].Plantilla"])
        let defaults = try S.documents(yaml)
        XCTAssertEqual(names(defaults), ["[0].texto"])
    }

    func testNonStringScalarsAndEmptyValuesAreNotReplies() throws {
        let docs = try S.documents("- 42\n- true\n- null\n- ~\n- 3.5\n- ''\n- !!str 42\n- Hola\n")
        XCTAssertEqual(names(docs), ["[6]", "[7]"])
        XCTAssertEqual(texts(docs), ["42", "Hola"])
        XCTAssertTrue(try S.documents("").isEmpty)
        XCTAssertTrue(try S.documents("# solo un comentario\n").isEmpty)
        XCTAssertTrue(try S.documents("  \n", path: "vacio.json").isEmpty)
    }

    func testTextKeyHoldingAListOrAMap() throws {
        let yaml = """
        saludo:
          texto:
            es: Hola, gracias por escribir.
            variantes: [Buenas tardes., Buenos días.]
          id: s1
        """
        let docs = try S.documents(yaml)
        XCTAssertEqual(names(docs), ["saludo.texto.es", "saludo.texto.variantes[0]", "saludo.texto.variantes[1]"])
    }

    func testTranslationsUnderOtherLanguageCodesAreNotLinted() throws {
        let yaml = """
        retraso:
          texto:
            es: Sentimos el retraso.
            es-MX: Lamentamos la demora.
            en: We are sorry for the delay.
            pt-BR: Lamentamos o atraso.
        cierre: {es: Gracias., ca: Gràcies., en_US: Thanks.}
        """
        let docs = try S.documents(yaml)
        XCTAssertEqual(names(docs), ["retraso.texto.es", "retraso.texto.es-MX", "cierre.es"])
        XCTAssertTrue(CollectionOptions.isOtherLanguageKey("en"))
        XCTAssertFalse(CollectionOptions.isOtherLanguageKey("envio"))
        XCTAssertFalse(CollectionOptions.isOtherLanguageKey("es_AR"))
    }

    func testRootStringIsOneUnnamedReply() throws {
        let docs = try S.documents("Hola, sentimos las molestias.\n")
        XCTAssertEqual(docs.count, 1)
        XCTAssertNil(docs[0].name)
        S.assertAt("molestias", in: docs[0], line: 1, column: 20)
    }

    func testJSONEquivalents() throws {
        XCTAssertEqual(names(try S.documents(#"["Hola.", "Adiós."]"#, path: "a.json")), ["[0]", "[1]"])
        XCTAssertEqual(names(try S.documents(#"{"retraso": "Lo sentimos.", "fin": "Gracias."}"#, path: "a.json")), ["retraso", "fin"])
        let json = try S.fixture("respuestas.json")
        let docs = try InputFiles.documents(of: json)
        XCTAssertEqual(names(docs), [
            "saludos[0].texto", "saludos[1].texto", "despedidas.formales[0].texto",
            "despedidas[\"fin de semana\"][0]", "despedidas[\"fin de semana\"][1]",
            "atajos.retraso", "atajos.reembolso",
        ])
        XCTAssertEqual(docs[1].string, "Hola, ¿en qué podemos ayudarle? Estamos para lo que necesite, \"sin prisa\".")
        for doc in docs { S.assertLettersMapOntoThemselves(doc) }
        // Words after escapes land where the raw file has them.
        for (word, doc) in [("podemos", docs[1]), ("prisa", docs[1]), ("Quedamos", docs[2]), ("gracias.", docs[6])] {
            let expected = try XCTUnwrap(S.rawPosition(of: word, in: json))
            S.assertAt(word, in: doc, line: expected.line, column: expected.column)
        }
    }

    // MARK: Exact positions through escapes and scalar styles

    func testJSONEscapesBeforeAFinding() throws {
        let json = "{\n  \"texto\": \"Hola\\n\\u00e9 jajaja\"\n}\n"
        let doc = try XCTUnwrap(try S.documents(json, path: "r.json").first)
        XCTAssertEqual(doc.string, "Hola\né jajaja")
        S.assertAt("jajaja", in: doc, line: 2, column: 26)
        S.assertAt("é", in: doc, line: 2, column: 19, excerpt: "\\u00e9")
        S.assertAt("\n", in: doc, line: 2, column: 17, excerpt: "\\n")
        S.assertAt("Hola", in: doc, line: 2, column: 13)
    }

    func testJSONQuoteBackslashAndSlashEscapes() throws {
        let json = #"{"texto": "Dijo \"no\" \\ a\/b jajaja"}"#
        let doc = try XCTUnwrap(try S.documents(json, path: "r.json").first)
        XCTAssertEqual(doc.string, #"Dijo "no" \ a/b jajaja"#)
        S.assertAt("jajaja", in: doc, line: 1, column: 32)
        S.assertAt("no", in: doc, line: 1, column: 19)
        S.assertAt("\"", in: doc, line: 1, column: 17, excerpt: "\\\"")
    }

    func testJSONSurrogatePair() throws {
        let json = "{\n  \"texto\": \"\\ud83d\\ude00 jajaja\"\n}"
        let doc = try XCTUnwrap(try S.documents(json, path: "r.json").first)
        XCTAssertEqual(doc.string, "😀 jajaja")
        S.assertAt("jajaja", in: doc, line: 2, column: 26)
        S.assertAt("😀", in: doc, line: 2, column: 13, excerpt: "\\ud83d\\ude00")
        // A lone surrogate reads as U+FFFD, still mapped to its escape.
        let lone = try XCTUnwrap(try S.documents(#"["\ud83d jajaja"]"#, path: "r.json").first)
        XCTAssertEqual(lone.string, "\u{FFFD} jajaja")
        S.assertAt("jajaja", in: lone, line: 1, column: 10)
    }

    func testYAMLDoubleQuotedEscapes() throws {
        let doc = try XCTUnwrap(try S.documents("texto: \"Hola\\n\\u00e9 jajaja\"\n").first)
        XCTAssertEqual(doc.string, "Hola\né jajaja")
        S.assertAt("jajaja", in: doc, line: 1, column: 22)
        S.assertAt("é", in: doc, line: 1, column: 15, excerpt: "\\u00e9")
        let more = try XCTUnwrap(try S.documents(#"- "\x41\U0001F600\t\"ok\" \\ \/ jajaja""#).first)
        XCTAssertEqual(more.string, "A😀\t\"ok\" \\ / jajaja")
        S.assertAt("jajaja", in: more, line: 1, column: 33)
        S.assertAt("ok", in: more, line: 1, column: 22)
    }

    func testYAMLDoubleQuotedFoldingAndEscapedLineBreak() throws {
        let yaml = "texto: \"Hola,\n  sentimos   la\n\n  espera. Gra\\\n  cias jajaja\"\n"
        let doc = try XCTUnwrap(try S.documents(yaml).first)
        XCTAssertEqual(doc.string, "Hola, sentimos   la\nespera. Gracias jajaja")
        S.assertAt("sentimos", in: doc, line: 2, column: 3)
        S.assertAt("espera", in: doc, line: 4, column: 3)
        S.assertAt("cias", in: doc, line: 5, column: 3)
        S.assertAt("jajaja", in: doc, line: 5, column: 8)
    }

    func testYAMLSingleQuotedWithDoubledQuotes() throws {
        let doc = try XCTUnwrap(try S.documents("texto: 'It''s ok, jajaja'\n").first)
        XCTAssertEqual(doc.string, "It's ok, jajaja")
        S.assertAt("jajaja", in: doc, line: 1, column: 19)
        S.assertAt("'", in: doc, line: 1, column: 11, excerpt: "''")
        let fixture = try S.fixture("respuestas.yml")
        let breve = try InputFiles.documents(of: fixture)[1]
        let prisa = try XCTUnwrap(S.rawPosition(of: "prisa", in: fixture))
        S.assertAt("prisa", in: breve, line: prisa.line, column: prisa.column)
        XCTAssertEqual(prisa.line, 8)
    }

    func testYAMLPlainMultiLine() throws {
        let fixture = try S.fixture("respuestas.yml")
        let largo = try InputFiles.documents(of: fixture)[2]
        XCTAssertEqual(largo.string, "Buenos días, lamentamos mucho las molestias que le ha causado el retraso del pedido {pedido}.")
        S.assertAt("lamentamos", in: largo, line: 10, column: 25)
        S.assertAt("mucho", in: largo, line: 11, column: 7)
        S.assertAt("retraso", in: largo, line: 12, column: 10)
        // Blank lines inside a plain scalar become newlines; trailing blanks are dropped.
        let doc = try XCTUnwrap(try S.documents("- uno dos   \n\n\n  tres jajaja # nota\n").first)
        XCTAssertEqual(doc.string, "uno dos\n\ntres jajaja")
        S.assertAt("jajaja", in: doc, line: 4, column: 8)
    }

    func testYAMLLiteralBlock() throws {
        let yaml = "texto: |\n  Primera línea.\n  Segunda jajaja.\notro: x\n"
        let doc = try XCTUnwrap(try S.documents(yaml).first)
        XCTAssertEqual(doc.string, "Primera línea.\nSegunda jajaja.\n")
        S.assertAt("jajaja", in: doc, line: 3, column: 11)
        S.assertAt("Primera", in: doc, line: 2, column: 3)
    }

    func testYAMLFoldedBlockWithBlankAndMoreIndentedLines() throws {
        let yaml = "texto: >\n  Uno dos\n  tres jajaja\n\n  cuatro\n    sangrado\n  cinco\n"
        let doc = try XCTUnwrap(try S.documents(yaml).first)
        XCTAssertEqual(doc.string, "Uno dos tres jajaja\ncuatro\n  sangrado\ncinco\n")
        S.assertAt("jajaja", in: doc, line: 3, column: 8)
        S.assertAt("sangrado", in: doc, line: 6, column: 5)
        S.assertAt("cinco", in: doc, line: 7, column: 3)
    }

    func testYAMLChompingAndIndentationIndicators() throws {
        let yaml = """
        a: |-
          sin salto final jajaja
        b: >+
          con saltos jajaja


        c:
          - |2
              sangría extra jajaja
            normal
        d: |1-
          uno jajaja
        e: >2 # comentario
           más jajaja
        """
        let docs = try S.documents(yaml, options: CollectionOptions(textKeys: ["a", "b", "c", "d", "e"]))
        XCTAssertEqual(names(docs), ["a", "b", "c[0]", "d", "e"])
        XCTAssertEqual(texts(docs), ["sin salto final jajaja", "con saltos jajaja\n\n\n",
                                     "  sangría extra jajaja\nnormal\n", " uno jajaja", " más jajaja"])
        S.assertAt("jajaja", in: docs[0], line: 2, column: 19)
        S.assertAt("jajaja", in: docs[1], line: 4, column: 14)
        S.assertAt("jajaja", in: docs[2], line: 9, column: 21)
        S.assertAt("jajaja", in: docs[3], line: 12, column: 7)
        S.assertAt("jajaja", in: docs[4], line: 14, column: 8)
        for doc in docs { XCTAssertTrue(doc.segments.allSatisfy { $0.fileLength > 0 }, "no fallback in \(doc.name!)") }
    }

    func testAnchorsTagsCommentsBeforeTheScalar() throws {
        let yaml = "- &saludo !!str \"Hola jajaja\"\n- !!str # nota\n  |\n   Dos jajaja\n- *saludo\n"
        let docs = try S.documents(yaml)
        // The alias is the anchored reply itself: it is linted once, where it is written.
        XCTAssertEqual(names(docs), ["[0]", "[1]"])
        XCTAssertEqual(texts(docs), ["Hola jajaja", "Dos jajaja\n"])
        S.assertAt("jajaja", in: docs[0], line: 1, column: 23)
        S.assertAt("jajaja", in: docs[1], line: 4, column: 8)
    }

    func testFlowCollectionsInYAML() throws {
        let docs = try S.documents("saludos: [Hola jajaja, \"Adiós\n  jajaja\", {texto: 'Buenas jajaja'}]\n")
        XCTAssertEqual(names(docs), ["saludos[0]", "saludos[1]", "saludos[2].texto"])
        S.assertAt("jajaja", in: docs[0], line: 1, column: 16)
        S.assertAt("jajaja", in: docs[1], line: 2, column: 3)
        S.assertAt("jajaja", in: docs[2], line: 2, column: 28)
    }

    func testCRLFAndBOMKeepPositionsExact() throws {
        let yaml = "\u{FEFF}saludos:\r\n  - \"Hola,\r\n    jajaja\"\r\n  - |\r\n    Uno\r\n    dos jajaja\r\n"
        let docs = try S.documents(yaml)
        XCTAssertEqual(texts(docs), ["Hola, jajaja", "Uno\ndos jajaja\n"])
        S.assertAt("jajaja", in: docs[0], line: 3, column: 5)
        S.assertAt("Hola", in: docs[0], line: 2, column: 6)
        S.assertAt("jajaja", in: docs[1], line: 6, column: 9)
        let json = "\u{FEFF}[\r\n\"a\\u00e9 jajaja\"]"
        let j = try XCTUnwrap(try S.documents(json, path: "b.json").first)
        S.assertAt("jajaja", in: j, line: 2, column: 10)
    }

    func testUnfollowedScalarMapsToItsStartNeverElsewhere() throws {
        // YAML 1.1 reads U+0085 (NEL) inside a quoted scalar as a line break and folds it; the
        // scanner does not, so the whole reply maps to its opening quote.
        let yaml = "- x\n- texto: \"Hola\u{85}jajaja\"\n"
        let doc = try XCTUnwrap(try S.documents(yaml).last)
        XCTAssertEqual(doc.string, "Hola jajaja")
        let r = try XCTUnwrap(S.range(of: "jajaja", in: doc))
        let quote = doc.source.bytes.firstIndex(of: UInt8(ascii: "\""))!
        XCTAssertEqual(doc.fileOffset(r.lowerBound), quote)
        XCTAssertEqual(doc.fileOffset(r.upperBound, end: true), quote)
        XCTAssertEqual(doc.fileOffset(0), quote)
    }

    func testPlaceholdersStayPlaceholderTokens() throws {
        let yaml = "- texto: \"Hola {{nombre}},\\tsu pedido {pedido} cuesta %s euros.\"\n"
        let doc = try XCTUnwrap(try S.documents(yaml).first)
        let (tokens, _) = try Tokenizer().tokenize(doc.text)
        let slots = tokens.filter { $0.kind == .placeholder }
        XCTAssertEqual(slots.map(\.text), ["{{nombre}}", "{pedido}", "%s"])
        let columns = slots.map { doc.source.location(of: doc.fileOffset($0.range.lowerBound)).column }
        XCTAssertEqual(columns, [16, 39, 55])
        for slot in slots {
            let start = doc.fileOffset(slot.range.lowerBound)
            let end = doc.fileOffset(slot.range.upperBound, end: true)
            XCTAssertEqual(String(decoding: doc.source.bytes[start..<end], as: UTF8.self), slot.text)
        }
        // The same through JSON.
        let json = try XCTUnwrap(try S.documents(#"{"texto": "Hola {{nombre}}\u0021 %s"}"#, path: "r.json").first)
        XCTAssertEqual(try Tokenizer().tokenize(json.text).tokens.filter { $0.kind == .placeholder }.map(\.text), ["{{nombre}}", "%s"])
    }

    // MARK: Bad input

    func testYAMLSyntaxErrorIsMalformedWithItsPosition() throws {
        let yaml = "saludos:\n  - texto: Hola\n  mal: [sin cerrar\n"
        XCTAssertThrowsError(try S.documents(yaml)) { error in
            guard case .malformed(let path, let line, _, let reason)? = error as? InputError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(path, "respuestas.yml")
            XCTAssertTrue((3...4).contains(line), "line \(line)")
            XCTAssertTrue(reason.hasPrefix("YAML no válido: "), reason)
        }
        let unclosed = "- texto: \"Hola\n- otra\n"
        XCTAssertThrowsError(try S.documents(unclosed)) { error in
            guard case .malformed(_, let line, let column, let reason)? = error as? InputError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("comillas sin cerrar"), reason)
            // Where the quote opened, not the end of the file.
            XCTAssertEqual(line, 1)
            XCTAssertEqual(column, 10)
        }
        let indent = "saludos:\n  - texto: Hola\n   otra: cosa\n"
        XCTAssertThrowsError(try S.documents(indent)) { error in
            guard case .malformed(_, let line, let column, _)? = error as? InputError else { return XCTFail("\(error)") }
            XCTAssertEqual(line, 3)
            XCTAssertTrue(column >= 1 && column <= 9, "column \(column)")
        }
    }

    func testYAMLDuplicateKeyIsMalformed() throws {
        XCTAssertThrowsError(try S.documents("a: Hola\nb: x\na: otra\n")) { error in
            guard case .malformed(_, let line, _, let reason)? = error as? InputError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("clave repetida"), reason)
            XCTAssertEqual(line, 1)
        }
    }

    func testJSONSyntaxErrorsAreMalformedWithTheirPosition() throws {
        func check(_ json: String, _ line: Int, _ column: Int, _ fragment: String, file: StaticString = #filePath, l: UInt = #line) {
            XCTAssertThrowsError(try S.documents(json, path: "r.json"), file: file, line: l) { error in
                guard case .malformed(let path, let gotLine, let gotColumn, let reason)? = error as? InputError else {
                    return XCTFail("\(error)", file: file, line: l)
                }
                XCTAssertEqual(path, "r.json", file: file, line: l)
                XCTAssertEqual(gotLine, line, reason, file: file, line: l)
                XCTAssertEqual(gotColumn, column, reason, file: file, line: l)
                XCTAssertTrue(reason.hasPrefix("JSON no válido: ") && reason.contains(fragment), reason, file: file, line: l)
            }
        }
        check("{\n  \"texto\" \"Hola\"\n}", 2, 11, "se esperaba ':'")
        check("[\"Hola\", ]", 1, 10, "se esperaba un valor")
        check("[\"Hola\"\n  \"Adiós\"]", 2, 3, "se esperaba ',' o ']'")
        check("{\"texto\": \"Hola", 1, 11, "cadena sin cerrar")
        check("[\"a\\qb\"]", 1, 4, "escape no válido")
        check("[\"línea\nrota\"]", 1, 8, "salto de línea")
        check("[1] x", 1, 5, "después del final")
        check("{'texto': 1}", 1, 2, "clave entre comillas")
        check("[tru]", 1, 2, "true")
        check("[01]", 1, 2, "número")
    }

    func testAliasBombIsNotExpanded() throws {
        var yaml = "a: &a [\"jajaja\", \"jajaja\", \"jajaja\", \"jajaja\", \"jajaja\", \"jajaja\", \"jajaja\", \"jajaja\", \"jajaja\"]\n"
        let names = "abcdefghij".map(String.init)
        for k in 1..<names.count {
            let previous = names[k - 1]
            yaml += "\(names[k]): &\(names[k]) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let clock = ContinuousClock()
        var docs: [Document] = []
        let elapsed = try clock.measure { docs = try S.documents(yaml) }
        XCTAssertLessThan(elapsed, .seconds(3))
        // 9^10 replies if expanded; the nine written ones otherwise.
        XCTAssertEqual(docs.count, 9)
        XCTAssertEqual(docs.map { $0.name ?? "-" }, (0..<9).map { "a[\($0)]" })
        // A merge key reuses an anchored map without linting it twice.
        let merged = try S.documents("base: &base\n  texto: Hola\nuno:\n  <<: *base\n  id: 1\n")
        XCTAssertEqual(merged.map { $0.name ?? "-" }, ["base.texto"])
    }

    func testDeepNestingIsRefused() throws {
        for depth in [600, 20_000] {
            let json = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            XCTAssertThrowsError(try S.documents(json, path: "hondo.json")) { error in
                guard case .malformed(_, _, _, let reason)? = error as? InputError else { return XCTFail("\(error)") }
                XCTAssertTrue(reason.contains("anidamiento"), reason)
            }
            XCTAssertThrowsError(try S.documents(json, path: "hondo.yml")) { error in
                guard case .malformed(_, _, _, let reason)? = error as? InputError else { return XCTFail("\(error)") }
                XCTAssertTrue(reason.hasPrefix("YAML no válido"), reason)
            }
        }
        let ok = String(repeating: "[", count: 100) + "\"Hola\"" + String(repeating: "]", count: 100)
        XCTAssertEqual(try S.documents(ok, path: "ok.json").count, 1)
        XCTAssertEqual(try S.documents(ok, path: "ok.yml").count, 1)
    }

    func testMinifiedOneLineCollectionStaysFast() throws {
        let count = 20_000
        let line = "[" + (0..<count).map { "\"Respuesta \($0) jajaja\"" }.joined(separator: ",") + "]"
        for path in ["min.yml", "min.json"] {
            let clock = ContinuousClock()
            var docs: [Document] = []
            let elapsed = try clock.measure { docs = try S.documents(line, path: path) }
            XCTAssertLessThan(elapsed, .seconds(10), path)
            XCTAssertEqual(docs.count, count)
            let last = try XCTUnwrap(docs.last)
            let raw = try XCTUnwrap(S.rawPosition(of: "Respuesta \(count - 1) jajaja", in: last.source))
            S.assertAt("jajaja", in: last, line: 1, column: raw.column + "Respuesta \(count - 1) ".count)
        }
    }

    // MARK: Through the runner

    func testRunnerLintsCollectionsAndReportsBrokenOnes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-collections-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("- Hola, gracias por escribir.\n".utf8).write(to: folder.appendingPathComponent("buenas.yml"))
        try Data("{\n  \"texto\" \"Hola\"\n}\n".utf8).write(to: folder.appendingPathComponent("rota.json"))
        let deep = String(repeating: "[", count: 999) + String(repeating: "]", count: 999)
        try Data(deep.utf8).write(to: folder.appendingPathComponent("honda.yaml"))
        try Data("solo texto".utf8).write(to: folder.appendingPathComponent("otra.csv"))
        let runner = Runner(linter: try Linter(lexicons: LexiconStore(), registry: []), threads: 2)
        let result = runner.run(paths: [folder.path])
        XCTAssertEqual(result.report.files, 3)
        let inputs = result.report.diagnostics.filter { $0.category == .input }
        XCTAssertEqual(inputs.map { URL(fileURLWithPath: $0.path).lastPathComponent }.sorted(), ["honda.yaml", "rota.json"])
        let rota = try XCTUnwrap(inputs.first { $0.path.hasSuffix("rota.json") })
        XCTAssertEqual(rota.rule, "input.malformed")
        XCTAssertEqual([rota.line, rota.column], [2, 11])
        XCTAssertEqual(result.line(rota.path, 2)?.bytes, Array("  \"texto\" \"Hola\"".utf8), "the line is kept for the caret")
    }
}

enum InputTestSupport {
    static let fixtures: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func file(_ text: String, path: String) throws -> SourceFile {
        try SourceFile(path: path, bytes: Array(text.utf8))
    }

    static func fixture(_ name: String) throws -> SourceFile {
        let url = fixtures.appendingPathComponent(name)
        return try SourceFile(path: url.path, bytes: Array(try Data(contentsOf: url)))
    }

    static func documents(_ text: String, path: String = "respuestas.yml",
                          options: CollectionOptions = CollectionOptions()) throws -> [Document] {
        try InputFiles.documents(of: try file(text, path: path), collections: options)
    }

    /// The byte range of the `occurrence`-th `needle` in the document text.
    static func range(of needle: String, in doc: Document, occurrence: Int = 0,
                      file: StaticString = #filePath, line: UInt = #line) -> Range<Int>? {
        let n = Array(needle.utf8)
        var found = 0
        var i = 0
        while i + n.count <= doc.text.count {
            if doc.text[i..<(i + n.count)].elementsEqual(n) {
                if found == occurrence { return i..<(i + n.count) }
                found += 1
            }
            i += 1
        }
        XCTFail("«\(needle)» not in «\(doc.string)»", file: file, line: line)
        return nil
    }

    /// Line and column in the file where `needle` (in the document text) starts, and the file's
    /// bytes between the mapped start and end.
    static func locate(_ needle: String, in doc: Document, occurrence: Int = 0,
                       file: StaticString = #filePath, line: UInt = #line) -> (line: Int, column: Int, excerpt: String)? {
        guard let r = range(of: needle, in: doc, occurrence: occurrence, file: file, line: line) else { return nil }
        let start = doc.fileOffset(r.lowerBound)
        let end = doc.fileOffset(r.upperBound, end: true)
        let (l, c) = doc.source.location(of: start)
        return (l, c, String(decoding: doc.source.bytes[start..<max(start, end)], as: UTF8.self))
    }

    /// Asserts that `needle` maps to `line`:`column` and that the file holds exactly `excerpt`
    /// (the needle itself unless it was written with escapes) between its mapped ends.
    static func assertAt(_ needle: String, in doc: Document, line expectedLine: Int, column expectedColumn: Int,
                         excerpt: String? = nil, occurrence: Int = 0, file: StaticString = #filePath, line: UInt = #line) {
        guard let found = locate(needle, in: doc, occurrence: occurrence, file: file, line: line) else { return }
        XCTAssertEqual(found.line, expectedLine, "line of «\(needle)»", file: file, line: line)
        XCTAssertEqual(found.column, expectedColumn, "column of «\(needle)»", file: file, line: line)
        XCTAssertEqual(found.excerpt, excerpt ?? needle, "file text of «\(needle)»", file: file, line: line)
    }

    /// Where `needle` is written in the file, searched in the raw file text: 1-based line and
    /// scalar column of its `occurrence`-th appearance. Independent of any segment.
    static func rawPosition(of needle: String, in source: SourceFile, occurrence: Int = 0) -> (line: Int, column: Int)? {
        let n = Array(needle.utf8)
        var seen = 0
        var i = source.textStart
        while i + n.count <= source.bytes.count {
            if source.bytes[i..<(i + n.count)].elementsEqual(n) {
                if seen == occurrence { return source.location(of: i) }
                seen += 1
            }
            i += 1
        }
        return nil
    }

    /// Every run of ASCII letters in a document that the file writes the same way (no escape
    /// inside it) must map back onto those very letters.
    static func assertLettersMapOntoThemselves(_ doc: Document, file: StaticString = #filePath, line: UInt = #line) {
        let text = doc.text
        var i = 0
        func isLetter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
        while i < text.count {
            guard isLetter(text[i]) else { i += 1; continue }
            var e = i
            while e < text.count && isLetter(text[e]) { e += 1 }
            let copied = doc.segments.contains { s in
                s.textLength == s.fileLength && s.textStart <= i && e <= s.textStart + s.textLength
            }
            if copied {
                let start = doc.fileOffset(i)
                let end = doc.fileOffset(e, end: true)
                XCTAssertEqual(Array(doc.source.bytes[start..<end]), Array(text[i..<e]),
                               "«\(String(decoding: text[i..<e], as: UTF8.self))» of \(doc.name ?? "-")", file: file, line: line)
            }
            i = e
        }
    }
}
