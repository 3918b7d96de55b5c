// Fuzz target: `.replylint.yml` parsing (Yams compose + validation), then the `ignore` globs.
import Foundation
@testable import ReplyLint

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let config: ProjectConfig
    do {
        config = try ProjectConfig.parse(text, path: "/proyecto/.replylint.yml", knownNames: FuzzSupport.linter.knownNames)
    } catch let error as InputError {
        precondition(error.position.line >= 0, "bad position: \(error)")
        _ = error.description
        return 0
    } catch {
        preconditionFailure("config parse threw a non-input error: \(error)")
    }
    for path in ["/proyecto/borradores/a.md", "/proyecto/plantillas/envios/retraso.yml", "x.txt", "/otra/carpeta/b.json"] {
        _ = config.ignores(path)
    }
    return 0
}
