/// reviewdog's diagnostic format (rdjson): one object with every diagnostic. reviewdog counts
/// columns in UTF-8 bytes (1-based), so columns are computed from the byte offsets here.
public enum RDJSONRenderer {
    public static func render(_ report: Report, source: (String, Int) -> SourceLine?) -> String {
        let diagnostics: [JSONValue] = report.diagnostics.map { d in
            func position(_ offset: Int, line: Int, fallback: Int) -> JSONValue {
                var column = fallback
                if let sourceLine = source(d.path, line) { column = offset - sourceLine.start + 1 }
                return .object([("line", .int(line)), ("column", .int(max(1, column)))])
            }
            let range: JSONValue = .object([
                ("start", position(d.offset, line: d.line, fallback: d.column)),
                ("end", position(d.offset + d.length, line: d.endLine, fallback: d.endColumn)),
            ])
            var members: [(String, JSONValue)] = [
                ("message", .string(d.message)),
                ("location", .object([("path", .string(d.path)), ("range", range)])),
                ("severity", .string(d.severity == .error ? "ERROR" : d.severity == .warning ? "WARNING" : "INFO")),
                ("source", .object([("name", "replylint")])),
                ("code", .object([("value", .string(d.rule))])),
            ]
            if let first = d.suggestions.first, d.length > 0 {
                members.append(("suggestions", .array([.object([("range", range), ("text", .string(first))])])))
            }
            return .object(members)
        }
        let root: JSONValue = .object([
            ("source", .object([("name", "replylint")])),
            ("diagnostics", .array(diagnostics)),
        ])
        return root.serialized() + "\n"
    }
}
