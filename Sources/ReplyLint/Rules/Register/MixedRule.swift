/// `register.mixed`: a reply that speaks the expected register and slips into another one
/// ("escríbanos ... te ayudamos").
struct MixedRule: Rule {
    static let description = RuleDescription(
        id: "register.mixed",
        category: .register,
        summary: "mezcla de registros (usted, tú, vos) en la misma respuesta",
        rationale: """
            Una respuesta que empieza con "escríbanos" y termina con "te ayudamos" parece descuidada, \
            como pegada de dos plantillas, y el cliente no sabe cómo pretende tratarle la marca. Esta \
            regla y register.tuteo, register.voseo y register.usted se reparten el trabajo para que \
            ninguna forma se informe dos veces: si la respuesta usa al menos una forma exclusiva del \
            registro esperado (usted, escríbanos; tienes, escríbenos; tenés, escribinos), está \
            anclada en ese registro y cada forma de otro registro es un desliz, que se informa aquí \
            nombrando los dos registros; si no usa ninguna, toda la respuesta se escribió en otro \
            registro y las otras tres reglas informan de sus formas. Las formas que comparten tú y vos \
            (te, tu) nunca anclan una respuesta, porque no distinguen entre ambos.
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
        forms = try lexicons.shared("register.address-forms") { try AddressForms(lexicons: lexicons) }
    }

    func check(_ context: RuleContext) -> [Finding] {
        RegisterSplit.findings(forms, context, rule: nil)
    }
}
