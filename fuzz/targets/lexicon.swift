// Fuzz target: the lexicon table parser, then the register rules built from a fuzzed table and
// run over fuzzed text. Input: <table selector byte><table contents> NUL <reply text>.
import Foundation
@testable import ReplyLint

/// For each register table, a private lexicon folder holding the fuzzed table and the other
/// tables its rules read (loading every lexicon per input would make the target 4x slower).
enum LexiconFuzz {
    /// Table -> the rules that read it, and the other tables those rules need.
    static let readers: [(table: String, rules: [any Rule.Type], companions: [String])] = [
        ("abbreviations", [AbbreviationRule.self, ElongationRule.self], ["elongation"]),
        ("acronyms", [ShoutingRule.self], ["laughter"]),
        ("address-forms", [TuteoRule.self, MixedRule.self], []),
        ("elongation", [ElongationRule.self], ["abbreviations"]),
        ("greetings", [SlangRule.self], ["slang"]),
        ("laughter", [LaughterRule.self, ShoutingRule.self], ["acronyms"]),
        ("slang", [SlangRule.self], ["greetings"]),
    ]
    static let root: String = {
        let dir = NSTemporaryDirectory() + "replylint-fuzz-lexicon-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        for reader in readers {
            let folder = "\(dir)/\(reader.table)/es/register"
            try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for companion in reader.companions {
                try! FileManager.default.copyItem(atPath: "\(FuzzSupport.lexiconRoot)/es/register/\(companion).txt",
                                                  toPath: "\(folder)/\(companion).txt")
            }
        }
        atexit { try? FileManager.default.removeItem(atPath: LexiconFuzz.root) }
        return dir
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLexicon(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let body = bytes.dropFirst()
    let split = body.firstIndex(of: 0) ?? body.endIndex
    let contents = String(decoding: body[body.startIndex..<split], as: UTF8.self)
    let text = split < body.endIndex ? Array(body[(split + 1)...]) : []

    // The parser alone: a table or a LexiconError, nothing else.
    let table: LexiconTable
    do {
        table = try LexiconTable(name: "register/x", path: "x.txt", contents: contents)
    } catch is LexiconError {
        return 0
    } catch {
        preconditionFailure("LexiconTable threw a non-lexicon error: \(error)")
    }
    for row in table.rows {
        precondition(!row.term.isEmpty && row.fields.count <= table.columns.count)
        for column in table.columns { _ = row[column] }
    }

    // The rules built from it: the fuzzed table replaces one register table.
    let reader = LexiconFuzz.readers[Int(bytes[0]) % LexiconFuzz.readers.count]
    let root = "\(LexiconFuzz.root)/\(reader.table)"
    _ = FileManager.default.createFile(atPath: "\(root)/es/register/\(reader.table).txt", contents: Data(body[body.startIndex..<split]))
    guard let store = try? LexiconStore(root: root, locale: "es"),
          let linter = try? Linter(lexicons: store, registry: reader.rules) else { return 0 }
    guard let file = try? SourceFile(path: "x.txt", bytes: text) else { return 0 }
    for d in linter.lint(Document(file: file), tokenizer: FuzzSupport.tokenizer) {
        precondition(d.offset >= 0 && d.offset + d.length <= file.bytes.count, "finding outside the text: \(d)")
    }
    return 0
}
