/// `register.punctuation`: repeated exclamation and question marks (`!!!`, `???`, `?!?!`, `¡¡¡`,
/// `¿¿`) and runs of four or more dots.
struct PunctuationRule: Rule {
    static let description = RuleDescription(
        id: "register.punctuation",
        category: .register,
        summary: "signos repetidos (!!!, ???, ¡¡, ....)",
        rationale: """
            Los signos de exclamación o interrogación repetidos se leen como gritos, impaciencia o \
            sarcasmo, y una ristra de puntos como un suspiro o una insinuación: nada de eso cabe en una \
            respuesta serena y profesional. Un signo basta. Una serie de signos escritos juntos es un \
            solo hallazgo con una sola corrección: "!!!" pasa a "!", "¿¿" a "¿", un "?!?!" mezclado a \
            "?", y cuatro puntos o más a los tres puntos suspensivos, que son correctos y no se \
            señalan. Un "?!" suelto (o un "¡¿" que abre una pregunta exclamativa, que el español \
            admite) se informa solo como nota.
            """,
        triggering: [
            RuleExample("¡Gracias por escribirnos«!!!»"),
            RuleExample("«¡¡¡»Felicidades«!!!»"),
            RuleExample("¿De verdad no le llegó«???»"),
            RuleExample("«¿¿»Cómo que no«??»"),
            RuleExample("¿Todavía no le llega«?!?!»"),
            RuleExample("Lo revisamos y le avisamos«....»"),
            RuleExample("Estamos en ello«.....» gracias por la espera."),
            RuleExample("¡Qué buena noticia«!!»"),
            RuleExample("¿No le llegó el código«?!»"),
            RuleExample("Ya está«!!!» ¿Algo más«??»"),
            RuleExample("Un momento«……»"),
            RuleExample("«¡¿»De verdad le cobraron dos veces«?!»"),
        ],
        nonTriggering: [
            RuleExample("¡Gracias por escribirnos! ¿En qué le podemos ayudar?"),
            RuleExample("Lo revisamos y le avisamos... Gracias por la espera."),
            RuleExample("Un momento… ya casi está."),
            RuleExample("¿Le llegó el correo? ¡Perfecto!"),
            RuleExample("Consulte https://ejemplo.com/ayuda?id=1 para más detalles. ¡Gracias!"),
            RuleExample("Son 2.5 GB. Gracias."),
            RuleExample("¡Hola! ¿Cómo está?"),
        ]
    )

    init(lexicons: LexiconStore) throws {}

    enum Mark {
        case closing  // ! ?
        case opening  // ¡ ¿
        case dots     // . …

        init?(_ text: String) {
            // By bytes: asked for every punctuation token, most of them commas and periods.
            var utf8 = text.utf8.makeIterator()
            switch (utf8.next(), utf8.next(), utf8.next(), utf8.next()) {
            case (0x21, nil, _, _), (0x3F, nil, _, _): self = .closing          // ! ?
            case (0xC2, 0xA1, nil, _), (0xC2, 0xBF, nil, _): self = .opening   // ¡ ¿
            case (0x2E, nil, _, _), (0xE2, 0x80, 0xA6, nil): self = .dots      // . …
            default: return nil
            }
        }
    }

    func check(_ context: RuleContext) -> [Finding] {
        let tokens = context.tokens
        var findings: [Finding] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].kind == .punctuation, let mark = Mark(tokens[i].text) else { i += 1; continue }
            var j = i + 1
            while j < tokens.count && tokens[j].kind == .punctuation && !tokens[j].spaceBefore
                    && tokens[j].range.lowerBound == tokens[j - 1].range.upperBound && Mark(tokens[j].text) == mark {
                j += 1
            }
            // One mark alone is never a finding (a lone `…` is three dots): only runs are judged.
            if j - i >= 2 {
                let run = tokens[i..<j].map(\.text)
                let range = tokens[i].range.lowerBound..<tokens[j - 1].range.upperBound
                if let finding = judge(run, mark: mark, range: range) { findings.append(finding) }
            }
            i = j
        }
        return findings
    }

    func judge(_ run: [String], mark: Mark, range: Range<Int>) -> Finding? {
        let written = run.joined()
        switch mark {
        case .dots:
            let dots = run.reduce(0) { $0 + ($1 == "…" ? 3 : 1) }
            guard dots >= 4 else { return nil }
            return Finding(range: range, message: "puntos suspensivos alargados «\(written)»", suggestions: ["..."], safeFix: true)
        case .opening:
            guard run.count >= 2 else { return nil }
            let fix = run.contains("¿") ? "¿" : "¡"
            if run.count == 2 && Set(run).count == 2 {
                return Finding(range: range, message: "signos combinados «\(written)»", suggestions: [fix], severity: .note)
            }
            return Finding(range: range, message: "signos repetidos «\(written)»", suggestions: [fix], safeFix: true)
        case .closing:
            guard run.count >= 2 else { return nil }
            let fix = run.contains("?") ? "?" : "!"
            if run.count == 2 && Set(run).count == 2 {
                return Finding(range: range, message: "signos combinados «\(written)»", suggestions: [fix], severity: .note)
            }
            return Finding(range: range, message: "signos repetidos «\(written)»", suggestions: [fix], safeFix: true)
        }
    }
}
