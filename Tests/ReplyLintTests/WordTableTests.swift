import XCTest
@testable import ReplyLint

/// The tokenizer's word table: one id per distinct text, the same forms as a token made without it,
/// and bounded memory.
final class WordTableTests: XCTestCase {
    func ids(_ table: WordTable, _ words: [String]) -> [Int32?] {
        words.map { word in
            let bytes = Array(word.utf8)
            return bytes.withUnsafeBufferPointer { buffer in
                table.id(buffer, 0..<buffer.count) {
                    WordTable.Entry(texts: TokenText(text: word, lower: word.lowercased(), folded: word))
                }
            }
        }
    }

    func testEqualTextsShareAnIdAndOthersDoNot() {
        let table = WordTable()
        let got = ids(table, ["hola", "Hola", "hola", "canción", "cancion", "canción", "HOLA"])
        XCTAssertEqual(got[0], got[2])
        XCTAssertEqual(got[3], got[5])
        XCTAssertEqual(Set(got.compactMap { $0 }).count, 5)
        XCTAssertEqual(table.count, 5)
        XCTAssertEqual(table.entries[Int(got[3]!)].texts.text, "canción")
    }

    func testTextsThatDifferInOneByteAnywhereGetTheirOwnIds() {
        // The hash reads eight bytes at a time, then the rest: a difference in any byte, or one byte
        // more, must still make another text.
        let table = WordTable()
        let base = Array("abcdefghijklmnopqrstuvwx".utf8)
        var texts: [String] = []
        for length in 1...base.count {
            texts.append(String(decoding: base[..<length], as: UTF8.self))
            for position in 0..<length {
                var changed = Array(base[..<length])
                changed[position] = UInt8(ascii: "Z")
                texts.append(String(decoding: changed, as: UTF8.self))
            }
        }
        let unique = Array(Set(texts))
        let first = ids(table, unique)
        XCTAssertEqual(Set(first.compactMap { $0 }).count, unique.count)
        XCTAssertEqual(ids(table, unique), first)
        for (text, id) in zip(unique, first) { XCTAssertEqual(table.entries[Int(id!)].texts.text, text) }
    }

    func testATextIsFoundWhateverBytesFollowItInItsBuffer() {
        // A text of up to sixteen bytes is compared from its entry, read with two loads where the buffer
        // has sixteen bytes from its start, byte by byte near the end: the bytes after the text, and which
        // way it was read, must not matter.
        let table = WordTable()
        let base = Array("canciónabcdefghijklmnopqrstuvwxyz".utf8)
        var generator = SystemRandomNumberGenerator()
        var known: [[UInt8]: Int32] = [:]
        for _ in 0..<4_000 {
            let length = Int.random(in: 1...20, using: &generator)
            let start = Int.random(in: 0...(base.count - length), using: &generator)
            var text = Array(base[start..<(start + length)])
            if Bool.random(using: &generator) { text[Int.random(in: 0..<length, using: &generator)] = UInt8(ascii: "Z") }
            let after = (0..<Int.random(in: 0...20, using: &generator)).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
            let buffer = text + after
            let word = String(decoding: text, as: UTF8.self)
            let id = buffer.withUnsafeBufferPointer { buffer in
                table.id(buffer, 0..<text.count) {
                    WordTable.Entry(texts: TokenText(text: word, lower: word, folded: word))
                }
            }
            XCTAssertNotNil(id)
            if let earlier = known[text] { XCTAssertEqual(id, earlier, word) } else { known[text] = id }
            XCTAssertEqual(table.entries[Int(id!)].texts.text, word)
        }
        XCTAssertEqual(table.count, known.count)
    }

    func testManyWordsSurviveTheTableGrowing() {
        let table = WordTable()
        let words = (0..<20_000).map { "palabra\($0)" }
        let first = ids(table, words)
        let again = ids(table, words.reversed()).reversed()
        XCTAssertEqual(first, Array(again))
        XCTAssertEqual(Set(first.compactMap { $0 }).count, 20_000)
        for (word, id) in zip(words, first) where word.hasSuffix("777") {
            XCTAssertEqual(table.entries[Int(id!)].texts.text, word)
        }
    }

    func testAFullTableAndALongTextGiveNoId() {
        let table = WordTable(limit: 3)
        let got = ids(table, ["uno", "dos", "tres", "cuatro", "uno"])
        XCTAssertNotNil(got[2])
        XCTAssertNil(got[3], "past the limit")
        XCTAssertEqual(got[4], got[0], "known words keep their id")
        XCTAssertNil(ids(WordTable(), [String(repeating: "a", count: 49)])[0])
        XCTAssertNotNil(ids(WordTable(), [String(repeating: "a", count: 48)])[0])
    }

    func testTokensFromTheTableEqualTokensMadeWithoutIt() throws {
        let text = "Hola, CANCIÓN canción Ñandú ñandú 😊 p3nd3j0 hola, canción."
        let tokenizer = try Tokenizer()
        let first = tokenizer.tokenize(Array(text.utf8)).tokens
        // The second pass reads every word from the table.
        let second = tokenizer.tokenize(Array(text.utf8)).tokens
        XCTAssertEqual(first, second)
        XCTAssertEqual(first.map(\.word), second.map(\.word))
        for (a, b) in zip(second, first) {
            XCTAssertEqual([a.text, a.lower, a.folded], [b.text, b.lower, b.folded])
            XCTAssertEqual(a.shape, TokenShape.of(a.text))
        }
        let byText = Dictionary(grouping: second.filter { $0.word >= 0 }, by: \.text)
        for (text, tokens) in byText {
            XCTAssertEqual(Set(tokens.map(\.word)).count, 1, "one id for \(text)")
            // The tokens of one word share its texts (one object, not a copy each).
            XCTAssertTrue(tokens.allSatisfy { $0.texts === tokens[0].texts }, "shared texts for \(text)")
        }
        // Tokens of different texts do not.
        let hola = second.filter { $0.text == "hola" }, holaCapital = second.first { $0.text == "Hola" }!
        XCTAssertFalse(hola[0].texts === holaCapital.texts)
        // Equality reads the texts, not their object: a token made by hand equals the tokenizer's.
        let made = Token(kind: .word, range: hola[0].range, text: "hola", lower: "hola", folded: "hola",
                         sentence: hola[0].sentence, spaceBefore: hola[0].spaceBefore)
        XCTAssertEqual(made, hola[0])
        XCTAssertNotEqual(Token(kind: .word, range: hola[0].range, text: "hola", lower: "hola", folded: "hole",
                                sentence: hola[0].sentence, spaceBefore: hola[0].spaceBefore), hola[0])
        XCTAssertEqual(Set(byText.values.map { $0[0].word }).count, byText.count, "one text per id")
        let cancion = second.first { $0.text == "CANCIÓN" }
        XCTAssertEqual(cancion?.lower, "canción")
        XCTAssertEqual(cancion?.folded, "cancion")
    }

    func testAWordMemoNeedsTheTable() throws {
        let document = Document(string: "hola")
        let tokenizer = try Tokenizer()
        let (tokens, sentences) = tokenizer.tokenize(document.text)
        var context = RuleContext(document: document, tokens: tokens, sentences: sentences, options: LintOptions())
        let without: WordMemo<Int>? = context.wordMemo("test")
        XCTAssertNil(without)
        context.words = tokenizer.wordTable
        let memo: WordMemo<Int>? = context.wordMemo("test")
        memo?[tokens[0].word] = 7
        let again: WordMemo<Int>? = context.wordMemo("test")
        XCTAssertEqual(again?[tokens[0].word], 7)
        // Another table's ids are not this one's.
        context.words = try Tokenizer().wordTable
        let other: WordMemo<Int>? = context.wordMemo("test")
        XCTAssertNil(other?[tokens[0].word])
    }

    func testAWordMemoKeepsEveryValueAcrossGrowthAndFreesThem() {
        final class Tracked {
            static var alive = 0
            let n: Int
            init(_ n: Int) { self.n = n; Tracked.alive += 1 }
            deinit { Tracked.alive -= 1 }
        }
        do {
            let memo = WordMemo<Tracked>()
            XCTAssertNil(memo[0])
            XCTAssertNil(memo.peek(3) { $0.n })
            // Ids far apart, out of order, so that the storage grows several times.
            let ids: [Int32] = [5, 0, 1_000, 17, 4_096, 2, 70_000]
            for id in ids { memo[id] = Tracked(Int(id) * 3) }
            XCTAssertEqual(Tracked.alive, ids.count)
            for id in ids {
                XCTAssertEqual(memo[id]?.n, Int(id) * 3)
                XCTAssertEqual(memo.peek(id) { $0.n }, Int(id) * 3)
            }
            for id: Int32 in [1, 3, 999, 1_001, 69_999, 70_001, 1_000_000] {
                XCTAssertNil(memo[id], "id \(id)")
                XCTAssertNil(memo.peek(id) { $0.n })
            }
            XCTAssertNil(memo.peek(-1) { $0.n })
            // Replacing and clearing free the old value.
            memo[17] = Tracked(1)
            memo[2] = nil
            XCTAssertEqual(Tracked.alive, ids.count - 1)
            XCTAssertEqual(memo.value(17) { Tracked(99) }.n, 1)
            XCTAssertEqual(memo.value(2) { Tracked(42) }.n, 42)
            XCTAssertEqual(memo[2]?.n, 42)
            // A token without an id is made every time and kept nowhere.
            XCTAssertEqual(memo.value(-1) { Tracked(8) }.n, 8)
            XCTAssertEqual(Tracked.alive, ids.count)
        }
        XCTAssertEqual(Tracked.alive, 0, "a freed memo frees its values")
    }

    func testAWorkerThatRemembersWordsReportsWhatAFreshOneDoes() throws {
        // Profanity (disguised too), slurs, register and spelling all remember words by id.
        let drafts = [
            "Hola, la m1erda de envío llegó tarde, tío, y no sabemos porque; jajaja.",
            "Estimada clienta: lamentamos lo ocurrido con la informacion de su pedido, que es una m*erda.",
            "Le escribe Disney: la m1erda de envío, la informacion y tío otra vez. ¡¡¡HOLA!!!",
            // Stretched letters as a word and as a name, laughter apart, chat abbreviations, slang, tú.
            "Holaaa, te escribimos xq tb lo vimos, ja ja, qué onda wey; Holaaa de nuevo, Fujiii.",
            "Fujiii nos dijo holaaa; ¿tú puedes mandarnos el pedido? jeje, ja, ja",
            // The same capitalised word opening a sentence (stretched) and inside one (a name).
            "Holaa, le escribimos hoy. Nos dijo Holaa y se fue. Holaa otra vez.",
            // Glued and spelled-out disguises, whose readings the worker keeps from one document to the next.
            "Qué m.i.e.r.d.a de servicio, h-d-p, la m i e r d a de S.A. otra vez; p*t@ madre.",
            "S.A. de C.V. responde: m.i.e.r.d.a no, h-d-p tampoco, y la opción 1-3 sí.",
            // Forms of address out of register, reported with the same words each time but where the
            // word after a clitic changes the suggestion ("te lo envío": "se lo envío").
            "Te lo enviamos mañana; te escribimos y te contamos. Puedes llamarnos, vos sabés.",
            "Le escribimos para que te quedes tranquilo: usted puede llamarnos y te lo explicamos.",
            "No te preocupes: te llamamos hoy, tú puedes escribirnos y te respondemos.",
        ]
        // Every rule, with the word memos (one tokenizer and worker for all the drafts) and without them
        // (a context that does not know the word table).
        let rules = try RuleRegistry.all.map { try $0.init(lexicons: TestSupport.lexicons) }
        let tokenizer = try Tokenizer()
        let worker = WorkerMemo()
        var flagged = 0
        // Each register expected in turn, with one worker: what a rule remembers under one must not
        // answer for another.
        for (draft, register) in (drafts + drafts).flatMap({ d in Register.allCases.map { (d, $0) } }) {
            let document = Document(string: draft)
            let (tokens, sentences) = tokenizer.tokenize(document.text)
            let options = LintOptions(register: register)
            var remembering = RuleContext(document: document, tokens: tokens, sentences: sentences, options: options)
            remembering.worker = worker
            remembering.words = tokenizer.wordTable
            let plain = RuleContext(document: document, tokens: tokens, sentences: sentences, options: options)
            for rule in rules {
                let expected = rule.check(plain)
                flagged += expected.count
                XCTAssertEqual(rule.check(remembering), expected, "\(type(of: rule).description.id) under \(register) on: \(draft)")
            }
        }
        XCTAssertGreaterThan(flagged, 40)
        XCTAssertGreaterThan(tokenizer.wordTable.count, 20)
    }

    func testMemoKeysBelongToOneRuleInstance() throws {
        let a = try SpellingScan(lexicons: TestSupport.lexicons)
        let b = try SpellingScan(lexicons: TestSupport.lexicons)
        let copy = a
        XCTAssertEqual(copy.memoKey(voseo: false), a.memoKey(voseo: false))
        XCTAssertNotEqual(a.memoKey(voseo: false), b.memoKey(voseo: false))
        XCTAssertNotEqual(a.memoKey(voseo: false), a.memoKey(voseo: true))
        XCTAssertNotEqual(WordMemoKey.make("x"), WordMemoKey.make("x"))
    }
}
