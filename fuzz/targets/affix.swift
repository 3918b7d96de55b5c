// Fuzz target: the affix reader and the form table. Input: <.aff text> NUL <.dic text> NUL <words>.
// The reader either refuses the .aff (Unsupported) or lists forms; the table built from them (every
// form taken as spelled) must answer true for each listed form it can judge, and a look-up of any
// word must neither crash nor hang.
import Foundation
@testable import ReplyLint

enum AffixFuzz {
    static let folder: String = {
        let dir = NSTemporaryDirectory() + "replylint-fuzz-affix-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: AffixFuzz.folder) }
        return dir
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAffix(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parts = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count >= 2 else { return 0 }
    let aff = String(decoding: parts[0], as: UTF8.self)
    let dic = String(decoding: parts[1], as: UTF8.self)
    let words = parts.count > 2 ? String(decoding: parts[2], as: UTF8.self).split(separator: " ").map(String.init) : []

    guard let rules = try? AffixExpansion(aff: aff) else { return 0 }
    var listed: [String] = []
    guard rules.forEachForm(dic: dic, limit: 20_000, { listed.append($0) }) else { return 0 }

    let path = AffixFuzz.folder + "/d"
    guard FileManager.default.createFile(atPath: path + ".aff", contents: Data(aff.utf8)),
          FileManager.default.createFile(atPath: path + ".dic", contents: Data(dic.utf8)) else { return 0 }
    guard let index = FormIndex.build(dictionary: path, directory: AffixFuzz.folder, accepts: { $0.map { _ in true } }) else {
        return 0
    }
    for form in listed where form.utf8.count < 100 {
        if let verdict = index.verdict(form) { precondition(verdict, "listed form not in the table: \(form)") }
    }
    for word in words + listed.map({ $0.uppercased() }) + listed.map({ $0.capitalized }) {
        _ = index.verdict(word)
        let scalars = Array(word.unicodeScalars)
        _ = scalars.withUnsafeBufferPointer { index.verdict(lowercase: $0) }
    }
    return 0
}
