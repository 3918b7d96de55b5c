import Foundation

/// A quick "surely not" in front of a lexicon's word look-up: 2^16 bits set by a cheap hash of each
/// word's bytes (FNV-1a). A word of the lexicon always passes; nearly every other word is turned away
/// by one bit test, without the dictionary look-up, whose string hashing costs several times more.
/// Rules ask it once per token, and most tokens are not in any one lexicon.
///
/// Words are compared as bytes of their NFC form: the tokenizer gives `lower` and `folded` in NFC,
/// and the lexicon's words are put in NFC here, so canonically equal spellings meet.
struct WordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)

    init<S: Sequence>(_ words: S) where S.Element == String {
        for word in words { insert(word) }
    }

    mutating func insert(_ word: String) {
        set(WordFilter.hash(word))
        // An ASCII word is its own NFC form; another gets both spellings, compared as bytes (a Set of
        // Strings would keep one: they are equal Strings).
        if word.utf8.contains(where: { $0 >= 0x80 }) { set(WordFilter.hash(word.precomposedStringWithCanonicalMapping)) }
    }

    private mutating func set(_ h: UInt64) {
        bits[Int(h >> 6)] |= 1 << (h & 63)
    }

    /// False only when the word (NFC) is surely not one of the filter's words.
    @inline(__always) func mayContain(_ word: String) -> Bool {
        let h = WordFilter.hash(word)
        return bits[Int(h >> 6)] & (1 << (h & 63)) != 0
    }

    /// FNV-1a of the UTF-8 bytes, folded to 16 bits.
    @inline(__always) static func hash(_ word: String) -> UInt64 {
        var h: UInt32 = 2_166_136_261
        for byte in word.utf8 {
            h = (h ^ UInt32(byte)) &* 16_777_619
        }
        return UInt64((h >> 16) ^ (h & 0xFFFF))
    }
}
