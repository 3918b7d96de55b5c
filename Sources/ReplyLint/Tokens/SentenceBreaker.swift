import ByteScan
import ICUShim

/// Sentence boundaries by the rules of UAX #29 (SB1 to SB11), on ICU's Sentence_Break data.
///
/// ICU's sentence iterator finds the same boundaries, but it runs its state machine over every
/// character of the text, which cost replylint a fifth as much as the word breaking it needs anyway.
/// A boundary can only follow a paragraph separator or a run that starts with `.`, `?`, `!` (or
/// another terminator); this walks the text with a byte table for the scalars below U+0800 and
/// applies the rules at those places only. `TokenizerTests` compares it with ICU's iterator on
/// generated texts that mix every class, and on the bundled examples.
enum SentenceBreaker {
    /// ICU's USentenceBreak values.
    enum Class: UInt8 {
        case other = 0, aTerm, close, format, lower, numeric, oLetter, sep, sp, sTerm, upper, cr, extend, lf, sContinue
    }

    /// The classes of U+0000 to U+07FF, read once from ICU (the scalars of one or two UTF-8 bytes).
    private static let table: [UInt8] = (0..<0x800).map { UInt8(truncatingIfNeeded: rl_sentence_break(Int32($0))) }

    /// The scalars below U+0800 that no rule treats apart from the others (every class but the
    /// separators, Extend, Format and the terminators): one after another, only the last one's class
    /// matters. ASCII letters, digits, spaces, commas and brackets are of them, and so are accented
    /// letters, `ñ`, `¿`, `«`: a Spanish text is walked in runs of them.
    private static let simple: [Bool] = table.map { raw in
        guard let c = Class(rawValue: raw) else { return true }
        return !(c == .cr || c == .lf || c == .sep || c == .extend || c == .format || c == .aTerm || c == .sTerm)
    }

    /// The end offset of every sentence of the text, in order; the last is the text's length
    /// (none for an empty text).
    static func ends(_ text: UnsafeBufferPointer<UInt8>) -> [Int] {
        var ends: [Int] = []
        let n = text.count
        guard n > 0, let base = text.baseAddress else { return ends }
        let table = Self.table, simple = Self.simple
        table.withUnsafeBufferPointer { table in simple.withUnsafeBufferPointer { simple in
            /// The scalar of two bytes at `i` when they are a well-formed one (a lead byte C2 to DF and a
            /// continuation byte), else nil.
            @inline(__always) func twoByte(_ i: Int) -> Int? {
                let lead = text[i]
                guard lead >= 0xC2 && lead < 0xE0 && i + 1 < n && text[i + 1] & 0xC0 == 0x80 else { return nil }
                return Int(lead & 0x1F) << 6 | Int(text[i + 1] & 0x3F)
            }
            /// The length in bytes of the scalar at `i` when it is one of `simple`'s, else nil.
            @inline(__always) func simpleLength(_ i: Int) -> Int? {
                let lead = text[i]
                if lead < 0x80 { return simple[Int(lead)] ? 1 : nil }
                guard let scalar = twoByte(i), simple[scalar] else { return nil }
                return 2
            }
            /// The class of the scalar at `i` and its length in bytes.
            @inline(__always) func at(_ i: Int) -> (Class, Int) {
                let lead = text[i]
                if lead < 0x80 { return (Class(rawValue: table[Int(lead)]) ?? .other, 1) }
                let length = Tokenizer.scalarLength(lead)
                let scalar = Tokenizer.scalar(text, at: i)
                let raw = scalar < 0x800 ? table[Int(scalar)] : UInt8(truncatingIfNeeded: rl_sentence_break(Int32(bitPattern: scalar)))
                return (Class(rawValue: raw) ?? .other, length)
            }
            /// Past the Extend and Format scalars at `i` (SB5: they belong to the scalar before them).
            @inline(__always) func skipAttached(_ i: Int) -> Int {
                var i = i
                while i < n {
                    let (c, length) = at(i)
                    guard c == .extend || c == .format else { break }
                    i += length
                }
                return i
            }
            /// Past a paragraph separator at `i` (CR LF is one: SB3).
            @inline(__always) func pastSeparator(_ c: Class, _ i: Int, _ length: Int) -> Int {
                if c == .cr && i + 1 < n && text[i + 1] == 0x0A { return i + 2 }
                return i + length
            }

            /// Whether a rule keeps the sentence going after a terminator run (SB6, SB7, SB8, SB8a).
            func holds(_ terminator: Class, before: Class, closed: Bool, spaced: Bool, next: Class, from j: Int) -> Bool {
                if next == .sContinue || next == .aTerm || next == .sTerm { return true }  // SB8a
                guard terminator == .aTerm else { return false }
                if !closed && !spaced {
                    if next == .numeric { return true }  // SB6
                    if next == .upper && (before == .upper || before == .lower) { return true }  // SB7
                }
                // SB8: a lowercase letter comes before any other letter, separator or terminator.
                var k = j
                while k < n {
                    let (c, l) = at(k)
                    switch c {
                    case .lower: return true
                    case .oLetter, .upper, .sep, .cr, .lf, .aTerm, .sTerm: return false
                    default: k += l
                    }
                }
                return false
            }

            var i = 0
            // The class of the last scalar that counts (SB5), for SB7's letter before a full stop.
            var previous = Class.other
            // At the start of the text or after a separator, Extend and Format count as characters.
            var fresh = true
            while i < n {
                // The scalars no rule singles out, the bulk of any text, in a tight loop: only the class
                // of the last of them matters.
                if let first = simpleLength(i) {
                    var j = i + first
                    while true {
                        // Letters, digits and spaces sixteen at a time, then the other scalars one by one.
                        j += rl_letters_prefix(base + j, n - j)
                        guard j < n, let length = simpleLength(j) else { break }
                        j += length
                    }
                    // The last scalar of the run: one ASCII byte, or the two of a scalar `twoByte` read.
                    let last = text[j - 1] < 0x80 ? Int(text[j - 1]) : twoByte(j - 2) ?? 0
                    previous = Class(rawValue: table[last]) ?? .other
                    fresh = false
                    i = j
                    continue
                }
                let (c, length) = at(i)
                switch c {
                case .cr, .lf, .sep:
                    i = pastSeparator(c, i, length)
                    ends.append(i)  // SB4
                    previous = .other
                    fresh = true
                case .extend, .format:
                    if fresh { previous = c; fresh = false }
                    i += length
                case .aTerm, .sTerm:
                    fresh = false
                    let before = previous
                    var j = skipAttached(i + length)
                    var closed = false, spaced = false
                    while j < n {
                        let (k, l) = at(j)
                        guard k == .close else { break }
                        closed = true
                        j = skipAttached(j + l)
                    }
                    while j < n {
                        let (k, l) = at(j)
                        guard k == .sp else { break }
                        spaced = true
                        j = skipAttached(j + l)
                    }
                    previous = spaced ? .sp : closed ? .close : c
                    if j >= n { i = j; break }
                    let (next, nextLength) = at(j)
                    if next == .cr || next == .lf || next == .sep {
                        // SB9, SB10: the separator ends this sentence (SB4).
                        i = pastSeparator(next, j, nextLength)
                        ends.append(i)
                        previous = .other
                        fresh = true
                        break
                    }
                    if !holds(c, before: before, closed: closed, spaced: spaced, next: next, from: j) {
                        ends.append(j)  // SB11
                    }
                    // The scalar at j is read again by the loop: it may start a run of its own.
                    i = j
                default:
                    previous = c
                    fresh = false
                    i += length
                }
            }
        } }
        if ends.last != n { ends.append(n) }
        return ends
    }
}
