import Foundation
import XCTest
@testable import ReplyLint

/// A test-only rule: flags the word «jajaja», to follow a finding from the text to the file.
struct LaughWordTestRule: Rule {
    static let description = RuleDescription(
        id: "register.test-laugh-word", category: .register, summary: "prueba",
        rationale: "a rule used by the input tests only; it flags one word so positions can be followed",
        triggering: [RuleExample("«jajaja»")], nonTriggering: [RuleExample("hola")])
    init(lexicons: LexiconStore) throws {}
    func check(_ context: RuleContext) -> [Finding] {
        context.tokens.filter { $0.lower == "jajaja" }.map { Finding(range: $0.range, message: "risa de prueba") }
    }
}

/// Markdown prose: what is skipped, what stays, and that positions are the file's.
final class MarkdownTests: XCTestCase {
    typealias S = InputTestSupport

    func prose(_ markdown: String, path: String = "borrador.md") throws -> Document {
        let docs = try S.documents(markdown, path: path)
        XCTAssertEqual(docs.count, 1)
        let doc = docs[0]
        // One segment, byte for byte: text offsets are file offsets (after a BOM).
        XCTAssertEqual(doc.text.count, doc.source.bytes.count - doc.source.textStart)
        XCTAssertEqual(doc.segments, [Document.Segment(textStart: 0, textLength: doc.text.count,
                                                       fileStart: doc.source.textStart, fileLength: doc.text.count)])
        XCTAssertNil(doc.name)
        return doc
    }

    /// The text with every run of blanks squeezed to one space (blanked spans vary in width).
    func squeezed(_ doc: Document) -> String {
        var out = ""
        var blank = false
        for ch in doc.string {
            if ch == " " || ch == "\t" {
                if !blank { out.append(" ") }
                blank = true
            } else {
                out.append(ch)
                blank = false
            }
        }
        return out
    }

    func placeholders(_ doc: Document) throws -> [Token] {
        try Tokenizer().tokenize(doc.text).tokens.filter { $0.kind == .placeholder }
    }

    func testFixtureKeepsProseAndSkipsTheRest() throws {
        let source = try S.fixture("borrador.md")
        let doc = try XCTUnwrap(try InputFiles.documents(of: source).first)
        let text = doc.string
        for skipped in ["titulo", "autor", "#", "pedido estado", "example.com", "Seguimiento\"", "nota interna",
                        "logística", "curl", "salida de ejemplo", "**", "_atención_", "span", "class", "[ ]", "[faq]",
                        "Preguntas frecuentes", ">", "`"] {
            XCTAssertFalse(text.contains(skipped), "«\(skipped)» should be skipped:\n\(text)")
        }
        for kept in ["Respuesta al cliente", "Hola Ana, sentimos mucho el retraso de su pedido. Hemos revisado",
                     "la página de seguimiento", "nuestras preguntas", "Un   saludo   cordial,   el equipo de  atención",
                     "también el spam", "Confirmar dirección", "Gracias por su paciencia."] {
            XCTAssertTrue(text.contains(kept), "«\(kept)» should stay:\n\(text)")
        }
        S.assertLettersMapOntoThemselves(doc)
        for word in ["aplicación", "Más", "Gracias", "también", "Confirmar", "nuestras", "Respuesta", "atención"] {
            let raw = try XCTUnwrap(S.rawPosition(of: word, in: source, occurrence: word == "Respuesta" ? 1 : 0))
            S.assertAt(word, in: doc, line: raw.line, column: raw.column)
        }
        S.assertAt("aplicación", in: doc, line: 11, column: 56)
        S.assertAt("Gracias", in: doc, line: 32, column: 1)
    }

    func testFencedCodeBlocks() throws {
        let md = "Antes.\n\n```swift\nlet x = \"jajaja\"\n```\n\n~~~~\njajaja\n```\ntodavía código\n~~~~\n\n- lista\n\n  ```\n  jajaja\n  ```\nDespués jajaja.\n"
        let doc = try prose(md)
        XCTAssertEqual(doc.string.components(separatedBy: "jajaja").count - 1, 1, doc.string)
        XCTAssertFalse(doc.string.contains("todavía"))
        XCTAssertFalse(doc.string.contains("let x"))
        S.assertAt("jajaja", in: doc, line: 18, column: 9)
        // An unclosed fence runs to the end of the file.
        let open = try prose("Texto.\n```\njajaja\n")
        XCTAssertFalse(open.string.contains("jajaja"))
    }

    func testIndentedCodeButNotIndentedContinuation() throws {
        let md = "Un párrafo que sigue\n    en una línea sangrada.\n\n    código jajaja\n\tcódigo con tabulador\n\nFin jajaja.\n"
        let doc = try prose(md)
        XCTAssertTrue(doc.string.contains("en una línea sangrada."))
        XCTAssertFalse(doc.string.contains("código"))
        S.assertAt("jajaja", in: doc, line: 7, column: 5)
        // Inside a list item, content indented like the item is prose.
        let list = try prose("1. Paso uno:\n\n   Detalle del paso.\n\n       código del paso\n")
        XCTAssertTrue(list.string.contains("Detalle del paso."))
        XCTAssertFalse(list.string.contains("código del paso"))
    }

    func testInlineCodeBecomesAPlaceholderSlot() throws {
        let doc = try prose("`npm` es la orden; use ``a ` b`` y `jajaja` y luego jajaja.\nUn ` suelto jajaja.\n")
        XCTAssertEqual(squeezed(doc), "{_} es la orden; use {_} y {_} y luego jajaja. Un ` suelto jajaja.\n")
        XCTAssertEqual(try placeholders(doc).map(\.text), ["{_}", "{_}", "{_}"])
        S.assertAt("jajaja", in: doc, line: 1, column: 53)
        S.assertAt("jajaja", in: doc, line: 2, column: 13, occurrence: 1)
        // The sentence after a code span does not start at the next word.
        let sentences = try Tokenizer().tokenize(doc.text).sentences
        XCTAssertEqual(sentences.count, 2)
    }

    func testLinkTextStaysTargetsGo() throws {
        let md = """
        Vea [nuestra guía](https://example.com/guía_(v2) "La guía") jajaja.
        ![logo de la tienda](logo.png) y [ayuda][soporte] y [soporte] y [faq][].
        Estimado [NOMBRE], marque [x] si procede.

        [soporte]: https://example.com/soporte
        [faq]: <https://example.com/faq>
        """
        let doc = try prose(md)
        XCTAssertEqual(squeezed(doc), "Vea nuestra guía jajaja. logo de la tienda y ayuda y soporte y faq . Estimado [NOMBRE], marque [x] si procede.\n\n \n ")
        S.assertAt("jajaja", in: doc, line: 1, column: 61)
        let tienda = try XCTUnwrap(S.rawPosition(of: "tienda", in: doc.source))
        S.assertAt("tienda", in: doc, line: tienda.line, column: tienda.column)
        XCTAssertEqual(try placeholders(doc).map(\.text), ["[NOMBRE]"])
    }

    func testAutolinksCommentsAndHTML() throws {
        let md = """
        Escríbanos a <ayuda@example.com> o vea <https://example.com/x>.
        <!-- varias
        líneas jajaja -->Texto <b>en negrita</b> jajaja.
        <script>
        var jajaja = 1;
        </script>
        Si 2 < 3 y te quiero <3, todo bien jajaja.
        """
        let doc = try prose(md)
        XCTAssertEqual(squeezed(doc), "Escríbanos a {_} o vea {_} .\n \n Texto en negrita jajaja.\n \n \n \nSi 2 < 3 y te quiero <3, todo bien jajaja.")
        S.assertAt("jajaja", in: doc, line: 3, column: 42)
        S.assertAt("jajaja", in: doc, line: 7, column: 36, occurrence: 1)
    }

    func testFrontMatterOnlyAtTheTop() throws {
        let doc = try prose("---\ntitulo: jajaja\n...\nHola jajaja.\n\n---\nno: es front matter\n---\n")
        XCTAssertFalse(doc.string.contains("titulo"))
        XCTAssertTrue(doc.string.contains("no: es front matter"))
        S.assertAt("jajaja", in: doc, line: 4, column: 6)
        // Unclosed: not front matter, the text stays.
        let open = try prose("---\nHola jajaja.\n")
        XCTAssertTrue(open.string.contains("Hola jajaja."))
        // A horizontal rule that opens a reply is not front matter: the prose stays.
        let rules = try prose("---\nHola, gracias por escribir.\n\n---\n")
        XCTAssertTrue(rules.string.contains("Hola, gracias por escribir."))
    }

    func testMarkdownMarksAreBlankedButWordsStay() throws {
        let md = "## Título ##\n\n* uno\n+ dos\n10) tres\n> > cita **fuerte** y ~~tachada~~\n\nnombre_de_usuario y _énfasis_ y \\*literal\\* y 2 * 3\n\n***\n| a | b |\n|---|:-:|\n| c | d |\n"
        let doc = try prose(md)
        let lines = doc.string.components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "   Título   ")
        XCTAssertEqual(lines[2], "  uno")
        XCTAssertEqual(lines[3], "  dos")
        XCTAssertEqual(lines[4], "    tres")
        XCTAssertEqual(lines[5], "    cita   fuerte   y   tachada  ")
        XCTAssertEqual(lines[7], "nombre_de_usuario y  énfasis  y  *literal * y 2 * 3")
        XCTAssertTrue(lines[9].trimmingCharacters(in: .whitespaces).isEmpty)
        XCTAssertEqual(lines[10], "  a   b  ")
        XCTAssertTrue(lines[11].trimmingCharacters(in: .whitespaces).isEmpty)
        XCTAssertEqual(lines[12], "  c   d  ")
    }

    func testSoftBreaksJoinASentenceHardBreaksDoNot() throws {
        let doc = try prose("Hola, sentimos\nel retraso de su pedido.\n\nUn saludo,  \nEl equipo\\\nde soporte\n")
        XCTAssertEqual(doc.string, "Hola, sentimos el retraso de su pedido.\n\nUn saludo,  \nEl equipo \nde soporte\n")
        let sentences = try Tokenizer().tokenize(doc.text).sentences
        let first = String(decoding: doc.text[sentences[0].range], as: UTF8.self)
        XCTAssertEqual(first.trimmingCharacters(in: .whitespacesAndNewlines), "Hola, sentimos el retraso de su pedido.")
        S.assertAt("retraso", in: doc, line: 2, column: 4)
        // CRLF: both bytes of a soft break become spaces.
        let crlf = try prose("uno\r\ndos jajaja\r\n")
        XCTAssertEqual(crlf.string, "uno  dos jajaja\r\n")
        S.assertAt("jajaja", in: crlf, line: 2, column: 5)
    }

    func testBOMAndMultiByteColumns() throws {
        let doc = try prose("\u{FEFF}¿Qué tal? `código` ñandú jajaja\n")
        S.assertAt("jajaja", in: doc, line: 1, column: 26)
        S.assertAt("ñandú", in: doc, line: 1, column: 20)
    }

    func testUnmatchedOpenersStayLinear() throws {
        let unit = "` [a]( <!-- <script [b][ ``` x "
        let md = String(repeating: unit, count: 6_000) + "\n\nFin jajaja.\n"
        let clock = ContinuousClock()
        var doc: Document?
        let elapsed = try clock.measure { doc = try prose(md) }
        XCTAssertLessThan(elapsed, .seconds(5))
        S.assertAt("jajaja", in: try XCTUnwrap(doc), line: 3, column: 5)
    }

    func testLinterFindingsLandOnTheFileThroughEveryInput() throws {
        let linter = try Linter(lexicons: LexiconStore(), registry: [LaughWordTestRule.self])
        let tokenizer = try Tokenizer()
        func lint(_ text: String, _ path: String) throws -> [Diagnostic] {
            try InputFiles.documents(of: try S.file(text, path: path)).flatMap { linter.lint($0, tokenizer: tokenizer) }
        }
        let md = try lint("Hola `jajaja` y [jajaja](https://x.es/jajaja) <!-- jajaja -->\n\n    jajaja\n", "a.md")
        XCTAssertEqual(md.map { [$0.line, $0.column] }, [[1, 18]])
        let yaml = try lint("saludos:\n  - texto: \"Hola\\n\\u00e9 jajaja\"\n  - texto: |\n      Uno\n      dos jajaja\n", "a.yml")
        XCTAssertEqual(yaml.map { [$0.line, $0.column] }, [[2, 26], [5, 11]])
        XCTAssertEqual(yaml.map { $0.reply ?? "-" }, ["saludos[0].texto", "saludos[1].texto"])
        XCTAssertEqual(yaml.map(\.excerpt), ["jajaja", "jajaja"])
        let json = try lint("{\"a\": {\"texto\": \"\\ud83d\\ude00 jajaja\"}}", "a.json")
        XCTAssertEqual(json.map { [$0.line, $0.column] }, [[1, 31]])
        XCTAssertEqual(json.first?.reply, "a.texto")
        let plain = try lint("`jajaja`\n", "a.txt")
        XCTAssertEqual(plain.map { [$0.line, $0.column] }, [[1, 2]])
    }
}
