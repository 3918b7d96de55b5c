/// A word the dictionary knows but replies should not use: colloquial or archaic forms from
/// `lexicons/es/spelling/reject.txt`, and the words of the team's own `reject.txt` (`--vocab`).
public struct RejectedWordRule: Rule {
    public static let description = RuleDescription(
        id: "spelling.rejected-word",
        category: .spelling,
        summary: "forma coloquial o anticuada, o palabra que el vocabulario del equipo excluye",
        rationale: """
        The Spanish dictionary accepts a few colloquial or archaic forms (asín, toballa, conducí) that \
        look uneducated in a brand's reply; the project lists them with the standard form. Every brand \
        also has words it does not write: a competitor's name, an old product name, a spelling its style \
        guide has retired. The team lists those in its vocabulary folder's reject.txt (given with \
        --vocab) and replylint flags them wherever they appear, even when the dictionary knows them.
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
        scan.reports(context).filter { $0.kind == .rejected }.map(\.finding)
    }
}
