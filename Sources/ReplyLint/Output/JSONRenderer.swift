/// The JSON report, a contract other tools parse. Its shape only ever grows by new fields:
///
///     {"version":1,"diagnostics":[{"path","line","column","endLine","endColumn","offset","length",
///      "severity","category","rule","message","excerpt","suggestions":[...],"help","reply","fix"}],
///      "summary":{"files","errors","warnings","notes"}}
///
/// Lines and columns are 1-based, columns in Unicode scalars, `endColumn` one past the last
/// scalar; `offset`/`length` are UTF-8 bytes of the file (a BOM counts in the offset).
/// `help`, `reply` and `fix` (the safe replacement `--fix` applies) are null when absent. Keys come in this fixed order; output is deterministic.
public struct JSONRenderer: StreamRenderer {
    var count = 0

    public init() {}

    public static func render(_ report: Report) -> String {
        var renderer = JSONRenderer()
        return renderer.renderAll(report)
    }

    public mutating func begin() -> String { "{\"version\":1,\"diagnostics\":[" }

    public mutating func file(_ diagnostics: [Diagnostic], source: (String, Int) -> SourceLine?) -> String {
        var out = ""
        for d in diagnostics {
            if count > 0 { out += "," }
            count += 1
            out += "{\"path\":\(Self.quote(d.path)),\"line\":\(d.line),\"column\":\(d.column),"
            out += "\"endLine\":\(d.endLine),\"endColumn\":\(d.endColumn),\"offset\":\(d.offset),\"length\":\(d.length),"
            out += "\"severity\":\(Self.quote(d.severity.rawValue)),\"category\":\(Self.quote(d.category.rawValue)),"
            out += "\"rule\":\(Self.quote(d.rule)),\"message\":\(Self.quote(d.message)),\"excerpt\":\(Self.quote(d.excerpt)),"
            out += "\"suggestions\":[" + d.suggestions.map(Self.quote).joined(separator: ",") + "],"
            out += "\"help\":\(d.help.map(Self.quote) ?? "null"),\"reply\":\(d.reply.map(Self.quote) ?? "null"),"
            out += "\"fix\":\(d.fix.map(Self.quote) ?? "null")}"
        }
        return out
    }

    public mutating func end(_ tally: Tally) -> String {
        "],\"summary\":{\"files\":\(tally.files),\"errors\":\(tally.errors),\"warnings\":\(tally.warnings),\"notes\":\(tally.notes)}}\n"
    }

    /// A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped.
    public static func quote(_ s: String) -> String {
        // Runs of bytes that need no escape are copied whole; only the rare byte is escaped.
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count + 2)
        out.append(UInt8(ascii: "\""))
        let bytes = Array(s.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                out += Array("\\u00".utf8) + Array(String(b, radix: 16).leftPadded(2).utf8)
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                // U+2028 and U+2029 are valid JSON but break JavaScript parsers: escape them too.
                out += Array((bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                i += 2
            default:
                out.append(b)
            }
            i += 1
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}
