/// A word the dictionary knows only with an accent, or with the accent elsewhere: `cancion`,
/// `informacion`, `tambíen`. The most common slip in Spanish replies.
public struct MissingAccentRule: Rule {
    public static let description = RuleDescription(
        id: "spelling.missing-accent",
        category: .spelling,
        summary: "palabra sin tilde, o con la tilde mal puesta, que el diccionario solo conoce con ella",
        rationale: """
        La falta de tilde es el error ortográfico más frecuente en las respuestas en español, y en una \
        respuesta pública de una marca se lee como prisa o descuido: el cliente la ve junto al nombre de la \
        marca. La regla señala palabras que el diccionario no conoce tal como están escritas pero sí con una \
        tilde añadida o cambiada de sitio (informacion → información), así que la corrección es segura. Las \
        tildes que cambian la gramática (esta/está, solo/sólo, mas/más) quedan fuera de su alcance: las dos \
        formas son palabras.
        """,
        triggering: [
            RuleExample("Le enviaremos la «informacion» de su pedido por correo."),
            RuleExample("Confirme por favor el «telefono» de contacto que le pedimos."),
            RuleExample("«Tambien» puede cambiar la fecha de entrega desde la app."),
            RuleExample("Lamentamos que la «cancion» no se escuche bien en su dispositivo."),
            RuleExample("Su reembolso llegará «despúes» del cierre del mes."),
            RuleExample("Gracias por su «atencion» y disculpe las molestias."),
            RuleExample("El envío es gratuito a partir del «proximo» lunes."),
            RuleExample("«Rapidamente» revisaremos su caso."),
            RuleExample("Hemos recibido su «peticion» y la «solucion» llegará pronto."),
            RuleExample("«Compartenos» tu número de cliente por mensaje privado.", register: .tu),
            RuleExample("Estamos «revisandolo»; «permitenos» unos minutos.", register: .tu),
        ],
        nonTriggering: [
            RuleExample("Le enviaremos la información de su pedido por correo."),
            RuleExample("También puede cambiar la fecha de entrega desde la app."),
            RuleExample("Esta semana el envío es gratuito y está disponible en toda España."),
            RuleExample("Solo necesitamos su número de pedido para ayudarle."),
            RuleExample("Gracias por escribirnos, @usuario. Revise #AtencionCliente o https://ejemplo.com/informacion"),
            RuleExample("Hola {{nombre}}, su pedido {pedido} ya está en camino 🚚"),
            RuleExample("Lo sentimos mucho, Ramón: lo resolvemos hoy mismo."),
            RuleExample("Escríbanos por WhatsApp o por email y le contestamos enseguida."),
            RuleExample("Compártenos tu número de cliente y permítenos revisarlo; verifícalo tú también.", register: .tu),
            RuleExample("Contáctanos por DM, cuéntanos qué pasó y vámonos a resolverlo enseguida.", register: .tu),
            RuleExample("Mandanos tu número de cliente y verificalo en la app.", register: .vos),
        ]
    )

    let scan: SpellingScan

    public init(lexicons: LexiconStore) throws {
        scan = try SpellingScan(lexicons: lexicons)
    }

    public func check(_ context: RuleContext) -> [Finding] {
        SpellingScan.findings(of: .accent, in: context.memoized("spelling.scan") { scan.reports(context) })
    }
}
