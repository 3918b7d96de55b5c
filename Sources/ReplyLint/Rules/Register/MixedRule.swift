/// `register.mixed`: a reply that speaks the expected register and slips into another one
/// ("escríbanos ... te ayudamos").
struct MixedRule: Rule {
    static let description = RuleDescription(
        id: "register.mixed",
        category: .register,
        summary: "mezcla de registros (usted, tú, vos) en la misma respuesta",
        rationale: """
            A reply that starts with "escríbanos" and ends with "te ayudamos" reads as careless, as \
            if pasted together from two templates, and the customer cannot tell how the brand means \
            to address them. This rule and register.tuteo, register.voseo and register.usted share \
            the work so that no form is reported twice: when the reply uses at least one form that \
            belongs only to the expected register (usted, escríbanos; tienes, escríbenos; tenés, \
            escribinos), the reply is anchored in that register and every form of another register is \
            a slip, reported here with both registers named; when it uses none, the whole reply was \
            written in another register and the other three rules report its forms. Forms that tú \
            and vos share (te, tu) never anchor a reply, since they do not tell the two apart.
            """,
        triggering: [
            RuleExample("Escríbanos por privado y «te» ayudamos."),
            RuleExample("Disculpe la espera; ya «puedes» usar la app."),
            RuleExample("Usted «tenés» razón, lo revisamos."),
            RuleExample("Escríbenos por privado y le ayudamos. «Disculpe» la espera.", register: .tu),
            RuleExample("Si tienes dudas, «escribinos».", register: .tu),
            RuleExample("Si tenés dudas, «escríbenos».", register: .vos),
        ],
        nonTriggering: [
            RuleExample("Buenos días, Sra. García. Lamentamos las molestias. Le hemos enviado un correo con los pasos para recuperar su cuenta. Si necesita algo más, escríbanos por mensaje privado."),
            RuleExample("Disculpe la espera. Ya puede usar la app; si tiene dudas, escríbanos."),
            RuleExample("Hola, ¿tienes el ticket? Escríbenos y te ayudamos."),
            RuleExample("Hola, ¿tienes el ticket? Escríbenos y te ayudamos.", register: .tu),
            RuleExample("Si tenés dudas, escribinos y te ayudamos.", register: .vos),
            RuleExample("No te preocupes, te escribimos hoy.", register: .vos),
        ]
    )

    let forms: AddressForms

    init(lexicons: LexiconStore) throws {
        forms = try AddressForms(lexicons: lexicons)
    }

    func check(_ context: RuleContext) -> [Finding] {
        RegisterSplit.findings(forms, context, rule: nil)
    }
}
