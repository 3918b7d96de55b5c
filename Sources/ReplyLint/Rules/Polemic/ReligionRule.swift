/// Taking sides on religion.
public struct ReligionRule: Rule {
    public static let description = RuleDescription(
        id: "polemic.religion",
        category: .polemic,
        summary: "tomar partido en religión: predicar, negar o atacar creencias",
        rationale: """
        Creyentes de todas las religiones y quienes no tienen ninguna son clientes por igual. Predicar, \
        negar una fe o burlarse de ella en una respuesta pública ofende a una parte de ellos sin ayudar a \
        nadie. Felicitar una fiesta o usar una expresión hecha («gracias a Dios») no es tomar partido.
        """,
        triggering: [
            RuleExample("Como «Dios no existe», tampoco existen los milagros en los envíos."),
            RuleExample("Recuerde que «Jesús es el único camino», y el envío sale mañana."),
            RuleExample("«El islam es violento», por eso cerramos esa tienda."),
            RuleExample("Si no paga, «irá al infierno»... es broma, le esperamos."),
        ],
        nonTriggering: [
            RuleExample("¡Feliz Navidad! Durante la Semana Santa el horario cambia."),
            RuleExample("En Ramadán ampliamos el horario de la tienda por la noche."),
            RuleExample("Gracias a Dios nadie resultó herido; le reponemos el pedido."),
            RuleExample("Si Dios quiere, el paquete llega el lunes."),
            RuleExample("La iglesia de San Juan está frente a nuestra tienda."),
        ]
    )

    static let table = "polemic/religion"
    let lexicon: PolemicLexicon

    public init(lexicons: LexiconStore) throws { lexicon = try lexicons.shared("polemic") { try PolemicLexicon(lexicons) } }

    public func check(_ context: RuleContext) -> [Finding] {
        lexicon.findings(context, table: Self.table, message: "toma partido en religión",
                         help: "una marca no opina sobre creencias: quite la frase")
    }
}
