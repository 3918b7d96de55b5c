import Foundation

/// The distinct token texts a tokenizer has seen, each with a small number (its id) and the forms the
/// tokenizer derives from it (lowercase, accent-folded, shape), made once per distinct text instead of
/// once per token.
///
/// Words repeat (a few hundred make most of any Spanish text), so rules that decide something about a
/// word alone remember the answer by id (`WordMemo`): an array read instead of a string-keyed look-up.
/// An id means one text for the life of its table, and a table belongs to one tokenizer (one thread).
///
/// Memory is bounded: past `limit` distinct texts, or for texts longer than `maxLength` bytes, tokens get
/// no id (`Token.word` is -1) and rules take their ordinary path.
public final class WordTable {
    struct Entry {
        /// The texts every token of this word shares.
        let texts: TokenText
        /// The text's bytes when it has at most 16 (nearly every word): eight and eight, zero-padded. Its
        /// slot holds them too; they are kept here to fill the slots again when the table grows.
        var head: UInt64 = 0
        var tail: UInt64 = 0

        init(texts: TokenText) {
            self.texts = texts
        }
    }

    /// The longest text whose bytes an entry holds itself.
    static let inlineLength = 16

    /// The bytes of `buffer[range]` (at most 16) as two zero-padded words.
    @inline(__always)
    static func inline(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (UInt64, UInt64) {
        let n = range.count
        // Two loads and masks where sixteen bytes can be read; byte by byte near the end of the text.
        if range.lowerBound + 16 <= buffer.count, let base = UnsafeRawPointer(buffer.baseAddress) {
            let a = ByteWords.load(base, range.lowerBound), b = ByteWords.load(base, range.lowerBound + 8)
            let head = n >= 8 ? a : a & ((1 << UInt64(8 * n)) - 1)
            let tail = n <= 8 ? 0 : n >= 16 ? b : b & ((1 << UInt64(8 * (n - 8))) - 1)
            return (head, tail)
        }
        var head: UInt64 = 0, tail: UInt64 = 0
        var shift: UInt64 = 0
        for i in range {
            if i - range.lowerBound < 8 { head |= UInt64(buffer[i]) << shift } else { tail |= UInt64(buffer[i]) << (shift - 64) }
            shift += 8
        }
        return (head, tail)
    }

    /// Tells tables apart in the memos of a worker (an object address can be reused; this cannot).
    public let serial: Int
    let limit: Int
    let maxLength = 48
    // The table belongs to one tokenizer, used by one thread at a time, and no access to these overlaps
    // another to the same one: the run-time exclusivity checks (one per token and field) are left out.
    @exclusivity(unchecked) private(set) var entries: [Entry] = []
    /// Each entry's hash, to place the entries again when the slots grow.
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    /// The bytes of entry `i` are `bytes[starts[i]..<starts[i + 1]]`.
    @exclusivity(unchecked) private var bytes: [UInt8] = []
    @exclusivity(unchecked) private var starts: [Int] = [0]
    /// Open addressing. A slot holds what a probe compares: the text's bytes when it has at most 16
    /// (nearly every word; zero otherwise) and, in `key`, the entry's id plus one in the low 32 bits, the
    /// text's length in the next 8 and 24 bits of its hash above them (0 for an empty slot). A look-up
    /// of a short text reads its slot and nothing else: one that read the slot and then the entry
    /// waited for two cache misses on a word met rarely, where it now waits for one.
    struct Slot {
        var key: UInt64 = 0
        var head: UInt64 = 0
        var tail: UInt64 = 0
    }
    @exclusivity(unchecked) private var slots: [Slot]
    @exclusivity(unchecked) private var mask: Int

    private static let counter = SerialCounter()

    init(limit: Int = 1 << 18) {
        self.limit = limit
        serial = WordTable.counter.next()
        slots = [Slot](repeating: Slot(), count: 1024)
        mask = 1023
    }

    /// How many distinct texts the table holds.
    public var count: Int { entries.count }

    /// The id of the text in `buffer[range]`, adding it with `make` the first time; nil when the table is
    /// full or the text too long.
    @inline(__always)
    func id(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ make: () -> Entry) -> Int32? {
        let found = lookup(buffer, range)
        if found.id >= 0 { return found.id }
        if found.id == Lookup.unusable { return nil }
        return add(make(), buffer, range, at: found)
    }

    /// Where a look-up ended: the text's id, or where to add it.
    struct Lookup {
        /// The id when found; `absent`, or `unusable` for a text too long to keep.
        var id: Int32
        var slot: Int
        var hash: UInt64
        static let absent: Int32 = -1
        static let unusable: Int32 = -2
    }

    /// Looks the text in `buffer[range]` up. No closure and nothing retained: the tokenizer calls it for
    /// every word, and `add` for the few it has not met.
    @inline(__always)
    func lookup(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Lookup {
        let length = range.count
        guard length <= maxLength else { return Lookup(id: Lookup.unusable, slot: 0, hash: 0) }
        // A short text (nearly every word) is hashed from the two words that also compare it.
        let short = length <= WordTable.inlineLength
        let (head, tail) = short ? WordTable.inline(buffer, range) : (0, 0)
        let h = short ? WordTable.hash(head, tail, length) : WordTable.hash(buffer, range)
        let tag = WordTable.tag(hash: h, length: length)
        var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let key = slots[slot].key
                if key == 0 { break }
                if key & WordTable.tagBits == tag {
                    if short {
                        if slots[slot].head == head && slots[slot].tail == tail {
                            return Lookup(id: Int32(truncatingIfNeeded: key & WordTable.idBits) - 1, slot: slot, hash: h)
                        }
                    } else {
                        let e = Int(truncatingIfNeeded: key & WordTable.idBits) - 1
                        if same(buffer, range, at: starts[e]) { return Lookup(id: Int32(e), slot: slot, hash: h) }
                    }
                }
                slot = (slot + 1) & mask
            }
            return Lookup(id: Lookup.absent, slot: slot, hash: h)
        }
    }

    /// Adds `entry`, the text in `buffer[range]`, where `lookup` found it absent; nil when the table is full.
    @inline(never)
    func add(_ entry: Entry, _ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, at place: Lookup) -> Int32? {
        guard entries.count < limit else { return nil }
        let id = Int32(entries.count)
        var entry = entry
        if range.count <= WordTable.inlineLength {
            (entry.head, entry.tail) = WordTable.inline(buffer, range)
        }
        entries.append(entry)
        hashes.append(place.hash)
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[range]))
        starts.append(bytes.count)
        slots[place.slot] = WordTable.slot(id: Int(id), hash: place.hash, entry: entry, length: range.count)
        if entries.count * 2 > slots.count { grow() }
        return id
    }

    @inline(__always)
    private func same(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, at start: Int) -> Bool {
        bytes.withUnsafeBufferPointer { stored in
            memcmp(stored.baseAddress! + start, buffer.baseAddress! + range.lowerBound, range.count) == 0
        }
    }

    /// A hash of the bytes, eight at a time (a byte at a time, each step waited for the multiply before
    /// it). Only the table's slots depend on it: ids are handed out in order of first sight.
    @inline(__always)
    static func hash(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = UInt64(range.count) &* k
        var i = range.lowerBound
        if let base = UnsafeRawPointer(buffer.baseAddress) {
            while i + 8 <= range.upperBound {
                h = (h ^ ByteWords.load(base, i)) &* k
                h ^= h >> 32
                i += 8
            }
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < range.upperBound {
            tail |= UInt64(buffer[i]) << shift
            shift += 8
            i += 1
        }
        return (h ^ tail) &* k
    }

    /// The hash of a text of at most 16 bytes from its two zero-padded words and its length.
    @inline(__always)
    static func hash(_ head: UInt64, _ tail: UInt64, _ length: Int) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = (UInt64(length) &* k ^ head) &* k
        h ^= h >> 32
        return (h ^ tail) &* k
    }

    /// The bits of a slot's key that hold the length and hash of its text, and those of its id.
    private static let tagBits: UInt64 = 0xFFFF_FFFF_0000_0000
    private static let idBits: UInt64 = 0x0000_0000_FFFF_FFFF

    /// The length and 24 bits of the hash of a text, as its slot's key holds them.
    @inline(__always) private static func tag(hash: UInt64, length: Int) -> UInt64 {
        (hash & 0xFFFF_FF00_0000_0000) | (UInt64(length) << 32)
    }

    @inline(__always) private static func slot(id: Int, hash: UInt64, entry: Entry, length: Int) -> Slot {
        Slot(key: tag(hash: hash, length: length) | UInt64(id + 1), head: entry.head, tail: entry.tail)
    }

    private func grow() {
        let capacity = slots.count * 2
        slots = [Slot](repeating: Slot(), count: capacity)
        mask = capacity - 1
        for (e, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while slots[slot].key != 0 { slot = (slot + 1) & mask }
            slots[slot] = WordTable.slot(id: e, hash: h, entry: entries[e], length: starts[e + 1] - starts[e])
        }
    }
}

/// A process-wide counter for serial numbers.
final class SerialCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

/// Keys for `RuleContext.wordMemo(_:)`: one per rule (or lexicon) instance, so that rules built from
/// different lexicons never read each other's answers.
enum WordMemoKey {
    static func make(_ name: String) -> String { "\(name).\(counter.next())" }
    private static let counter = SerialCounter()
}

/// What a rule remembers about each word of one word table: values indexed by the word's id.
/// One per rule (or per scan), table and worker; rules get it from `RuleContext.wordMemo(_:)`.
final class WordMemo<Value> {
    // One worker's memo, read and written by that thread only, one access at a time. The values are
    // in memory the memo allocates itself: a read through an array property retained and released
    // the array's storage around every look-up (one pair for every token of every document).
    private var storage: UnsafeMutablePointer<Value?>
    private var capacity = 0

    init() {
        storage = UnsafeMutablePointer<Value?>.allocate(capacity: 0)
    }

    deinit {
        storage.deinitialize(count: capacity)
        storage.deallocate()
    }

    @inline(__always) subscript(id: Int32) -> Value? {
        get { Int(id) >= 0 && Int(id) < capacity ? storage[Int(id)] : nil }
        set {
            let i = Int(id)
            if i >= capacity { grow(to: i + 1) }
            storage[i] = newValue
        }
    }

    /// Room for `count` values at least (doubling, as an array grows), the new ones nil.
    private func grow(to count: Int) {
        let size = max(count, 2 * capacity)
        let larger = UnsafeMutablePointer<Value?>.allocate(capacity: size)
        larger.moveInitialize(from: storage, count: capacity)
        (larger + capacity).initialize(repeating: nil, count: size - capacity)
        storage.deallocate()
        storage = larger
        capacity = size
    }

    /// `body` applied to the remembered value of a word id, read in place (a value copied out of the
    /// memo retains what it holds); nil when there is none.
    @inline(__always) func peek<R>(_ id: Int32, _ body: (borrowing Value) -> R) -> R? {
        let i = Int(id)
        guard i >= 0, i < capacity else { return nil }
        // Matched in place: `storage[i]!` copied the whole value out first.
        switch storage[i] {
        case .some(let value): return body(value)
        case .none: return nil
        }
    }

    /// The remembered value for a word id, made the first time; made every time for a token without
    /// an id (-1).
    @inline(__always) func value(_ id: Int32, _ make: () -> Value) -> Value {
        if id < 0 { return make() }
        if let known = self[id] { return known }
        let made = make()
        self[id] = made
        return made
    }
}
