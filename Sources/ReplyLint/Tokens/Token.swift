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

/// One token of a document. `range` is in UTF-8 bytes of the document text.
public struct Token: Sendable, Equatable {
    public var kind: TokenKind
    public var range: Range<Int>
    /// The token as written.
    public var text: String
    /// Lowercased with the locale's rules.
    public var lower: String
    /// Lowercased with accents and diaeresis dropped (`ñ` stays: it is another letter).
    public var folded: String
    /// Index of the sentence holding the token.
    public var sentence: Int
    /// True when white space (or the start of the text) comes right before the token.
    public var spaceBefore: Bool

    public init(kind: TokenKind, range: Range<Int>, text: String, lower: String, folded: String,
                sentence: Int, spaceBefore: Bool) {
        self.kind = kind
        self.range = range
        self.text = text
        self.lower = lower
        self.folded = folded
        self.sentence = sentence
        self.spaceBefore = spaceBefore
    }

    /// Every letter is uppercase and there are at least two letters (`IVA`, `HOLA`).
    public var isAllCaps: Bool {
        var letters = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if !scalar.properties.isUppercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// The first letter is uppercase.
    public var isCapitalized: Bool {
        text.unicodeScalars.first?.properties.isUppercase ?? false
    }
}

/// A sentence as found by ICU's sentence iterator; `range` in UTF-8 bytes of the document text,
/// `tokens` the indexes of its tokens.
public struct Sentence: Sendable, Equatable {
    public var range: Range<Int>
    public var tokens: Range<Int>
}
