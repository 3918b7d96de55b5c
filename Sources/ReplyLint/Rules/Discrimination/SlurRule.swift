/// Slurs and derogatory words for a group of people.
public struct SlurRule: Rule {
    public static let description = RuleDescription(
        id: "discrimination.slur",
        category: .discrimination,
        summary: "términos despectivos hacia un colectivo (origen, etnia, sexo, orientación, discapacidad, clase)",
        rationale: """
        Un término despectivo hacia un colectivo ofende a todos sus miembros, no solo a quien recibe la \
        respuesta, y expone a la marca a una crisis pública y a reclamaciones legales. También cuentan las \
        expresiones racistas que se dicen sin pensar («trabajar como un negro») y los términos anticuados \
        para la discapacidad, que se marcan como aviso con el término respetuoso como sugerencia.
        """,
        triggering: [
            RuleExample("Aquí no queremos «sudacas», lo siento."),
            RuleExample("El repartidor es un «maricón», pero ya lo cambiamos."),
            RuleExample("Ese técnico es «subnormal», perdone."),
            RuleExample("Nuestro equipo ha estado «trabajando como un negro» para usted."),
            RuleExample("El formulario es para clientes «minusválidos»."),
            RuleExample("No sea «m4r1c0n», hombre."),
            RuleExample("Lo dejó un «retrasado mental» en la puerta."),
            RuleExample("Qué «gitanada» nos hizo el proveedor."),
            RuleExample("¡«Vete a tu país»!"),
            RuleExample("Atendemos a «inmigrantes ilegales» igual que a todos."),
        ],
        nonTriggering: [
            RuleExample("Su pedido va retrasado por la huelga de transporte, lo sentimos."),
            RuleExample("El envío llegará con efecto retardado por la aduana, el sistema lo marca así."),
            RuleExample("Tenemos catálogo de arte mongol y de cerámica china."),
            RuleExample("La tortillera del mercado nos compra la masa de maíz."),
            RuleExample("Nuestra tienda de la colonia Roma atiende a la comunidad gitana y judía con el mismo cariño."),
            RuleExample("Las personas con discapacidad tienen acceso preferente."),
            RuleExample("Los panchitos y el resto de frutos secos van en la segunda caja."),
        ]
    )

    let lexicon: DiscriminationLexicon

    public init(lexicons: LexiconStore) throws {
        lexicon = try lexicons.shared("discrimination") { try DiscriminationLexicon(lexicons) }
    }

    public func check(_ context: RuleContext) -> [Finding] {
        lexicon.findings(context, table: DiscriminationLexicon.slurs, message: "término despectivo hacia un colectivo",
                         help: "nombre a las personas como ellas se nombran, o no mencione el colectivo")
    }
}
