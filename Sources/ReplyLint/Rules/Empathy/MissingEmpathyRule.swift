/// A reply that answers a problem without acknowledging it: no apology, no thanks, no understanding.
public struct MissingEmpathyRule: Rule {
    public static let description = RuleDescription(
        id: "empathy.missing",
        category: .empathy,
        summary: "respuesta a un problema sin reconocimiento, disculpa ni agradecimiento",
        rationale: """
        Quien escribe con un problema quiere, antes que nada, sentirse escuchado. Una respuesta que va \
        directa al trámite («su pedido sale el jueves») puede ser correcta y aun así sonar fría. Basta una \
        frase de reconocimiento («lamentamos las molestias», «sentimos lo ocurrido», «gracias por avisarnos») \
        para cambiar el tono. Se marca una vez, en la primera frase; los saludos y agradecimientos breves no \
        se marcan.
        """,
        triggering: [
            RuleExample("«Su pedido sufrió un retraso en el almacén.» Saldrá el jueves y el número de seguimiento sigue siendo el mismo."),
            RuleExample("«Hola, Marta.» El cargo duplicado se anulará en 48 horas y verá el importe en su próximo extracto."),
            RuleExample("«El router tiene una avería en la fuente.» Un técnico irá el martes entre las 9 y las 14 horas a cambiarla."),
            RuleExample("«Revisamos tu reclamación y el reembolso se hará a la misma tarjeta en cinco días hábiles.»", register: .tu),
        ],
        nonTriggering: [
            RuleExample("Lamentamos el retraso de su pedido. Saldrá el jueves y el número de seguimiento sigue siendo el mismo."),
            RuleExample("Hola, Marta. Sentimos mucho el cargo duplicado: se anulará en 48 horas y lo verá en su próximo extracto."),
            RuleExample("Gracias por avisarnos de la avería. Un técnico irá el martes entre las 9 y las 14 horas."),
            RuleExample("Entiendo tu enfado con la reclamación; el reembolso se hará a la misma tarjeta en cinco días hábiles.", register: .tu),
            RuleExample("¡Muchas gracias por tu mensaje!", register: .tu),
            RuleExample("Hola, ¿en qué podemos ayudarle?"),
            RuleExample("Nuestra tienda de Sevilla abre de lunes a sábado de 10 a 21 horas, y los domingos de 11 a 15."),
            RuleExample("Es un problema, sí."),
            RuleExample("¿El error aparece al abrir la aplicación o al pagar? ¿Desde qué modelo de teléfono nos escribe?"),
        ],
        examplesTakePrefix: false
    )

    /// Replies with fewer words than this are greetings or thanks, never flagged.
    static let minimumWords = 8
    static let phrases = ["Lamentamos las molestias.", "Sentimos lo ocurrido.", "Gracias por avisarnos."]
    static let greetings: Set<String> = ["hola", "buenas", "buenos", "estimado", "estimada", "estimados", "querido", "querida", "saludos"]

    let problems: LexiconMatcher
    let acknowledgements: LexiconMatcher

    public init(lexicons: LexiconStore) throws {
        let problems = try lexicons.table("empathy/problems")
        let acknowledgements = try lexicons.table("empathy/acknowledgements")
        try problems.require("forms", "note")
        try acknowledgements.require("forms", "note")
        self.problems = try LexiconMatcher(tables: [problems], vocabulary: lexicons.vocabulary)
        self.acknowledgements = try LexiconMatcher(tables: [acknowledgements], vocabulary: lexicons.vocabulary)
    }

    public func check(_ context: RuleContext) -> [Finding] {
        // Counted by index, up to the minimum: no token is copied out of the array.
        var words = 0
        for i in context.tokens.indices where context.tokens[i].kind == .word {
            words += 1
            if words >= Self.minimumWords { break }
        }
        guard words >= Self.minimumWords, let first = context.sentences.first(where: { !$0.tokens.isEmpty }) else { return [] }
        // A reply made only of questions asks for details: it has not answered yet.
        let answers = context.sentences.contains { sentence in
            sentence.tokens.contains { context.tokens[$0].kind == .word } && !sentence.tokens.contains { context.tokens[$0].text == "?" }
        }
        guard answers, problems.containsMatch(in: context), !acknowledgements.containsMatch(in: context) else { return [] }
        // The first sentence without its trailing spaces.
        let end = context.tokens[first.tokens.upperBound - 1].range.upperBound
        let range = context.tokens[first.tokens.lowerBound].range.lowerBound..<end
        let sentence = context.text(range)
        let greeting = first.tokens.count <= 5 && Self.greetings.contains(context.tokens[first.tokens.lowerBound].folded)
        let suggestions = Self.phrases.map { greeting ? sentence + " " + $0 : $0 + " " + sentence }
        return [Finding(range: range, message: "respuesta a un problema sin reconocimiento, disculpa ni agradecimiento",
                        suggestions: suggestions,
                        help: "empiece reconociendo la situación: «lamentamos las molestias», «sentimos lo ocurrido» o «gracias por avisarnos»")]
    }
}
