import Foundation

/// One entry of a matched lexicon, as the rules see it.
public struct LexiconEntry: Sendable {
    /// The table the entry comes from (`profanity/vulgar`).
    public let table: String
    public let path: String
    public let line: Int
    /// The entry as written (`hijo de puta`).
    public let term: String
    /// The whole row, for the columns a rule reads itself (`sev`, `suggestion`...).
    public let row: LexiconTable.Row
    /// Regions where the entry applies; empty means every region.
    public let regions: [String]
    /// True when the word is harmless outside `regions` (`when: region`): it is then flagged only
    /// when the reply's region is one of them.
    public let regionOnly: Bool
    /// Flagged only when one of these words is in the same sentence (empty: no condition).
    public let with: Set<String>
    /// Never flagged when one of these words is in the same sentence.
    public let without: Set<String>

    /// Whether the entry applies under the given options (region only; sentence conditions are
    /// checked per match).
    public func applies(region: String?) -> Bool {
        guard regionOnly else { return true }
        guard let region else { return false }
        let wanted = LexiconMatcher.normalizeRegion(region)
        return regions.contains { $0 == wanted }
    }
}

/// A lexicon entry found in a document.
public struct LexiconMatch: Sendable, Equatable {
    /// Index into `LexiconMatcher.entries`.
    public let entry: Int
    /// UTF-8 byte range in the document text.
    public let range: Range<Int>
    /// The lexicon form that matched (`pendejos`, `hijo de puta`).
    public let form: String
    /// True when the text hid the word: leetspeak, elongation, masking, spaced or dotted letters.
    public let disguised: Bool
}

/// Finds lexicon entries in tokenized replies, seeing through case, accents, leetspeak,
/// elongation, masking and spaced letters, and matching multi-word phrases across spaces and
/// punctuation. Matching is on whole tokens: `computadora` never contains anything.
///
/// Lexicon columns it reads (all but the first optional; see each file's header):
/// - the first field: the entry, one word or a phrase; `<name>` in a phrase stands for any member
///   of the class `name` from the classes table (`todos los <grupo> son`);
/// - `forms`: the inflections the entry declares, comma-separated: `-as` is an ending for a one-word
///   entry: one that starts with a vowel replaces the entry's final vowel (`pendejo`, `-as` →
///   `pendejas`), one that starts with a consonant is added (`sudaca`, `-s` → `sudacas`); anything
///   else is a whole extra form (`hija de puta`, `verguita`);
/// - `region`: `*` or empty for everywhere, else tags such as `es-MX, es-AR`;
/// - `when`: space-separated conditions: `region` (harmless outside its regions: flagged only when
///   the reply's region is one of them), `with:w1,w2` (only when one of these words is in the same
///   sentence), `without:w1,w2` (never when one of them is).
///
/// Everything is folded into dictionaries once, in `init`; matching a document is linear in its
/// tokens (disguise candidates, which are rare, cost a little more).
public struct LexiconMatcher: Sendable {
    public let entries: [LexiconEntry]

    enum Element: Sendable {
        /// A word, its squeezed form and its vocabulary number (every phrase word is numbered, so that
        /// a plain unit is compared by number).
        case word(String, collapsed: String, id: Int32)
        /// A class slot: the class's name and its place in `classList`.
        case member(String, index: Int)
    }

    struct Phrase: Sendable {
        let entry: Int
        let elements: [Element]
        let form: String
    }

    struct ClassSet: Sendable {
        var singles: Set<String> = []
        var phrases: [[String]] = []
        /// The same by vocabulary number (every member word is numbered), to compare a plain unit by
        /// number; and the members of several words by the number of their first word.
        var singleIDs: Set<Int32> = []
        var phraseIDs: [[Int32]] = []
        var byFirstID: [Int32: [Int]] = [:]
    }

    /// Single-word forms → entry.
    let singles: [String: Int]
    /// Collapsed forms (runs of a letter squeezed to one) → (entry, form) pairs.
    let elongated: [String: [(Int, String)]]
    /// Phrases of plain words written as one word (`hijodeputa`, `halamadrid`) → (entry, form).
    let glued: [String: (Int, String)]
    /// Phrases by the collapsed key of their first word.
    let phrasesByFirst: [String: [Phrase]]
    /// Phrases that start with a class slot (also filed in `phrasesByFirst`).
    let phrasesByClass: [Phrase]
    /// The classes, by the place a slot names (`Element.member`).
    let classList: [ClassSet]
    /// Every word of every phrase and class member, to cut spelled-out runs (`m a d r e y`).
    let phraseWords: Set<String>
    /// Every single or glued form, for masked words (`m*erda`).
    let maskable: [(key: [UInt8], entry: Int)]

    /// What a plain word (one reading, no stretched letters: nearly every word of a reply) may start,
    /// found with one look-up: the single or glued entry it is, and the phrases whose first word it is.
    struct Start {
        var single: Int?
        var glued: (Int, String)?
        var phrases: [Phrase] = []
        /// The same phrases by the plain words their second element can start with, each list in
        /// `phrases` order (with its position there); `short` holds those of one element.
        var bySecond: [Int32: [(Int, Phrase)]] = [:]
        var short: [(Int, Phrase)] = []
    }
    /// Starts by the vocabulary number of their word (`LexiconVocabulary`): `startSlots[id]` is an
    /// index into `startList`, or -1.
    let startSlots: [Int32]
    let startList: [Start]
    let vocabulary: LexiconVocabulary
    /// The most word units one phrase can span (a class member may be several words).
    let longestPhrase: Int

    // MARK: - Building

    /// Builds a matcher over the rows of `tables`. `classes` is a table whose first field is a
    /// member and whose `class` column names its class (`gitanos | grupo`).
    /// Matchers of one linter share a `vocabulary` (their store's), so that a document's words are
    /// numbered once for all of them; a matcher built alone numbers its own.
    public init(tables: [LexiconTable], classes: LexiconTable? = nil, vocabulary: LexiconVocabulary = LexiconVocabulary()) throws {
        self.vocabulary = vocabulary
        let tokenizer = try Tokenizer()
        func fold(_ s: String) -> String { tokenizer.fold(s) }

        var classSets: [String: ClassSet] = [:]
        if let classes {
            try classes.require("class")
            var seen: [String: Int] = [:]
            for row in classes.rows {
                let name = row["class"]
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" }) else {
                    throw LexiconError(path: classes.path, line: row.line, reason: "a member needs a class name (letters only)")
                }
                let forms = try LexiconMatcher.forms(of: row.term, declared: row["forms"], path: classes.path, line: row.line, fold: fold)
                for form in forms {
                    let key = "\(name):\(form.joined(separator: " "))"
                    if let other = seen[key] {
                        throw LexiconError(path: classes.path, line: row.line, reason: "duplicate member '\(form.joined(separator: " "))' of <\(name)>, also at line \(other)")
                    }
                    seen[key] = row.line
                    if form.count == 1 { classSets[name, default: ClassSet()].singles.insert(form[0]) } else { classSets[name, default: ClassSet()].phrases.append(form) }
                }
            }
        }

        // The first words of each class's members, worked out once per class (a slot stands for every
        // one of them), also by their squeezed form, and numbered in the vocabulary.
        let classNames = classSets.keys.sorted()
        var classIndex: [String: Int] = [:]
        for (index, name) in classNames.enumerated() { classIndex[name] = index }
        var ids: [String: Int32] = [:]
        func id(_ word: String) -> Int32 {
            if let known = ids[word] { return known }
            let made = vocabulary.id(adding: word)
            ids[word] = made
            return made
        }
        var classFirsts: [String: [String]] = [:]
        var classFirstsByCollapsed: [String: [String: [String]]] = [:]
        var classFirstIDs: [String: [Int32]] = [:]
        for name in classSets.keys.sorted() {
            let set = classSets[name]!
            let firsts = Set(set.singles).union(set.phrases.map { $0[0] }).sorted()
            classFirsts[name] = firsts
            classFirstsByCollapsed[name] = Dictionary(grouping: firsts, by: LexiconMatcher.collapse)
            classFirstIDs[name] = firsts.map(id)
            classSets[name]!.singleIDs = Set(set.singles.map(id))
            classSets[name]!.phraseIDs = set.phrases.map { $0.map(id) }
            for (index, words) in classSets[name]!.phraseIDs.enumerated() { classSets[name]!.byFirstID[words[0], default: []].append(index) }
        }

        var entries: [LexiconEntry] = []
        var singles: [String: Int] = [:]
        var elongated: [String: [(Int, String)]] = [:]
        var glued: [String: (Int, String)] = [:]
        var byFirst: [String: [Phrase]] = [:]
        var byClass: [Phrase] = []
        var phraseSeen: [String: Int] = [:]

        func where_(_ index: Int) -> String { "\(entries[index].path):\(entries[index].line)" }

        for table in tables {
            for row in table.rows {
                let index = entries.count
                let regions = try LexiconMatcher.regions(row["region"], path: table.path, line: row.line)
                var regionOnly = false
                var with: Set<String> = []
                var without: Set<String> = []
                for clause in row["when"].split(separator: " ").map(String.init) where !clause.isEmpty {
                    if clause == "region" {
                        regionOnly = true
                    } else if clause.hasPrefix("with:") || clause.hasPrefix("without:") {
                        let words = clause.drop(while: { $0 != ":" }).dropFirst().split(separator: ",").map { fold(String($0)) }
                        guard !words.isEmpty, words.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isLetter) }) else {
                            throw LexiconError(path: table.path, line: row.line, reason: "'\(clause)' needs words: with:a,b,c")
                        }
                        if clause.hasPrefix("with:") { with.formUnion(words) } else { without.formUnion(words) }
                    } else {
                        throw LexiconError(path: table.path, line: row.line, reason: "unknown condition '\(clause)' (known: region, with:a,b, without:a,b)")
                    }
                }
                if regionOnly && regions.isEmpty {
                    throw LexiconError(path: table.path, line: row.line, reason: "'when: region' needs region tags in the region column")
                }
                entries.append(LexiconEntry(table: table.name, path: table.path, line: row.line, term: row.term, row: row,
                                            regions: regions, regionOnly: regionOnly, with: with, without: without))
                let forms = try LexiconMatcher.forms(of: row.term, declared: row["forms"], path: table.path, line: row.line, fold: fold)
                for form in forms {
                    let hasSlot = form.contains { $0.hasPrefix("<") }
                    for word in form where word.hasPrefix("<") {
                        let name = String(word.dropFirst().dropLast())
                        guard classSets[name] != nil else {
                            throw LexiconError(path: table.path, line: row.line, reason: "unknown class <\(name)>")
                        }
                    }
                    if form.count == 1 && !hasSlot {
                        let key = form[0]
                        if let other = singles[key], other != index {
                            throw LexiconError(path: table.path, line: row.line, reason: "duplicate form '\(key)', also at \(where_(other))")
                        }
                        singles[key] = index
                        elongated[LexiconMatcher.collapse(key), default: []].append((index, key))
                        continue
                    }
                    let joined = form.joined(separator: " ")
                    if let other = phraseSeen[joined], other != index {
                        throw LexiconError(path: table.path, line: row.line, reason: "duplicate phrase '\(joined)', also at \(where_(other))")
                    }
                    if phraseSeen[joined] != nil { continue }
                    phraseSeen[joined] = index
                    let elements: [Element] = form.map { word in
                        word.hasPrefix("<") ? .member(String(word.dropFirst().dropLast()), index: classIndex[String(word.dropFirst().dropLast())]!)
                            : .word(word, collapsed: LexiconMatcher.collapse(word), id: id(word))
                    }
                    let phrase = Phrase(entry: index, elements: elements, form: joined)
                    switch elements[0] {
                    case .word(_, let c, _):
                        byFirst[c, default: []].append(phrase)
                    case .member(let name, _):
                        // A phrase that opens with a slot is filed under every first word of the slot's members.
                        for word in classFirsts[name]! { byFirst[LexiconMatcher.collapse(word), default: []].append(phrase) }
                        byClass.append(phrase)
                    }
                    if !hasSlot {
                        let g = form.joined()
                        if glued[g] == nil { glued[g] = (index, joined) }
                    }
                }
            }
        }
        // A glued phrase never shadows a real single-word entry.
        for key in glued.keys where singles[key] != nil { glued[key] = nil }
        for (key, value) in glued.sorted(by: { $0.key < $1.key }) {
            elongated[LexiconMatcher.collapse(key), default: []].append(value)
        }
        for key in byFirst.keys {
            byFirst[key]!.sort { $0.elements.count > $1.elements.count }
        }
        self.entries = entries
        self.singles = singles
        self.elongated = elongated
        self.glued = glued
        self.phrasesByFirst = byFirst
        self.phrasesByClass = byClass.sorted { $0.elements.count > $1.elements.count }
        self.classList = classNames.map { classSets[$0]! }
        var phraseWords = Set<String>()
        for list in byFirst.values {
            for phrase in list {
                for case .word(let word, _, _) in phrase.elements { phraseWords.insert(word) }
            }
        }
        for set in classSets.values {
            phraseWords.formUnion(set.singles)
            for words in set.phrases { phraseWords.formUnion(words) }
        }
        self.phraseWords = phraseWords
        self.maskable = (singles.map { (Array($0.key.utf8), $0.value) } + glued.map { (Array($0.key.utf8), $0.value.0) })
            .sorted { $0.0.lexicographicallyPrecedes($1.0) }
            .map { (key: $0.0, entry: $0.1) }

        // A plain word matches a phrase's first element only as itself (a word) or as the first word of
        // a class member: file each phrase under those exact words, in `phrasesByFirst`'s order.
        var starts: [String: Start] = [:]
        for (key, entry) in singles { starts[key, default: Start()].single = entry }
        for (key, value) in glued { starts[key, default: Start()].glued = value }
        var longest = 1
        // The most words a member of each class spans, worked out once per class: a phrase that opens
        // with a slot is filed under every first word of its members, and was measured again for each.
        var classSpans: [String: Int] = [:]
        for (name, set) in classSets { classSpans[name] = max(1, set.phrases.map(\.count).max() ?? 1) }
        for (collapsedKey, list) in byFirst {
            for phrase in list {
                var firstWords: [String] = []
                switch phrase.elements[0] {
                case .word(let word, _, _):
                    firstWords = [word]
                case .member(let name, _):
                    firstWords = classFirstsByCollapsed[name]?[collapsedKey] ?? []
                }
                for word in firstWords where LexiconMatcher.collapse(word) == collapsedKey {
                    starts[word, default: Start()].phrases.append(phrase)
                }
                let span = phrase.elements.reduce(0) { total, element in
                    switch element {
                    case .word: return total + 1
                    case .member(let name, _): return total + classSpans[name, default: 1]
                    }
                }
                longest = max(longest, span)
            }
        }
        for key in starts.keys {
            for (position, phrase) in starts[key]!.phrases.enumerated() {
                guard phrase.elements.count > 1 else { starts[key]!.short.append((position, phrase)); continue }
                var seconds: [Int32] = []
                switch phrase.elements[1] {
                case .word(let word, _, _): seconds = [id(word)]
                case .member(let name, _): seconds = classFirstIDs[name] ?? []
                }
                // A first slot filled by a member of several words (`pedro sánchez`) puts that member's
                // second word next.
                if case .member(let name, _) = phrase.elements[0] {
                    for words in classSets[name]!.phrases where words[0] == key { seconds.append(id(words[1])) }
                }
                var seen = Set<Int32>()
                for word in seconds where seen.insert(word).inserted { starts[key]!.bySecond[word, default: []].append((position, phrase)) }
            }
        }
        var slots: [Int32] = []
        var list: [Start] = []
        for (key, start) in starts.sorted(by: { $0.key < $1.key }) {
            let id = Int(id(key))
            if slots.count <= id { slots += Array(repeating: -1, count: id + 1 - slots.count) }
            slots[id] = Int32(list.count)
            list.append(start)
        }
        self.startSlots = slots
        self.startList = list
        self.longestPhrase = longest
        vocabulary.reach(longest)
    }

    /// The forms an entry declares, each as folded words (`<class>` slots kept as written).
    static func forms(of term: String, declared: String, path: String, line: Int, fold: (String) -> String) throws -> [[String]] {
        func words(_ text: String) throws -> [String] {
            // Split on the bytes of spaces and tabs (a split by characters walks every character).
            let parts = text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).map { String(decoding: $0, as: UTF8.self) }
            var result: [String] = []
            for part in parts {
                if part.hasPrefix("<") && part.hasSuffix(">") && part.count > 2 {
                    result.append(part)
                    continue
                }
                // ASCII letters only (most entries): folding is lowercasing, with no character walk.
                if part.utf8.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }) {
                    result.append(String(decoding: part.utf8.map { $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self))
                    continue
                }
                let folded = fold(part).filter { !($0.isPunctuation) }
                guard !folded.isEmpty, folded.allSatisfy({ $0.isLetter }) else {
                    throw LexiconError(path: path, line: line, reason: "'\(part)' is not a word (letters only, or a <class> slot)")
                }
                result.append(folded)
            }
            guard !result.isEmpty else { throw LexiconError(path: path, line: line, reason: "empty entry") }
            return result
        }
        let base = try words(term)
        var result: [[String]] = [base]
        for item in declared.utf8.split(separator: 0x2C).map({ String(decoding: $0, as: UTF8.self).trimmedBlanks }) where !item.isEmpty {
            if item.hasPrefix("-") {
                guard base.count == 1, !base[0].hasPrefix("<") else {
                    throw LexiconError(path: path, line: line, reason: "'\(item)': an ending applies to a one-word entry; write phrase forms in full")
                }
                let ending = fold(String(item.dropFirst()))
                guard !ending.isEmpty, ending.allSatisfy(\.isLetter) else {
                    throw LexiconError(path: path, line: line, reason: "'\(item)' is not an ending (letters after '-')")
                }
                // An ending that starts with a vowel replaces the entry's final vowel (pendejo, -as:
                // pendejas); one that starts with a consonant is added (sudaca, -s: sudacas).
                var stem = base[0]
                if let first = ending.first, "aeiou".contains(first), let last = stem.last, "aeo".contains(last) { stem.removeLast() }
                result.append([stem + ending])
            } else {
                result.append(try words(item))
            }
        }
        var unique: [[String]] = []
        for form in result where !unique.contains(form) { unique.append(form) }
        return unique
    }

    static func regions(_ field: String, path: String, line: Int) throws -> [String] {
        let trimmed = field.trimmedBlanks
        if trimmed.isEmpty || trimmed == "*" { return [] }
        return try trimmed.split(separator: ",").map { raw in
            let tag = raw.trimmedBlanks
            let parts = tag.split(separator: "-")
            guard parts.count == 2, parts[0] == "es", parts[1].count == 2, parts[1].allSatisfy({ $0.isUppercase && $0.isASCII }) else {
                throw LexiconError(path: path, line: line, reason: "region '\(tag)' is not a tag like es-MX (or * for everywhere)")
            }
            return tag
        }
    }

    /// `es_mx`, `ES-MX`, `es-MX` → `es-MX`.
    public static func normalizeRegion(_ region: String) -> String {
        let parts = region.replacingOccurrences(of: "_", with: "-").split(separator: "-")
        guard parts.count == 2 else { return region }
        return parts[0].lowercased() + "-" + parts[1].uppercased()
    }

    /// Squeezes every run of one letter to a single letter (`mieeerda` → `mierda`, `perra` → `pera`).
    static func collapse(_ s: String) -> String {
        // Only ASCII letters are squeezed: a multi-byte letter is kept whole.
        var last: UInt8 = 0
        var doubled = false
        for b in s.utf8 {
            if b == last && b >= 0x61 && b <= 0x7A { doubled = true; break }
            last = b
        }
        if !doubled { return s }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var previous: UInt8 = 0
        for b in s.utf8 {
            if b == previous && b >= 0x61 && b <= 0x7A { continue }
            bytes.append(b)
            previous = b
        }
        return bytes.count == s.utf8.count ? s : String(decoding: bytes, as: UTF8.self)
    }

    /// Letters that Spanish doubles in ordinary words (`llamar`, `perro`, `acción`, `innato`, `leer`,
    /// `cooperar`): two of them in a row are not an elongation, three are.
    static let ordinaryDoubles: Set<Character> = ["l", "r", "c", "n", "e", "o"]

    /// Whether a word looks stretched: a letter three times in a row, or twice when Spanish never
    /// doubles it (`mierdaa`, `puuta`; not `cullera`, `leer`).
    static func hasRun(_ s: String) -> Bool {
        var previous: UInt8 = 0
        var length = 0
        for b in s.utf8 {
            if b == previous && b >= 0x61 && b <= 0x7A {
                length += 1
                if length >= 3 || !ordinaryDoubleBytes.contains(b) { return true }
            } else {
                length = 1
            }
            previous = b
        }
        return false
    }

    static let ordinaryDoubleBytes = ByteSet(ordinaryDoubles.compactMap(\.asciiValue))

    /// True for a word of plain lowercase letters (ASCII or ñ): no separator, leetspeak or symbol to
    /// read through, the common case.
    @inline(__always) static func isPlain(_ s: String) -> Bool {
        var utf8 = s.utf8.makeIterator()
        while let b = utf8.next() {
            if b >= 0x61 && b <= 0x7A { continue }
            if b == 0xC3, utf8.next() == 0xB1 { continue }
            return false
        }
        return true
    }

    // MARK: - Normalizing what the reply wrote

    /// Characters a writer puts between letters to hide a word (`p.u.t.a`, `m-i-e-r-d-a`).
    static let separators: Set<Character> = [".", "-", "_", "'", "’", "·", ",", "/", "|", "~"]
    /// Characters that stand for one or more hidden letters (`m*erda`).
    static let wildcards: Set<Character> = ["*", "#", "%", "?", "_", "•", "×"]
    static let leet: [Character: Character] = [
        "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "9": "g",
        "@": "a", "$": "s", "!": "i", "€": "e", "¡": "i",
    ]

    /// The keys a written word may stand for: itself without separators, then its leetspeak
    /// readings (`1` read as `i`, then as `l`).
    static func variants(_ folded: String) -> [String] {
        if isPlain(folded) { return [folded] }
        var plain = folded
        if plain.contains(where: { separators.contains($0) }) {
            plain.removeAll { separators.contains($0) }
        }
        guard plain.contains(where: { leet[$0] != nil }), plain.contains(where: \.isLetter) else { return [plain] }
        let asI = String(plain.map { leet[$0] ?? $0 })
        var result = [plain, asI]
        if plain.contains("1") {
            result.append(String(plain.map { $0 == "1" ? "l" : (leet[$0] ?? $0) }))
        }
        return result
    }

    // MARK: - Matching

    /// How a word unit reads: its keys, their squeezed forms when they have stretched letters, its
    /// hidden-letter pattern. Kept once per distinct word in a list (`SharedUnits.forms(_:)`), which
    /// the units name by index.
    struct Forms {
        let keys: [String]
        let collapsed: [String]?
        /// A word with hidden letters (`m*dre`), matched against phrase words.
        let mask: Mask?

        /// One reading, no stretched letters, no hidden ones: matched by exact look-ups only.
        var isPlain: Bool { keys.count == 1 && collapsed == nil && mask == nil }
    }

    /// One word unit of a document: plain values only, so that a document's units are made, copied
    /// and freed with no reference count (a unit is copied for every token of every document). Its
    /// readings are in its document's `SharedUnits`, at `reading`.
    struct Unit {
        var range: Range<Int>
        var sentence: Int
        /// The vocabulary number of a plain unit's word; -1 when the vocabulary does not hold it (or
        /// the unit has no word), -2 for a unit that is not plain (looked up by its keys).
        var id: Int32
        /// Where its `Forms` are (`SharedUnits.forms(_:)`): an index into the worker's kept forms when
        /// 0 or more, -1 for none (no word), and -2 - i for the document's own forms at `i`.
        var reading: Int32
        var isPlain: Bool
        var disguised: Bool
    }

    /// The index into `startList` of what a plain unit's word starts here, or nil.
    @inline(__always) func startIndex(id: Int32) -> Int? {
        let id = Int(id)
        guard id >= 0, id < startSlots.count else { return nil }
        let slot = startSlots[id]
        return slot < 0 ? nil : Int(slot)
    }

    /// The word units of a document, which every matcher reads the same way: built once per document
    /// and shared by the families (`RuleContext.memoized`), with the glued clusters and spelled-out
    /// runs the disguise passes look at.
    final class SharedUnits {
        let units: [Unit]
        /// The indexes of the units with a vocabulary number or more than one reading (`id` not -1): the
        /// only ones a matcher can start at. About half of a reply's units.
        let numbered: [Int32]
        let clusters: [Range<Int>]
        let spelledRuns: [Range<Int>]

        /// What a word token's unit is, whatever its place, and whether the word hides letters
        /// (`m*erda`). Its forms are in the worker's kept list (`KeptForms`), which lives as long as the
        /// templates. Small (a memo slot of 12 bytes, where a whole unit took 40): the memo is read at
        /// random by word id, and its slots are what misses the cache.
        struct Template {
            var id: Int32
            var reading: Int32
            var isPlain: Bool
            var disguised: Bool
            var masked: Bool
            /// One letter (`LexiconMatcher.isOneLetter`): a part of a spelled-out run.
            var oneLetter: Bool

            init(_ unit: Unit, masked: Bool, oneLetter: Bool) {
                id = unit.id
                reading = unit.reading
                isPlain = unit.isPlain
                disguised = unit.disguised
                self.masked = masked
                self.oneLetter = oneLetter
            }

            /// The unit of a token at `range` in sentence `sentence`.
            @inline(__always) func unit(_ range: Range<Int>, _ sentence: Int) -> Unit {
                Unit(range: range, sentence: sentence, id: id, reading: reading, isPlain: isPlain, disguised: disguised)
            }
        }

        /// The forms of the words a worker has made templates of, for one vocabulary snapshot: a
        /// template's unit names its forms here by index.
        final class KeptForms {
            var list: [Forms] = []
        }

        /// The forms of the worker's templates, as they stood when the units were made.
        private let kept: [Forms]
        /// The forms of this document's other units (mentions, hashtags, numbers with letters, and the
        /// joined units of merged stretches). Written only while the units and the merged stretches are
        /// made, never during a read of it: the run-time exclusivity check is left out.
        @exclusivity(unchecked) private var own: [Forms]

        /// A unit's readings (none for a token that is no word: callers test `reading == -1` first
        /// where they can, since a unit without readings matches nothing).
        @inline(__always) func forms(_ unit: Unit) -> Forms {
            let reading = Int(unit.reading)
            if reading >= 0 { return kept[reading] }
            return reading == -1 ? Forms(keys: [], collapsed: nil, mask: nil) : own[-2 - reading]
        }

        /// Files `forms` in a document's own list and returns the unit's `reading` for them (-2 - index).
        @inline(__always) static func file(_ forms: Forms, in own: inout [Forms]) -> Int32 {
            own.append(forms)
            return Int32(-1 - own.count)
        }

        /// The key of a plain unit (its one reading).
        @inline(__always) func key(_ unit: Unit) -> String { forms(unit).keys[0] }

        /// The unit of a token that is no word (it breaks phrases).
        @inline(__always) static func wordless(_ range: Range<Int>, _ sentence: Int) -> Unit {
            Unit(range: range, sentence: sentence, id: -1, reading: -1, isPlain: false, disguised: false)
        }

        /// A unit of `forms`, which `add` files and whose index it returns.
        static func unit(_ forms: Forms, range: Range<Int>, sentence: Int, disguised: Bool,
                         _ words: LexiconVocabulary.Snapshot, add: (Forms) -> Int32) -> Unit {
            if forms.keys.isEmpty && forms.collapsed == nil && forms.mask == nil {
                return Unit(range: range, sentence: sentence, id: -1, reading: -1, isPlain: false, disguised: disguised)
            }
            let plain = forms.isPlain
            let id: Int32 = plain ? words.id(forms.keys[0]) : forms.keys.isEmpty ? -1 : -2
            return Unit(range: range, sentence: sentence, id: id, reading: add(forms), isPlain: plain, disguised: disguised)
        }

        /// The forms of a word's folded text.
        static func wordForms(_ folded: String) -> (forms: Forms, disguised: Bool) {
            let keys = LexiconMatcher.variants(folded)
            let runs = keys.contains(where: LexiconMatcher.hasRun)
            return (Forms(keys: keys, collapsed: runs ? keys.map(LexiconMatcher.collapse) : nil, mask: nil),
                    keys.count > 1 || keys[0] != folded)
        }

        /// A `_` or `*` inside the word.
        static func isMasked(_ folded: String) -> Bool { folded.utf8.contains { $0 == 0x5F || $0 == 0x2A } }

        init(_ context: RuleContext, vocabulary: LexiconVocabulary) {
            let words = vocabulary.snapshot
            // Word tokens repeat: their units are made once per text and vocabulary (the vocabulary only
            // grows, so its size tells its snapshots apart).
            let memoKey = "lexicon.templates.\(vocabulary.serial).\(words.count)"
            let templates: WordMemo<Template>? = context.wordMemo(memoKey)
            // The templates' forms, kept beside them (under the same word table).
            let keptForms = context.words.map { table in context.worker.value("\(memoKey).forms#\(table.serial)") { KeptForms() } }
            // Word units: one per token; tokens that are not words break phrases (no forms). The lists are
            // written by the loop itself: captured by a local function passed on as a value, they were
            // boxed, and every append paid a run-time exclusivity check.
            var units: [Unit] = []
            var own: [Forms] = []
            var masked: [Int] = []
            // The spelled-out runs, found on the way (each token is met once, in order).
            var runs = SpelledRuns()
            units.reserveCapacity(context.tokens.count)
            // Unwrapped once, out of the loop: bound in the loop, the two memos were retained and released
            // for every token. Without a word table, no token has a word id and the stand-ins go unread.
            let usesTemplates = templates != nil && keptForms != nil
            let memo = templates ?? WordMemo<Template>()
            let keptList = keptForms ?? KeptForms()
            context.tokens.withUnsafeBufferPointer { tokens in
                for index in tokens.indices {
                    // Tokens are tested in place, without a copy (which retains its three texts).
                    if tokens[index].kind == .punctuation { runs.token(index, oneLetter: false, sentence: 0); continue }
                    if usesTemplates && tokens[index].kind == .word && tokens[index].word >= 0 {
                        // Most words were met before: their template read in place (a plain value), and one
                        // unit made from it.
                        let template = memo.peek(tokens[index].word, { $0 }) ?? memo.value(tokens[index].word) {
                            let (forms, disguised) = Self.wordForms(tokens[index].folded)
                            let unit = Self.unit(forms, range: tokens[index].range, sentence: tokens[index].sentence,
                                                 disguised: disguised, words) { forms in
                                keptList.list.append(forms)
                                return Int32(keptList.list.count - 1)
                            }
                            return Template(unit, masked: Self.isMasked(tokens[index].folded),
                                            oneLetter: LexiconMatcher.isOneLetter(tokens[index]))
                        }
                        runs.token(index, oneLetter: template.oneLetter, sentence: tokens[index].sentence)
                        units.append(template.unit(tokens[index].range, tokens[index].sentence))
                        if template.masked { masked.append(index) }
                        continue
                    }
                    // A token that is not a word met before.
                    let token = tokens[index]
                    runs.token(index, oneLetter: LexiconMatcher.isOneLetter(token), sentence: token.sentence)
                    if token.kind == .word && Self.isMasked(token.folded) { masked.append(index) }
                    switch token.kind {
                    case .word, .number, .hashtag:
                        var folded = token.folded
                        if token.kind == .hashtag { folded.removeFirst() }
                        // An ASCII number with no cased letter has no letter at all: no need to walk it.
                        let letterless = token.shape.contains(.ascii)
                            ? !token.shape.contains(.upper) && !token.shape.contains(.lower)
                            : !folded.contains(where: \.isLetter)
                        if token.kind == .number && letterless {
                            units.append(Self.wordless(token.range, token.sentence))
                            continue
                        }
                        let (forms, disguised) = Self.wordForms(folded)
                        units.append(Self.unit(forms, range: token.range, sentence: token.sentence, disguised: disguised, words) {
                            Self.file($0, in: &own)
                        })
                    case .mention:
                        // `@sshole`: an at sign read as the letter a.
                        let key = "a" + token.folded.dropFirst()
                        let forms = Forms(keys: [key], collapsed: LexiconMatcher.hasRun(key) ? [LexiconMatcher.collapse(key)] : nil, mask: nil)
                        units.append(Self.unit(forms, range: token.range, sentence: token.sentence, disguised: true, words) {
                            Self.file($0, in: &own)
                        })
                    default:
                        units.append(Self.wordless(token.range, token.sentence))
                    }
                }
            }
            self.words = words
            self.units = units
            var numbered: [Int32] = []
            for u in units.indices where units[u].id != -1 { numbered.append(Int32(u)) }
            self.numbered = numbered
            kept = keptForms?.list ?? []
            self.own = own
            longestPhrase = vocabulary.longestPhrase
            readings = context.worker.value("lexicon.readings") { Readings() }
            tokens = context.tokens
            clusters = LexiconMatcher.clusters(context.tokens)
            runs.close()
            spelledRuns = runs.runs
            maskedWords = masked
        }

        /// The word tokens with a `_` or `*` inside (`m_erda`), which may hide letters.
        let maskedWords: [Int]

        /// The vocabulary's longest phrase when the units were made (the reach of merged stretches).
        let longestPhrase: Int

        let tokens: [Token]
        /// The vocabulary as it stood when the document's units were numbered.
        let words: LexiconVocabulary.Snapshot

        /// How a joined text reads (its keys with their stretched-letter forms, and its mask), worked
        /// out once per document for all the matchers.
        struct Reading {
            var keys: [String]
            /// For each key, its squeezed form when it has stretched letters.
            var collapsed: [String?]
            var mask: Mask?
        }
        /// A reading depends on its text alone, and glued texts (`S.A.`, `1-3`, handles) recur from one
        /// document to the next: the worker keeps them (up to `Readings.limit`, then starts over).
        final class Readings {
            static let limit = 100_000
            var known: [String: Reading] = [:]
        }
        private let readings: Readings
        private var texts: [Int: String] = [:]

        func reading(_ text: String) -> Reading {
            if let known = readings.known[text] { return known }
            let keys = LexiconMatcher.variants(text)
            let made = Reading(keys: keys, collapsed: keys.map { LexiconMatcher.hasRun($0) ? LexiconMatcher.collapse($0) : nil },
                               mask: LexiconMatcher.maskPattern(text))
            if readings.known.count >= Readings.limit { readings.known.removeAll(keepingCapacity: true) }
            readings.known[text] = made
            return made
        }

        /// How the folded tokens of a range read written together, with the vocabulary numbers of its
        /// keys: worked out once per document for all the matchers.
        struct Joined {
            var reading: Reading
            var ids: [Int32]
        }
        private var joinedTexts: [Int: Joined] = [:]

        /// How each glued cluster reads (`joined` of each of `clusters`, in order): made once, when the
        /// first matcher asks, and read by index by every matcher after it.
        private(set) lazy var clusterReadings: [Joined] = clusters.map { joined($0) }

        func joined(_ range: Range<Int>) -> Joined {
            let key = range.lowerBound << 32 | range.upperBound
            if let known = joinedTexts[key] { return known }
            let read = reading(text(range))
            let made = Joined(reading: read, ids: read.keys.map(words.id))
            joinedTexts[key] = made
            return made
        }

        /// The folded tokens of `range` written together.
        func text(_ range: Range<Int>) -> String {
            let key = range.lowerBound << 32 | range.upperBound
            if let known = texts[key] { return known }
            // Appended into room made once (a list of the texts, then joined, made two copies of each).
            var made = ""
            var length = 0
            for t in range { length += tokens[t].folded.utf8.count }
            made.reserveCapacity(length)
            for t in range { made += tokens[t].folded }
            texts[key] = made
            return made
        }

        /// Stretches of units with the glued clusters and the spelled-out runs (cut as `runs`) taken
        /// as one word each, with the positions of those joined units in them: each stretch reaches
        /// `reach` units either side of its joined units, as far as a phrase through them can. The
        /// matchers nearly always cut the runs alike, so the last answer is kept.
        private var lastMerged: (runs: [Range<Int>], reach: Int, segments: [Segment])?

        struct Segment {
            var units: [Unit]
            var joined: [Int]
        }

        func merged(runs: [Range<Int>], reach: Int) -> [Segment] {
            // Stretches that reach further serve as well: a phrase found through a joined unit lies
            // within `reach` units of it either way, and the units in between are the same.
            if let last = lastMerged, last.runs == runs, last.reach >= reach { return last.segments }
            let wide = max(reach, longestPhrase)
            let made = build(runs: runs, reach: wide)
            lastMerged = (runs, wide, made)
            return made
        }

        private func build(runs: [Range<Int>], reach: Int) -> [Segment] {
            var spans = clusters.map { ($0, true) } + runs.map { ($0, false) }
            guard !spans.isEmpty else { return [] }
            spans.sort { $0.0.lowerBound < $1.0.lowerBound }
            var segments: [Segment] = []
            var current: Segment?
            var currentEnd = 0  // the unit index the current segment has reached
            var t = 0
            var u = 0
            func close() {
                guard var segment = current else { return }
                segment.units += units[currentEnd..<min(units.count, currentEnd + reach)]
                segments.append(segment)
                current = nil
            }
            for (span, glued) in spans where span.lowerBound >= t {
                let start = tokens[span.lowerBound].range.lowerBound
                while u < units.count && units[u].range.upperBound <= start { u += 1 }
                let first = u
                let end = tokens[span.upperBound - 1].range.upperBound
                while u < units.count && units[u].range.lowerBound < end { u += 1 }
                let unit = joinedUnit(span, glued: glued, range: start..<end)
                if current != nil && first - currentEnd >= 2 * reach { close() }
                if current == nil {
                    current = Segment(units: Array(units[max(0, first - reach + 1)..<first]), joined: [])
                } else {
                    current!.units += units[currentEnd..<first]
                }
                current!.joined.append(current!.units.count)
                current!.units.append(unit)
                currentEnd = u
                t = span.upperBound
            }
            close()
            return segments
        }

        /// The joined unit of the tokens of `span` (a glued cluster when `glued`, else a spelled-out run),
        /// made once per document: matchers that cut the runs differently build their stretches again,
        /// from the same units.
        private var joinedUnits: [Int: Unit] = [:]

        private func joinedUnit(_ span: Range<Int>, glued: Bool, range: Range<Int>) -> Unit {
            let key = span.lowerBound << 33 | span.upperBound << 1 | (glued ? 1 : 0)
            if let known = joinedUnits[key] { return known }
            let read = reading(text(span))
            let forms = Forms(keys: read.keys,
                              collapsed: read.collapsed.contains(where: { $0 != nil }) ? read.keys.map(LexiconMatcher.collapse) : nil,
                              mask: glued ? read.mask : nil)
            let unit = Self.unit(forms, range: range, sentence: tokens[span.lowerBound].sentence, disguised: true, words) {
                Self.file($0, in: &own)
            }
            joinedUnits[key] = unit
            return unit
        }
    }

    typealias Mask = (pattern: [(letter: UInt8?, count: Int)], visible: Int)

    /// Every active entry found in the reply, longest first where they overlap, in text order.
    public func matches(in context: RuleContext) -> [LexiconMatch] {
        collect(in: context, stopAtFirst: false)
    }

    /// Whether the reply holds any active entry: `matches(in:)` that stops at the first one.
    public func containsMatch(in context: RuleContext) -> Bool {
        !collect(in: context, stopAtFirst: true).isEmpty
    }

    func collect(in context: RuleContext, stopAtFirst: Bool) -> [LexiconMatch] {
        let tokens = context.tokens
        let region = context.options.region
        var active = [Bool?](repeating: nil, count: entries.count)
        // What the test reads, taken out of the context and the matcher: passed on as a closure, a
        // function that captured those two structs copied and destroyed them at every call.
        let entries = self.entries
        let sentences = context.sentences
        func isActive(_ entry: Int, sentence: Int) -> Bool {
            if active[entry] == nil { active[entry] = entries[entry].applies(region: region) }
            guard active[entry]! else { return false }
            // The entry's fields read in place (a copy of the entry retained its texts and sets).
            if entries[entry].with.isEmpty && entries[entry].without.isEmpty { return true }
            guard sentence < sentences.count else { return entries[entry].with.isEmpty }
            var sawWith = false
            for t in sentences[sentence].tokens {
                let f = tokens[t].folded
                if entries[entry].without.contains(f) { return false }
                if entries[entry].with.contains(f) { sawWith = true }
            }
            return entries[entry].with.isEmpty || sawWith
        }

        // Made again when a matcher has numbered more words since (one built after the document's units
        // were): every word of this matcher then has its number in the units' snapshot.
        let shared = context.memoized("lexicon.units.\(vocabulary.serial).\(vocabulary.count)") { SharedUnits(context, vocabulary: vocabulary) }
        let units = shared.units

        var found: [LexiconMatch] = []

        func single(_ unit: Unit) -> LexiconMatch? {
            if unit.isPlain {
                guard let index = startIndex(id: unit.id) else { return nil }
                if let e = startList[index].single, isActive(e, sentence: unit.sentence) {
                    return LexiconMatch(entry: e, range: unit.range, form: shared.key(unit), disguised: unit.disguised)
                }
                if let (e, form) = startList[index].glued, isActive(e, sentence: unit.sentence) {
                    return LexiconMatch(entry: e, range: unit.range, form: form, disguised: unit.disguised)
                }
                return nil
            }
            let forms = shared.forms(unit)
            for key in forms.keys {
                if let e = singles[key], isActive(e, sentence: unit.sentence) {
                    return LexiconMatch(entry: e, range: unit.range, form: key, disguised: unit.disguised)
                }
                if let (e, form) = glued[key], isActive(e, sentence: unit.sentence) {
                    return LexiconMatch(entry: e, range: unit.range, form: form, disguised: unit.disguised)
                }
            }
            if let collapsed = forms.collapsed {
                for (key, c) in zip(forms.keys, collapsed) {
                    for (e, form) in elongated[c] ?? [] where key.count > form.replacingOccurrences(of: " ", with: "").count
                        && isActive(e, sentence: unit.sentence) {
                        return LexiconMatch(entry: e, range: unit.range, form: form, disguised: true)
                    }
                }
            }
            return nil
        }

        func wordMatches(_ unit: Unit, _ key: String, _ collapsedKey: String) -> Bool {
            let forms = shared.forms(unit)
            if let mask = forms.mask {
                let bytes = Array(key.utf8)
                return mask.visible * 2 >= bytes.count && LexiconMatcher.fits(mask.pattern[...], bytes[...])
            }
            for k in forms.keys where k == key { return true }
            if let collapsed = forms.collapsed {
                for (k, c) in zip(forms.keys, collapsed) where c == collapsedKey && k.count > key.count { return true }
            }
            return false
        }

        /// End unit indexes (exclusive) where the phrase elements from `element` on match from unit `u`.
        func match(_ units: [Unit], _ elements: [Element], _ element: Int, _ u: Int, _ sentence: Int) -> Int? {
            if element == elements.count { return u }
            guard u < units.count, units[u].sentence == sentence else { return nil }
            switch elements[element] {
            case .word(_, _, let id) where units[u].isPlain:
                // A plain unit has one reading to compare, by number (the texts are not bound: binding
                // them retained and released both for every comparison).
                guard units[u].id == id else { return nil }
                return match(units, elements, element + 1, u + 1, sentence)
            case .word(let key, let c, _):
                // A token that is no word (a number, an emoji) has no reading to match.
                guard units[u].reading != -1, wordMatches(units[u], key, c) else { return nil }
                return match(units, elements, element + 1, u + 1, sentence)
            case .member(_, let index):
                if units[u].reading == -1 { return nil }
                return classList.withUnsafeBufferPointer { list in member(list.baseAddress! + index, units, elements, element, u, sentence) }
            }
        }

        /// `match` at a class slot: the class read in place (a copy of it retained its five lists).
        func member(_ set: UnsafePointer<ClassSet>, _ units: [Unit], _ elements: [Element], _ element: Int, _ u: Int, _ sentence: Int) -> Int? {
            var best: Int?
            if units[u].isPlain {
                // By number: only the members whose first word is this one, then word by word.
                for p in set.pointee.byFirstID[units[u].id] ?? [] where u + set.pointee.phraseIDs[p].count <= units.count {
                    var ok = true
                    for offset in 1..<set.pointee.phraseIDs[p].count {
                        let unit = units[u + offset]
                        let same = unit.isPlain ? unit.id == set.pointee.phraseIDs[p][offset] : shared.forms(unit).keys.contains(set.pointee.phrases[p][offset])
                        if unit.sentence != sentence || !same { ok = false; break }
                    }
                    if ok, let end = match(units, elements, element + 1, u + set.pointee.phraseIDs[p].count, sentence) { best = max(best ?? end, end) }
                }
                if set.pointee.singleIDs.contains(units[u].id), let end = match(units, elements, element + 1, u + 1, sentence) {
                    best = max(best ?? end, end)
                }
                return best
            }
            for words in set.pointee.phrases where u + words.count <= units.count {
                var ok = true
                for (offset, word) in words.enumerated() {
                    let unit = units[u + offset]
                    if unit.sentence != sentence || !shared.forms(unit).keys.contains(word) { ok = false; break }
                }
                if ok, let end = match(units, elements, element + 1, u + words.count, sentence) { best = max(best ?? end, end) }
            }
            if shared.forms(units[u]).keys.contains(where: { set.pointee.singles.contains($0) }),
               let end = match(units, elements, element + 1, u + 1, sentence) {
                best = max(best ?? end, end)
            }
            return best
        }

        /// Phrases (and single entries, with `singlesToo`) starting at the units of `starting`.
        func phrases(_ units: [Unit], singlesToo: Bool, starting: [Range<Int>]) {
            let slots = startSlots
            units.withUnsafeBufferPointer { buffer in
                for window in starting {
                    for u in window {
                        // Most units are plain words that start nothing here: one array look-up each.
                        let id = buffer[u].id
                        if id == -1 { continue }
                        if id >= 0 && (Int(id) >= slots.count || slots[Int(id)] < 0) { continue }
                        if stopAtFirst && !found.isEmpty { return }
                        phrases(at: u, units, singlesToo: singlesToo)
                    }
                }
            }
        }

        func tryPhrase(_ phrase: Phrase, at u: Int, _ units: [Unit], sentence: Int) {
            guard let end = match(units, phrase.elements, 0, u, sentence), end > u,
                  isActive(phrase.entry, sentence: sentence) else { return }
            let disguised = units[u..<end].contains { $0.disguised }
            found.append(LexiconMatch(entry: phrase.entry, range: units[u].range.lowerBound..<units[end - 1].range.upperBound,
                                      form: phrase.form, disguised: disguised))
        }

        func phrases(at u: Int, _ units: [Unit], singlesToo: Bool) {
            let sentence = units[u].sentence
            if units[u].isPlain {
                // Fields read in place: the unit and its start are not copied out of their arrays.
                guard let index = startIndex(id: units[u].id) else { return }
                if singlesToo, let m = single(units[u]) { found.append(m) }
                guard !startList[index].phrases.isEmpty else { return }
                if u + 1 < units.count, units[u + 1].isPlain, units[u + 1].sentence == sentence {
                    // Only the phrases whose second element can be the next word (one look-up),
                    // in their usual order.
                    let next = units[u + 1].id
                    let second = next < 0 ? nil : startList[index].bySecond[next]
                    if startList[index].short.isEmpty {
                        // Read in place: a phrase copied out of its list retains its elements and form.
                        second?.withUnsafeBufferPointer { list in
                            for k in list.indices { tryPhrase(list[k].1, at: u, units, sentence: sentence) }
                        }
                    } else {
                        for (_, phrase) in (startList[index].short + (second ?? [])).sorted(by: { $0.0 < $1.0 }) {
                            tryPhrase(phrase, at: u, units, sentence: sentence)
                        }
                    }
                } else {
                    startList[index].phrases.withUnsafeBufferPointer { list in
                        for k in list.indices { tryPhrase(list[k], at: u, units, sentence: sentence) }
                    }
                }
                return
            }
            let unit = units[u]
            if singlesToo, let m = single(unit) { found.append(m) }
            var candidates: [Phrase] = []
            let forms = shared.forms(unit)
            let lookups = forms.collapsed ?? forms.keys.map(LexiconMatcher.collapse)
            for (i, key) in lookups.enumerated() where !lookups[..<i].contains(key) {
                if let list = phrasesByFirst[key] { candidates += list }
            }
            for phrase in candidates { tryPhrase(phrase, at: u, units, sentence: sentence) }
        }
        // Only the numbered units can start anything: half the units of a reply, walked by index.
        let slots = startSlots
        shared.numbered.withUnsafeBufferPointer { numbered in
            for u in numbered {
                let id = units[Int(u)].id
                if id >= 0 && (Int(id) >= slots.count || slots[Int(id)] < 0) { continue }
                if stopAtFirst && !found.isEmpty { break }
                phrases(at: Int(u), units, singlesToo: true)
            }
        }
        if stopAtFirst && !found.isEmpty { return found }
        // Phrases again, with words cut up by symbols or spelled out letter by letter taken whole
        // (`hijo de p u t a`, `la puta m*dre`); only when the reply has such words, and only phrases that
        // reach one of them (any other was found above).
        for segment in mergedUnits(context, shared) {
            let reach = segment.joined.map { max(0, $0 - longestPhrase + 1)..<($0 + 1) }
            var windows: [Range<Int>] = []
            for window in reach {
                if let last = windows.last, window.lowerBound <= last.upperBound {
                    windows[windows.count - 1] = last.lowerBound..<max(last.upperBound, window.upperBound)
                } else {
                    windows.append(window)
                }
            }
            phrases(segment.units, singlesToo: false, starting: windows)
        }

        if stopAtFirst && !found.isEmpty { return found }
        found += disguisedRuns(context, shared, isActive: isActive)
        return LexiconMatcher.resolve(found)
    }

    static let opening: Set<Character> = ["¡", "¿", "(", "[", "{", "«", "\"", "“", "‘", "'", "*", "-", "_", "."]
    static let closing: Set<Character> = [".", ",", ";", ":", "!", "?", ")", "]", "}", "»", "\"", "”", "’", "'", "…", "*", "-", "_"]
    /// The same marks, asked of a token's text without hashing a Character (asked for every glued cluster).
    static let openingMarks = MarkSet(opening)
    static let closingMarks = MarkSet(closing)

    /// A set of marks asked of one-character texts: an ASCII text is answered from a byte table, any
    /// other by the set itself (Character equality is canonical: U+037E is a semicolon).
    struct MarkSet {
        private var ascii = ByteSet([UInt8]())
        private let marks: Set<Character>

        init(_ marks: Set<Character>) {
            self.marks = marks
            for mark in marks where mark.isASCII { ascii.insert(mark.asciiValue!) }
        }

        /// Whether `text` is one character and one of the marks.
        func contains(_ text: String) -> Bool {
            let utf8 = text.utf8
            if utf8.count == 1 { return ascii.contains(utf8.first!) }
            return text.count == 1 && marks.contains(text.first!)
        }
    }

    /// The glued clusters of a reply (tokens with nothing between them, at least one a symbol), as
    /// token index ranges without their opening and closing punctuation.
    static func clusters(_ tokens: [Token]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        // Read once: a static asked in the loop checked its one-time initialization at every token.
        let openingMarks = Self.openingMarks, closingMarks = Self.closingMarks
        var i = 0
        while i < tokens.count {
            var j = i + 1
            while j < tokens.count && !tokens[j].spaceBefore && tokens[j].sentence == tokens[i].sentence
                    && tokens[j].kind != .url && tokens[j].kind != .email && tokens[j].kind != .emoji { j += 1 }
            if j - i >= 2 {
                var lo = i
                var hi = j
                while lo < hi, tokens[lo].kind == .punctuation, openingMarks.contains(tokens[lo].text) { lo += 1 }
                while hi > lo, tokens[hi - 1].kind == .punctuation, closingMarks.contains(tokens[hi - 1].text) { hi -= 1 }
                let hasWord = (lo..<hi).contains { tokens[$0].kind == .word || tokens[$0].kind == .number }
                let hasMark = (lo..<hi).contains { tokens[$0].kind == .punctuation || tokens[$0].kind == .symbol }
                if hi - lo >= 2, hasWord, hasMark { result.append(lo..<hi) }
            }
            i = j
        }
        return result
    }

    /// A token of one letter (or one digit): a word or number whose folded text is one character.
    @inline(__always) static func isOneLetter(_ token: borrowing Token) -> Bool {
        guard token.kind == .word || token.kind == .number else { return false }
        // One byte, or a few bytes that are not all ASCII, before counting characters.
        let count = token.folded.utf8.count
        if count == 1 { return true }
        // An ASCII word folds to ASCII: longer than one byte, it is longer than one letter.
        if count > 8 || token.shape.contains(.ascii) { return false }
        return token.folded.utf8.contains { $0 >= 0x80 } && token.folded.count == 1
    }

    /// Runs of one-letter tokens (`m i e r d a`) in one sentence, as token index ranges of two tokens or
    /// more, found as the tokens are met one by one, in order.
    struct SpelledRuns {
        private(set) var runs: [Range<Int>] = []
        private var start = -1
        private var end = 0
        private var sentence = 0

        /// The next token (`index` one past the last one given).
        @inline(__always) mutating func token(_ index: Int, oneLetter: Bool, sentence: Int) {
            if oneLetter {
                if start >= 0 && sentence == self.sentence { end = index + 1; return }
                close()
                start = index
                end = index + 1
                self.sentence = sentence
            } else if start >= 0 {
                close()
            }
        }

        /// Ends the current run (at the last token).
        mutating func close() {
            if start >= 0 && end - start >= 2 { runs.append(start..<end) }
            start = -1
        }
    }

    /// The word units again, with each glued cluster and each spelled-out run taken as one word, and
    /// the indexes of those joined units; nil when the reply has none.
    func mergedUnits(_ context: RuleContext, _ shared: SharedUnits) -> [SharedUnits.Segment] {
        // A spelled-out run may take in a one-letter word around it (`m a d r e y`): cut it off when
        // the rest spells a lexicon word.
        let runs = shared.spelledRuns.map { run -> Range<Int> in
            for (head, tail) in [(0, 0), (0, 1), (1, 0), (1, 1)] where run.count - head - tail >= 2 {
                let cut = (run.lowerBound + head)..<(run.upperBound - tail)
                if shared.reading(shared.text(cut)).keys.contains(where: { phraseWords.contains($0) || singles[$0] != nil }) { return cut }
            }
            return run
        }
        return shared.merged(runs: runs, reach: longestPhrase)
    }

    /// The letters and hidden-letter runs of a masked word (`m*erda`), or nil when it hides nothing
    /// or shows fewer than two letters.
    static func maskPattern(_ text: String) -> Mask? {
        // Most clusters hide nothing: look for a wildcard byte before any character work.
        guard text.utf8.contains(where: { $0 == 0x2A || $0 == 0x23 || $0 == 0x25 || $0 == 0x3F || $0 == 0x5F || $0 >= 0xC2 }) else { return nil }
        var chars: [Character] = text.compactMap { c in
            if "-'’,/|~.".contains(c) { return nil }
            if wildcards.contains(c) { return c }
            return leet[c] ?? c
        }
        // Only wildcards between letters hide anything.
        while let f = chars.first, !f.isLetter { chars.removeFirst() }
        while let l = chars.last, !l.isLetter { chars.removeLast() }
        var pattern: [(letter: UInt8?, count: Int)] = []
        var visible = 0
        for c in chars {
            if c.isLetter {
                guard let byte = c.asciiValue ?? (c == "ñ" ? 0xF1 : nil) else { return nil }
                pattern.append((byte, 1))
                visible += 1
            } else if wildcards.contains(c) {
                if let last = pattern.last, last.letter == nil { pattern[pattern.count - 1].count += 1 } else { pattern.append((nil, 1)) }
            } else {
                return nil
            }
        }
        guard visible >= 2, pattern.contains(where: { $0.letter == nil }) else { return nil }
        return (pattern, visible)
    }

    /// Words cut up by symbols (`m*erda`, `hij@`, `m-i-e-r-d-a`) or spelled out letter by letter
    /// (`m i e r d a`): rare, so a little more work per candidate is fine.
    func disguisedRuns(_ context: RuleContext, _ shared: SharedUnits, isActive: (Int, Int) -> Bool) -> [LexiconMatch] {
        let tokens = context.tokens
        var found: [LexiconMatch] = []

        // A key's single and glued entries are found by its number (an array read) instead of hashing
        // it again for each matcher: every single and glued form is a start, and numbered.
        // The joined reading is read in place: passed as a value, its four lists were retained and
        // released for every cluster and every matcher.
        func lookup(_ joined: UnsafePointer<SharedUnits.Joined>, range: Range<Int>, sentence: Int) -> LexiconMatch? {
            for k in joined.pointee.ids.indices {
                if let index = startIndex(id: joined.pointee.ids[k]) {
                    if let e = startList[index].single, isActive(e, sentence) {
                        return LexiconMatch(entry: e, range: range, form: joined.pointee.reading.keys[k], disguised: true)
                    }
                    if let (e, form) = startList[index].glued, isActive(e, sentence) { return LexiconMatch(entry: e, range: range, form: form, disguised: true) }
                }
                guard let collapsed = joined.pointee.reading.collapsed[k] else { continue }
                let key = joined.pointee.reading.keys[k]
                for (e, form) in elongated[collapsed] ?? []
                    where key.count > form.replacingOccurrences(of: " ", with: "").count && isActive(e, sentence) {
                    return LexiconMatch(entry: e, range: range, form: form, disguised: true)
                }
            }
            return nil
        }
        func lookup(_ joined: SharedUnits.Joined, range: Range<Int>, sentence: Int) -> LexiconMatch? {
            withUnsafePointer(to: joined) { lookup($0, range: range, sentence: sentence) }
        }

        // Glued clusters: tokens with nothing between them, at least one of them a symbol.
        let readings = shared.clusterReadings
        readings.withUnsafeBufferPointer { readings in
            for (c, span) in shared.clusters.enumerated() {
                let range = tokens[span.lowerBound].range.lowerBound..<tokens[span.upperBound - 1].range.upperBound
                let sentence = tokens[span.lowerBound].sentence
                if let m = lookup(readings.baseAddress! + c, range: range, sentence: sentence) {
                    found.append(m)
                } else if let m = masked(readings[c].reading.mask, range: range, sentence: sentence, isActive: isActive) {
                    found.append(m)
                }
            }
        }

        // One token hiding letters behind wildcards (`m_erda`).
        for i in shared.maskedWords {
            let token = tokens[i]
            if let m = masked(shared.reading(token.folded).mask, range: token.range, sentence: token.sentence, isActive: isActive) { found.append(m) }
        }

        // Letters spelled out one by one: `m i e r d a`, `h d p`; the longest word first.
        for run in shared.spelledRuns {
            var start = run.lowerBound
            while start <= run.upperBound - 2 {
                var hit: LexiconMatch?
                var end = min(run.upperBound, start + 24)
                while end - start >= 2 {
                    if let m = lookup(shared.joined(start..<end), range: tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound,
                                      sentence: tokens[start].sentence) {
                        hit = m
                        break
                    }
                    end -= 1
                }
                if let hit { found.append(hit); start = end } else { start += 1 }
            }
        }
        return found
    }

    /// A word with hidden letters: each run of wildcards stands for one to three letters more than
    /// it has characters. At least two letters, and at least half of the word, must be visible.
    func masked(_ mask: Mask?, range: Range<Int>, sentence: Int, isActive: (Int, Int) -> Bool) -> LexiconMatch? {
        guard let (pattern, visible) = mask, let firstLetter = pattern.first?.letter else { return nil }
        for candidate in maskable where visible * 2 >= candidate.key.count {
            if firstLetter != 0xF1 && candidate.key.first != firstLetter { continue }
            if LexiconMatcher.fits(pattern[...], candidate.key[...]), isActive(candidate.entry, sentence) {
                return LexiconMatch(entry: candidate.entry, range: range, form: String(decoding: candidate.key, as: UTF8.self), disguised: true)
            }
        }
        return nil
    }

    static func fits(_ pattern: ArraySlice<(letter: UInt8?, count: Int)>, _ key: ArraySlice<UInt8>) -> Bool {
        guard let first = pattern.first else { return key.isEmpty }
        if let letter = first.letter {
            // `ñ` is two bytes in the key: compare its second byte.
            if letter == 0xF1 {
                guard key.count >= 2, key[key.startIndex] == 0xC3, key[key.startIndex + 1] == 0xB1 else { return false }
                return fits(pattern.dropFirst(), key.dropFirst(2))
            }
            guard let k = key.first, k == letter else { return false }
            return fits(pattern.dropFirst(), key.dropFirst())
        }
        var n = 1
        while n <= first.count + 2 && n <= key.count {
            if fits(pattern.dropFirst(), key.dropFirst(n)) { return true }
            n += 1
        }
        return false
    }

    /// Keeps the longest of overlapping matches (the earlier entry on a tie), in text order.
    static func resolve(_ found: [LexiconMatch]) -> [LexiconMatch] {
        let ordered = found.enumerated().sorted { a, b in
            if a.element.range.count != b.element.range.count { return a.element.range.count > b.element.range.count }
            if a.element.range.lowerBound != b.element.range.lowerBound { return a.element.range.lowerBound < b.element.range.lowerBound }
            if a.element.entry != b.element.entry { return a.element.entry < b.element.entry }
            return a.offset < b.offset
        }
        var kept: [LexiconMatch] = []
        for (_, m) in ordered where !kept.contains(where: { $0.range.overlaps(m.range) }) {
            kept.append(m)
        }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

/// Every word the matchers of one lexicon store look up first (a single or glued form, a phrase's
/// first or second word), numbered. A document's words are numbered once, with one look-up each, and
/// every matcher then finds what a word starts by an array index instead of hashing the word again.
/// Numbers never change; a matcher built later from the same store adds its words.
public final class LexiconVocabulary: @unchecked Sendable {
    public init() {}
    /// Tells vocabularies apart in a worker's memos.
    let serial = LexiconVocabulary.counter.next()
    private static let counter = SerialCounter()
    private let lock = NSLock()
    private var ids: [String: Int32] = [:]
    private var filter = WordFilter([])

    func id(adding word: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let known = ids[word] { return known }
        let id = Int32(ids.count)
        ids[word] = id
        filter.insert(word)
        return id
    }

    /// How many words are numbered.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return ids.count
    }

    /// The longest phrase, in words, of the matchers numbered by this vocabulary: how far around a
    /// joined word the merged stretches reach, so that one build serves all those matchers.
    var longestPhrase: Int {
        lock.lock()
        defer { lock.unlock() }
        return longest
    }
    private var longest = 0

    func reach(_ words: Int) {
        lock.lock()
        defer { lock.unlock() }
        longest = max(longest, words)
    }

    /// The numbers as they stood at one moment.
    struct Snapshot {
        let ids: [String: Int32]
        let filter: WordFilter
        /// How many words were numbered.
        var count: Int { ids.count }

        /// A word's number, or -1.
        @inline(__always) func id(_ word: String) -> Int32 {
            guard filter.mayContain(word) else { return -1 }
            return ids[word] ?? -1
        }
    }

    /// The numbers so far (a copy: later additions do not change it).
    var snapshot: Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return Snapshot(ids: ids, filter: filter)
    }
}
