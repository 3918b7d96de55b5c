import CHunspell
import Foundation

/// One Hunspell dictionary: the only type in replylint that calls Hunspell.
///
/// A Hunspell handle is not thread-safe (concurrent suggestions on one handle return wrong results),
/// so each call borrows a handle from a small pool and gives it back: one thread's long candidate
/// search never holds up another thread's `spell()`. The pool grows on demand up to one handle per core
/// (each load takes tens of milliseconds); the spelling rules call in only on cache misses.
public final class HunspellDictionary: @unchecked Sendable {
    /// The path without extension (`/usr/share/hunspell/es_ES`).
    public let path: String
    private let condition = NSCondition()
    private var free: [OpaquePointer] = []
    private var all: [OpaquePointer] = []
    /// Handles loaded or being loaded.
    private var reserved = 0
    private let maxHandles: Int

    /// Loads `<path>.aff` and `<path>.dic`; both must exist and the dictionary must be UTF-8.
    ///
    /// `deferred` only checks that both files can be read and loads the dictionary on first use: for a
    /// dictionary replylint has read before (`FormIndex` holds its forms), most runs never need Hunspell.
    public init(path: String, deferred: Bool = false) throws {
        self.path = path
        let aff = path + ".aff"
        let dic = path + ".dic"
        let fm = FileManager.default
        for file in [aff, dic] where !fm.isReadableFile(atPath: file) {
            let fix = path == SpellingSettings.standardDictionary
                ? "instálelo con `apt-get install hunspell-es`"
                : "instale `hunspell-es` (`apt-get install hunspell-es`) o indique con --dictionary o $REPLYLINT_DICTIONARY un diccionario de Hunspell (ruta sin .aff/.dic)"
            throw SpellingSetupError(path: file, message: "no se encuentra el diccionario español; la ortografía no se revisa; \(fix)")
        }
        maxHandles = max(1, ProcessInfo.processInfo.activeProcessorCount)
        if deferred { return }
        guard let handle = Hunspell_create(aff, dic) else {
            throw SpellingSetupError(path: dic, message: "Hunspell no pudo cargar este diccionario; la ortografía no se revisa")
        }
        let encoding = Hunspell_get_dic_encoding(handle).map { String(cString: $0) } ?? ""
        guard encoding.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" else {
            Hunspell_destroy(handle)
            throw SpellingSetupError(path: aff, message: "el diccionario está en \(encoding); replylint necesita un diccionario de Hunspell en UTF-8 (SET UTF-8); la ortografía no se revisa")
        }
        free = [handle]
        all = [handle]
        reserved = 1
    }

    /// How many Hunspell handles this dictionary has loaded so far.
    public var loadedHandles: Int {
        condition.lock()
        defer { condition.unlock() }
        return all.count
    }

    deinit { for handle in all { Hunspell_destroy(handle) } }

    /// Runs `body` with a handle no other thread is using; nil if the dictionary could not be loaded
    /// (only a deferred dictionary can get there: its files changed since `FormIndex` read them).
    private func withHandle<T>(_ body: (OpaquePointer) -> T) -> T? {
        condition.lock()
        var handle: OpaquePointer? = free.popLast()
        if handle == nil && reserved < maxHandles {
            // Reserve the slot, then load outside the lock.
            reserved += 1
            condition.unlock()
            let made = Hunspell_create(path + ".aff", path + ".dic")
            condition.lock()
            if let made {
                all.append(made)
                handle = made
            } else {
                reserved -= 1
                if all.isEmpty && reserved == 0 {
                    condition.broadcast()
                    condition.unlock()
                    return nil
                }
            }
        }
        while handle == nil {
            if all.isEmpty && reserved == 0 {
                condition.unlock()
                return nil
            }
            condition.wait()
            handle = free.popLast()
        }
        condition.unlock()
        let result = body(handle!)
        condition.lock()
        free.append(handle!)
        condition.signal()
        condition.unlock()
        return result
    }

    /// Whether the dictionary accepts the word as written (Hunspell accepts `Canción` and `CANCIÓN` for
    /// `canción`, not `españa` for `España`).
    public func spell(_ word: String) -> Bool {
        withHandle { handle in word.withCString { Hunspell_spell(handle, $0) } != 0 } ?? false
    }

    /// Runs `body` with a `spell` function bound to one borrowed handle, for a burst of calls (a
    /// candidate search makes hundreds): one borrow instead of one per word. `spell` must not
    /// outlive `body`.
    public func withSpeller<T>(_ body: (@escaping (String) -> Bool) -> T) -> T {
        withHandle { handle in
            body { word in word.withCString { Hunspell_spell(handle, $0) } != 0 }
        } ?? body { _ in false }
    }

    /// Hunspell's verdict on each word, on as many handles as there are cores (for `FormIndex.build`).
    public func spellAll(_ words: [String]) -> [Bool] {
        let parts = min(maxHandles, max(1, words.count / 50_000))
        let size = (words.count + parts - 1) / max(parts, 1)
        let results = UnsafeMutableBufferPointer<Bool>.allocate(capacity: words.count)
        defer { results.deallocate() }
        results.initialize(repeating: false)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (part * size)..<min(words.count, (part + 1) * size)
            withSpeller { spell in
                for i in range { results[i] = spell(words[i]) }
            }
        }
        return Array(results)
    }

    /// Hunspell's own suggestions, best first. Slow (tens of milliseconds, sometimes hundreds): the
    /// spelling rules never ask (see `SpellChecker.suggestions(for:)`); `spelling-bench` measures it as
    /// the peer of replylint's own candidate search.
    public func suggest(_ word: String) -> [String] {
        withHandle { handle in Self.suggest(word, handle) } ?? []
    }

    private static func suggest(_ word: String, _ handle: OpaquePointer) -> [String] {
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = word.withCString { Hunspell_suggest(handle, &list, $0) }
        guard count > 0, let items = list else { return [] }
        var result: [String] = []
        result.reserveCapacity(Int(count))
        for i in 0..<Int(count) {
            if let item = items[i] { result.append(String(cString: item)) }
        }
        Hunspell_free_list(handle, &list, count)
        return result
    }
}
