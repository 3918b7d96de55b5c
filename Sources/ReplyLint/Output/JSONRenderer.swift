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
        String(decoding: fileBytes(diagnostics, source: source), as: UTF8.self)
    }

    public mutating func fileBytes(_ diagnostics: [Diagnostic], source: (String, Int) -> SourceLine?) -> [UInt8] {
        // Written as bytes: a report of many diagnostics is mostly this loop. The helpers take `out` inout
        // (nested functions capturing it would pay a run-time exclusivity check on every call).
        var out: [UInt8] = []
        out.reserveCapacity(diagnostics.count * 400)
        for d in diagnostics {
            if count > 0 { out.append(UInt8(ascii: ",")) }
            count += 1
            Self.raw("{\"path\":", &out); Self.quote(d.path, into: &out)
            Self.raw(",\"line\":", &out); Self.number(d.line, &out)
            Self.raw(",\"column\":", &out); Self.number(d.column, &out)
            Self.raw(",\"endLine\":", &out); Self.number(d.endLine, &out)
            Self.raw(",\"endColumn\":", &out); Self.number(d.endColumn, &out)
            Self.raw(",\"offset\":", &out); Self.number(d.offset, &out)
            Self.raw(",\"length\":", &out); Self.number(d.length, &out)
            Self.raw(",\"severity\":", &out); Self.quote(d.severity.rawValue, into: &out)
            Self.raw(",\"category\":", &out); Self.quote(d.category.rawValue, into: &out)
            Self.raw(",\"rule\":", &out); Self.quote(d.rule, into: &out)
            Self.raw(",\"message\":", &out); Self.quote(d.message, into: &out)
            Self.raw(",\"excerpt\":", &out); Self.quote(d.excerpt, into: &out)
            Self.raw(",\"suggestions\":[", &out)
            for (i, suggestion) in d.suggestions.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.quote(suggestion, into: &out)
            }
            Self.raw("],\"help\":", &out); Self.optional(d.help, &out)
            Self.raw(",\"reply\":", &out); Self.optional(d.reply, &out)
            Self.raw(",\"fix\":", &out); Self.optional(d.fix, &out)
            out.append(UInt8(ascii: "}"))
        }
        return out
    }

    public mutating func end(_ tally: Tally) -> String {
        "],\"summary\":{\"files\":\(tally.files),\"errors\":\(tally.errors),\"warnings\":\(tally.warnings),\"notes\":\(tally.notes)}}\n"
    }

    @inline(__always) static func raw(_ text: StaticString, _ out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// An integer in decimal, without making a String.
    static func number(_ n: Int, _ out: inout [UInt8]) {
        if n < 0 {
            out.append(UInt8(ascii: "-"))
            if n == Int.min { out.append(contentsOf: String(n).utf8.dropFirst()); return }
            number(-n, &out)
            return
        }
        if n < 10 { out.append(UInt8(truncatingIfNeeded: n) + 0x30); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = n
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = UInt8(truncatingIfNeeded: rest % 10) + 0x30
                rest /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }

    static func optional(_ s: String?, _ out: inout [UInt8]) {
        if let s { quote(s, into: &out) } else { raw("null", &out) }
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
                // Nearly every byte is copied as it is: tested first, with no switch.
                if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") && b != 0xE2 {
                    i += 1
                    continue
                }
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
