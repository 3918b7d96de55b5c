/// Taking sides on divisive social issues.
public struct SocialIssuesRule: Rule {
    public static let description = RuleDescription(
        id: "polemic.social",
        category: .polemic,
        summary: "tomar partido en temas sociales que dividen (aborto, inmigración, toros, independencia...)",
        rationale: """
        Aborto, eutanasia, inmigración, tauromaquia o movimientos independentistas dividen a los clientes de \
        cualquier marca. Una respuesta de atención al cliente no es el lugar para apoyarlos ni rechazarlos: \
        quien opina distinto deja de sentirse atendido. Informar de un hecho (un cierre por una manifestación) \
        no es tomar partido.
        """,
        triggering: [
            RuleExample("Nosotros estamos «a favor del aborto», como sabe."),
            RuleExample("«La tauromaquia es cultura» y por eso patrocinamos la feria."),
            RuleExample("«No a la eutanasia», y gracias por escribir."),
            RuleExample("Con tanta «invasión de inmigrantes» las entregas se retrasan."),
            RuleExample("«Independencia ya», y su pedido sale hoy."),
        ],
        nonTriggering: [
            RuleExample("La oficina cierra el jueves por la manifestación del centro."),
            RuleExample("Nuestro seguro cubre la repatriación y los trámites de inmigración."),
            RuleExample("Estamos a favor de que pueda devolver el producto sin coste."),
            RuleExample("No a todos los clientes les llega el correo: revise la carpeta de spam."),
            RuleExample("La plaza de toros de Las Ventas está a dos calles de nuestra tienda."),
        ]
    )

    static let table = "polemic/social"
    let lexicon: PolemicLexicon

    public init(lexicons: LexiconStore) throws { lexicon = try lexicons.shared("polemic") { try PolemicLexicon(lexicons) } }

    public func check(_ context: RuleContext) -> [Finding] {
        lexicon.findings(context, table: Self.table, message: "toma partido en un tema social que divide",
                         help: "una marca no se posiciona en debates sociales en una respuesta: quite la frase")
    }
}
