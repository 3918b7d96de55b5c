/// `register.abbreviation`: chat abbreviations (`q`, `xq`, `tb`, `xfa`, `porfa`, `pa`, `nose`).
struct AbbreviationRule: Rule {
    static let description = RuleDescription(
        id: "register.abbreviation",
        category: .register,
        summary: "abreviaturas de chat (q, xq, tb, xfa, porfa)",
        rationale: """
            Las abreviaturas de chat ahorran unas teclas a quien escribe y le cuestan credibilidad a la \
            marca: una empresa que escribe "xq" o "tb" a un cliente parece descuidada, y hay lectores \
            que no las entienden. Cada entrada viene de un léxico con la forma completa como \
            corrección. Las letras sueltas solo se señalan donde la lectura de chat es segura: "q" y \
            "k" no como letra ("la letra q"), unidad ("5 k") ni entre comillas; "x" solo ante palabras \
            que aseguran "por" ("x favor", "x mensaje privado"), nunca en "2 x 3" ni en "x persona"; \
            "d" no tras "vitamina", "plan" o "letra"; "pa" solo ante palabras que aseguran "para" \
            (un infinitivo, "que", "ti"...) o con apóstrofo ("pa' otro"), nunca como nombre. En una \
            pregunta, y en "q tal", la corrección es la forma interrogativa ("¿xq?" -> "¿por qué?").
            """,
        triggering: [
            RuleExample("«Q» tal, ya revisamos su pedido."),
            RuleExample("Lo sentimos, «xq» no debió pasar."),
            RuleExample("¿«Xq» no nos escribe por privado?"),
            RuleExample("Nosotros «tb» lo lamentamos."),
            RuleExample("Envíenos su número de pedido «xfa»."),
            RuleExample("«Porfa» revise su correo."),
            RuleExample("Lo que pasó es «k» el sistema falló."),
            RuleExample("Escríbanos «x» mensaje privado."),
            RuleExample("El número «d» cuenta es incorrecto."),
            RuleExample("Es «pa» que lo revise con calma."),
            RuleExample("Le llamamos «pa» confirmar la cita."),
            RuleExample("El cargo se movió de un lado «pa»' otro."),
            RuleExample("«Nose» por qué falló, lo revisamos."),
            RuleExample("Le enviamos un «msj» con los pasos."),
            RuleExample("Revise la bandeja «plis»."),
            RuleExample("Gracias y «bss»."),
            RuleExample("¿«Dnd» hizo la compra?"),
            RuleExample("Ya salió, «tmb» le llegará un correo."),
            RuleExample("Lo revisamos «x» favor de esperar."),
            RuleExample("«Pq» no funcionaba el enlace."),
            RuleExample("Su pedido llega el «finde»."),
            RuleExample("Revisamos «q» todo esté bien «q» no falte nada."),
        ],
        nonTriggering: [
            RuleExample("Buenos días, Sra. García. Lamentamos las molestias. Le hemos enviado un correo con los pasos para recuperar su cuenta. Si necesita algo más, escríbanos por mensaje privado."),
            RuleExample("El código empieza por la letra q y termina en 7."),
            RuleExample("La caja mide 2 x 3 metros."),
            RuleExample("El precio es de 5 k al mes."),
            RuleExample("Tome vitamina D y descanse."),
            RuleExample("El plan D incluye llamadas ilimitadas."),
            RuleExample("Se cobra una tarifa de 3 € x persona."),
            RuleExample("La talla es la X y el modelo es el K."),
            RuleExample("Pa, Ma y los niños viajan gratis."),
            RuleExample("Pídale a su papá que revise el recibo."),
            RuleExample("La presión de 100 pa es la correcta."),
            RuleExample("Los niños dicen pa y ma."),
            RuleExample("Escriba la palabra \"q\" en el buscador."),
            RuleExample("El responsable es J. D. Pérez."),
            RuleExample("Tiene 1 TB de almacenamiento."),
            RuleExample("Por favor, revise su correo y escríbanos por mensaje privado."),
            RuleExample("Más info en nuestra web."),
            RuleExample("Envíenos un DM con su número de pedido."),
            RuleExample("Marque la casilla x y luego pulse aceptar."),
        ]
    )

    struct Entry: Sendable {
        let suggestion: String
        let question: String
        let conditions: WordConditions
    }

    let entries: [String: Entry]
    let filter: WordFilter

    private let memoKey = WordMemoKey.make("register.abbreviation")

    init(lexicons: LexiconStore) throws {
        let table = try lexicons.table("register/abbreviations")
        try table.require("suggestion", "question", "context")
        let fold = try RegisterText.folder()
        var entries: [String: Entry] = [:]
        for row in table.rows {
            guard !row["suggestion"].isEmpty else {
                throw LexiconError(path: table.path, line: row.line, reason: "'\(row.term)' needs a suggestion")
            }
            let conditions = try WordConditions(row["context"], fold: fold, path: table.path, line: row.line)
            entries[fold(row.term)] = Entry(suggestion: row["suggestion"], question: row["question"], conditions: conditions)
        }
        self.entries = entries
        filter = WordFilter(entries.keys)
    }

    func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let tokens = context.tokens
        // Unwrapped once, out of the loop (bound in it, the memo was retained and released for every
        // word); without a word table no token has an id, and the stand-in goes unread.
        let memo: WordMemo<Bool> = context.wordMemo(memoKey) ?? WordMemo<Bool>()
        for i in tokens.indices where tokens[i].kind == .word {
            guard memo.value(tokens[i].word, { filter.mayContain(tokens[i].folded) && entries[tokens[i].folded] != nil }) else { continue }
            let token = tokens[i]
            guard let entry = entries[token.folded],
                  entry.conditions.hold(context, first: i, last: i, cues: []) else { continue }
            var options = [entry.suggestion]
            if !entry.question.isEmpty {
                let asks = context.next(i).map { entry.conditions.askBefore.contains(context.tokens[$0].folded) } ?? false
                options = context.isInQuestion(i) || asks ? [entry.question, entry.suggestion] : [entry.suggestion, entry.question]
            }
            let suggestions = options.map { RegisterText.matchCase($0, like: token.text) }
            findings.append(Finding(range: token.range, message: "abreviatura de chat «\(token.text)»",
                                    suggestions: suggestions))
        }
        return findings
    }
}
