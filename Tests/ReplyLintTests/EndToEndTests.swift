import XCTest
@testable import ReplyLint

/// Every rule family together, on whole replies written for these tests.
final class EndToEndTests: XCTestCase {
    func summary(_ text: String, options: LintOptions = LintOptions()) throws -> [String] {
        try TestSupport.lint(text, options: options).filter { $0.severity != .note }.map { "\($0.rule) \($0.excerpt)" }
    }

    func testCleanProfessionalRepliesGetNoWarning() throws {
        let replies = [
            "Buenas tardes, señor Ortega. Lamentamos mucho el retraso de su pedido. Hemos hablado con la agencia de transporte y lo recibirá el jueves. Gracias por su paciencia.",
            "Hola, Marta. Comprendemos su inquietud con el cargo duplicado: ya hemos solicitado la devolución y la verá en su cuenta en un plazo de cinco días hábiles.",
            "Buenos días. Le agradecemos que nos haya avisado. Hemos revisado su caso y la garantía cubre la reparación; le escribiremos por mensaje privado con los pasos a seguir.",
            "¡Muchas gracias por sus palabras! Nos alegra saber que el equipo de la tienda de Valencia le atendió tan bien.",
            "Disculpe las molestias. Para revisar su factura necesitamos el número de pedido; puede enviárnoslo por mensaje directo a @AtencionCliente o escribir a ayuda@ejemplo.com.",
        ]
        for reply in replies {
            XCTAssertEqual(try summary(reply), [], reply)
        }
    }

    func testChattyReplyGetsOneDiagnosticPerProblemWithExactSpans() throws {
        let text = "jajaja q tal, no te preocupes xq lo arreglamos!!!"
        let diagnostics = try TestSupport.lint(text).filter { $0.severity != .note }
        XCTAssertEqual(diagnostics.map { "\($0.rule) \($0.column)-\($0.endColumn) \($0.excerpt)" }, [
            "register.laughter 1-7 jajaja",
            "register.abbreviation 8-9 q",
            "register.tuteo 18-20 te",
            "register.tuteo 21-30 preocupes",
            "register.abbreviation 31-33 xq",
            "register.punctuation 47-50 !!!",
        ])
    }

    func testAFindingAcrossALineBreakHasAOneLineMessage() throws {
        let diagnostics = try TestSupport.lint("Hola. ESTO YA ESTA\nSOLUCIONADO POR COMPLETO, gracias.").filter { $0.rule == "register.shouting" }
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.endLine, 2)
        XCTAssertFalse(diagnostics.first?.message.contains("\n") ?? true)
        XCTAssertTrue(diagnostics.first?.message.contains("ESTA SOLUCIONADO") ?? false, diagnostics.first?.message ?? "")
    }

    func testAStretchedSwearWordIsReportedOnceAsProfanity() throws {
        XCTAssertEqual(try summary("Qué mieeerda de servicio, lo sentimos."), ["profanity.vulgar mieeerda"])
        // A wider register finding around it stays: the capitals are a problem of their own.
        XCTAssertEqual(try summary("ESTO ES UNA MIERDA").sorted(), ["profanity.vulgar MIERDA", "register.shouting ESTO ES UNA MIERDA"])
        XCTAssertEqual(try summary("Graciaaas por escribirnos.").map { $0.components(separatedBy: " ")[0] }, ["register.elongation"])
        XCTAssertEqual(try summary("Fuera los inmigrantes, gracias por su paciencia."), ["discrimination.generalization Fuera los inmigrantes"])
    }

    func testEachFamilyCatchesItsOwnProblem() throws {
        XCTAssertTrue(try summary("Su pedido ya salió, no sea pendejo y revise el correo.").contains { $0.hasPrefix("profanity.") })
        XCTAssertTrue(try summary("Le enviaremos la informacion mañana por la mañana.").contains("spelling.missing-accent informacion"))
        XCTAssertTrue(try summary("Gracias por escribirnos. ¡Aguante Boca, el mejor equipo del mundo!").contains { $0.hasPrefix("polemic.sports") })
        XCTAssertTrue(try summary("Como ya le dijimos, el reembolso no procede porque la compra se hizo hace más de treinta días.")
            .contains { $0.hasPrefix("empathy.") })
    }

    func testTuBrandGetsUstedFlaggedInstead() throws {
        let text = "Hola, Ana. Gracias por escribirnos; escríbanos por mensaje privado y lo revisamos."
        XCTAssertEqual(try summary(text, options: LintOptions(register: .usted)), [])
        XCTAssertEqual(try summary(text, options: LintOptions(register: .tu)).filter { $0.hasPrefix("register.") }, ["register.usted escríbanos"])
    }
}
