// Fuzz target: bytes -> SourceFile -> Document (plain text, with suppression comments) ->
// Tokenizer (words and sentences checked against ICU's iterators) -> every rule -> suppressions -> renderers and fixes.
import Foundation
@testable import ReplyLint

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard case .success(let file) = InputFiles.decode(bytes, path: "x.txt") else { return 0 }
    // Positions of every offset stay inside the file, and the checkpointed column lookup gives
    // the same answer as a plain scan of the line.
    file.bytes.withUnsafeBufferPointer { buffer in
        let step = max(1, bytes.count / 64)  // a few dozen offsets: the plain scan is slow
        for offset in stride(from: 0, through: bytes.count, by: step) {
            let (line, column) = file.location(of: offset)
            precondition(line >= 1 && line <= file.lineStarts.count && column >= 1)
            let slow = SourceFile.position(of: offset, in: buffer, lineStarts: file.lineStarts)
            precondition(slow == (line, column), "location(of: \(offset)) = \((line, column)), scan says \(slow)")
        }
    }
    for line in 1...file.lineStarts.count { _ = file.lineText(line) }
    // Tokens cover the text in order, without overlap, and their slices are their text.
    let document = Document(file: file)
    let (tokens, sentences) = FuzzSupport.tokenizer.tokenize(document.text)
    var end = 0
    let table = FuzzSupport.tokenizer.wordTable
    for token in tokens {
        precondition(token.range.lowerBound >= end && token.range.upperBound <= document.text.count, "token out of order: \(token)")
        end = token.range.upperBound
        precondition(token.text == document.slice(token.range), "token text is not its slice: \(token)")
        if token.word >= 0 { precondition(table.entries[Int(token.word)].texts === token.texts, "word id of another text: \(token)") }
    }
    // The special scanner's skip over bytes no span needs finds what a walk over every byte finds.
    precondition(SpecialScanner.scan(document.text) == SpecialScanner.scan(document.text, skipping: false), "the skipping scan differs")
    // The sentence rules agree with ICU's own sentence iterator.
    let icuEnds = FuzzSupport.icuSentences.ends(document.text)
    precondition(sentences.map(\.range.upperBound) == (icuEnds.isEmpty ? [] : icuEnds), "sentences differ from ICU's: \(icuEnds)")
    // The word rules the breaker applies itself agree with ICU's word iterator alone, over raw bytes
    // too (invalid UTF-8 is left to ICU).
    let words = FuzzSupport.icuWords.segments(document.text)
    precondition(FuzzSupport.wordRules.segments(document.text) == words, "word boundaries differ from ICU's: \(words)")
    precondition(FuzzSupport.wordRules.segments(bytes) == FuzzSupport.icuWords.segments(bytes), "word boundaries of the raw bytes differ")
    // Every rule finds the same with the worker's word memos (kept across inputs) as without them.
    var remembering = RuleContext(document: document, tokens: tokens, sentences: sentences, options: LintOptions())
    remembering.worker = FuzzSupport.worker
    remembering.words = table
    let plain = RuleContext(document: document, tokens: tokens, sentences: sentences, options: LintOptions())
    for rule in FuzzSupport.rules {
        let expected = rule.check(plain)
        precondition(rule.check(remembering) == expected, "\(type(of: rule).description.id) differs with the word memos")
    }
    FuzzSupport.lintAndRender(file)
    return 0
}
