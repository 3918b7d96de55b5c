/// The JSON report, a contract other tools parse. Its shape only ever grows by new fields:
///
///     {"version":1,"diagnostics":[{"path","line","column","endLine","endColumn","offset","length",
///      "severity","category","rule","message","excerpt","suggestions":[...],"help","reply","fix"}],
///      "summary":{"files","errors","warnings","notes"}}
///
/// Lines and columns are 1-based, columns in Unicode scalars, `endColumn` one past the last
/// scalar; `offset`/`length` are UTF-8 bytes of the file (a BOM counts in the offset).
/// `help`, `reply` and `fix` (the safe replacement `--fix` applies) are null when absent. Keys come in this fixed order; output is deterministic.
public enum JSONRenderer {
    public static func render(_ report: Report) -> String {
        var out = "{\"version\":1,\"diagnostics\":["
        for (i, d) in report.diagnostics.enumerated() {
            if i > 0 { out += "," }
            out += "{\"path\":\(quote(d.path)),\"line\":\(d.line),\"column\":\(d.column),"
            out += "\"endLine\":\(d.endLine),\"endColumn\":\(d.endColumn),\"offset\":\(d.offset),\"length\":\(d.length),"
            out += "\"severity\":\(quote(d.severity.rawValue)),\"category\":\(quote(d.category.rawValue)),"
            out += "\"rule\":\(quote(d.rule)),\"message\":\(quote(d.message)),\"excerpt\":\(quote(d.excerpt)),"
            out += "\"suggestions\":[" + d.suggestions.map(quote).joined(separator: ",") + "],"
            out += "\"help\":\(d.help.map(quote) ?? "null"),\"reply\":\(d.reply.map(quote) ?? "null"),"
            out += "\"fix\":\(d.fix.map(quote) ?? "null")}"
        }
        out += "],\"summary\":{\"files\":\(report.files),\"errors\":\(report.errors),"
        out += "\"warnings\":\(report.warnings),\"notes\":\(report.notes)}}\n"
        return out
    }

    /// A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped.
    public static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
