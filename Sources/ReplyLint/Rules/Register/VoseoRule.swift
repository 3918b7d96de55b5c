/// `register.voseo`: vos forms (`vos`, `tenés`, `podés`, `escribinos`, `mirá`) in a reply that
/// should speak usted or tú.
struct VoseoRule: Rule {
    static let description = RuleDescription(
        id: "register.voseo",
        category: .register,
        summary: "voseo en una respuesta que debe tratar de usted o de tú",
        rationale: """
            Voseo is the natural register in Argentina, Uruguay and much of Central America, and a \
            brand that speaks vos there should keep to it; a brand whose house style is usted or tú \
            should not slip into it, because it changes the brand's voice from one reply to the \
            next and ties it to one region. Only forms that belong to vos alone are flagged (vos, \
            tenés, podés, sos, escribinos, contanos, mirá); the accent-less imperatives that a tú \
            writer also types (contactanos, fijate) and the forms vos shares with tú (te, tu) are \
            left to register.tuteo. Each form gets its equivalent in the expected register where the \
            lexicon has one. When the reply also uses a form that belongs only to the expected \
            register, register.mixed reports the slip instead, once.
            """,
        triggering: [
            RuleExample("Si «tenés» el comprobante, «escribinos» por privado."),
            RuleExample("«Vos» «podés» cambiar la clave desde la app."),
            RuleExample("«Mirá», ya quedó resuelto."),
            RuleExample("«Contanos» qué pasó con el pedido.", register: .tu),
            RuleExample("¿«Querés» que te llamemos?", register: .tu),
            RuleExample("Si «tenes» dudas, te ayudamos.", register: .tu),
            RuleExample("«Sos» muy amable."),
        ],
        nonTriggering: [
            RuleExample("Buenos días, Sra. García. Lamentamos las molestias. Le hemos enviado un correo con los pasos para recuperar su cuenta. Si necesita algo más, escríbanos por mensaje privado."),
            RuleExample("Si tenés el comprobante, escribinos por privado.", register: .vos),
            RuleExample("Mira el vídeo que le enviamos: ahí se explica todo."),
            RuleExample("El técnico mira el equipo y le llama."),
            RuleExample("La película está disponible en VOS y doblada."),
            RuleExample("Use el botón SOS de la app si tiene una emergencia."),
            RuleExample("Espera confirmación del banco; le avisaremos."),
            RuleExample("Si quieres, contáctanos por privado y te ayudamos.", register: .tu),
            RuleExample("Fijate en el correo que te mandamos.", register: .tu),
        ]
    )

    let forms: AddressForms

    init(lexicons: LexiconStore) throws {
        forms = try AddressForms(lexicons: lexicons)
    }

    func check(_ context: RuleContext) -> [Finding] {
        RegisterSplit.findings(forms, context, rule: .vos)
    }
}
