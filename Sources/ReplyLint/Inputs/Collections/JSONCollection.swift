/// Reads a JSON template collection with the byte position of every string, which Foundation's
/// JSON reader does not give. Strict RFC 8259 JSON; nesting deeper than `maxDepth` is an input
/// error, not a stack overflow.
struct JSONCollectionReader {
    static let maxDepth = 512

    struct Failure: Error {
        let offset: Int
        let reason: String
    }

    let bytes: [UInt8]
    var i: Int
    let end: Int

    init(source: SourceFile) {
        bytes = source.bytes
        i = source.textStart
        end = source.bytes.count
    }

    /// The root value, or nil for a file with nothing but whitespace.
    static func read(_ source: SourceFile) throws(InputError) -> CollectionValue? {
        var reader = JSONCollectionReader(source: source)
        do throws(Failure) {
            reader.skipWhitespace()
            if reader.i == reader.end { return nil }
            let value = try reader.value(depth: 0)
            reader.skipWhitespace()
            if reader.i < reader.end { throw Failure(offset: reader.i, reason: "texto después del final del valor") }
            return value
        } catch {
            let (line, column) = source.location(of: min(error.offset, source.bytes.count))
            throw InputError.malformed(path: source.path, line: line, column: column,
                                       reason: "JSON no válido: " + error.reason)
        }
    }

    mutating func skipWhitespace() {
        while i < end {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    func describe(_ offset: Int) -> String {
        guard offset < end else { return "el final del archivo" }
        let c = bytes[offset]
        if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        return "un carácter inesperado"
    }

    mutating func value(depth: Int) throws(Failure) -> CollectionValue {
        guard i < end else { throw Failure(offset: i, reason: "se esperaba un valor y llegó el final del archivo") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            guard depth < JSONCollectionReader.maxDepth else {
                throw Failure(offset: i, reason: "anidamiento demasiado profundo (más de \(JSONCollectionReader.maxDepth) niveles)")
            }
            return try object(depth: depth + 1)
        case UInt8(ascii: "["):
            guard depth < JSONCollectionReader.maxDepth else {
                throw Failure(offset: i, reason: "anidamiento demasiado profundo (más de \(JSONCollectionReader.maxDepth) niveles)")
            }
            return try array(depth: depth + 1)
        case UInt8(ascii: "\""):
            let (text, segments) = try string()
            return .string(.decoded(text: text, segments: segments))
        case UInt8(ascii: "t"): try literal("true"); return .other
        case UInt8(ascii: "f"): try literal("false"); return .other
        case UInt8(ascii: "n"): try literal("null"); return .other
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try number()
            return .other
        default:
            throw Failure(offset: i, reason: "se esperaba un valor y se encontró \(describe(i))")
        }
    }

    mutating func literal(_ word: String) throws(Failure) {
        let start = i
        for byte in word.utf8 {
            guard i < end, bytes[i] == byte else { throw Failure(offset: start, reason: "valor no válido (¿quería decir \(word)?)") }
            i += 1
        }
    }

    mutating func number() throws(Failure) {
        let start = i
        func digits() -> Int {
            let from = i
            while i < end && bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
            return i - from
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < end, bytes[i] >= 0x30 && bytes[i] <= 0x39 else { throw Failure(offset: start, reason: "número no válido") }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < end && bytes[i] >= 0x30 && bytes[i] <= 0x39 { throw Failure(offset: start, reason: "número no válido (cero a la izquierda)") }
        } else {
            _ = digits()
        }
        if i < end && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw Failure(offset: start, reason: "número no válido") }
        }
        if i < end && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            if i < end && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard digits() > 0 else { throw Failure(offset: start, reason: "número no válido") }
        }
    }

    mutating func object(depth: Int) throws(Failure) -> CollectionValue {
        i += 1 // {
        var entries: [(key: String, value: CollectionValue)] = []
        skipWhitespace()
        if i < end && bytes[i] == UInt8(ascii: "}") { i += 1; return .map(entries) }
        while true {
            skipWhitespace()
            guard i < end, bytes[i] == UInt8(ascii: "\"") else {
                throw Failure(offset: i, reason: "se esperaba una clave entre comillas y se encontró \(describe(i))")
            }
            let (key, _) = try string()
            skipWhitespace()
            guard i < end, bytes[i] == UInt8(ascii: ":") else {
                throw Failure(offset: i, reason: "se esperaba ':' y se encontró \(describe(i))")
            }
            i += 1
            skipWhitespace()
            let value = try value(depth: depth)
            entries.append((String(decoding: key, as: UTF8.self), value))
            skipWhitespace()
            guard i < end else { throw Failure(offset: i, reason: "objeto sin cerrar: se esperaba ',' o '}'") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .map(entries) }
            throw Failure(offset: i, reason: "se esperaba ',' o '}' y se encontró \(describe(i))")
        }
    }

    mutating func array(depth: Int) throws(Failure) -> CollectionValue {
        i += 1 // [
        var items: [CollectionValue] = []
        skipWhitespace()
        if i < end && bytes[i] == UInt8(ascii: "]") { i += 1; return .list(items) }
        while true {
            skipWhitespace()
            items.append(try value(depth: depth))
            skipWhitespace()
            guard i < end else { throw Failure(offset: i, reason: "lista sin cerrar: se esperaba ',' o ']'") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .list(items) }
            throw Failure(offset: i, reason: "se esperaba ',' o ']' y se encontró \(describe(i))")
        }
    }

    /// A string at `i` (on its opening quote): its UTF-8 value and the segments that map it back.
    mutating func string() throws(Failure) -> ([UInt8], [Document.Segment]) {
        let open = i
        i += 1
        var out = SegmentBuilder()
        var run = i
        while true {
            guard i < end else { throw Failure(offset: open, reason: "cadena sin cerrar") }
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                out.copy(bytes, from: run, length: i - run)
                i += 1
                return (out.text, out.segments)
            }
            if c < 0x20 {
                throw Failure(offset: i, reason: c == 0x0A || c == 0x0D
                              ? "salto de línea dentro de una cadena (escríbalo como \\n)"
                              : "carácter de control dentro de una cadena")
            }
            if c != UInt8(ascii: "\\") { i += 1; continue }
            out.copy(bytes, from: run, length: i - run)
            let escape = i
            guard i + 1 < end else { throw Failure(offset: open, reason: "cadena sin cerrar") }
            let decoded: [UInt8]
            switch bytes[i + 1] {
            case UInt8(ascii: "\""): decoded = [0x22]; i += 2
            case UInt8(ascii: "\\"): decoded = [0x5C]; i += 2
            case UInt8(ascii: "/"): decoded = [0x2F]; i += 2
            case UInt8(ascii: "b"): decoded = [0x08]; i += 2
            case UInt8(ascii: "f"): decoded = [0x0C]; i += 2
            case UInt8(ascii: "n"): decoded = [0x0A]; i += 2
            case UInt8(ascii: "r"): decoded = [0x0D]; i += 2
            case UInt8(ascii: "t"): decoded = [0x09]; i += 2
            case UInt8(ascii: "u"):
                guard let unit = hex4(at: i + 2) else { throw Failure(offset: escape, reason: "escape \\u no válido: se esperaban cuatro cifras hexadecimales") }
                i += 6
                var scalar = Unicode.Scalar(unit)
                if unit >= 0xD800 && unit <= 0xDBFF, i + 1 < end, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                   let low = hex4(at: i + 2), low >= 0xDC00 && low <= 0xDFFF {
                    scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    i += 6
                }
                // A lone surrogate cannot be UTF-8: it reads as U+FFFD, as most JSON readers do.
                decoded = Array(String(Character(scalar ?? "\u{FFFD}")).utf8)
            default:
                throw Failure(offset: escape, reason: "escape no válido \\\(describe(i + 1).trimmingQuotes)")
            }
            out.emit(decoded, fileStart: escape, fileLength: i - escape)
            run = i
        }
    }

    func hex4(at start: Int) -> UInt32? {
        guard start + 4 <= end else { return nil }
        var value: UInt32 = 0
        for k in start..<(start + 4) {
            let c = bytes[k]
            let digit: UInt32
            switch c {
            case 0x30...0x39: digit = UInt32(c - 0x30)
            case 0x41...0x46: digit = UInt32(c - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(c - 0x61 + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }
}

private extension String {
    var trimmingQuotes: String {
        hasPrefix("'") && hasSuffix("'") && count >= 3 ? String(dropFirst().dropLast()) : self
    }
}
