import ByteScan

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
    /// Prints no source line.
    public var readsSourceLines: Bool { false }
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
        let bytes = Self.body(diagnostics, afterOthers: count > 0)
        count += diagnostics.count
        return bytes
    }

    /// A file's diagnostics written by a worker thread, in parallel with the others (`body` with no
    /// comma before it), added to the report in order: the same bytes `fileBytes` writes.
    public mutating func add(rendered bytes: [UInt8], of diagnostics: Int, into write: ([UInt8]) -> Void) {
        if diagnostics > 0 && count > 0 { write(Array(",".utf8)) }
        count += diagnostics
        write(bytes)
    }

    /// The diagnostics as JSON objects separated by commas, with one before them when `afterOthers`.
    /// It depends on nothing but its arguments: any thread may write any file's.
    public static func body(_ diagnostics: [Diagnostic], afterOthers: Bool) -> [UInt8] {
        // Written as bytes into a buffer sized for the worst case (every byte of every text escaped):
        // a report of many diagnostics is mostly this loop, and no append then checks for room.
        guard !diagnostics.isEmpty else { return [] }
        // Fields read in place: a diagnostic copied out of the list retains its dozen texts.
        return diagnostics.withUnsafeBufferPointer { ds in
            var bound = 0
            for i in ds.indices { bound += Self.bound(ds.baseAddress! + i) }
            return [UInt8](unsafeUninitializedCapacity: bound) { buffer, written in
                var out = ByteWriter(buffer)
                // A file's diagnostics share their path, and a rule's its id, severity, category and often
                // its help: a text equal to the last one written in its field is copied from there, not
                // escaped again.
                var path = Written()
                var rule = Written()
                var help = Written()
                var severity = Written()
                var category = Written()
                for i in ds.indices {
                    if i > 0 || afterOthers { out.byte(UInt8(ascii: ",")) }
                    out.raw("{\"path\":"); path.quote(ds[i].path, into: &out)
                    out.raw(",\"line\":"); out.number(ds[i].line)
                    out.raw(",\"column\":"); out.number(ds[i].column)
                    out.raw(",\"endLine\":"); out.number(ds[i].endLine)
                    out.raw(",\"endColumn\":"); out.number(ds[i].endColumn)
                    out.raw(",\"offset\":"); out.number(ds[i].offset)
                    out.raw(",\"length\":"); out.number(ds[i].length)
                    out.raw(",\"severity\":"); severity.quote(ds[i].severity.rawValue, into: &out)
                    out.raw(",\"category\":"); category.quote(ds[i].category.rawValue, into: &out)
                    out.raw(",\"rule\":"); rule.quote(ds[i].rule, into: &out)
                    out.raw(",\"message\":"); Self.quote(ds[i].message, into: &out)
                    out.raw(",\"excerpt\":"); Self.quote(ds[i].excerpt, into: &out)
                    out.raw(",\"suggestions\":[")
                    for (k, suggestion) in ds[i].suggestions.enumerated() {
                        if k > 0 { out.byte(UInt8(ascii: ",")) }
                        Self.quote(suggestion, into: &out)
                    }
                    out.raw("],\"help\":")
                    if let text = ds[i].help { help.quote(text, into: &out) } else { out.raw("null") }
                    out.raw(",\"reply\":"); Self.optional(ds[i].reply, &out)
                    out.raw(",\"fix\":"); Self.optional(ds[i].fix, &out)
                    out.byte(UInt8(ascii: "}"))
                }
                written = out.count
            }
        }
    }

    /// The most bytes one diagnostic's JSON can take: the keys and punctuation (under 200 bytes),
    /// seven numbers of at most 20 characters, and each text escaped at most six bytes for one.
    static func bound(_ d: Diagnostic) -> Int { withUnsafePointer(to: d) { bound($0) } }

    /// Read through a pointer, field by field: a diagnostic passed as a value was copied whole (each of
    /// its texts retained) and destroyed again.
    static func bound(_ d: UnsafePointer<Diagnostic>) -> Int {
        var texts = d.pointee.path.utf8.count + d.pointee.severity.rawValue.utf8.count + d.pointee.category.rawValue.utf8.count
            + d.pointee.rule.utf8.count + d.pointee.message.utf8.count + d.pointee.excerpt.utf8.count
            + (d.pointee.help?.utf8.count ?? 0) + (d.pointee.reply?.utf8.count ?? 0) + (d.pointee.fix?.utf8.count ?? 0)
        for suggestion in d.pointee.suggestions { texts += suggestion.utf8.count }
        return 400 + 7 * 20 + 6 * texts + 3 * d.pointee.suggestions.count
    }

    /// The last text quoted in one field and where its literal is in the output.
    struct Written {
        private var text: String?
        private var at = 0..<0

        /// `JSONRenderer.quote(_:into:)`, or a copy of the literal written last when `s` is that text.
        @inline(__always) mutating func quote(_ s: String, into out: inout ByteWriter) {
            if let text, text == s {
                out.copy(at)
                return
            }
            let start = out.count
            JSONRenderer.quote(s, into: &out)
            text = s
            at = start..<out.count
        }
    }

    public mutating func end(_ tally: Tally) -> String {
        "],\"summary\":{\"files\":\(tally.files),\"errors\":\(tally.errors),\"warnings\":\(tally.warnings),\"notes\":\(tally.notes)}}\n"
    }

    static func optional(_ s: String?, _ out: inout ByteWriter) {
        if let s { quote(s, into: &out) } else { out.raw("null") }
    }

    /// A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped.
    public static func quote(_ s: String) -> String {
        let bytes = [UInt8](unsafeUninitializedCapacity: 6 * s.utf8.count + 2) { buffer, written in
            var out = ByteWriter(buffer)
            quote(s, into: &out)
            written = out.count
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The same, written to `out`, which has room for six bytes for each byte of `s`, and two.
    /// Runs of bytes that need no escape are copied whole.
    static func quote(_ s: String, into out: inout ByteWriter) {
        out.byte(UInt8(ascii: "\""))
        // A native string lends its bytes in place; only a bridged one is copied (`withUTF8` on a copy
        // of the string retained and released it for every text of every diagnostic).
        if s.utf8.withContiguousStorageIfAvailable({ escape($0, into: &out) }) == nil {
            var copy = s
            copy.withUTF8 { escape($0, into: &out) }
        }
        out.byte(UInt8(ascii: "\""))
    }

    /// The bytes of a string literal's inside, escaped.
    @inline(__always) static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout ByteWriter) {
        guard let base = bytes.baseAddress else { return }
        var run = 0
        var i = 0
        while i < bytes.count {
            // Sixteen bytes at a time to the next byte that needs a look: one below 0x20, a quote, a
            // backslash or 0xE2, the lead byte of U+2028 and U+2029.
            i += rl_json_plain_prefix(base + i, bytes.count - i)
            if i >= bytes.count { break }
            let b = bytes[i]
            var width = 1
            let escape: StaticString?
            var control = false
            switch b {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0..<0x20: escape = nil; control = true
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                // U+2028 and U+2029 are valid JSON but break JavaScript parsers: escape them too.
                escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            default:
                i += 1
                continue
            }
            out.bytes(UnsafeBufferPointer(rebasing: bytes[run..<i]))
            if let escape { out.raw(escape) }
            if control {
                let hex: StaticString = "0123456789abcdef"
                out.raw("\\u00")
                out.byte(hex.utf8Start[Int(b >> 4)])
                out.byte(hex.utf8Start[Int(b & 0x0F)])
            }
            i += width
            run = i
        }
        out.bytes(UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
    }
}

/// Writes bytes into memory sized beforehand by the caller. Each write still checks the room left (one
/// compare): a bound computed wrong stops the program instead of writing past the buffer.
struct ByteWriter {
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress!
        capacity = buffer.count
    }

    @inline(__always) mutating func byte(_ b: UInt8) {
        precondition(count < capacity, "ByteWriter: no room left")
        base[count] = b
        count += 1
    }

    @inline(__always) mutating func bytes(_ p: UnsafeBufferPointer<UInt8>) {
        guard let source = p.baseAddress, p.count > 0 else { return }
        precondition(count + p.count <= capacity, "ByteWriter: no room left")
        (base + count).update(from: source, count: p.count)
        count += p.count
    }

    /// Bytes written before, at `range`, written again.
    @inline(__always) mutating func copy(_ range: Range<Int>) {
        precondition(range.upperBound <= count, "ByteWriter: copy of bytes not written")
        bytes(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    @inline(__always) mutating func raw(_ text: StaticString) {
        bytes(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// An integer in decimal, without making a String.
    mutating func number(_ n: Int) {
        if n < 0 {
            byte(UInt8(ascii: "-"))
            // The magnitude of Int.min is one past Int.max: written from its unsigned value.
            writeDigits(UInt(bitPattern: n).magnitudeOfNegative)
            return
        }
        writeDigits(UInt(n))
    }

    /// The decimal digits of `n`: their count found by comparisons, then written two at a time from
    /// the end (a digit at a time, counting and writing took two divisions by ten per digit).
    private mutating func writeDigits(_ n: UInt) {
        if n < 10 { byte(UInt8(truncatingIfNeeded: n) + 0x30); return }
        var digits = 2
        var power: UInt = 100
        // 10^19 is the largest power of ten a UInt holds; a number past it has 20 digits.
        while digits < 20 && n >= power {
            digits += 1
            if digits < 20 { power &*= 10 }
        }
        precondition(count + digits <= capacity, "ByteWriter: no room left")
        let pairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
        let table = pairs.utf8Start
        var rest = n
        var k = count + digits
        while rest >= 100 {
            let pair = Int(rest % 100) * 2
            rest /= 100
            k -= 2
            base[k] = table[pair]
            base[k + 1] = table[pair + 1]
        }
        if rest >= 10 {
            let pair = Int(rest) * 2
            base[k - 2] = table[pair]
            base[k - 1] = table[pair + 1]
        } else {
            base[k - 1] = UInt8(truncatingIfNeeded: rest) + 0x30
        }
        count += digits
    }
}

private extension UInt {
    /// For the bit pattern of a negative Int, the magnitude of that Int.
    var magnitudeOfNegative: UInt { ~self &+ 1 }
}
