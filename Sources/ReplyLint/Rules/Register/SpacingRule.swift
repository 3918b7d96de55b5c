import ByteScan

/// `register.spacing`: two or more spaces between words in the middle of a line.
struct SpacingRule: Rule {
    static let description = RuleDescription(
        id: "register.spacing",
        category: .register,
        defaultSeverity: .note,
        summary: "espacios repetidos entre palabras",
        rationale: """
            Dos espacios seguidos entre palabras son un descuido de tecleo que en una red social se ve \
            como un hueco en la frase, y delatan un texto pegado de otra parte. No cambian el sentido, así \
            que se informan como nota, y --fix los deja en uno solo. No se señalan la sangría al principio \
            de la línea, los espacios al final (en Markdown marcan un salto de línea) ni los huecos que \
            replylint deja al apartar código, enlaces o etiquetas de un Markdown: solo cuentan los espacios \
            que están escritos en el archivo.
            """,
        triggering: [
            RuleExample("Gracias por«  »escribirnos."),
            RuleExample("Su pedido llegará«   »mañana."),
            RuleExample("Lo sentimos.«  »Ya está resuelto."),
        ],
        nonTriggering: [
            RuleExample("Gracias por escribirnos."),
            RuleExample("Hola:\n  Gracias por escribirnos."),
            RuleExample("Gracias por escribirnos.  \nSaludos."),
            RuleExample("Gracias\tpor escribirnos."),
        ]
    )

    init(lexicons: LexiconStore) throws {}

    func check(_ context: RuleContext) -> [Finding] {
        let file = context.document.source.bytes
        var runs: [Range<Int>] = []
        context.document.text.withUnsafeBufferPointer { text in
            let n = text.count
            guard let base = text.baseAddress else { return }
            var i = 0
            var lineStart = true
            while i < n {
                // Sixteen bytes at a time to the next line end or pair of spaces. Bytes passed over are
                // not all spaces (the last one before a pair is not a space, or the pair would start
                // there): the line has begun. Before a line end the answer is set again at once.
                let plain = rl_spacing_prefix(base + i, n - i)
                if plain > 0 {
                    lineStart = false
                    i += plain
                    if i >= n { break }
                }
                let b = text[i]
                if b == 0x0A || b == 0x0D { lineStart = true; i += 1; continue }
                if b != 0x20 { lineStart = false; i += 1; continue }
                var j = i
                while j < n && text[j] == 0x20 { j += 1 }
                let inside = !lineStart && j < n && text[j] != 0x0A && text[j] != 0x0D
                if inside && j - i >= 2 { runs.append(i..<j) }
                i = j
            }
        }
        var findings: [Finding] = []
        for run in runs {
            // Only spaces the file really holds: not the blanks left where Markdown code, links or
            // suppression comments were set aside, not a folded YAML line break.
            let from = context.document.fileOffset(run.lowerBound)
            let to = context.document.fileOffset(run.upperBound, end: true)
            if to - from == run.count && to <= file.count && file[from..<to].allSatisfy({ $0 == 0x20 }) {
                findings.append(Finding(range: run, message: "\(run.count) espacios seguidos", suggestions: [" "], safeFix: true))
            }
        }
        return findings
    }
}
