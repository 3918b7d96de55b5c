import Foundation
import XCTest
@testable import ReplyLint

/// The table of a dictionary's forms (`FormIndex`) and the affix reader behind it (`AffixExpansion`):
/// every answer the table gives must be Hunspell's own.
final class FormIndexTests: XCTestCase {
    var folders: [String] = []

    override func tearDown() {
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
    }

    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-forms-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        folders.append(path)
        return path
    }

    static let smallAff = """
    SET UTF-8
    FLAG UTF-8
    TRY aeiou
    # a prefix that combines with suffixes, and one that does not
    PFX r Y 1
    PFX r 0 re .
    PFX d N 1
    PFX d 0 des [^s]
    SFX S Y 2
    SFX S 0 s [aeiouáéíóú]
    SFX S 0 es [^aeiouáéíóú]
    SFX A Y 1
    SFX A r ción/S ar
    SFX D N 2
    SFX D o ito [^c]o
    SFX D co quito co
    """

    static let smallDic = """
    6
    casa/S
    revisar/rA
    gato/DS
    barco/D
    hacer/d
    Madrid
    """

    /// A small dictionary on disk: (path without extension, folder).
    func smallDictionary(aff: String = smallAff, dic: String = smallDic) throws -> String {
        let dir = try folder()
        try aff.write(toFile: dir + "/mini.aff", atomically: true, encoding: .utf8)
        try dic.write(toFile: dir + "/mini.dic", atomically: true, encoding: .utf8)
        return dir + "/mini"
    }

    func forms(_ aff: String, _ dic: String) throws -> Set<String> {
        var result = Set<String>()
        try AffixExpansion(aff: aff).forEachForm(dic: dic) { result.insert($0) }
        return result
    }

    func testExpansionAppliesStripsConditionsCrossProductsAndTwofoldSuffixes() throws {
        let listed = try forms(Self.smallAff, Self.smallDic)
        for form in ["casa", "casas", "revisar", "revisación", "revisaciónes", "rerevisar", "rerevisación",
                     "gato", "gatito", "gatos", "barco", "barquito", "hacer", "deshacer", "Madrid"] {
            XCTAssertTrue(listed.contains(form), form)
        }
        // `D` is not a cross product and `barco` lacks `S`; `d` needs a stem not starting with `s`.
        for form in ["barcos", "barcoito", "regato", "casaes", "rehacer", "deshaceres", "madrid"] {
            XCTAssertFalse(listed.contains(form), form)
        }
    }

    func testEveryAnswerOfTheTableIsHunspells() throws {
        let path = try smallDictionary()
        let hunspell = try HunspellDictionary(path: path)
        let index = try XCTUnwrap(FormIndex.build(dictionary: path, directory: try folder(), accepts: hunspell.spellAll))
        var probes = try forms(Self.smallAff, Self.smallDic)
        for form in Array(probes) {
            probes.insert(form.lowercased())
            probes.insert(form.prefix(1).uppercased() + form.dropFirst())
            probes.insert(form + "s")
            probes.insert(String(form.dropLast()))
            probes.insert("re" + form)
            probes.insert("des" + form)
        }
        probes.formUnion(["reVisar", "gaTos", "Casas", "CASAS", "barcos", "madrid", "MADRID", "l'casa", "casa-gato", "ca1sa"])
        var answered = 0
        for probe in probes.sorted() {
            let scalars = Array(probe.unicodeScalars)
            let fromScalars = scalars.withUnsafeBufferPointer { index.verdict(lowercase: $0) }
            if probe == probe.lowercased() {
                XCTAssertEqual(fromScalars, index.verdict(probe), probe)
                // Capitalised from the scalars: the table's answer for the capitalised text, where it gives one.
                let capital = scalars.withUnsafeBufferPointer { index.verdict(lowercase: $0, capitalized: true) }
                if let capital, let first = probe.first {
                    XCTAssertEqual(capital, index.verdict(String(first).uppercased() + probe.dropFirst()), probe)
                }
            } else {
                XCTAssertNil(fromScalars, probe)
            }
            guard let verdict = index.verdict(probe) else { continue }
            answered += 1
            XCTAssertEqual(verdict, hunspell.spell(probe), probe)
        }
        XCTAssertGreaterThan(answered, probes.count * 3 / 4)
        // All capitals, hyphens and digits are left to Hunspell.
        for probe in ["CASAS", "MADRID", "casa-gato", "ca1sa"] { XCTAssertNil(index.verdict(probe), probe) }
        XCTAssertEqual(index.verdict("l'casa"), false)
        XCTAssertEqual(index.verdict("Casas"), true)
        XCTAssertEqual(index.verdict("madrid"), false)
        XCTAssertEqual(index.verdict("reVisar"), false)
    }

    /// Apostrophes (both kinds) and scalars from U+3000 on: the table answers for them, as Hunspell does.
    func testApostrophesAndOtherScriptsAreAnsweredAsHunspellDoes() throws {
        let dic = "6\ncasa/S\nl'agua/S\nd'Artagnan\nrock'n'roll\nDon't\ngato/S\n"
        let path = try smallDictionary(dic: dic)
        let hunspell = try HunspellDictionary(path: path)
        let index = try XCTUnwrap(FormIndex.build(dictionary: path, directory: try folder(), accepts: hunspell.spellAll))
        var probes: [String] = []
        for word in ["casa", "casas", "l'agua", "l'aguas", "d'Artagnan", "rock'n'roll", "Don't", "gato", "o'casa", "casa'"] {
            let curly = word.replacingOccurrences(of: "'", with: "’")
            for form in [word, curly] {
                probes += [form, form.lowercased(), form.prefix(1).uppercased() + form.dropFirst(), form.uppercased(),
                           "'" + form, form + "’"]
            }
        }
        probes += ["日本", "𝑀𝒶𝓇í𝒶", "Ｃａｓａ", "casa😊", "Casa日", "ＣＡＳＡ", "𝒶", "A𝒶", "'A", "A'", "O'B", "O'N"]
        var answered = 0
        for probe in probes {
            let scalars = Array(probe.unicodeScalars)
            let fromScalars = scalars.withUnsafeBufferPointer { index.verdict(lowercase: $0) }
            guard let verdict = index.verdict(probe) else {
                XCTAssertTrue(fromScalars == nil || probe != probe.lowercased(), probe)
                continue
            }
            answered += 1
            XCTAssertEqual(verdict, hunspell.spell(probe), probe)
            if probe == probe.lowercased(), let fromScalars { XCTAssertEqual(fromScalars, verdict, probe) }
        }
        XCTAssertGreaterThan(answered, probes.count / 2)
        XCTAssertEqual(index.verdict("l'aguas"), true)
        XCTAssertEqual(index.verdict("Don't"), true)
        XCTAssertEqual(index.verdict("don't"), false)
        XCTAssertNil(index.verdict("DON'T"))
        XCTAssertNil(index.verdict("O'N"))
        XCTAssertEqual(index.verdict("O'B"), false)   // no form has a b
        XCTAssertEqual(index.verdict("日本"), false)
        XCTAssertEqual(index.verdict("𝑀𝒶𝓇í𝒶"), false)
    }

    func testDirectivesOutsideThePlainAffixSubsetAreRefused() throws {
        for extra in ["COMPOUNDFLAG X", "NEEDAFFIX z", "KEEPCASE k", "FORBIDDENWORD !", "IGNORE ó", "FLAG long", "SET ISO8859-1", "BREAK 1", "LANG tr_TR"] {
            XCTAssertThrowsError(try AffixExpansion(aff: Self.smallAff + "\n" + extra), extra)
            let path = try smallDictionary(aff: Self.smallAff + "\n" + extra)
            XCTAssertNil(FormIndex.build(dictionary: path, directory: try folder(), accepts: { $0.map { _ in true } }), extra)
        }
        // A suffix whose continuation class is a prefix class; a negative count; a class cut short.
        XCTAssertThrowsError(try AffixExpansion(aff: Self.smallAff + "\nSFX T Y 1\nSFX T 0 x/r ."))
        XCTAssertThrowsError(try AffixExpansion(aff: Self.smallAff + "\nSFX T Y -1"))
        XCTAssertThrowsError(try AffixExpansion(aff: Self.smallAff + "\nSFX T Y 3\nSFX T 0 x ."))
    }

    func testTextFromScalarsIsTheStandardLibrarysText() {
        for word in ["", "a", "canción", "pingüino", "ñandú", "€uro", "日本", "𝑀𝒶𝓇í𝒶", "emoji 😊 y ZWJ 👩‍💻", "e\u{301}"] {
            let scalars = Array(word.unicodeScalars)
            XCTAssertEqual(String(scalars: scalars), String(String.UnicodeScalarView(scalars)), word)
            XCTAssertEqual(String(scalars: scalars).utf8.count, word.utf8.count, word)
            XCTAssertEqual(String(scalars: scalars.dropFirst()), String(String.UnicodeScalarView(scalars.dropFirst())), word)
        }
    }

    func testAnExpansionPastTheLimitStops() throws {
        let rules = try AffixExpansion(aff: Self.smallAff)
        var listed = 0
        XCTAssertFalse(rules.forEachForm(dic: Self.smallDic, limit: 5) { _ in listed += 1 })
        XCTAssertEqual(listed, 5)
        XCTAssertTrue(rules.forEachForm(dic: Self.smallDic, limit: 1000) { _ in })
    }

    func testTaggedAndUntaggedTablesAnswerAlike() throws {
        // Buckets keep the top byte of their form's hash (a table under 16 MB of forms), or only its place:
        // both find every form and nothing else, by the same look-up.
        var generator = Seeded(state: 11)
        let letters = Array("abcdeéfghijklmnñopqrstuvwxyz")
        var forms = Set<String>()
        while forms.count < 5_000 {
            forms.insert(String((0..<Int.random(in: 1...12, using: &generator)).map { _ in letters.randomElement(using: &generator)! }))
        }
        let list = forms.sorted()
        var others: [String] = []
        while others.count < 5_000 {
            let word = String((0..<Int.random(in: 1...12, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
            if !forms.contains(word) { others.append(word) }
        }
        let directory = try folder()
        for tagLimit in [1 << 24, 0] {
            let bytes = try XCTUnwrap(FormIndex.encode(list, fingerprint: 42, tagLimit: tagLimit))
            XCTAssertEqual(bytes[44] & 2 != 0, tagLimit > 0, "the header says whether buckets are tagged")
            let file = directory + "/table-\(tagLimit).bin"
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            let index = try XCTUnwrap(FormIndex.open(file: file, fingerprint: 42))
            XCTAssertEqual(index.count, list.count)
            for form in list { XCTAssertTrue(index.contains(form), form) }
            for word in others { XCTAssertFalse(index.contains(word), word) }
        }
    }

    func testOnlyFormsHunspellAcceptsAreKept() throws {
        let path = try smallDictionary()
        let index = try XCTUnwrap(FormIndex.build(dictionary: path, directory: try folder(), accepts: { forms in
            forms.map { $0 != "gatito" }
        }))
        XCTAssertEqual(index.verdict("gatito"), false)
        XCTAssertEqual(index.verdict("gatos"), true)
        XCTAssertEqual(index.count, try forms(Self.smallAff, Self.smallDic).count - 1)
    }

    func testTheFileIsReadAgainUntilTheDictionaryChanges() throws {
        let path = try smallDictionary()
        let cache = try folder()
        let built = try XCTUnwrap(FormIndex.build(dictionary: path, directory: cache, accepts: { $0.map { _ in true } }))
        let reopened = try XCTUnwrap(FormIndex.open(dictionary: path, directory: cache))
        XCTAssertEqual(reopened.count, built.count)
        XCTAssertEqual(reopened.verdict("barquito"), true)

        // Another dictionary path gets its own file; a link to the same files shares it.
        let other = try smallDictionary()
        XCTAssertNil(FormIndex.open(dictionary: other, directory: cache))
        let links = try folder()
        for ext in ["aff", "dic"] {
            try FileManager.default.createSymbolicLink(atPath: links + "/alias." + ext, withDestinationPath: path + "." + ext)
        }
        XCTAssertEqual(FormIndex.file(for: links + "/alias", in: cache), FormIndex.file(for: path, in: cache))
        XCTAssertEqual(FormIndex.open(dictionary: links + "/alias", directory: cache)?.count, built.count)

        // A changed .dic (size and time) makes the file stale.
        try (Self.smallDic + "\nperro/S").write(toFile: path + ".dic", atomically: true, encoding: .utf8)
        XCTAssertNil(FormIndex.open(dictionary: path, directory: cache))
    }

    /// The small dictionary's table, built with every form taken as spelled: (dictionary, cache folder,
    /// table file, its bytes).
    func smallTable() throws -> (path: String, cache: String, file: String, bytes: Data) {
        let path = try smallDictionary()
        let cache = try folder()
        _ = try XCTUnwrap(FormIndex.build(dictionary: path, directory: cache, accepts: { $0.map { _ in true } }))
        let file = FormIndex.file(for: path, in: cache)
        return (path, cache, file, try Data(contentsOf: URL(fileURLWithPath: file)))
    }

    func testABrokenFileIsIgnored() throws {
        let (path, cache, file, bytes) = try smallTable()
        // Cut short, then a wrong magic number, then empty.
        try bytes.prefix(bytes.count - 3).write(to: URL(fileURLWithPath: file))
        XCTAssertNil(FormIndex.open(dictionary: path, directory: cache))
        var wrong = bytes
        wrong[0] = 0x58
        try wrong.write(to: URL(fileURLWithPath: file))
        XCTAssertNil(FormIndex.open(dictionary: path, directory: cache))
        try Data().write(to: URL(fileURLWithPath: file))
        XCTAssertNil(FormIndex.open(dictionary: path, directory: cache))
        // A folder where the file would go cannot be written: no table, and Hunspell is never asked.
        var asked = false
        XCTAssertNil(FormIndex.build(dictionary: path, directory: "/proc/replylint-cannot-write", accepts: { forms in
            asked = true
            return forms.map { _ in true }
        }))
        XCTAssertFalse(asked)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.contains(".bin.") }, [])
    }

    /// A table file is an input too: damaged anywhere, it must neither crash nor hang a look-up.
    func testADamagedFileNeverCrashesOrHangs() throws {
        let (path, cache, file, good) = try smallTable()
        var generator = Seeded(state: 7)
        var opened = 0
        for round in 0..<300 {
            var bytes = good
            // Past the header: the letter tables (every fourth round), then the slots and the stored forms.
            let start = round % 4 == 0 ? FormIndex.headerSize : FormIndex.headerSize + 3 * FormIndex.letterLimit
            for _ in 0..<(1 + round % 40) {
                bytes[Int.random(in: start..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            if round % 50 == 1 {
                // Every slot taken: a look-up that only stopped at an empty slot would never end.
                for i in stride(from: start, to: bytes.count - 4, by: 4) where i < start + 4 * 1024 { bytes[i] = 1 }
            }
            try bytes.write(to: URL(fileURLWithPath: file))
            guard let index = FormIndex.open(dictionary: path, directory: cache) else { continue }
            opened += 1
            for probe in ["casa", "casas", "gatito", "Madrid", "zzz", "Revisación", "barquito"] { _ = index.verdict(probe) }
        }
        // A damaged letter table may be refused; damaged slots and forms are not checked at opening.
        XCTAssertGreaterThanOrEqual(opened, 225)
        // A capital whose lowercase letter is not one (a surrogate code, a letter the forms lack) is refused
        // at opening: a look-up through it ("Mzzz" is tried in lowercase) would have no letter to use.
        for bogus in [UInt16(0xD800), UInt16(0x2FFF), UInt16(0x4D)] {
            var bytes = good
            let slot = FormIndex.headerSize + FormIndex.letterLimit + 2 * 0x4D   // lowercase of "M"
            bytes[slot] = UInt8(bogus & 0xFF)
            bytes[slot + 1] = UInt8(bogus >> 8)
            try bytes.write(to: URL(fileURLWithPath: file))
            let index = FormIndex.open(dictionary: path, directory: cache)
            XCTAssertNil(index, String(bogus, radix: 16))
            _ = index?.verdict("Mzzz")
        }
        // A FIFO where the file should be: not waited on, not read.
        try FileManager.default.removeItem(atPath: file)
        XCTAssertEqual(mkfifo(file, 0o600), 0)
        XCTAssertNil(FormIndex.open(dictionary: path, directory: cache))
    }

    func testAWordTheTableKnowsDoesNotLoadHunspell() throws {
        let path = try smallDictionary()
        let loaded = try HunspellDictionary(path: path)
        let index = try XCTUnwrap(FormIndex.build(dictionary: path, directory: try folder(), accepts: loaded.spellAll))
        let deferred = try HunspellDictionary(path: path, deferred: true)
        let checker = SpellChecker(dictionary: deferred, forms: index)
        XCTAssertTrue(checker.isCorrect("casas"))
        XCTAssertFalse(checker.isCorrect("cassa"))
        XCTAssertEqual(checker.suggestions(for: "cassa").words.first, "casa")
        XCTAssertEqual(deferred.loadedHandles, 0)
        // A hyphen is Hunspell's to judge (it splits words there): it is loaded then.
        XCTAssertFalse(checker.isCorrect("ca-sa"))
        XCTAssertEqual(deferred.loadedHandles, 1)
    }

    /// A small seeded generator, so that a failure names a dictionary that can be made again.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Random dictionaries in the plain-affix subset (strips, appends, bracket conditions, cross products,
    /// two-fold suffixes, capitalised stems): wherever the table answers, it answers as Hunspell does, on
    /// every combination of prefix, stem and one or two suffixes, whether or not the rules allow it.
    func testRandomDictionariesAgreeWithHunspell() throws {
        let letters = Array("abenorsáéñ'").map(String.init)
        var disagreements: [String] = []
        var answered = 0
        for seed in 0..<120 {
            var random = Seeded(state: UInt64(seed))
            func text(_ range: ClosedRange<Int>) -> String {
                (0..<Int.random(in: range, using: &random)).map { _ in letters.randomElement(using: &random)! }.joined()
            }
            func condition() -> String {
                if Bool.random(using: &random) { return "." }
                return (0..<Int.random(in: 1...2, using: &random)).map { _ -> String in
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: return letters.randomElement(using: &random)!
                    case 1: return "[" + text(1...3) + "]"
                    default: return "[^" + text(1...2) + "]"
                    }
                }.joined()
            }
            let flags = Array("ABCDEFG").map(String.init)
            var aff = "SET UTF-8\nFLAG UTF-8\n"
            var suffixes: [(strip: String, append: String)] = []
            var prefixes: [(strip: String, append: String)] = []
            var suffixFlags: [String] = []
            var kinds: [String: Bool] = [:]
            for flag in flags { kinds[flag] = Bool.random(using: &random) }
            for flag in flags where !kinds[flag]! { suffixFlags.append(flag) }
            for flag in flags {
                let isPrefix = kinds[flag]!
                let count = Int.random(in: 1...3, using: &random)
                aff += "\(isPrefix ? "PFX" : "SFX") \(flag) \(Bool.random(using: &random) ? "Y" : "N") \(count)\n"
                for _ in 0..<count {
                    let strip = Int.random(in: 0..<3, using: &random) == 0 ? text(1...2) : ""
                    let append = text(0...3)
                    var continuation = ""
                    if !isPrefix, !append.isEmpty, Int.random(in: 0..<3, using: &random) == 0, let next = suffixFlags.randomElement(using: &random) {
                        continuation = "/" + next
                    }
                    aff += "\(isPrefix ? "PFX" : "SFX") \(flag) \(strip.isEmpty ? "0" : strip) \(append.isEmpty ? "0" : append)\(continuation) \(condition())\n"
                    if isPrefix { prefixes.append((strip, append)) } else { suffixes.append((strip, append)) }
                }
            }
            var stems: [String] = []
            var dic = ""
            for _ in 0..<Int.random(in: 2...8, using: &random) {
                var stem = text(1...5)
                if Int.random(in: 0..<4, using: &random) == 0 { stem = stem.prefix(1).uppercased() + stem.dropFirst() }
                stems.append(stem)
                let own = flags.filter { _ in Bool.random(using: &random) }.joined()
                dic += own.isEmpty ? stem + "\n" : stem + "/" + own + "\n"
            }
            dic = "\(stems.count)\n" + dic
            let path = try smallDictionary(aff: aff, dic: dic)
            let hunspell = try HunspellDictionary(path: path)
            guard let index = FormIndex.build(dictionary: path, directory: try folder(), accepts: hunspell.spellAll) else {
                XCTFail("no table for seed \(seed)")
                continue
            }
            // Every way of putting the pieces together, allowed or not.
            func strip(_ word: String, suffix: (strip: String, append: String)) -> String? {
                word.hasSuffix(suffix.strip) ? String(word.dropLast(suffix.strip.count)) + suffix.append : nil
            }
            var probes = Set<String>()
            for stem in stems {
                var ends = [stem]
                for first in suffixes {
                    guard let once = strip(stem, suffix: first) else { continue }
                    ends.append(once)
                    for second in suffixes { if let twice = strip(once, suffix: second) { ends.append(twice) } }
                }
                for end in ends {
                    probes.insert(end)
                    for prefix in prefixes where end.hasPrefix(prefix.strip) { probes.insert(prefix.append + end.dropFirst(prefix.strip.count)) }
                }
            }
            for probe in Array(probes) {
                probes.insert(probe.lowercased())
                probes.insert(probe.prefix(1).uppercased() + probe.dropFirst().lowercased())
            }
            for probe in probes.sorted() where !probe.isEmpty {
                guard let verdict = index.verdict(probe) else { continue }
                answered += 1
                if verdict != hunspell.spell(probe) {
                    disagreements.append("seed \(seed): \(probe) table \(verdict)")
                }
            }
        }
        XCTAssertEqual(disagreements, [])
        XCTAssertGreaterThan(answered, 2000)
    }

    /// The Spanish dictionary: on the words of the bundled examples and the benchmark's misspellings,
    /// and on every candidate replylint's suggester tries for those misspellings, the table and Hunspell
    /// agree wherever the table answers.
    func testSpanishTableAgreesWithHunspell() throws {
        let path = SpellingSettings.standardDictionary
        let hunspell = try HunspellDictionary(path: path)
        // The table the linter uses (built there if missing), else one in a new folder.
        let cache = try FormIndex.cacheDirectory ?? folder()
        let index = try XCTUnwrap(FormIndex.open(dictionary: path, directory: cache)
            ?? FormIndex.build(dictionary: path, directory: cache, accepts: hunspell.spellAll))
        XCTAssertGreaterThan(index.count, 500_000)

        var probes = Set<String>()
        let examples = TestSupport.repositoryRoot + "/examples"
        for name in try FileManager.default.contentsOfDirectory(atPath: examples).sorted() {
            let text = try String(contentsOfFile: examples + "/" + name, encoding: .utf8)
            for token in try Tokenizer().tokenize(Array(text.utf8)).tokens where token.kind == .word { probes.insert(token.text) }
        }
        let tsv = try String(contentsOfFile: TestSupport.repositoryRoot + "/benchmarks/spelling/misspellings.tsv", encoding: .utf8)
        var misspellings: [String] = []
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count >= 2 else { continue }
            misspellings.append(fields[0])
            probes.insert(fields[0])
            probes.insert(fields[1])
        }
        for word in misspellings {
            for written in [word, word.prefix(1).uppercased() + word.dropFirst()] {
                _ = CandidateGenerator(spell: { probes.insert($0); return hunspell.spell($0) }).candidates(for: written)
            }
        }
        for word in Array(probes).prefix(300) {
            probes.insert(word + "'s")
            probes.insert("l’" + word)
            probes.insert(word + "日")
        }
        probes.formUnion(["𝑀𝒶𝓇í𝒶", "Ｃａｓａ", "Don’t", "d'Artagnan", "O'Higgins", "l'Oréal", "casa😊", "日本"])
        var answered = 0
        var disagreements: [String] = []
        for probe in probes.sorted() {
            guard let verdict = index.verdict(probe) else { continue }
            answered += 1
            if verdict != hunspell.spell(probe) { disagreements.append(probe) }
            let scalars = Array(probe.unicodeScalars)
            if let fromScalars = scalars.withUnsafeBufferPointer({ index.verdict(lowercase: $0) }), fromScalars != verdict {
                disagreements.append("scalars: " + probe)
            }
            if probe == probe.lowercased(), let first = probe.first,
               let capital = scalars.withUnsafeBufferPointer({ index.verdict(lowercase: $0, capitalized: true) }) {
                let written = String(first).uppercased() + probe.dropFirst()
                if capital != hunspell.spell(written) { disagreements.append("capitalised: " + written) }
            }
        }
        XCTAssertEqual(disagreements, [])
        XCTAssertGreaterThan(probes.count, 20_000)
        XCTAssertGreaterThan(disagreements.count + answered, 0)
        XCTAssertGreaterThan(answered, probes.count * 9 / 10)
    }
}
