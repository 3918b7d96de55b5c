/// `register.usted`: usted forms (`usted`, `disculpe`, `escríbanos`) in a reply that should speak
/// tú or vos.
struct UstedRule: Rule {
    static let description = RuleDescription(
        id: "register.usted",
        category: .register,
        summary: "trato de usted en una respuesta que debe tratar de tú o de vos",
        rationale: """
            Brands that speak tú or vos do it on purpose, to sound close; a reply that switches to \
            usted sounds cold and bureaucratic next to the brand's other replies. The rule runs only \
            when the expected register is tú or vos, and flags only forms that belong to usted alone: \
            the pronoun (usted, Ud.) and imperatives (disculpe, escríbanos, comuníquese). "Su", \
            "le", "puede" or "tiene" are also third person and are never flagged. Each form gets \
            its equivalent in the expected register. When the reply also uses a form that belongs \
            only to the expected register, register.mixed reports the slip instead, once.
            """,
        triggering: [
            RuleExample("«Disculpe» las molestias, ya lo revisamos.", register: .tu),
            RuleExample("«Escríbanos» por mensaje privado.", register: .tu),
            RuleExample("Gracias a «usted» por avisarnos.", register: .vos),
            RuleExample("«Comuníquese» al 800 123 4567.", register: .tu),
            RuleExample("«Contactenos» cuando lo necesite.", register: .tu),
        ],
        nonTriggering: [
            RuleExample("Disculpe las molestias, ya lo revisamos."),
            RuleExample("Escríbanos por mensaje privado y le ayudamos."),
            RuleExample("Su pedido ya salió; le avisaremos cuando llegue.", register: .tu),
            RuleExample("Puede consultar el estado en la app.", register: .tu),
            RuleExample("Hola, te escribimos por privado. ¡Gracias!", register: .tu),
        ]
    )

    let forms: AddressForms

    init(lexicons: LexiconStore) throws {
        forms = try AddressForms(lexicons: lexicons)
    }

    func check(_ context: RuleContext) -> [Finding] {
        RegisterSplit.findings(forms, context, rule: .usted)
    }
}
