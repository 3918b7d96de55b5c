/// `register.usted`: usted forms (`usted`, `disculpe`, `escríbanos`) in a reply that should speak
/// tú or vos.
struct UstedRule: Rule {
    static let description = RuleDescription(
        id: "register.usted",
        category: .register,
        summary: "trato de usted en una respuesta que debe tratar de tú o de vos",
        rationale: """
            Las marcas que hablan de tú o de vos lo hacen a propósito, para sonar cercanas; una \
            respuesta que pasa a usted suena fría y burocrática junto a las demás respuestas de la \
            marca. La regla solo actúa cuando el registro esperado es tú o vos, y solo señala formas \
            exclusivas de usted: el pronombre (usted, Ud.) y los imperativos (disculpe, escríbanos, \
            comuníquese). "Su", "le", "puede" o "tiene" también son de tercera persona y nunca se \
            señalan. Cada forma recibe su equivalente en el registro esperado. Si la respuesta usa \
            también una forma que solo es del registro esperado, el desliz lo informa \
            register.mixed, una sola vez.
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
        forms = try lexicons.shared("register.address-forms") { try AddressForms(lexicons: lexicons) }
    }

    func check(_ context: RuleContext) -> [Finding] {
        RegisterSplit.findings(forms, context, rule: .usted)
    }
}
