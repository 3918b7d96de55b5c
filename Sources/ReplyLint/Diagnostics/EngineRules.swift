/// The ids replylint reports about its inputs and its suppression comments rather than about a reply's
/// text. They are not rules a config can tune, but they have an explanation (`replylint explain
/// input.encoding`) and SARIF lists them like the rules.
public enum EngineRules {
    public static let all: [RuleDescription] = [
        rule("input.encoding", .input, .error, "el archivo no es UTF-8 válido",
             "replylint lee texto UTF-8. El primer byte que no forma un carácter UTF-8 se señala con su línea, su columna y su posición; guarde el archivo como UTF-8 (o pase su contenido convertido por la entrada estándar). El archivo no se revisa y el estado de salida es 2, pero las demás entradas sí se revisan."),
        rule("input.binary", .input, .error, "el archivo no es texto (binario o UTF-16)",
             "Un archivo con bytes nulos, o codificado en UTF-16, no se revisa: sus palabras no llegarían bien a las reglas. Conviértalo a UTF-8. Estado de salida 2; las demás entradas sí se revisan."),
        rule("input.unreadable", .input, .error, "la entrada no se pudo leer (o corregir)",
             "La ruta no existe, no hay permiso para leerla, es un FIFO, un dispositivo o un bucle de carpetas, o --fix no pudo escribir el archivo (sin permiso de escritura). El mensaje dice cuál. Estado de salida 2; las demás entradas sí se revisan."),
        rule("input.malformed", .input, .error, "la colección, la configuración o la línea base no se pudo analizar",
             "Un YAML o JSON con un error de sintaxis, un .replylint.yml con un valor o una clave desconocidos, un léxico con una línea mal formada o una línea base no válida se señalan en su línea y columna, con las opciones válidas cuando las hay. Estado de salida 2; las demás entradas sí se revisan."),
        rule("input.skipped", .input, .note, "un enlace simbólico que sale de la carpeta recorrida no se sigue",
             "Al recorrer una carpeta, replylint no sigue un enlace que lleva fuera de ella sin decirlo: lo nombra en una nota. Si quiere revisar su destino, páselo en la línea de órdenes."),
        rule("suppression.unused", .suppression, .note, "un comentario de supresión que no suprime nada",
             "Un replylint-disable que no oculta ningún hallazgo sobra (el texto ya se corrigió, o nombra otra regla): quítelo, como el aviso de ESLint sobre directivas sin uso, para que no oculte un problema futuro."),
        rule("suppression.unknown-rule", .suppression, .warning, "un comentario de supresión nombra una regla que no existe",
             "Las directivas nombran ids de regla o categorías (replylint --list-rules). Una errata en el nombre haría que el comentario no suprimiera nada."),
    ]

    static func rule(_ id: String, _ category: Category, _ severity: Severity, _ summary: String, _ rationale: String) -> RuleDescription {
        RuleDescription(id: id, category: category, defaultSeverity: severity, summary: summary, rationale: rationale,
                        triggering: [], nonTriggering: [])
    }
}
