/// `register.voseo`: vos forms (`vos`, `tenés`, `podés`, `escribinos`, `mirá`) in a reply that
/// should speak usted or tú.
struct VoseoRule: Rule {
    static let description = RuleDescription(
        id: "register.voseo",
        category: .register,
        summary: "voseo en una respuesta que debe tratar de usted o de tú",
        rationale: """
            El voseo es el registro natural en Argentina, Uruguay y buena parte de Centroamérica, y una \
            marca que habla de vos allí debe mantenerlo; una marca cuyo estilo es de usted o de tú no \
            debe caer en él, porque cambia la voz de la marca de una respuesta a otra y la ata a una \
            región. Solo se señalan formas exclusivas del voseo (vos, tenés, podés, sos, escribinos, \
            contanos, mirá); los imperativos sin tilde que también teclea quien tutea (contactanos, \
            fijate) y las formas que el voseo comparte con el tuteo (te, tu) quedan para \
            register.tuteo. Cada forma recibe su equivalente en el registro esperado cuando el léxico \
            lo tiene. Si la respuesta usa también una forma que solo es del registro esperado, el \
            desliz lo informa register.mixed, una sola vez.
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
        forms = try lexicons.shared("register.address-forms") { try AddressForms(lexicons: lexicons) }
    }

    func check(_ context: RuleContext) -> [Finding] {
        RegisterSplit.findings(forms, context, rule: .vos)
    }
}
