/// Vulgar words and expressions, also when disguised.
public struct VulgarLanguageRule: Rule {
    public static let description = RuleDescription(
        id: "profanity.vulgar",
        category: .profanity,
        summary: "palabras y expresiones vulgares (también disimuladas con símbolos, números o letras repetidas)",
        rationale: """
        Una respuesta de marca se lee en público y queda enlazada a la marca para siempre. Una palabrota, \
        aunque sea de desahogo o esté disimulada con asteriscos o números, rompe la confianza del cliente y \
        se difunde mucho más que la solución. Las palabras fuertes son un error; las leves, un aviso. Las \
        palabras que solo son vulgares en algunos países se marcan cuando la opción --region indica uno de ellos.
        """,
        triggering: [
            RuleExample("Qué «mierda» de envío, lo sentimos mucho."),
            RuleExample("«Joder», qué mala suerte con el paquete."),
            RuleExample("Esto es una «m13rd4», ya lo sabemos."),
            RuleExample("El sistema está hecho una «mieeerda» hoy."),
            RuleExample("Perdone, es que la web va de «p.u.t.a» pena."),
            RuleExample("Esto es una «m*erda», disculpe."),
            RuleExample("Qué «m i e r d a» de día llevamos."),
            RuleExample("¡«MIERDA»! Se nos cayó el servidor."),
            RuleExample("«Me cago en» el repartidor, de verdad."),
            RuleExample("Nos tiene «hasta los huevos» esta incidencia."),
            RuleExample("«Me importa un carajo» lo que diga el técnico."),
            RuleExample("Fue una «cagada» nuestra, lo arreglamos hoy."),
            RuleExample("Ya te dije que «no mames», el envío es gratis.", register: .tu),
            RuleExample("Puede «coger» el pedido en la tienda.", region: "es-MX"),
            RuleExample("Qué «pija» que salió el diseño.", region: "es-AR"),
            RuleExample("Es un «culo» de mal asiento, lo sabemos."),
            RuleExample("El técnico está «cabreado» con razón."),
        ],
        nonTriggering: [
            RuleExample("La computadora llegará el lunes a su domicilio."),
            RuleExample("Entendemos la disputa con el transportista y la revisamos hoy."),
            RuleExample("Nuestra tienda de Escuintla abre a las nueve."),
            RuleExample("El análisis del cómputo de horas está listo."),
            RuleExample("Su pedido de pollo asado y una docena de huevos sale hoy."),
            RuleExample("Puede coger el autobús 27 hasta la tienda."),
            RuleExample("Puede coger el pedido en la tienda.", region: "es-ES"),
            RuleExample("La concha de nácar del colgante viene en su estuche."),
            RuleExample("La concha del collar llega mañana.", region: "es-ES"),
            RuleExample("Su hija es muy pija con la ropa, nos dice; le enseñamos la colección."),
            RuleExample("La polla de agua es un ave común en la laguna.", region: "es-ES"),
            RuleExample("Ofrecemos cajeta de Celaya y dulce de leche.", region: "es-AR"),
            RuleExample("Le enviamos el cargador para su impresora HP.", region: "es-CO"),
            RuleExample("El reloj mide la frecuencia cardiaca en lpm."),
            RuleExample("El padre putativo figura en el registro."),
            RuleExample("Los mariscos y la hostia consagrada no tienen nada que ver."),
            RuleExample("El precio* no incluye el envío (*IVA aparte)."),
            RuleExample("Hola, @usuario: su pedido 4G-2024 está en camino."),
        ]
    )

    static let table = "profanity/vulgar"
    let lexicon: ProfanityLexicon

    public init(lexicons: LexiconStore) throws {
        lexicon = try lexicons.shared("profanity") { try ProfanityLexicon(lexicons) }
    }

    public func check(_ context: RuleContext) -> [Finding] {
        lexicon.findings(context, table: Self.table, message: { entry, match in
            if entry.regionOnly, let region = context.options.region { return "lenguaje vulgar en \(LexiconMatcher.normalizeRegion(region))" }
            return match.disguised ? "lenguaje vulgar disimulado" : "lenguaje vulgar"
        }, help: "una respuesta de marca no lleva palabrotas: quite la expresión o reformule la frase en tono neutro")
    }
}
