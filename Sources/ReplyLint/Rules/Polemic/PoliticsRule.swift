/// Taking sides in politics.
public struct PoliticsRule: Rule {
    public static let description = RuleDescription(
        id: "polemic.politics",
        category: .polemic,
        summary: "tomar partido en política: pedir el voto, vitorear o atacar a partidos, políticos o ideologías",
        rationale: """
        Los clientes de una marca votan a todos los partidos. Una respuesta que pide el voto, vitorea o \
        ataca a un partido, a un político o a una ideología convierte una consulta en una discusión y aleja a \
        la mitad de los clientes. Informar de una noticia sin opinar está bien; posicionarse, no.
        """,
        triggering: [
            RuleExample("El domingo, «vote a Vox» y todo irá mejor."),
            RuleExample("Nosotros lo tenemos claro: «vote al PP»."),
            RuleExample("¡«Viva Milei»! Su tarjeta ya está activa.", register: .vos),
            RuleExample("«Fuera Sánchez», y perdone el retraso."),
            RuleExample("Con este «gobierno corrupto» no hay manera de importar nada."),
            RuleExample("«Maduro es un dictador», por eso no enviamos allí."),
            RuleExample("Ya sabe que «el comunismo ha fracasado», pero nuestra oferta no."),
            RuleExample("Eso lo dirá algún «facha» de la competencia."),
            RuleExample("Seguro que fue un «peroncho» el que rompió el cajero.", register: .vos),
            RuleExample("Ya se sabe que «los comunistas son la peor plaga», pero su pedido sale hoy."),
        ],
        nonTriggering: [
            RuleExample("Por las elecciones del domingo, la tienda abrirá de 10 a 14."),
            RuleExample("El Gobierno aprobó ayer la nueva tarifa eléctrica; le explicamos cómo le afecta."),
            RuleExample("Podemos ayudarle a cambiar la dirección de envío."),
            RuleExample("Vote al mejor empleado del mes en la encuesta de la tienda."),
            RuleExample("Puede sumar los puntos de ambas compras."),
            RuleExample("Le enviamos pan de molde y una bolsa de fruta madura."),
            RuleExample("El señor Sánchez recogerá el pedido en la calle Mayor."),
            RuleExample("Los guantes para zurdos llegan el viernes a la tienda."),
            RuleExample("Los coches rojos son los más vendidos este mes."),
            RuleExample("Su mensaje sobre el PSOE no es algo en lo que podamos opinar; le ayudamos con su factura."),
        ]
    )

    static let table = "polemic/politics"
    let lexicon: PolemicLexicon

    public init(lexicons: LexiconStore) throws { lexicon = try lexicons.shared("polemic") { try PolemicLexicon(lexicons) } }

    public func check(_ context: RuleContext) -> [Finding] {
        lexicon.findings(context, table: Self.table, message: "toma partido en política",
                         help: "una marca no opina de política: quite la frase y responda solo a la consulta")
    }
}
