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
        // Written as bytes: a report of many diagnostics is mostly this loop.
        var out: [UInt8] = []
        out.reserveCapacity(diagnostics.count * 400)
        func raw(_ text: StaticString) { text.withUTF8Buffer { out.append(contentsOf: $0) } }
        func number(_ n: Int) { out.append(contentsOf: String(n).utf8) }
        func string(_ s: String) { Self.quote(s, into: &out) }
        func optional(_ s: String?) { if let s { string(s) } else { raw("null") } }
        for d in diagnostics {
            if count > 0 { out.append(UInt8(ascii: ",")) }
            count += 1
            raw("{\"path\":"); string(d.path)
            raw(",\"line\":"); number(d.line)
            raw(",\"column\":"); number(d.column)
            raw(",\"endLine\":"); number(d.endLine)
            raw(",\"endColumn\":"); number(d.endColumn)
            raw(",\"offset\":"); number(d.offset)
            raw(",\"length\":"); number(d.length)
            raw(",\"severity\":"); string(d.severity.rawValue)
            raw(",\"category\":"); string(d.category.rawValue)
            raw(",\"rule\":"); string(d.rule)
            raw(",\"message\":"); string(d.message)
            raw(",\"excerpt\":"); string(d.excerpt)
            raw(",\"suggestions\":[")
            for (i, suggestion) in d.suggestions.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                string(suggestion)
            }
            raw("],\"help\":"); optional(d.help)
            raw(",\"reply\":"); optional(d.reply)
            raw(",\"fix\":"); optional(d.fix)
            out.append(UInt8(ascii: "}"))
        }
        return String(decoding: out, as: UTF8.self)
    }

    public mutating func end(_ tally: Tally) -> String {
        "],\"summary\":{\"files\":\(tally.files),\"errors\":\(tally.errors),\"warnings\":\(tally.warnings),\"notes\":\(tally.notes)}}\n"
    }

    /// A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped.
    public static func quote(_ s: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count + 2)
        quote(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The same, appended to `out`. Runs of bytes that need no escape are copied whole.
    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var run = 0
            var i = 0
            func flush() {
                if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
            }
            while i < bytes.count {
                let b = bytes[i]
                let escape: [UInt8]?
                var width = 1
                switch b {
                case UInt8(ascii: "\""): escape = [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): escape = [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x0A: escape = [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case 0x0D: escape = [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case 0x09: escape = [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case 0..<0x20: escape = Array("\\u00".utf8) + Array(String(b, radix: 16).leftPadded(2).utf8)
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    // U+2028 and U+2029 are valid JSON but break JavaScript parsers: escape them too.
                    escape = Array((bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    width = 3
                default: escape = nil
                }
                if let escape {
                    flush()
                    out.append(contentsOf: escape)
                    i += width
                    run = i
                } else {
                    i += 1
                }
            }
            flush()
        }
        out.append(UInt8(ascii: "\""))
    }
}
