/// `register.tuteo`: tú forms (`tú`, `te`, `tu`, `tienes`, `escríbenos`) in a reply that should
/// speak usted (or vos).
struct TuteoRule: Rule {
    static let description = RuleDescription(
        id: "register.tuteo",
        category: .register,
        summary: "tuteo en una respuesta que debe tratar de usted (o de vos)",
        rationale: """
            Una marca elige cómo trata a sus clientes y lo mantiene: responder de tú cuando el estilo \
            de la casa es de usted suena demasiado familiar, incluso irrespetuoso para algunos \
            clientes, y hace que la voz de la marca cambie de una respuesta a otra. El registro \
            esperado viene de las opciones (usted por defecto). Solo se señalan formas inequívocas de \
            un léxico: pronombres y posesivos (tú, ti, contigo, te, tu, tus), formas verbales de \
            presente, subjuntivo, futuro o pretérito (tienes, puedes, no te preocupes, recibiste), \
            imperativos con pronombre (escríbenos, comunícate) e infinitivos con "te" (ayudarte); \
            las formas que también son de tercera persona o sustantivos (revisa, tiene, cuentas) \
            nunca. Cada forma recibe su equivalente de usted (tienes -> tiene, escríbenos -> \
            escríbanos, tu -> su, te -> le, o se si es reflexivo). Esta regla informa de las \
            respuestas escritas de tú; si la respuesta usa también una forma que solo es del registro \
            esperado, se ha deslizado entre registros y la forma la informa register.mixed, una sola vez.
            """,
        triggering: [
            RuleExample("Hola, ¿«tienes» el número de pedido a mano?"),
            RuleExample("«Escríbenos» por mensaje privado y lo revisamos."),
            RuleExample("No «te» «preocupes», lo arreglamos hoy."),
            RuleExample("«Te» enviamos un correo con «tu» código."),
            RuleExample("Si «necesitas» algo más, aquí estamos para «ti»."),
            RuleExample("«Tú» «puedes» cambiar la contraseña desde la app."),
            RuleExample("«Comunícate» al 800 123 4567."),
            RuleExample("«Haz» clic en el enlace que «te» enviamos."),
            RuleExample("Ya «estás» dado de alta."),
            RuleExample("GRACIAS A «TI» POR ESCRIBIR."),
            RuleExample("Gracias por escribirnos; «contactanos» cuando «quieras»."),
            RuleExample("Hola, ¿«tienes» el ticket? «Escríbenos».", register: .vos),
            RuleExample("Queremos «ayudarte»: ¿«recibiste» el código?"),
            RuleExample("¿Nos «compartes» el folio? Así «podrás» ver el estado."),
            RuleExample("De veras lo sentimos; «verás» el reembolso mañana."),
        ],
        nonTriggering: [
            RuleExample("Buenos días, Sra. García. Lamentamos las molestias. Le hemos enviado un correo con los pasos para recuperar su cuenta. Si necesita algo más, escríbanos por mensaje privado."),
            RuleExample("Le pedimos disculpas por la espera. Su pedido ya está en camino y le llegará mañana."),
            RuleExample("Gracias por su paciencia. El técnico revisa el equipo y le llamará por la tarde."),
            RuleExample("Estas condiciones aplican a todas las cuentas; consulte sus cuentas en la app."),
            RuleExample("¿Le apetece un té mientras espera en la tienda?"),
            RuleExample("Hola, ¿tienes el número de pedido? Escríbenos y te ayudamos.", register: .tu),
            RuleExample("No te preocupes, te escribimos hoy a tu correo.", register: .vos),
            RuleExample("Su tutor puede firmar la autorización."),
            RuleExample("El área de TI revisará su equipo mañana."),
            RuleExample("De veras lamentamos el retraso; el arte de la portada es provisional."),
            RuleExample("El equipo revisa su solicitud y le responde en 24 horas."),
        ]
    )

    let forms: AddressForms

    init(lexicons: LexiconStore) throws {
        forms = try lexicons.shared("register.address-forms") { try AddressForms(lexicons: lexicons) }
    }

    func check(_ context: RuleContext) -> [Finding] {
        RegisterSplit.findings(forms, context, rule: .tu)
    }
}
