/// Taking sides in a sports rivalry.
public struct SportsRule: Rule {
    public static let description = RuleDescription(
        id: "polemic.sports",
        category: .polemic,
        summary: "tomar partido en una rivalidad deportiva: vitorear a un club o burlarse de otro",
        rationale: """
        El fútbol divide como pocas cosas: una marca que vitorea a un club o se burla de otro pierde a los \
        aficionados del rival, que también son clientes. Nombrar un equipo, un partido o la dirección de un \
        estadio está bien; animar o atacar, no.
        """,
        triggering: [
            RuleExample("¡«Hala Madrid»! Su camiseta llega mañana."),
            RuleExample("Ya sabe que «el Barça es el mejor», y nuestra oferta también."),
            RuleExample("«Aguante Boca», che, ya te mandamos el código.", register: .vos),
            RuleExample("Aquí todos «somos culés», pero le atendemos igual."),
            RuleExample("«Soy del Atleti» y le entiendo perfectamente."),
            RuleExample("Gracias por su compra y «#HalaMadrid»."),
            RuleExample("«Ojalá pierda el América» el domingo."),
            RuleExample("Tranquilo, «el Sevilla no tiene nada que hacer» el domingo; su entrada llega hoy."),
        ],
        nonTriggering: [
            RuleExample("Nuestra tienda está en el Paseo de la Castellana, junto al estadio Santiago Bernabéu."),
            RuleExample("Por el partido de mañana, el reparto en Madrid se adelanta a las 8."),
            RuleExample("Soy de Madrid y conozco bien esa oficina."),
            RuleExample("Tenemos camisetas del Real Madrid, del Barça y del Atleti en todas las tallas."),
            RuleExample("Vamos a Barcelona el lunes a revisar la instalación."),
            RuleExample("La boca del buzón es estrecha, por eso el paquete no cabía."),
            RuleExample("Dale tiempo al sistema: el saldo se actualiza en una hora.", register: .tu),
        ]
    )

    static let table = "polemic/sports"
    let lexicon: PolemicLexicon

    public init(lexicons: LexiconStore) throws { lexicon = try lexicons.shared("polemic") { try PolemicLexicon(lexicons) } }

    public func check(_ context: RuleContext) -> [Finding] {
        lexicon.findings(context, table: Self.table, message: "toma partido en una rivalidad deportiva",
                         help: "una marca atiende a aficionados de todos los equipos: quite la frase")
    }
}
