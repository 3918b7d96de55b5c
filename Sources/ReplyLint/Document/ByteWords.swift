/// Tests on eight bytes at once (SWAR), for the scans that look at every byte of a text and
/// almost never find what they look for: a word that passes is skipped whole.
enum ByteWords {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Some byte of `word` is zero.
    @inline(__always) static func hasZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }

    /// Bit 7 of each byte of the result is set exactly where that byte of `word` is zero (no carry
    /// crosses bytes, unlike `hasZero`, which is only exact about whether there is one).
    @inline(__always) static func zeros(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word | low)
    }

    /// Some byte of `word` is `byte`.
    @inline(__always) static func has(_ word: UInt64, _ byte: UInt8) -> Bool { hasZero(word ^ (ones &* UInt64(byte))) }

    /// Some byte of `word` is below `limit` (exact for limits up to 0x80).
    @inline(__always) static func hasBelow(_ word: UInt64, _ limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    /// How many bytes of `word` are UTF-8 continuation bytes (10xxxxxx): bit 7 set, bit 6 clear.
    @inline(__always) static func continuations(_ word: UInt64) -> Int {
        (word & ~(word << 1) & highs).nonzeroBitCount
    }

    /// The eight bytes at `offset`, in memory order (byte k is bits 8k to 8k+7 on a little-endian machine).
    @inline(__always) static func load(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
