/// replylint's own suggester: cheap candidates for a misspelled Spanish word, each verified with the
/// dictionary's `spell()`, best first.
///
/// Hunspell's `suggest()` takes tens of milliseconds a word (hundreds at worst) with the Spanish
/// dictionary; a reply's misspellings are mostly one slip away from the right word, so replylint tries
/// the likely slips first and stops at the first stage that finds a word:
///
/// 0. letters typed more than once made single (`holaaa` → `hola`, `nadiee` → `nadie`);
/// 1. accents: the word with its accents removed, then with one acute accent on each vowel (and `ü`),
///    also with `n` turned into `ñ` (`cancion` → `canción`, `tambíen` → `también`, `espanol` → `español`);
///    for a lowercase word also capitalised, after stage 2 (`mexico` → `México`);
/// 2. the Spanish confusions, each also tried with an accent: b/v, ll/y, h dropped or added, c/s/z/x,
///    g/j, gu, k/c/qu, doubled or single letters, n/m before b and p, i/y at the end
///    (`ocacion` → `ocasión`, `hechar` → `echar`, `ocurir` → `ocurrir`);
/// 3. one edit: a letter deleted, inserted, replaced, two neighbours swapped (`jugete` → `juguete`), or a
///    letter typed two places early or late (`falcutad` → `facultad`). Skipped when the caller says the
///    word is likely a name (`edits: false`): a name is one edit away from some word too often
///    (`Disney` → `Disnea`, `Macri` → `Macro`) for the guess to help, and this stage is most of the cost.
///
/// Within a stage candidates are ranked by a small cost (a keyboard neighbour or a doubled letter is
/// a likelier slip than any letter; the first letter is rarely wrong). When no stage finds a word there
/// is no suggestion: Hunspell's own suggester is not asked (see `SpellChecker.suggestions(for:)`).
struct CandidateGenerator {
    typealias Scalars = [Unicode.Scalar]

    /// The stage that found the candidates.
    enum Stage: String, Sendable {
        case repeats
        case accents
        case confusions
        case oneEdit
        case none
    }

    let spell: (String) -> Bool
    /// A cheap look-up for a lowercase candidate, written as it is or with its first letter capitalised
    /// (the dictionary's form table), nil where it cannot judge: it spares building the text of every
    /// rejected candidate. With it, rejected candidates are not remembered either: asking again costs
    /// less than remembering.
    var lookup: ((UnsafeBufferPointer<Unicode.Scalar>, _ capitalized: Bool) -> Bool?)? = nil

    /// Ranked candidates for a word the dictionary rejected, written in the word's case (first letter
    /// capitalised or all lowercase), without duplicates.
    func candidates(for word: String, limit: Int = 3, edits: Bool = true) -> (candidates: [String], stage: Stage) {
        let written = Array(word.unicodeScalars)
        guard !written.isEmpty else { return ([], .none) }
        let capitalized = written[0].properties.isUppercase
        let lower = Array(word.lowercased().unicodeScalars)
        var search = Search(original: lower, capitalized: capitalized, spell: spell, lookup: lookup)

        if repeats(&search) {
            if !search.found.isEmpty { return (search.ranked(limit), .repeats) }
        }
        accents(&search)
        if !search.found.isEmpty { return (search.ranked(limit), .accents) }
        confusions(&search)
        if !search.found.isEmpty { return (search.ranked(limit), .confusions) }
        if !capitalized {
            // Proper nouns are in the dictionary capitalised only: `mexico` → `México`.
            search.capitalized = true
            accents(&search)
            search.capitalized = false
            if !search.found.isEmpty { return (search.ranked(limit), .accents) }
        }
        guard edits else { return ([], .none) }
        oneEdit(&search)
        if !search.found.isEmpty { return (search.ranked(limit), .oneEdit) }
        return ([], .none)
    }

    // MARK: - Stages

    /// Letters typed more than once (`holaaa`, `nadiee`, `toooodo`): each run of a repeated letter
    /// made single, or double for the letters Spanish doubles (`ll`, `rr`, `cc`, `nn`), with accents.
    /// False when the word has no repeated letter.
    private func repeats(_ search: inout Search) -> Bool {
        let w = search.original
        var runs: [(start: Int, length: Int)] = []
        var i = 0
        while i < w.count {
            var j = i + 1
            while j < w.count && w[j] == w[i] { j += 1 }
            let doubles: Set<Unicode.Scalar> = ["l", "r", "c", "n"]
            if j - i >= 3 || (j - i == 2 && !doubles.contains(w[i])) { runs.append((i, j - i)) }
            i = j
        }
        guard !runs.isEmpty, runs.count <= 4 else { return false }
        for mask in 0..<(1 << runs.count) {
            var word: Scalars = []
            var cursor = 0
            for (bit, run) in runs.enumerated() {
                word += w[cursor..<run.start]
                let keep = mask & (1 << bit) != 0 ? 2 : 1
                word += Array(repeating: w[run.start], count: keep)
                cursor = run.start + run.length
            }
            word += w[cursor...]
            search.attempt(word, cost: 0)
            tryAccents(word.map { Self.plain[$0] ?? $0 }, cost: 0.1, &search)
        }
        return true
    }

    private func accents(_ search: inout Search) {
        let base = search.original.map { Self.plain[$0] ?? $0 }
        let ns = base.indices.filter { base[$0] == "n" }.prefix(3)
        for mask in 0..<(1 << ns.count) {
            var word = base
            var cost = 0.0
            for (bit, index) in ns.enumerated() where mask & (1 << bit) != 0 {
                word[index] = "ñ"
                cost += 0.6
            }
            tryAccents(word, cost: cost, &search)
        }
    }

    /// A word without accents, and with one acute accent (or `ü`) on each of its vowels.
    private func tryAccents(_ word: Scalars, cost: Double, _ search: inout Search) {
        search.attempt(word, cost: cost + accentCost(word, search))
        for i in word.indices {
            if let accented = Self.acute[word[i]] {
                var w = word
                w[i] = accented
                search.attempt(w, cost: cost + accentCost(w, search))
            }
            if word[i] == "u" {
                var w = word
                w[i] = "ü"
                search.attempt(w, cost: cost + 0.4 + accentCost(w, search))
            }
        }
    }

    /// Keeping the word's own accents costs nothing; adding one where it had none (the usual slip)
    /// little; moving or removing one a bit more.
    private func accentCost(_ candidate: Scalars, _ search: Search) -> Double {
        // The candidate's accented letters, compared in order with the word's (`search.accents`).
        var k = 0
        for c in candidate where Self.isAccented(c) {
            if k >= search.accents.count || search.accents[k] != c { return search.accents.isEmpty ? 0.2 : 0.3 }
            k += 1
        }
        if k != search.accents.count { return search.accents.isEmpty ? 0.2 : 0.3 }
        return 0
    }

    private func confusions(_ search: inout Search) {
        let base = search.original.map { $0 == "ü" ? $0 : (Self.plain[$0] ?? $0) }
        for (variant, cost) in Self.confusionVariants(base) {
            tryAccents(variant, cost: cost, &search)
        }
    }

    private func oneEdit(_ search: inout Search) {
        let w = search.original
        let n = w.count
        for i in 0..<n {
            var d = w
            d.remove(at: i)
            let repeated = (i > 0 && w[i - 1] == w[i]) || (i + 1 < n && w[i + 1] == w[i])
            search.attempt(d, cost: (repeated ? 0.6 : 0.95) + (i == 0 ? 0.3 : 0))
        }
        if n >= 2 {
            for i in 0..<(n - 1) where w[i] != w[i + 1] {
                var t = w
                t.swapAt(i, i + 1)
                search.attempt(t, cost: 0.9 + (i == 0 ? 0.3 : 0))
            }
        }
        // A letter two places from where it belongs (typed early or late over a pair of letters).
        if n >= 3 {
            for i in 0..<(n - 2) where w[i] != w[i + 2] {
                var early = w
                early.insert(early.remove(at: i), at: i + 2)
                search.attempt(early, cost: 0.95 + (i == 0 ? 0.3 : 0))
                var late = w
                late.insert(late.remove(at: i + 2), at: i)
                search.attempt(late, cost: 0.95 + (i == 0 ? 0.3 : 0))
            }
        }
        // Spanish spelling bounds the letters worth trying: one written accent a word, `k` and `w` only in
        // loanwords (tried when the word already has one), `q` only before `u`.
        let hasAccent = w.contains { Self.isAcuteVowel($0) }
        let foreign = w.contains("k") || w.contains("w")
        let letters = Self.alphabet.filter { letter in
            !(hasAccent && Self.isAcuteVowel(letter)) && (foreign || (letter != "k" && letter != "w"))
        }
        // One array edited in place for every candidate of a position (an array per candidate was most of
        // the search's time once the dictionary's answers became a table look-up).
        var s = w
        for i in 0..<n {
            let original = w[i]
            let plainOriginal = Self.plainLetter(original)
            for letter in letters where letter != original {
                if letter == "q" && (i + 1 >= n || w[i + 1] != "u") { continue }
                s[i] = letter
                var cost = 1.0
                if Self.plainLetter(letter) == plainOriginal { cost = 0.5 }
                else if Self.neighbours(original, letter) { cost = 0.85 }
                search.attempt(s, cost: cost + (i == 0 ? 0.3 : 0))
            }
            s[i] = original
        }
        var inserted = w
        inserted.insert(" ", at: 0)
        for i in 0...n {
            // `inserted` is `w` with a free place at `i`.
            if i > 0 { inserted.swapAt(i - 1, i) }
            for letter in letters {
                if letter == "q" && (i >= n || w[i] != "u") { continue }
                inserted[i] = letter
                let doubling = (i > 0 && w[i - 1] == letter) || (i < n && w[i] == letter)
                // A letter left out is the most common typing slip.
                search.attempt(inserted, cost: (doubling ? 0.7 : 0.85) + (i == 0 ? 0.3 : 0))
            }
        }
    }

    // MARK: - Spanish confusions

    /// Every single confusion applied once to an accent-free word, with its cost.
    static func confusionVariants(_ w: Scalars) -> [(Scalars, Double)] {
        var out: [(Scalars, Double)] = []
        let n = w.count
        func at(_ i: Int) -> Unicode.Scalar? { i >= 0 && i < n ? w[i] : nil }
        func replace(_ i: Int, _ length: Int, _ with: String, _ cost: Double) {
            var v = w
            v.replaceSubrange(i..<(i + length), with: Array(with.unicodeScalars))
            out.append((v, cost))
        }
        func frontVowel(_ i: Int) -> Bool { at(i) == "e" || at(i) == "i" }
        for i in 0..<n {
            let c = w[i]
            switch c {
            case "b": replace(i, 1, "v", 1)
            case "v": replace(i, 1, "b", 1)
            case "y":
                replace(i, 1, "ll", 1)
                if i == n - 1 || !isVowel(at(i + 1)) { replace(i, 1, "i", 1.2) }
            case "l" where at(i + 1) == "l": replace(i, 2, "y", 1)
            case "h" where at(i - 1) != "c": replace(i, 1, "", 1)
            case "c":
                if frontVowel(i + 1) {
                    replace(i, 1, "s", 1)
                    replace(i, 1, "z", 1)
                    if at(i - 1) != "c" && at(i - 1) != "s" { replace(i, 1, "sc", 1.2); replace(i, 1, "cc", 1.1) }
                } else if at(i + 1) != "h" && at(i + 1) != "c" {
                    replace(i, 1, "k", 1.3)
                }
                if at(i + 1) == "c" { replace(i, 2, "c", 1.1); replace(i, 2, "x", 1.2) }
            case "s":
                if frontVowel(i + 1) { replace(i, 1, "c", 1) }
                replace(i, 1, "z", 1)
                if !isVowel(at(i + 1)) && i + 1 < n { replace(i, 1, "x", 1.2) }
                if at(i + 1) == "c" && frontVowel(i + 2) { replace(i, 2, "c", 1.2) }
            case "z":
                replace(i, 1, "s", 1)
                if frontVowel(i + 1) { replace(i, 1, "c", 1) }
            case "x": replace(i, 1, "s", 1.2); replace(i, 1, "cc", 1.3)
            case "g":
                if frontVowel(i + 1) { replace(i, 1, "j", 1); replace(i, 1, "gu", 1) }
                if at(i + 1) == "u" && frontVowel(i + 2) { replace(i, 2, "g", 1); replace(i, 2, "gü", 1.1) }
            case "j": if frontVowel(i + 1) { replace(i, 1, "g", 1) }
            case "k":
                replace(i, 1, frontVowel(i + 1) ? "qu" : "c", 1.1)
            case "q": if at(i + 1) != "u" { replace(i, 1, "qu", 1.1) }
            case "n": if at(i + 1) == "b" || at(i + 1) == "p" { replace(i, 1, "m", 1.2) }
            case "m": if let next = at(i + 1), !isVowel(next), next != "b", next != "p", next != "n" { replace(i, 1, "n", 1.2) }
            case "i": if i == n - 1 && isVowel(at(i - 1)) { replace(i, 1, "y", 1.2) }
            default: break
            }
            // h added: at the start, between vowels, after n or s before a vowel.
            if isVowel(c) && (i == 0 || isVowel(at(i - 1)) || at(i - 1) == "n" || at(i - 1) == "s") {
                replace(i, 0, "h", 1)
            }
            // Doubled letters: one too many, or one too few of the letters Spanish doubles.
            if let next = at(i + 1), next == c, isLetter(c) {
                replace(i, 1, "", c == "l" || c == "r" || c == "c" || c == "n" ? 1.1 : 0.9)
            } else if (c == "r" || c == "l" || c == "c" || c == "n") && at(i - 1) != c {
                replace(i, 0, String(c), 1.1)
            }
        }
        return out
    }

    static func isVowel(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return "aeiouáéíóúü".unicodeScalars.contains(c)
    }

    static func isLetter(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic }

    static let plain: [Unicode.Scalar: Unicode.Scalar] = ["á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u", "ü": "u"]
    /// `plain[c] ?? c` without hashing (the candidate search asks millions of times).
    @inline(__always) static func plainLetter(_ c: Unicode.Scalar) -> Unicode.Scalar {
        switch c {
        case "á": return "a"
        case "é": return "e"
        case "í": return "i"
        case "ó": return "o"
        case "ú", "ü": return "u"
        default: return c
        }
    }
    /// A vowel with an acute accent, or `ü`.
    @inline(__always) static func isAccented(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "á", "é", "í", "ó", "ú", "ü": return true
        default: return false
        }
    }
    /// A vowel with an acute accent.
    @inline(__always) static func isAcuteVowel(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "á", "é", "í", "ó", "ú": return true
        default: return false
        }
    }
    static let acute: [Unicode.Scalar: Unicode.Scalar] = ["a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"]
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyzñáéíóúü".unicodeScalars)

    /// Neighbours on a Spanish QWERTY keyboard.
    static let keyboard: [Unicode.Scalar: String] = {
        let rows = ["qwertyuiop", "asdfghjklñ", "zxcvbnm"]
        var map: [Unicode.Scalar: String] = [:]
        let grid = rows.map { Array($0.unicodeScalars) }
        for (r, row) in grid.enumerated() {
            for (c, key) in row.enumerated() {
                var near = ""
                for dr in -1...1 {
                    let rr = r + dr
                    guard rr >= 0 && rr < grid.count else { continue }
                    // Rows are staggered: the row below sits half a key to the right.
                    for dc in (dr == 0 ? [-1, 1] : dr == 1 ? [-1, 0] : [0, 1]) {
                        let cc = c + dc
                        if cc >= 0 && cc < grid[rr].count { near.unicodeScalars.append(grid[rr][cc]) }
                    }
                }
                map[key] = near
            }
        }
        return map
    }()

    static func neighbours(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        let a = plainLetter(a)
        let b = plainLetter(b)
        guard a.isASCII, b.isASCII, a.value >= 0x61, a.value <= 0x7A, b.value >= 0x61, b.value <= 0x7A else {
            return keyboard[a]?.unicodeScalars.contains(b) ?? false
        }
        return neighbourBits[Int(a.value - 0x61)] & (1 << (b.value - 0x61)) != 0
    }

    /// `keyboard` for the letters a to z, one bit per neighbour.
    static let neighbourBits: [UInt32] = (0x61...0x7A).map { code -> UInt32 in
        var bits: UInt32 = 0
        for near in keyboard[Unicode.Scalar(UInt8(code))]?.unicodeScalars ?? "".unicodeScalars
        where near.value >= 0x61 && near.value <= 0x7A {
            bits |= 1 << (near.value - 0x61)
        }
        return bits
    }

    // MARK: - Search state

    struct Search {
        let original: Scalars
        var capitalized: Bool
        let spell: (String) -> Bool
        let lookup: ((UnsafeBufferPointer<Unicode.Scalar>, Bool) -> Bool?)?
        /// Every text tried, with its index in `found` when the dictionary accepted it (without `lookup`;
        /// with it, only the accepted ones).
        var tried: [String: Int?] = [:]
        var found: [(word: String, cost: Double, order: Int)] = []

        /// The accented letters of `original`, in order.
        let accents: Scalars

        init(original: Scalars, capitalized: Bool, spell: @escaping (String) -> Bool,
             lookup: ((UnsafeBufferPointer<Unicode.Scalar>, Bool) -> Bool?)? = nil) {
            self.original = original
            accents = original.filter { CandidateGenerator.isAccented($0) }
            self.capitalized = capitalized
            self.spell = spell
            self.lookup = lookup
        }

        mutating func attempt(_ candidate: Scalars, cost: Double) {
            if candidate.isEmpty || candidate == original { return }
            if let lookup, let known = candidate.withUnsafeBufferPointer({ lookup($0, capitalized) }) {
                if known { accept(text(candidate), cost: cost) }
                return
            }
            let text = text(candidate)
            if let known = tried[text] {
                if let index = known, cost < found[index].cost { found[index].cost = cost }
                return
            }
            if spell(text) {
                accept(text, cost: cost)
            } else {
                tried[text] = .some(nil)
            }
        }

        /// The candidate written in the word's case.
        private func text(_ candidate: Scalars) -> String {
            capitalized ? String(candidate[0]).uppercased() + String(scalars: candidate.dropFirst()) : String(scalars: candidate)
        }

        /// A word the dictionary accepts, at its lowest cost so far.
        private mutating func accept(_ text: String, cost: Double) {
            if let index = tried[text] ?? nil {
                if cost < found[index].cost { found[index].cost = cost }
            } else {
                tried[text] = found.count
                found.append((text, cost, found.count))
            }
        }

        func ranked(_ limit: Int) -> [String] {
            found.sorted { $0.cost != $1.cost ? $0.cost < $1.cost : $0.order < $1.order }.prefix(limit).map(\.word)
        }
    }
}
