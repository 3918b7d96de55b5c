import Foundation

/// A thread-safe memo for the spelling rules: words repeat (Zipf), so most lookups are hits.
///
/// Bounded: when it holds `limit` entries it starts over, which keeps memory flat on a large
/// template collection without the bookkeeping of an LRU.
final class SpellingCache<Value: Sendable>: @unchecked Sendable {
    private var entries: [String: Value] = [:]
    private let lock = NSLock()
    let limit: Int
    private(set) var hits = 0
    private(set) var misses = 0

    init(limit: Int = 200_000) {
        self.limit = limit
    }

    /// The cached value, or `make()`'s (computed outside the lock, so two threads may both compute a
    /// new word once; the values are equal).
    func value(for key: String, _ make: () -> Value) -> Value {
        lock.lock()
        if let found = entries[key] {
            hits += 1
            lock.unlock()
            return found
        }
        misses += 1
        lock.unlock()
        let made = make()
        lock.lock()
        if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
        entries[key] = made
        lock.unlock()
        return made
    }

    func removeAll() {
        lock.lock()
        entries.removeAll()
        hits = 0
        misses = 0
        lock.unlock()
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }
}
