/// Generalisations about a protected group: "todos los X son...", "típico de X".
public struct GeneralizationRule: Rule {
    public static let description = RuleDescription(
        id: "discrimination.generalization",
        category: .discrimination,
        summary: "generalizaciones sobre un colectivo (todos los X son..., típico de X, las X no saben...)",
        rationale: """
        Atribuir un rasgo a todo un colectivo por su origen, sexo, religión, orientación o edad es un \
        estereotipo, aunque se diga en broma o con tono amable. En una respuesta pública ofende a cada \
        miembro del colectivo que la lea. Nombrar un colectivo está bien; decir cómo son todos, no.
        """,
        triggering: [
            RuleExample("Ya sabe, «todos los gitanos son así» con los pagos."),
            RuleExample("Eso es «típico de mujeres», no se preocupe."),
            RuleExample("«Las mujeres no saben» configurar el router, le ayudamos."),
            RuleExample("«Todas las argentinas son» muy exigentes."),
            RuleExample("«Típico de los mexicanos», siempre tarde."),
            RuleExample("Lo siento, «no atendemos a extranjeros» por teléfono."),
            RuleExample("«Mujer tenía que ser»."),
            RuleExample("«Los gallegos son todos» desconfiados."),
            RuleExample("No se preocupe, «esos moros son una plaga» en el barrio."),
            RuleExample("Ya sabemos que los «malditos gitanos» se llevan los cables."),
            RuleExample("No se fíe, «los chinos siempre copian» los diseños."),
            RuleExample("Esto es culpa de esos «inmigrantes de mierda»."),
            RuleExample("«Fuera los refugiados» del barrio, ya lo decimos nosotros."),
        ],
        nonTriggering: [
            RuleExample("Todos los clientes son importantes para nosotros."),
            RuleExample("Todos los negros son de algodón orgánico y la talla M está disponible."),
            RuleExample("Todos los mexicanos son bienvenidos en nuestra tienda de Madrid."),
            RuleExample("Tenemos una línea de atención para personas mayores y otra para extranjeros."),
            RuleExample("Es típico de la temporada que los envíos tarden un día más."),
            RuleExample("Las mujeres y los hombres tienen el mismo precio en el gimnasio."),
            RuleExample("No aceptamos tarjetas extranjeras en la web, pero sí en tienda."),
            RuleExample("Los modelos viejos son basura electrónica: llévelos a un punto limpio."),
            RuleExample("Los chinos de color beige copian el corte del modelo clásico."),
            RuleExample("Fuera de horario, los inmigrantes pueden pedir cita por teléfono."),
        ]
    )

    let lexicon: DiscriminationLexicon

    public init(lexicons: LexiconStore) throws {
        lexicon = try lexicons.shared("discrimination") { try DiscriminationLexicon(lexicons) }
    }

    public func check(_ context: RuleContext) -> [Finding] {
        lexicon.findings(context, table: DiscriminationLexicon.generalizations, message: "generalización sobre un colectivo",
                         help: "hable del caso concreto y de la persona que escribe, nunca de cómo es un colectivo")
    }
}
