// Fuzz target: YAML and JSON reply collections and Markdown prose, then the whole lint of
// their documents. The first byte picks the format (and whether custom text keys are set).
import Foundation
@testable import ReplyLint

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCollections(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let selector = data[0]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let name = ["x.yml", "x.json", "x.md", "x.yaml"][Int(selector & 3)]
    let options = selector & 4 != 0 ? CollectionOptions(textKeys: ["texto", "alt"]) : CollectionOptions()
    guard case .success(let file) = InputFiles.decode(bytes, path: name) else { return 0 }
    do {
        for document in try InputFiles.documents(of: file, collections: options) {
            var covered = 0
            for segment in document.segments {
                precondition(segment.textStart == covered, "segments leave a gap: \(document.segments)")
                precondition(segment.fileStart >= 0 && segment.fileStart + segment.fileLength <= file.bytes.count,
                             "segment outside the file: \(segment)")
                covered += segment.textLength
            }
            precondition(covered == document.text.count || document.segments.isEmpty, "segments do not cover the text")
        }
    } catch {
        guard case .malformed(_, let line, let column, _) = error else { preconditionFailure("unexpected \(error)") }
        precondition(line >= 1 && column >= 1, "malformed error at \(line):\(column)")
    }
    FuzzSupport.lintAndRender(file, collections: options)
    return 0
}
