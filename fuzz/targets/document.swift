// Fuzz target: bytes -> SourceFile -> Document (plain text, with suppression comments) ->
// Tokenizer -> every rule -> suppressions -> renderers and fixes.
import Foundation
@testable import ReplyLint

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard case .success(let file) = InputFiles.decode(bytes, path: "x.txt") else { return 0 }
    // Positions of every offset must stay inside the file.
    if !bytes.isEmpty {
        for offset in [0, bytes.count / 2, bytes.count - 1, bytes.count] {
            let (line, column) = file.location(of: offset)
            precondition(line >= 1 && line <= file.lineStarts.count && column >= 1)
            _ = file.lineText(line)
        }
    }
    // Tokens cover the text in order, without overlap, and their slices are their text.
    let document = Document(file: file)
    let (tokens, _) = FuzzSupport.tokenizer.tokenize(document.text)
    var end = 0
    for token in tokens {
        precondition(token.range.lowerBound >= end && token.range.upperBound <= document.text.count, "token out of order: \(token)")
        end = token.range.upperBound
    }
    FuzzSupport.lintAndRender(file)
    return 0
}
