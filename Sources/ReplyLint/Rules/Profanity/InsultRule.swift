/// Insults: calling the customer (or anyone) names.
public struct InsultRule: Rule {
    public static let description = RuleDescription(
        id: "profanity.insult",
        category: .profanity,
        summary: "insultos dirigidos al cliente o a terceros (también disimulados)",
        rationale: """
        Insultar a quien escribe, o a cualquier otra persona, convierte una queja en una crisis de \
        reputación: la captura de pantalla circula aunque se borre el mensaje. Una respuesta describe el \
        hecho y la solución, nunca califica a las personas. Los insultos fuertes son un error; los leves \
        (tonto, bobo), un aviso.
        """,
        triggering: [
            RuleExample("No sea «idiota», el botón está arriba."),
            RuleExample("Usted es un «imbécil» si cree eso."),
            RuleExample("Eres un «pendéjo», revisa el correo.", register: .tu),
            RuleExample("Eres un «p3nd3j0», revisa el correo.", register: .tu),
            RuleExample("Menudo «cabrón» el repartidor."),
            RuleExample("Ese cliente es un «c@brón»."),
            RuleExample("El proveedor es un «hijo de puta»."),
            RuleExample("El proveedor es un «hdp»."),
            RuleExample("Son unos «idiot@s» los de logística."),
            RuleExample("Qué «tonto», se nos olvidó adjuntar la factura."),
            RuleExample("No seas «boludo», la tarjeta llega sola.", register: .vos),
            RuleExample("«Gilipollas», lea el contrato."),
            RuleExample("Qué «capullo» el mensajero."),
            RuleExample("Es un «pendejo$» el que lo envió."),
        ],
        nonTriggering: [
            RuleExample("Los capullos de rosa se envían en caja refrigerada."),
            RuleExample("El forro de la funda del móvil es de microfibra.", region: "es-AR"),
            RuleExample("La señora Gil recogerá el paquete."),
            RuleExample("El peso tarado del envase aparece en la etiqueta."),
            RuleExample("La zorra y sus cachorros son la estrella del documental."),
            RuleExample("Le agradecemos la paciencia y le enviamos la factura hoy."),
        ]
    )

    static let table = "profanity/insults"
    let lexicon: ProfanityLexicon

    public init(lexicons: LexiconStore) throws {
        lexicon = try lexicons.shared("profanity") { try ProfanityLexicon(lexicons) }
    }

    public func check(_ context: RuleContext) -> [Finding] {
        lexicon.findings(context, table: Self.table, message: { entry, match in
            if entry.regionOnly, let region = context.options.region { return "insulto en \(LexiconMatcher.normalizeRegion(region))" }
            return match.disguised ? "insulto disimulado" : "insulto"
        }, help: "no califique a nadie: describa el hecho y la solución")
    }
}
