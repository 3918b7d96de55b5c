import XCTest
@testable import ReplyLint

/// Thirty realistic replies written for this test (not the rules' examples): the clean ones talk
/// about cities, football matches, religious holidays and political news without taking sides, and
/// must raise nothing in the content families; each bad one must be caught by the rule named.
final class ContentPrecisionAndRecallRepliesTests: XCTestCase {
    static let families: Set<Category> = [.profanity, .discrimination, .polemic, .empathy]

    static let clean: [(String, Register)] = [
        ("Hola, Laura. Sentimos mucho que el pedido llegara incompleto. Hoy mismo le enviamos la pieza que falta, sin coste, y le llegará entre el jueves y el viernes.", .usted),
        ("¡Gracias por escribirnos, Jorge! Nuestra tienda de Valencia, en la calle Colón, abre de lunes a sábado de 10 a 21 h.", .usted),
        ("Buenos días. Por el partido del domingo en el Metropolitano, las entregas en la zona de San Blas se adelantarán a primera hora. Gracias por su comprensión.", .usted),
        ("Le entendemos perfectamente: esperar tres semanas por un reembolso no es razonable. Ya hemos escalado su caso y el importe estará en su cuenta antes del martes.", .usted),
        ("Hola, Pilar. Durante la Semana Santa nuestras oficinas de Sevilla cierran el jueves y el viernes; el chat sigue disponible las 24 horas.", .usted),
        ("Muchas gracias por avisarnos del error en la factura. Lo hemos corregido y le acabamos de enviar la versión buena a su correo.", .usted),
        ("Tras la aprobación de la nueva ley de consumo en el Congreso, actualizaremos nuestras condiciones de devolución el 1 de marzo. Le informaremos por correo de cualquier cambio.", .usted),
        ("¡Hola! Sí, hacemos envíos a Ciudad de México y a Guadalajara; el plazo habitual es de tres a cinco días hábiles.", .usted),
        ("Lamentamos que la camiseta del Atlético de Madrid le llegara con la talla equivocada. Puede cambiarla en cualquier tienda o pedir la recogida gratuita desde la web.", .usted),
        ("Disculpe las molestias por el corte de servicio de esta mañana en Córdoba. La avería ya está resuelta y le aplicaremos un descuento en la próxima factura.", .usted),
        ("Hola, Andrés. Tu pedido de huevos camperos y pollo de corral sale hoy desde nuestro almacén de Toledo.", .tu),
        ("Gracias por tu paciencia, Camila. Revisamos el cobro duplicado y ya lo anulamos; lo verás reflejado en tu tarjeta en 48 horas.", .tu),
        ("Buenas tardes. En Ramadán nuestras tiendas de Ceuta y Melilla amplían el horario hasta la medianoche.", .usted),
        ("Qué pena que la cafetera haya dejado de funcionar a los dos meses. Entra en garantía: le mandamos una nueva y un mensajero recogerá la antigua.", .usted),
        ("Hola, Martín. Las elecciones del domingo no afectan a los envíos: el reparto será normal en toda la provincia de Buenos Aires.", .vos),
        ("Te pedimos disculpas por la demora, Sofía. El técnico pasará mañana entre las 9 y las 13 h para revisar la caldera.", .tu),
        ("Comprendemos su preocupación por el cargo no reconocido. Hemos bloqueado la tarjeta de forma preventiva y un gestor le llamará hoy para revisar los movimientos.", .usted),
    ]

    static let bad: [(String, String)] = [
        ("Mire, como ya le dijimos dos veces, el reembolso tarda lo que tarda.", "empathy.dismissive"),
        ("La verdad es que la app va fatal, es una mierda y lo sabemos. Ya lo estamos arreglando.", "profanity.vulgar"),
        ("Si no sabe usar el router no es culpa nuestra: no sea idiota y lea el manual.", "profanity.insult"),
        ("El repartidor de ese barrio es un sudaca que nunca encuentra las direcciones.", "discrimination.slur"),
        ("Es típico de los argentinos reclamar por todo, pero le ayudamos igual.", "discrimination.generalization"),
        ("¡Hala Madrid! Su camiseta firmada sale mañana desde Chamartín.", "polemic.sports"),
        ("Con el gobierno corrupto que tenemos, los precios de la luz no paran de subir.", "polemic.politics"),
        ("Su paquete no ha llegado por la huelga. El nuevo número de seguimiento es el 4455 y el repartidor pasará el lunes por la tarde.", "empathy.missing"),
        ("Qué pend3j0 el que empaquetó esto, perdone.", "profanity.insult"),
        ("Nosotros estamos en contra del aborto y por eso no vendemos ese producto.", "polemic.social"),
        ("Eso no se puede hacer. El contrato lo firmó usted y debería haber leído las condiciones.", "empathy.dismissive"),
        ("Los de soporte somos unos c*brones, lo sé, pero su línea ya funciona.", "profanity.insult"),
        ("Rezaremos por usted, porque Jesús es el único camino; mientras tanto, el técnico irá el lunes.", "polemic.religion"),
    ]

    func testThirtyRepliesNoFalseAlarmAndEveryBadOneCaught() throws {
        XCTAssertEqual(Self.clean.count + Self.bad.count, 30)
        let tokenizer = try Tokenizer()
        var linters: [Register: Linter] = [:]
        for register in Register.allCases { linters[register] = try TestSupport.linter(LintOptions(register: register)) }
        var falseAlarms = 0
        for (text, register) in Self.clean {
            let diagnostics = linters[register]!.lint(Document(string: text), tokenizer: tokenizer)
                .filter { Self.families.contains($0.category) }
            falseAlarms += diagnostics.count
            XCTAssertTrue(diagnostics.isEmpty, "false alarm on a clean reply: \(diagnostics.map { "\($0.rule) «\($0.excerpt)»" }) in: \(text)")
        }
        var caught = 0
        for (text, rule) in Self.bad {
            let rules = linters[.usted]!.lint(Document(string: text), tokenizer: tokenizer).map(\.rule)
            if rules.contains(rule) { caught += 1 }
            XCTAssertTrue(rules.contains(rule), "\(rule) missed (got \(rules)) in: \(text)")
        }
        print("30 fresh replies: \(Self.clean.count) clean with \(falseAlarms) false alarms, \(caught) of \(Self.bad.count) bad ones caught")
    }
}
