/// A word the dictionary knows but replies should not use: colloquial or archaic forms from
/// `lexicons/es/spelling/reject.txt`, and the words of the team's own `reject.txt` (`--vocab`).
public struct RejectedWordRule: Rule {
    public static let description = RuleDescription(
        id: "spelling.rejected-word",
        category: .spelling,
        summary: "forma coloquial o anticuada, o palabra que el vocabulario del equipo excluye",
        rationale: """
        El diccionario admite algunas formas coloquiales o anticuadas (asín, toballa, conducí) que en la \
        respuesta de una marca parecen poco cuidadas; el proyecto las lista junto a la forma estándar. Cada \
        marca tiene además palabras que no escribe: el nombre de la competencia, un producto retirado, una \
        grafía que su guía de estilo ya no usa. El equipo las pone en el reject.txt de su carpeta de \
        vocabulario (--vocab, o vocabulary.reject en .replylint.yml) y replylint las señala dondequiera que \
        aparezcan, aunque el diccionario las conozca.
        """,
        triggering: [
            RuleExample("Ayer «conducí» hasta su tienda y el paquete ya estaba listo."),
            RuleExample("No hay «nadies» en la oficina los domingos, pero le respondemos por aquí."),
            RuleExample("«Asín» es: el cambio se aplica en su próxima factura."),
            RuleExample("Le cambiamos la «toballa» defectuosa sin coste."),
        ],
        nonTriggering: [
            RuleExample("Así es: el cambio se aplica en su próxima factura."),
            RuleExample("Le cambiamos la toalla defectuosa sin coste."),
            RuleExample("Ayer conduje hasta su tienda y nadie nos abrió."),
            RuleExample("Gracias por escribirnos; revisamos su pedido ahora mismo."),
        ]
    )

    let scan: SpellingScan

    public init(lexicons: LexiconStore) throws {
        scan = try SpellingScan(lexicons: lexicons)
    }

    public func check(_ context: RuleContext) -> [Finding] {
        SpellingScan.findings(of: .rejected, in: context.memoized("spelling.scan") { scan.reports(context) })
    }
}
