/// reviewdog's diagnostic format (rdjson): one object with every diagnostic. reviewdog counts
/// columns in UTF-8 bytes (1-based), so columns are computed from the byte offsets here.
public struct RDJSONRenderer: StreamRenderer {
    var count = 0

    public init() {}

    public static func render(_ report: Report, source: (String, Int) -> SourceLine?) -> String {
        var renderer = RDJSONRenderer()
        return renderer.renderAll(report, source: source)
    }

    public mutating func begin() -> String { "{\"source\":{\"name\":\"replylint\"},\"diagnostics\":[" }
    public mutating func end(_ tally: Tally) -> String { "]}\n" }

    public mutating func file(_ diagnostics: [Diagnostic], source: (String, Int) -> SourceLine?) -> String {
        let items: [JSONValue] = diagnostics.map { d in
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
        var out = ""
        for item in items {
            if count > 0 { out += "," }
            count += 1
            out += item.serialized()
        }
        return out
    }
}
