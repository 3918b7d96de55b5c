// Fuzz target: the lexicon matcher the content rules (profanity, discrimination, polemic,
// empathy) are built on: a fuzzed lexicon table and class table, matched over fuzzed text.
// Input: <lexicon table> NUL <class table, may be empty> NUL <reply text>.
import Foundation
@testable import ReplyLint

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMatcher(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parts = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count == 3 else { return 0 }
    let table: LexiconTable
    var classes: LexiconTable?
    do {
        table = try LexiconTable(name: "profanity/x", path: "x.txt", contents: String(decoding: parts[0], as: UTF8.self))
        if !parts[1].isEmpty {
            classes = try LexiconTable(name: "profanity/classes", path: "classes.txt", contents: String(decoding: parts[1], as: UTF8.self))
        }
    } catch is LexiconError {
        return 0
    } catch {
        preconditionFailure("LexiconTable threw a non-lexicon error: \(error)")
    }
    let matcher: LexiconMatcher
    do {
        matcher = try LexiconMatcher(tables: [table], classes: classes)
    } catch is LexiconError {
        return 0
    } catch {
        preconditionFailure("LexiconMatcher threw a non-lexicon error: \(error)")
    }
    guard let file = try? SourceFile(path: "x.txt", bytes: Array(parts[2])) else { return 0 }
    let document = Document(file: file)
    let (tokens, sentences) = FuzzSupport.tokenizer.tokenize(document.text)
    let region = [nil, "es-MX", "es-AR"][table.rows.count % 3]
    let context = RuleContext(document: document, tokens: tokens, sentences: sentences,
                              options: LintOptions(region: region))
    // The same matches when word units come from the per-word memo (the tokenizer's table is shared
    // by every input; the memo is this input's).
    var remembering = context
    remembering.worker = WorkerMemo()
    remembering.words = FuzzSupport.tokenizer.wordTable
    let found = matcher.matches(in: context)
    precondition(matcher.matches(in: remembering) == found, "matches differ with the word memo")
    for match in found {
        precondition(match.entry >= 0 && match.entry < matcher.entries.count, "entry out of range: \(match)")
        precondition(match.range.lowerBound >= 0 && match.range.upperBound <= document.text.count && !match.range.isEmpty,
                     "match outside the text: \(match)")
    }
    return 0
}
