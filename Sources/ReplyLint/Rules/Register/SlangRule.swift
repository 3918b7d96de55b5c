/// `register.slang`: slang and overly familiar forms of address (`tío` as a vocative, `wey`,
/// `chido`, `guay`, `bro`, `qué onda`).
struct SlangRule: Rule {
    static let description = RuleDescription(
        id: "register.slang",
        category: .register,
        summary: "jerga o apelativos demasiado familiares (wey, tío, chido, guay, bro)",
        rationale: """
            La jerga ata la respuesta a un país y a una edad y hace que la marca suene a un colega en \
            un bar; los apelativos cariñosos o familiares (tío, bro, cariño, cielo) se toman con el \
            cliente una confianza que no ha dado, y pueden sonar condescendientes, sobre todo tras una \
            queja. Las palabras vienen de un léxico con un sustituto neutro, o con el consejo de \
            quitarlas cuando son solo un apelativo. Las que también son sustantivos corrientes (tío, \
            cielo, pana, mano) solo se señalan como vocativo: al comienzo de la frase o tras una coma \
            o un saludo, y seguidas de un signo de puntuación ("Hola, tío,"), de modo que "su tío" o \
            "el cielo" no se señalan. Los insultos son cosa de la familia profanity, no de esta.
            """,
        triggering: [
            RuleExample("Hola «tío», ya lo revisamos."),
            RuleExample("«Tío», tiene toda la razón."),
            RuleExample("Gracias, «tía»."),
            RuleExample("No pasa nada, «wey», ya quedó."),
            RuleExample("¡Qué «chido» que le haya gustado!"),
            RuleExample("La nueva app está muy «guay»."),
            RuleExample("Gracias «bro»."),
            RuleExample("¡«Qué onda»! ¿En qué le ayudamos?"),
            RuleExample("Ya está, «pana»."),
            RuleExample("Esto «mola» mucho."),
            RuleExample("Es un servicio «chévere»."),
            RuleExample("«Neta» lo sentimos."),
            RuleExample("Buenas tardes, «cariño». Ya le enviamos el código."),
            RuleExample("«Okis», lo revisamos."),
            RuleExample("Mirá «che», ya quedó."),
            RuleExample("«Dale», lo vemos mañana."),
        ],
        nonTriggering: [
            RuleExample("Su tío puede recoger el pedido con una autorización firmada."),
            RuleExample("La tía de la titular debe presentar su DNI."),
            RuleExample("El cielo estuvo despejado durante el vuelo."),
            RuleExample("El pantalón de pana está agotado en su talla."),
            RuleExample("Lo puede entregar en mano en cualquier tienda."),
            RuleExample("Vale, lo revisamos hoy mismo."),
            RuleExample("OK, ya quedó registrado."),
            RuleExample("Buenas tardes. Ya le enviamos el código."),
            RuleExample("¿Qué tal? Ya revisamos su caso."),
            RuleExample("Le damos la bienvenida, Ana; su cuenta ya está activa."),
            RuleExample("Che Guevara es el título del libro que pidió."),
            RuleExample("Su pedido incluye una linda sorpresa."),
        ]
    )

    struct Entry: Sendable {
        let term: String
        let suggestion: String?
        let conditions: WordConditions
    }

    let index: PhraseIndex<Entry>
    let cues: Set<String>

    init(lexicons: LexiconStore) throws {
        let table = try lexicons.table("register/slang")
        try table.require("suggestion", "context")
        let fold = try RegisterText.folder()
        var index = PhraseIndex<Entry>()
        for row in table.rows {
            let suggestion = row["suggestion"]
            guard !suggestion.isEmpty else {
                throw LexiconError(path: table.path, line: row.line, reason: "'\(row.term)' needs a suggestion ('-' to remove it)")
            }
            let conditions = try WordConditions(row["context"], fold: fold, path: table.path, line: row.line)
            let words = row.term.split(separator: " ").map { fold(String($0)) }
            index.insert(words, Entry(term: row.term, suggestion: suggestion == "-" ? nil : suggestion, conditions: conditions))
        }
        self.index = index
        cues = Set(try lexicons.table("register/greetings").rows.map { fold($0.term) })
    }

    func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        // Unwrapped once, out of the loop; without a word table no token has an id, and the stand-in
        // goes unread.
        let starts: WordMemo<Int32> = context.wordMemo(index.memoKey) ?? WordMemo<Int32>()
        let tokens = context.tokens
        var i = 0
        while i < tokens.count {
            guard let (entry, last) = index.match(tokens, at: i, starts: starts),
                  entry.conditions.hold(context, first: i, last: last, cues: cues) else { i += 1; continue }
            let range = tokens[i].range.lowerBound..<tokens[last].range.upperBound
            let written = context.text(range)
            if let suggestion = entry.suggestion {
                findings.append(Finding(range: range, message: "jerga «\(written)»",
                                        suggestions: [RegisterText.matchCase(suggestion, like: written)]))
            } else {
                findings.append(Finding(range: range, message: "apelativo demasiado familiar «\(written)»",
                                        help: "quítelo: con un cliente basta su nombre o ningún apelativo"))
            }
            i = last + 1
        }
        return findings
    }
}
