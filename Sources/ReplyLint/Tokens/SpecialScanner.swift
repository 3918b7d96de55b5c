import ByteScan

/// Finds the spans that ICU's word iterator would cut into pieces: template slots, URLs,
/// e-mail addresses, @mentions and #hashtags. Works on bytes; ASCII decisions only, with
/// Unicode letters accepted inside hashtags and mentions.
enum SpecialScanner {
    /// The conversion letters of a printf-style placeholder (`%s`, `%d`, `%1$s`).
    static let conversions = ByteSet("sdifu@")

    struct Span: Equatable {
        var kind: TokenKind
        var range: Range<Int>
    }

    /// Top-level domains that make a bare `name.tld` a link rather than a word.
    static let domains: Set<String> = [
        "com", "es", "mx", "ar", "co", "cl", "pe", "ve", "uy", "ec", "bo", "py", "cr", "gt", "do", "pr",
        "net", "org", "info", "io", "ly", "me", "app", "gob", "gov", "edu", "eu", "tv", "biz", "shop", "store",
    ]

    /// Each byte's classes, as bits: `word` (`isWordByte`), `url` (`isURLByte`), `alnum` (an ASCII letter,
    /// digit or underscore). One load answers what several compares did, for nearly every byte of a text.
    static let wordBit: UInt8 = 1, urlBit: UInt8 = 2, alnumBit: UInt8 = 4
    static let byteClasses: [UInt8] = (0...255).map { value in
        let c = UInt8(value)
        return (isWordByte(c) ? wordBit : 0) | (classifyURLByte(c) ? urlBit : 0)
            | (isAlnum(c) || c == UInt8(ascii: "_") ? alnumBit : 0)
    }

    /// The spans of a text, in order. With `skipping` (the default), the bytes before the run of URL
    /// bytes that holds the next `.`, `:`, `@`, `#`, `{`, `$`, `%` or `[` are passed over sixteen at a
    /// time: every span holds one of those bytes and starts no earlier than that run (a link is a run
    /// of URL bytes, the other spans start at the byte itself), and where the scan stands depends on
    /// the bytes alone, so it goes on from there as if it had walked them. Without it, every byte is
    /// walked (the tests compare the two).
    static func scan(_ text: [UInt8], skipping: Bool = true) -> [Span] {
        var spans: [Span] = []
        byteClasses.withUnsafeBufferPointer { classes in
        text.withUnsafeBufferPointer { b in
            let n = b.count
            guard let base = b.baseAddress else { return }
            let wordBit = Self.wordBit, urlBit = Self.urlBit, alnumBit = Self.alnumBit
            @inline(__always) func has(_ i: Int, _ bit: UInt8) -> Bool { classes[Int(b[i])] & bit != 0 }
            var i = 0
            // The next byte a span may hold, once looked for; the scan walks from the start of its run.
            var trigger = -1
            while i < n {
                if skipping && i > trigger {
                    trigger = i + rl_special_free_prefix(base + i, n - i)
                    if trigger >= n { break }
                    var start = trigger
                    while start > i && has(start - 1, urlBit) { start -= 1 }
                    i = start
                }
                let c = b[i]
                if has(i, wordBit) {
                    // A word: only its first byte may start a span (a link); the bytes after it are
                    // passed over in a tight loop.
                    if (i == 0 || !has(i - 1, wordBit)) && has(i, urlBit) {
                        // A link needs a dot, colon or at sign in its run of URL bytes. When the letters
                        // and digits that open the word are followed by no URL byte at all (a space, an
                        // accented letter), the run is those letters alone, and holds none.
                        var j = i + 1
                        while j < n && has(j, alnumBit) { j += 1 }
                        if j < n && has(j, urlBit), let span = link(b, i) {
                            spans.append(span)
                            i = span.range.upperBound
                            continue
                        }
                        i = j
                    } else {
                        i += 1
                    }
                    while i < n && has(i, wordBit) { i += 1 }
                    continue
                }
                let atStart = i == 0 || !has(i - 1, wordBit)
                var found: Span?
                switch c {
                case UInt8(ascii: "{"):
                    found = placeholderBrace(b, i)
                case UInt8(ascii: "$"):
                    if i + 1 < n && b[i + 1] == UInt8(ascii: "{") { found = closing(b, i, from: i + 2, close: "}", kind: .placeholder) }
                case UInt8(ascii: "%"):
                    found = printfSlot(b, i)
                case UInt8(ascii: "["):
                    found = bracketSlot(b, i)
                case UInt8(ascii: "@"):
                    if atStart, let end = handleEnd(b, i + 1), end > i + 1 { found = Span(kind: .mention, range: i..<end) }
                case UInt8(ascii: "#"):
                    if atStart, let end = handleEnd(b, i + 1), end > i + 1, !allDigits(b, i + 1..<end) {
                        found = Span(kind: .hashtag, range: i..<end)
                    }
                default:
                    if atStart && has(i, urlBit) { found = link(b, i) }
                }
                if let span = found {
                    spans.append(span)
                    i = span.range.upperBound
                } else {
                    i += 1
                }
            }
        }
        }
        return spans
    }

    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    /// ASCII letters, digits, underscore and any byte of a multi-byte scalar.
    @inline(__always) static func isWordByte(_ c: UInt8) -> Bool {
        isAlnum(c) || c == UInt8(ascii: "_") || c >= 0x80
    }

    /// The bytes `isURLByte` accepts, as a table: asked for nearly every byte of a text.
    static let urlBytes = ByteSet((0...255).map(UInt8.init).filter(classifyURLByte))

    @inline(__always) static func isURLByte(_ c: UInt8) -> Bool { urlBytes.contains(c) }

    static func classifyURLByte(_ c: UInt8) -> Bool {
        if isAlnum(c) { return true }
        switch c {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ":"),
             UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "@"), UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","),
             UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    static func allDigits(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for i in range where !(b[i] >= 0x30 && b[i] <= 0x39) { return false }
        return true
    }

    /// End of a handle body: letters (any script), digits, underscore.
    static func handleEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        var i = start
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                if isAlnum(c) || c == UInt8(ascii: "_") { i += 1; continue }
                break
            }
            let scalar = Tokenizer.scalar(b, at: i)
            guard let s = Unicode.Scalar(scalar), s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark else { break }
            i += Tokenizer.scalarLength(c)
        }
        return i
    }

    /// `{{ nombre }}`, `{nombre}`, `{0}`.
    static func placeholderBrace(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Span? {
        if i + 1 < b.count && b[i + 1] == UInt8(ascii: "{") {
            var j = i + 2
            while j + 1 < b.count && j - i < 80 {
                if b[j] == 0x0A || b[j] == 0x0D { return nil }
                if b[j] == UInt8(ascii: "}") && b[j + 1] == UInt8(ascii: "}") {
                    return j > i + 2 ? Span(kind: .placeholder, range: i..<(j + 2)) : nil
                }
                j += 1
            }
            return nil
        }
        var j = i + 1
        while j < b.count && j - i < 60 {
            let c = b[j]
            if c == UInt8(ascii: "}") { return j > i + 1 ? Span(kind: .placeholder, range: i..<(j + 1)) : nil }
            if !(isAlnum(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c >= 0x80) { return nil }
            j += 1
        }
        return nil
    }

    static func closing(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, from: Int, close: Character, kind: TokenKind) -> Span? {
        let target = close.asciiValue!
        var j = from
        while j < b.count && j - i < 80 {
            if b[j] == 0x0A || b[j] == 0x0D { return nil }
            if b[j] == target { return j > from ? Span(kind: kind, range: i..<(j + 1)) : nil }
            j += 1
        }
        return nil
    }

    /// `%s`, `%d`, `%1$s`, `%(nombre)s`; never `50 %` or `20% de descuento`.
    static func printfSlot(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Span? {
        var j = i + 1
        guard j < b.count else { return nil }
        if b[j] == UInt8(ascii: "(") {
            guard let span = closing(b, i, from: j + 1, close: ")", kind: .placeholder) else { return nil }
            j = span.range.upperBound
        } else {
            var k = j
            while k < b.count && b[k] >= 0x30 && b[k] <= 0x39 { k += 1 }
            if k > j && k < b.count && b[k] == UInt8(ascii: "$") { j = k + 1 }
        }
        guard j < b.count else { return nil }
        guard SpecialScanner.conversions.contains(b[j]) else { return nil }
        let end = j + 1
        if end < b.count && isWordByte(b[end]) { return nil }
        return Span(kind: .placeholder, range: i..<end)
    }

    /// `[NOMBRE]`, `[NUMERO_PEDIDO]`: capitals, digits and underscores only.
    static func bracketSlot(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Span? {
        var j = i + 1
        var letters = 0
        while j < b.count && j - i < 60 {
            let c = b[j]
            if c == UInt8(ascii: "]") { return letters >= 2 ? Span(kind: .placeholder, range: i..<(j + 1)) : nil }
            if c >= 0x41 && c <= 0x5A { letters += 1; j += 1; continue }
            if c >= 0x80 {
                let scalar = Tokenizer.scalar(b, at: j)
                guard let s = Unicode.Scalar(scalar), s.properties.isUppercase else { return nil }
                letters += 1
                j += Tokenizer.scalarLength(c)
                continue
            }
            if c == UInt8(ascii: "_") || (c >= 0x30 && c <= 0x39) { j += 1; continue }
            return nil
        }
        return nil
    }

    /// An URL (`https://…`, `www.…`), an e-mail address, or a bare `name.tld[/path]`.
    static func link(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Span? {
        var j = i
        while j < b.count && isURLByte(b[j]) { j += 1 }
        // Trailing punctuation belongs to the sentence, not to the link.
        while j > i {
            let c = b[j - 1]
            if c == UInt8(ascii: ".") || c == UInt8(ascii: ",") || c == UInt8(ascii: ";") || c == UInt8(ascii: ":")
                || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") || c == UInt8(ascii: "'") || c == UInt8(ascii: "*") {
                j -= 1
            } else if c == UInt8(ascii: ")") || c == UInt8(ascii: "]") {
                let open: UInt8 = c == UInt8(ascii: ")") ? UInt8(ascii: "(") : UInt8(ascii: "[")
                var balance = 0
                for k in i..<j { if b[k] == open { balance += 1 } else if b[k] == c { balance -= 1 } }
                if balance < 0 { j -= 1 } else { break }
            } else {
                break
            }
        }
        guard j > i else { return nil }
        // Most runs hold no dot, colon or at sign: nothing more to look at then.
        var marked = false
        for k in i..<j where b[k] == UInt8(ascii: ".") || b[k] == UInt8(ascii: ":") || b[k] == UInt8(ascii: "@") {
            marked = true
            break
        }
        guard marked else { return nil }
        // The run is ASCII (`isURLByte` takes no other byte): its length is its count of characters.
        let length = j - i
        if hasPrefix(b, i, j, "http://") || hasPrefix(b, i, j, "https://") {
            return length > 8 ? Span(kind: .url, range: i..<j) : nil
        }
        if hasPrefix(b, i, j, "www.") && length > 5 { return Span(kind: .url, range: i..<j) }
        if b[i..<j].contains(UInt8(ascii: "@")) {
            return address(b, i, j)
        }
        return bareDomain(b, i, j) ? Span(kind: .url, range: i..<j) : nil
    }

    /// `b[i..<j]` starts with `prefix` (lowercase ASCII), in any case.
    static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ j: Int, _ prefix: StaticString) -> Bool {
        guard j - i >= prefix.utf8CodeUnitCount else { return false }
        let p = prefix.utf8Start
        for k in 0..<prefix.utf8CodeUnitCount where b[i + k] | (isUpperASCII(b[i + k]) ? 0x20 : 0) != p[k] {
            return false
        }
        return true
    }

    @inline(__always) static func isUpperASCII(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }

    /// A bare `name.tld[/path]`: before the first `/`, `?` or `#`, labels of letters, digits and
    /// hyphens, none empty, at least two, the last a known top-level domain.
    static func bareDomain(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ j: Int) -> Bool {
        var hostEnd = i
        while hostEnd < j && b[hostEnd] != UInt8(ascii: "/") && b[hostEnd] != UInt8(ascii: "?") && b[hostEnd] != UInt8(ascii: "#") {
            hostEnd += 1
        }
        var labels = 0
        var labelStart = i
        for k in i...hostEnd {
            if k == hostEnd || b[k] == UInt8(ascii: ".") {
                guard k > labelStart else { return false }
                labels += 1
                if k < hostEnd { labelStart = k + 1 }
                continue
            }
            let c = b[k]
            guard isAlnum(c) || c == UInt8(ascii: "-") else { return false }
        }
        guard labels >= 2 else { return false }
        var tld = ""
        for k in labelStart..<hostEnd { tld.unicodeScalars.append(Unicode.Scalar(b[k] | (isUpperASCII(b[k]) ? 0x20 : 0))) }
        return domains.contains(tld)
    }

    /// An e-mail address in the run `b[i..<j]`, which holds an at sign.
    static func address(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ j: Int) -> Span? {
        let run = String(decoding: UnsafeBufferPointer(rebasing: b[i..<j]), as: UTF8.self)
        guard let at = run.utf8.firstIndex(of: UInt8(ascii: "@")) else { return nil }
        let local = run.utf8[run.utf8.startIndex..<at]
        let domain = run.utf8[run.utf8.index(after: at)...]
        guard !local.isEmpty, domain.contains(UInt8(ascii: ".")) else { return nil }
        let parts = String(decoding: domain, as: UTF8.self).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }),
              let tld = parts.last, tld.count >= 2, tld.allSatisfy({ $0.isLetter }) else { return nil }
        // The address ends where the domain does.
        let domainLength = parts.joined(separator: ".").utf8.count
        return Span(kind: .email, range: i..<(i + local.count + 1 + domainLength))
    }
}
