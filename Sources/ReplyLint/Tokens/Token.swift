/// What a token is. Rules pick the kinds they care about; spelling, for one, reads `word` only.
public enum TokenKind: String, Sendable, CaseIterable {
    case word
    case number
    case url
    case email
    case mention
    case hashtag
    case emoji
    /// A template slot such as `{{nombre}}`, `{pedido}`, `%s`, `${x}` or `[NOMBRE]`.
    case placeholder
    case punctuation
    /// Anything else that is not a space: currency signs, math symbols, arrows...
    case symbol
}

/// What a token's letters look like, computed once by the tokenizer so that rules need not
/// walk the token's characters again.
public struct TokenShape: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Every byte is ASCII.
    public static let ascii = TokenShape(rawValue: 1)
    /// At least one decimal digit.
    public static let digit = TokenShape(rawValue: 2)
    /// At least one uppercase letter.
    public static let upper = TokenShape(rawValue: 4)
    /// At least one lowercase letter.
    public static let lower = TokenShape(rawValue: 8)
    /// The first scalar is an uppercase letter.
    public static let initialUpper = TokenShape(rawValue: 16)
    /// Two uppercase letters or more.
    public static let upperPair = TokenShape(rawValue: 32)
}

/// The texts of a token: as written, lowercased and accent-folded, with their shape. Tokens with the same
/// text share one (the tokenizer's `WordTable` keeps one per distinct word), so that a token holds one
/// reference where it held three strings: copying or freeing a token is one reference count instead of
/// three, and a token takes 40 bytes instead of 80 (the rules' passes over a document's tokens read half
/// the memory).
public final class TokenText: Sendable {
    /// First, beside the object's reference count: making a token reads it and retains the object, and
    /// for a word met rarely the two then wait for one cache miss, not two.
    public let shape: TokenShape
    /// The token as written.
    public let text: String
    /// Lowercased with the locale's rules.
    public let lower: String
    /// Lowercased with accents and diaeresis dropped (`ñ` stays: it is another letter).
    public let folded: String

    public init(text: String, lower: String, folded: String, shape: TokenShape? = nil) {
        self.text = text
        self.lower = lower
        self.folded = folded
        self.shape = shape ?? TokenShape.of(text)
    }
}

/// One token of a document. `range` is in UTF-8 bytes of the document text.
public struct Token: Sendable, Equatable {
    public var range: Range<Int>
    /// The token's texts, shared with every token of the same text.
    public let texts: TokenText
    /// Index of the sentence holding the token.
    public var sentence: Int
    public var kind: TokenKind
    /// True when white space (or the start of the text) comes right before the token.
    public var spaceBefore: Bool
    /// `texts.shape`, copied into the token: the rules ask it of nearly every token, and read here it
    /// costs no trip to the shared object.
    public var shape: TokenShape
    /// The token's id in its tokenizer's `WordTable` (-1 when it has none): tokens with equal text have
    /// equal ids. Rules use it only through `RuleContext.wordMemo(_:)`, which knows the table.
    public var word: Int32 = -1

    /// The token as written.
    @inline(__always) public var text: String { texts.text }
    /// Lowercased with the locale's rules.
    @inline(__always) public var lower: String { texts.lower }
    /// Lowercased with accents and diaeresis dropped (`ñ` stays: it is another letter).
    @inline(__always) public var folded: String { texts.folded }

    public init(kind: TokenKind, range: Range<Int>, text: String, lower: String, folded: String,
                sentence: Int, spaceBefore: Bool, shape: TokenShape? = nil, word: Int32 = -1) {
        self.init(kind: kind, range: range, texts: TokenText(text: text, lower: lower, folded: folded, shape: shape),
                  sentence: sentence, spaceBefore: spaceBefore, word: word)
    }

    /// A token of texts made before (the word table's, shared by the tokens of one word).
    public init(kind: TokenKind, range: Range<Int>, texts: TokenText, sentence: Int, spaceBefore: Bool, word: Int32 = -1) {
        self.word = word
        self.kind = kind
        self.range = range
        self.texts = texts
        self.sentence = sentence
        self.spaceBefore = spaceBefore
        self.shape = texts.shape
    }

    /// Equal kind, place, text and context; the word id is a detail of the tokenizer that made it.
    public static func == (a: Token, b: Token) -> Bool {
        a.kind == b.kind && a.range == b.range && a.sentence == b.sentence && a.spaceBefore == b.spaceBefore
            && a.shape == b.shape
            && (a.texts === b.texts || (a.text == b.text && a.lower == b.lower && a.folded == b.folded))
    }

    /// Every cased letter is uppercase and there are at least two of them (`IVA`, `HOLA`).
    public var isAllCaps: Bool {
        shape.contains(.upperPair) && !shape.contains(.lower)
    }

    /// The first letter is uppercase.
    public var isCapitalized: Bool { shape.contains(.initialUpper) }
}

extension TokenShape {
    /// The shape of a string: one pass over its bytes, scalar properties only for non-ASCII.
    public static func of(_ text: String) -> TokenShape {
        // Most tokens are ASCII: their bytes say it all, without decoding scalars.
        var shape: TokenShape = .ascii
        var uppers = 0
        var first = true
        for byte in text.utf8 {
            if byte >= 0x80 { return ofScalars(text) }
            if byte >= 0x30 && byte <= 0x39 { shape.insert(.digit) }
            else if byte >= 0x41 && byte <= 0x5A { shape.insert(.upper); uppers += 1; if first { shape.insert(.initialUpper) } }
            else if byte >= 0x61 && byte <= 0x7A { shape.insert(.lower) }
            first = false
        }
        if uppers >= 2 { shape.insert(.upperPair) }
        return shape
    }

    /// The same, scalar by scalar, for a text that is not all ASCII.
    static func ofScalars(_ text: String) -> TokenShape {
        var shape: TokenShape = .ascii
        var first = true
        var uppers = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if v >= 0x30 && v <= 0x39 { shape.insert(.digit) }
                else if v >= 0x41 && v <= 0x5A { shape.insert(.upper); uppers += 1; if first { shape.insert(.initialUpper) } }
                else if v >= 0x61 && v <= 0x7A { shape.insert(.lower) }
            } else {
                shape.remove(.ascii)
                let properties = scalar.properties
                if properties.isUppercase { shape.insert(.upper); uppers += 1; if first { shape.insert(.initialUpper) } }
                else if properties.isLowercase { shape.insert(.lower) }
                else if properties.numericType == .decimal { shape.insert(.digit) }
            }
            first = false
        }
        if uppers >= 2 { shape.insert(.upperPair) }
        return shape
    }
}

/// A sentence as found by ICU's sentence iterator; `range` in UTF-8 bytes of the document text,
/// `tokens` the indexes of its tokens.
public struct Sentence: Sendable, Equatable {
    public var range: Range<Int>
    public var tokens: Range<Int>
}

/// A set of bytes as a 256-bit table: membership is one shift and mask, with none of the hashing a
/// `Set<UInt8>` does on every look-up (these are asked once per token).
struct ByteSet: Sendable {
    private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for b in bytes { insert(b) }
    }

    init(_ text: String) { self.init(text.utf8) }

    mutating func insert(_ b: UInt8) {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: bits.0 |= bit
        case 1: bits.1 |= bit
        case 2: bits.2 |= bit
        default: bits.3 |= bit
        }
    }

    @inline(__always) func contains(_ b: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: return bits.0 & bit != 0
        case 1: return bits.1 & bit != 0
        case 2: return bits.2 & bit != 0
        default: return bits.3 & bit != 0
        }
    }
}
