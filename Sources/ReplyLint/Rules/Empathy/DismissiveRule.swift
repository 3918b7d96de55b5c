/// Phrases that contradict, lecture or blame the customer.
public struct DismissiveRule: Rule {
    public static let description = RuleDescription(
        id: "empathy.dismissive",
        category: .empathy,
        summary: "frases que contradicen, sermonean o culpan al cliente",
        rationale: """
        «No es nuestro problema», «usted se equivoca» o «como ya le dijimos» cierran la conversación y \
        dejan al cliente solo con su problema, delante de todos. Aunque la respuesta sea correcta, el tono \
        hace que se lea como un desprecio. Reconozca la situación y ofrezca una salida: la sugerencia propone \
        una forma amable de decir lo mismo.
        """,
        triggering: [
            RuleExample("Lo sentimos, pero «eso no puede hacerse» con su tarifa."),
            RuleExample("Gracias por escribir. «No es nuestro problema» si el banco tarda."),
            RuleExample("«Usted se equivoca»: el cargo es correcto."),
            RuleExample("«Como ya le dijimos», el plazo es de 15 días."),
            RuleExample("«Como ya te hemos explicado», el envío es gratis desde 30 €.", register: .tu),
            RuleExample("«Debería haber leído las condiciones» antes de contratar."),
            RuleExample("«Cálmese», por favor; lo estamos revisando."),
            RuleExample("«Nadie más se ha quejado» de ese modelo."),
            RuleExample("Le pedimos disculpas, aunque «la culpa es suya» por no cerrar sesión."),
        ],
        nonTriggering: [
            RuleExample("Lamentamos no poder hacerlo con su tarifa, pero le proponemos otra opción."),
            RuleExample("Como le comentamos ayer, el técnico irá el martes."),
            RuleExample("Las condiciones están en este enlace; si tiene dudas, le ayudamos."),
            RuleExample("No es problema: podemos cambiar la fecha de entrega."),
            RuleExample("Tiene razón, nos equivocamos con el importe y ya lo corregimos."),
            RuleExample("Puede leer las condiciones completas en la web cuando quiera."),
        ]
    )

    static let table = "empathy/dismissive"
    let matcher: LexiconMatcher
    let suggestions: [[String]]

    public init(lexicons: LexiconStore) throws {
        let table = try lexicons.table(Self.table)
        try table.require("forms", "when", "suggestion", "note")
        for row in table.rows where LexiconColumns.suggestions(row).isEmpty {
            throw LexiconError(path: table.path, line: row.line, reason: "a dismissive phrase needs a kinder wording in 'suggestion'")
        }
        let classes = try lexicons.table("empathy/classes")
        try classes.require("class", "forms", "note")
        matcher = try LexiconMatcher(tables: [table], classes: classes, vocabulary: lexicons.vocabulary)
        suggestions = table.rows.map(LexiconColumns.suggestions)
    }

    public func check(_ context: RuleContext) -> [Finding] {
        matcher.matches(in: context).map { match in
            Finding(range: match.range, message: "frase que contradice o culpa al cliente", suggestions: suggestions[match.entry],
                    help: "reconozca la situación del cliente y ofrezca una salida")
        }
    }
}
