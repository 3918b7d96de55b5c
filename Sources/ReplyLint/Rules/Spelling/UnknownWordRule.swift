/// A word the Spanish dictionary and the vocabularies do not know, with up to three suggestions.
public struct UnknownWordRule: Rule {
    public static let description = RuleDescription(
        id: "spelling.unknown-word",
        category: .spelling,
        summary: "palabra que ni el diccionario ni el vocabulario conocen",
        rationale: """
        Una palabra mal escrita en una respuesta pública hace que la marca parezca descuidada, y los clientes \
        hacen capturas de esas respuestas. La regla revisa cada palabra con el diccionario español de Hunspell, \
        el vocabulario del proyecto (whatsapp, email, app, link, ticket...) y la lista de palabras aceptadas \
        del equipo, y propone correcciones para los deslices habituales: b/v, ll/y, h, c/s/z, g/j, letras \
        dobles, una letra que falta, sobra, está cambiada o fuera de sitio. Cuando ningún desliz explica la \
        palabra no propone nada (suele ser un nombre o una palabra nueva, que el equipo añade a su \
        vocabulario): una corrección equivocada confunde más que ninguna. Las menciones, etiquetas, enlaces, correos, marcadores de \
        plantilla, emojis, números y siglas nunca se revisan. Una palabra con mayúscula en mitad de la frase que \
        el diccionario no conoce es casi siempre un nombre, así que solo es una nota, y no se le busca una palabra \
        a una letra de distancia (un nombre casi siempre lo está de alguna: Disney de «disnea»); solo se le \
        proponen tildes y las confusiones del español.
        """,
        triggering: [
            RuleExample("Puede «bolver» a intentarlo en unos minutos."),
            RuleExample("Vamos a «hechar» un vistazo a su cuenta."),
            RuleExample("Le «yamaremos» mañana para confirmar la cita."),
            RuleExample("No es «nesesario» que vuelva a enviar el formulario."),
            RuleExample("Su pedido se retrasó por una «ocacion» especial del almacén."),
            RuleExample("El «jugete» llegará en perfecto estado."),
            RuleExample("Disculpe, no queríamos ocasionarle molestias con el «acseso» a su cuenta."),
            RuleExample("Nuestro equipo en «españa» revisará su caso."),
            RuleExample("Le atenderá nuestra compañera «Fulgencia» en la tienda."),
        ],
        nonTriggering: [
            RuleExample("Puede volver a intentarlo en unos minutos."),
            RuleExample("Le llamaremos mañana para confirmar la cita."),
            RuleExample("Nuestro equipo en España revisará su caso."),
            RuleExample("Le enviamos el link por WhatsApp; si prefiere, escríbanos un email o abra un ticket."),
            RuleExample("Puede hacer el check-in online desde la app con su wifi."),
            RuleExample("Contacte con @SoporteTienda o visite www.ejemplo.com/ayuda, o escriba a ayuda@ejemplo.com."),
            RuleExample("Su código es ABC123 y el IVA está incluido en el precio de 24h."),
            RuleExample("Hola {{nombre}}, su pedido %s ya salió 😊 #Envios"),
            RuleExample("Revisamos sus compras, pedimos disculpas y le devolvemos los cargos."),
            RuleExample("Adjuntamos la factura.pdf del pedido."),
        ]
    )

    let scan: SpellingScan

    public init(lexicons: LexiconStore) throws {
        scan = try SpellingScan(lexicons: lexicons)
    }

    public func check(_ context: RuleContext) -> [Finding] {
        SpellingScan.findings(of: .unknown, in: context.memoized("spelling.scan") { scan.reports(context) })
    }
}
