/// How a YAML scalar is written in the file.
enum YAMLScalarStyle: Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// Finds where each byte of a YAML scalar's value comes from in the file.
///
/// The YAML parser gives a scalar's value and the position where its node starts; this scans the
/// scalar's source again from there, following the YAML rules for each style (escapes, quotes
/// written twice, line folding, block indentation and chomping), and builds the text with its
/// segments. The rebuilt text must equal the parser's value byte for byte; when it does not (a
/// construct this scanner does not follow), the caller maps the whole value to the scalar's start
/// rather than risk a wrong position.
///
/// Line breaks recognised: LF, CRLF and CR. YAML 1.1 also breaks lines at U+0085, U+2028 and
/// U+2029; a scalar that spans one of those falls back to its start.
enum YAMLScalarLocator {
    static func locate(_ bytes: [UInt8], start: Int, style: YAMLScalarStyle, value: [UInt8]) -> SegmentBuilder? {
        guard start >= 0 && start <= bytes.count else { return nil }
        let content = skipProperties(bytes, start)
        let built: SegmentBuilder?
        switch style {
        case .plain: built = plain(bytes, content, value)
        case .singleQuoted, .doubleQuoted: built = quoted(bytes, content, single: style == .singleQuoted)
        case .literal, .folded: built = block(bytes, content, value)
        }
        guard let built, built.text == value else { return nil }
        return built
    }

    // MARK: Characters

    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
    @inline(__always) static func isBreak(_ c: UInt8) -> Bool { c == 0x0A || c == 0x0D }

    /// Length of the line break at `i` (CRLF is one break), 0 when there is none.
    @inline(__always) static func breakLength(_ b: [UInt8], _ i: Int) -> Int {
        guard i < b.count else { return 0 }
        if b[i] == 0x0D { return i + 1 < b.count && b[i + 1] == 0x0A ? 2 : 1 }
        return b[i] == 0x0A ? 1 : 0
    }

    static func lineEnd(_ b: [UInt8], _ i: Int) -> Int {
        var j = i
        while j < b.count && !isBreak(b[j]) { j += 1 }
        return j
    }

    /// Skips an anchor (`&name`), a tag (`!tag`, `!<...>`) and the blanks, comments and line
    /// breaks after them: a node's position is that of its first property.
    static func skipProperties(_ b: [UInt8], _ start: Int) -> Int {
        var i = start
        while i < b.count && (b[i] == UInt8(ascii: "&") || b[i] == UInt8(ascii: "!")) {
            if b[i] == UInt8(ascii: "!") && i + 1 < b.count && b[i + 1] == UInt8(ascii: "<") {
                while i < b.count && b[i] != UInt8(ascii: ">") && !isBreak(b[i]) { i += 1 }
                if i < b.count && b[i] == UInt8(ascii: ">") { i += 1 }
            } else {
                while i < b.count && !isBlank(b[i]) && !isBreak(b[i]) { i += 1 }
            }
            while i < b.count {
                if isBlank(b[i]) || isBreak(b[i]) {
                    i += 1
                } else if b[i] == UInt8(ascii: "#") {
                    i = lineEnd(b, i)
                } else {
                    break
                }
            }
        }
        return i
    }

    // MARK: Plain scalars

    /// A plain scalar, guided by its value: each line's content is copied as it is, and the
    /// break between two lines folds to a space (one break) or to n-1 newlines (n breaks).
    static func plain(_ b: [UInt8], _ start: Int, _ value: [UInt8]) -> SegmentBuilder? {
        var out = SegmentBuilder()
        var i = start
        var v = 0
        while v < value.count {
            let eol = lineEnd(b, i)
            var e = eol
            while e > i && isBlank(b[e - 1]) { e -= 1 }
            let remaining = value.count - v
            if remaining <= e - i {
                // The scalar ends on this line (a comment, a ': ' or a flow indicator may follow).
                guard b[i..<(i + remaining)].elementsEqual(value[v...]) else { return nil }
                out.copy(b, from: i, length: remaining)
                return out
            }
            guard b[i..<e].elementsEqual(value[v..<(v + e - i)]) else { return nil }
            out.copy(b, from: i, length: e - i)
            v += e - i
            var j = eol
            var breaks = 0
            while j < b.count {
                let k = breakLength(b, j)
                if k > 0 { breaks += 1; j += k } else if isBlank(b[j]) { j += 1 } else { break }
            }
            guard breaks > 0 && j < b.count else { return nil }
            let fold: [UInt8] = breaks == 1 ? [0x20] : Array(repeating: 0x0A, count: breaks - 1)
            guard value.count - v >= fold.count, value[v..<(v + fold.count)].elementsEqual(fold) else { return nil }
            out.emit(fold, fileStart: e, fileLength: j - e)
            v += fold.count
            i = j
        }
        return out
    }

    // MARK: Quoted scalars

    /// A single- or double-quoted scalar from its opening quote, as libyaml reads it.
    static func quoted(_ b: [UInt8], _ start: Int, single: Bool) -> SegmentBuilder? {
        let quote = single ? UInt8(ascii: "'") : UInt8(ascii: "\"")
        guard start < b.count && b[start] == quote else { return nil }
        var out = SegmentBuilder()
        var i = start + 1
        while true {
            guard i < b.count else { return nil }
            var leadingBlanks = false
            var blankStart = i
            // Characters up to the next blank or break.
            while i < b.count && !isBlank(b[i]) && !isBreak(b[i]) {
                let c = b[i]
                if single && c == quote && i + 1 < b.count && b[i + 1] == quote {
                    out.emit([quote], fileStart: i, fileLength: 2)
                    i += 2
                } else if c == quote {
                    break
                } else if !single && c == UInt8(ascii: "\\") && i + 1 < b.count && isBreak(b[i + 1]) {
                    // An escaped line break joins the lines with nothing between them.
                    blankStart = i
                    i += 1 + breakLength(b, i + 1)
                    leadingBlanks = true
                    break
                } else if !single && c == UInt8(ascii: "\\") {
                    guard let (decoded, length) = escape(b, i) else { return nil }
                    out.emit(decoded, fileStart: i, fileLength: length)
                    i += length
                } else {
                    out.copy(b, from: i, length: 1)
                    i += 1
                }
            }
            guard i < b.count else { return nil }
            if b[i] == quote && !leadingBlanks { return out }
            // Blanks and breaks: kept as they are inside a line, folded across lines.
            if !leadingBlanks { blankStart = i }
            var leadingBreak = false
            var trailingBreaks = 0
            while i < b.count && (isBlank(b[i]) || isBreak(b[i])) {
                if isBlank(b[i]) {
                    i += 1
                } else {
                    if !leadingBlanks {
                        leadingBreak = true
                        leadingBlanks = true
                    } else {
                        trailingBreaks += 1
                    }
                    i += breakLength(b, i)
                }
            }
            if leadingBlanks {
                let piece: [UInt8] = leadingBreak && trailingBreaks == 0 ? [0x20] : Array(repeating: 0x0A, count: trailingBreaks)
                out.emit(piece, fileStart: blankStart, fileLength: i - blankStart)
            } else {
                out.copy(b, from: blankStart, length: i - blankStart)
            }
        }
    }

    /// A double-quoted escape at `i` (on the backslash): its UTF-8 value and its length in the file.
    static func escape(_ b: [UInt8], _ i: Int) -> ([UInt8], Int)? {
        guard i + 1 < b.count else { return nil }
        let simple: [UInt8: UInt32] = [
            UInt8(ascii: "0"): 0, UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "t"): 9, 0x09: 9,
            UInt8(ascii: "n"): 10, UInt8(ascii: "v"): 11, UInt8(ascii: "f"): 12, UInt8(ascii: "r"): 13,
            UInt8(ascii: "e"): 0x1B, 0x20: 0x20, UInt8(ascii: "\""): 0x22, UInt8(ascii: "'"): 0x27,
            UInt8(ascii: "/"): 0x2F, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "N"): 0x85, UInt8(ascii: "_"): 0xA0,
            UInt8(ascii: "L"): 0x2028, UInt8(ascii: "P"): 0x2029,
        ]
        let c = b[i + 1]
        var code: UInt32
        var length = 2
        if let value = simple[c] {
            code = value
        } else {
            let digits: Int
            switch c {
            case UInt8(ascii: "x"): digits = 2
            case UInt8(ascii: "u"): digits = 4
            case UInt8(ascii: "U"): digits = 8
            default: return nil
            }
            guard i + 2 + digits <= b.count else { return nil }
            code = 0
            for k in (i + 2)..<(i + 2 + digits) {
                guard let d = hexDigit(b[k]) else { return nil }
                code = code << 4 | d
            }
            length += digits
        }
        guard let scalar = Unicode.Scalar(code) else { return nil }
        return (Array(String(Character(scalar)).utf8), length)
    }

    static func hexDigit(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: return UInt32(c - 0x30)
        case 0x41...0x46: return UInt32(c - 0x41 + 10)
        case 0x61...0x66: return UInt32(c - 0x61 + 10)
        default: return nil
        }
    }

    // MARK: Block scalars

    struct BlockHeader {
        var literal: Bool
        /// -1 strip (`-`), 0 clip, 1 keep (`+`).
        var chomping: Int
        var increment: Int?
        /// First byte of the line after the header.
        var contentStart: Int
    }

    static func header(_ b: [UInt8], _ start: Int) -> BlockHeader? {
        guard start < b.count, b[start] == UInt8(ascii: "|") || b[start] == UInt8(ascii: ">") else { return nil }
        var h = BlockHeader(literal: b[start] == UInt8(ascii: "|"), chomping: 0, increment: nil, contentStart: 0)
        var i = start + 1
        for _ in 0..<2 where i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                h.chomping = c == UInt8(ascii: "+") ? 1 : -1
                i += 1
            } else if c >= UInt8(ascii: "1") && c <= UInt8(ascii: "9") {
                h.increment = Int(c - 0x30)
                i += 1
            }
        }
        while i < b.count && isBlank(b[i]) { i += 1 }
        if i < b.count && b[i] == UInt8(ascii: "#") { i = lineEnd(b, i) }
        guard i == b.count || isBreak(b[i]) else { return nil }
        h.contentStart = i + breakLength(b, i)
        return h
    }

    /// A literal (`|`) or folded (`>`) block scalar from its indicator. The content indentation
    /// is detected as libyaml does; with an explicit indentation indicator it is the parent's
    /// indentation plus the indicator, and the parent's is found by trying each one the first
    /// content line allows until the text equals the value.
    static func block(_ b: [UInt8], _ start: Int, _ value: [UInt8]) -> SegmentBuilder? {
        guard let h = header(b, start) else { return nil }
        if let increment = h.increment {
            let firstIndent = leadingSpaces(b, firstContentLine(b, h.contentStart))
            // Parents nest a few levels deep; 256 columns is far beyond any real collection.
            for parent in 0...min(256, max(0, firstIndent - increment)) {
                if let built = blockBody(b, h, indent: parent + increment), built.text == value { return built }
            }
            return nil
        }
        return blockBody(b, h, indent: autoIndent(b, h.contentStart))
    }

    static func leadingSpaces(_ b: [UInt8], _ i: Int) -> Int {
        var j = i
        while j < b.count && b[j] == 0x20 { j += 1 }
        return j - i
    }

    /// Start of the first line that is not empty or blank.
    static func firstContentLine(_ b: [UInt8], _ start: Int) -> Int {
        var i = start
        while i < b.count {
            var j = i
            while j < b.count && isBlank(b[j]) { j += 1 }
            let k = breakLength(b, j)
            if k == 0 { return i }
            i = j + k
        }
        return i
    }

    /// libyaml's detection: the largest indentation among the leading empty lines and the
    /// first content line, at least 1.
    static func autoIndent(_ b: [UInt8], _ start: Int) -> Int {
        var i = start
        var maxIndent = 0
        while i < b.count {
            let spaces = leadingSpaces(b, i)
            maxIndent = max(maxIndent, spaces)
            let k = breakLength(b, i + spaces)
            if k == 0 { break }
            i += spaces + k
        }
        return max(maxIndent, 1)
    }

    /// Consumes indentation (up to `indent` spaces) and empty lines; returns the breaks seen.
    static func scanBreaks(_ b: [UInt8], _ i: inout Int, indent: Int) -> Int {
        var breaks = 0
        while true {
            let lineStart = i
            while i < b.count && i - lineStart < indent && b[i] == 0x20 { i += 1 }
            let k = breakLength(b, i)
            if k == 0 { return breaks }
            breaks += 1
            i += k
        }
    }

    static func blockBody(_ b: [UInt8], _ h: BlockHeader, indent: Int) -> SegmentBuilder? {
        var out = SegmentBuilder()
        var i = h.contentStart
        var joinStart = i
        var lineStart = i
        var trailingBreaks = scanBreaks(b, &i, indent: indent)
        var leadingBreak = false
        var leadingBlank = false
        while i < b.count {
            // Find this line's start to check that it is indented exactly `indent` spaces.
            lineStart = i
            while lineStart > 0 && !isBreak(b[lineStart - 1]) { lineStart -= 1 }
            guard i - lineStart == indent else { break }
            let trailingBlank = isBlank(b[i])
            var join: [UInt8] = []
            if !h.literal && leadingBreak && !leadingBlank && !trailingBlank {
                if trailingBreaks == 0 { join = [0x20] }
            } else if leadingBreak {
                join = [0x0A]
            }
            join += Array(repeating: 0x0A, count: trailingBreaks)
            out.emit(join, fileStart: joinStart, fileLength: i - joinStart)
            leadingBlank = trailingBlank
            let end = lineEnd(b, i)
            out.copy(b, from: i, length: end - i)
            i = end
            joinStart = i
            if i == b.count {
                leadingBreak = false
                trailingBreaks = 0
                break
            }
            leadingBreak = true
            i += breakLength(b, i)
            trailingBreaks = scanBreaks(b, &i, indent: indent)
        }
        var tail: [UInt8] = []
        if h.chomping != -1 && leadingBreak { tail.append(0x0A) }
        if h.chomping == 1 { tail += Array(repeating: 0x0A, count: trailingBreaks) }
        out.emit(tail, fileStart: joinStart, fileLength: max(0, min(i, b.count) - joinStart))
        return out
    }
}
