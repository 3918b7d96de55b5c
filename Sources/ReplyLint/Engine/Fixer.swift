import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `--fix` and `--diff`: applies the safe fixes of a file's diagnostics, shows them as a unified
/// diff, and writes files atomically (a temporary file in the same folder, the original's
/// permissions, then a rename), so an interrupted run never leaves half a file.
///
/// Only the fixed byte ranges change: the BOM, the line endings and every other byte stay as they were.
public enum Fixer {
    /// Applies the fixes in offset order; a fix overlapping one already applied is skipped.
    public static func apply(_ diagnostics: [Diagnostic], to bytes: [UInt8]) -> (bytes: [UInt8], applied: Int) {
        let fixes = diagnostics.filter { $0.fix != nil && $0.category != .input }
            .sorted { $0.offset != $1.offset ? $0.offset < $1.offset : $0.length < $1.length }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        var applied = 0
        for d in fixes where d.offset >= cursor && d.offset + d.length <= bytes.count {
            // Never replace a span whose bytes are not what the diagnostic saw.
            guard bytes[d.offset..<(d.offset + d.length)].elementsEqual(d.excerpt.utf8) else { continue }
            out.append(contentsOf: bytes[cursor..<d.offset])
            out.append(contentsOf: d.fix!.utf8)
            cursor = d.offset + d.length
            applied += 1
        }
        out.append(contentsOf: bytes[cursor...])
        return (out, applied)
    }

    /// Replaces `path` with `bytes` atomically, keeping its permission bits.
    public static func write(_ bytes: [UInt8], to named: String) -> InputError? {
        // Through a symlink, the file it points to is rewritten and the link stays a link.
        let path = InputFiles.realPath(named) ?? named
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .unreadable(path: named, reason: "no se puede escribir: " + String(cString: strerror(errno)))
        }
        // A file nobody may write (mode a-w) is refused even for root: someone locked it on purpose.
        if access(path, W_OK) != 0 || (info.st_mode & 0o222) == 0 {
            return .unreadable(path: named, reason: "no se puede corregir: el archivo es de solo lectura")
        }
        let directory = (path as NSString).deletingLastPathComponent
        let template = (directory.isEmpty ? "." : directory) + "/.replylint-fix-XXXXXX"
        var name = Array(template.utf8CString)
        let fd = mkstemp(&name)
        guard fd >= 0 else {
            return .unreadable(path: named, reason: "no se puede corregir: no se puede crear un archivo temporal en la carpeta (\(String(cString: strerror(errno))))")
        }
        let temporary = String(cString: name)
        var ok = true
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 { if errno == EINTR { continue }; ok = false; break }
                done += n
            }
        }
        ok = ok && fchmod(fd, info.st_mode & 0o7777) == 0 && fsync(fd) == 0
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return .unreadable(path: named, reason: "no se pudo escribir la corrección: \(reason)")
        }
        return nil
    }

    /// A unified diff of the lines that changed (fixes never add or remove line breaks).
    public static func diff(path: String, old: SourceFile, new: SourceFile) -> String {
        guard old.lineStarts.count == new.lineStarts.count else {
            return "--- \(path)\n+++ \(path)\n(el número de líneas cambió)\n"
        }
        var hunks: [(Int, String, String)] = []
        for line in 1...old.lineStarts.count where old.lineBytes(line) != new.lineBytes(line) {
            hunks.append((line, old.lineText(line), new.lineText(line)))
        }
        guard !hunks.isEmpty else { return "" }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        var i = 0
        while i < hunks.count {
            var j = i
            while j + 1 < hunks.count && hunks[j + 1].0 == hunks[j].0 + 1 { j += 1 }
            let count = j - i + 1
            out += "@@ -\(hunks[i].0),\(count) +\(hunks[i].0),\(count) @@\n"
            for k in i...j { out += "-\(hunks[k].1)\n" }
            for k in i...j { out += "+\(hunks[k].2)\n" }
            i = j + 1
        }
        return out
    }
}
