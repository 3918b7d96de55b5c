import Foundation
/// Comments that turn rules off for part of a file, in the comment syntax of each format:
///
///     # replylint-disable-next-line register.laughter            (YAML, plain text)
///     <!-- replylint-disable register, profanity.insult -->       (Markdown, HTML, plain text)
///     <!-- replylint-enable -->
///     texto: "ok jajaja"  # replylint-disable-line register.laughter
///
/// A directive names rule ids or categories (comma or space separated) or nothing (every rule).
/// `disable` runs until the next `enable` of the same names (or the end of the file);
/// `disable-next-line` covers the next line; `disable-line` its own line.
/// A directive that suppressed nothing is reported as a note (`suppression.unused`), one naming
/// an unknown rule as a warning (`suppression.unknown-rule`).
public struct Suppressions: Sendable {
    public enum Kind: String, Sendable { case disable, enable, disableLine = "disable-line", disableNextLine = "disable-next-line" }

    public struct Directive: Sendable, Equatable {
        public var kind: Kind
        /// Rule ids or categories; empty means every rule.
        public var names: [String]
        public var line: Int
        /// Byte range of the directive text (`replylint-…` up to the end of the comment) in the file.
        public var range: Range<Int>
        /// Byte range of the whole comment, opener included, for blanking it out of plain text.
        public var commentRange: Range<Int>
        /// True when the line holds nothing but this comment.
        public var ownLine: Bool
    }

    public let path: String
    public let directives: [Directive]
    let lineCount: Int

    public init(file: SourceFile) {
        path = file.path
        lineCount = file.lineStarts.count
        var found: [Directive] = []
        // The first `replylint-` of each line is read as a directive: one pass over the file's bytes
        // finds them (nearly every file has none), then the rest of that line is passed over.
        file.bytes.withUnsafeBufferPointer { b in
            let marker: StaticString = "replylint-"
            let m = marker.utf8CodeUnitCount
            let start = marker.utf8Start
            guard let base = b.baseAddress else { return }
            var i = 0
            while i + m <= b.count {
                // The marker's last byte, a hyphen, is rare in prose: memchr finds the next one, and
                // only there is the rest compared.
                guard let hyphen = memchr(base + i + m - 1, Int32(UInt8(ascii: "-")), b.count - (i + m - 1)) else { break }
                i = base.distance(to: hyphen.assumingMemoryBound(to: UInt8.self)) - (m - 1)
                if b[i] != start[0] || memcmp(base + i, start, m) != 0 {
                    i += 1
                    continue
                }
                let line = SourceFile.lineIndex(of: i, lineStarts: file.lineStarts) + 1
                if let directive = Suppressions.parse(file.lineBytes(line), marker: i, line: line) { found.append(directive) }
                i = line < file.lineStarts.count ? file.lineStarts[line] : b.count
            }
        }
        directives = found
    }

    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>, from: Int? = nil) -> Int? {
        let start = from ?? haystack.startIndex
        guard haystack.count >= needle.count, start <= haystack.endIndex - needle.count else { return nil }
        var i = start
        while i <= haystack.endIndex - needle.count {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// A directive at `marker` counts only inside a comment: after `#`, `//` or `<!--` with only
    /// spaces between.
    static func parse(_ line: ArraySlice<UInt8>, marker: Int, line number: Int) -> Directive? {
        var j = marker - 1
        while j >= line.startIndex && (line[j] == 0x20 || line[j] == 0x09) { j -= 1 }
        guard j >= line.startIndex else { return nil }
        var opener = j
        var html = false
        if line[j] == UInt8(ascii: "#") {
            opener = j
        } else if line[j] == UInt8(ascii: "/") && j - 1 >= line.startIndex && line[j - 1] == UInt8(ascii: "/") {
            opener = j - 1
        } else if line[j] == UInt8(ascii: "-"), j - 3 >= line.startIndex, line[(j - 3)...j].elementsEqual(Array("<!--".utf8)) {
            opener = j - 3
            html = true
        } else {
            return nil
        }
        var end = line.endIndex
        if html {
            guard let close = find(Array("-->".utf8), in: line, from: marker) else { return nil }
            end = close
        }
        let body = String(decoding: line[marker..<end], as: UTF8.self).trimmingWhitespace()
        let words = body.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        guard let head = words.first, head.hasPrefix("replylint-"),
              let kind = Kind(rawValue: String(head.dropFirst("replylint-".count))) else { return nil }
        let commentEnd = html ? end + 3 : line.endIndex
        let before = line[line.startIndex..<opener].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        let after = line[commentEnd..<line.endIndex].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        return Directive(kind: kind, names: Array(words.dropFirst()), line: number, range: marker..<end,
                         commentRange: opener..<commentEnd, ownLine: before && after)
    }

    func matches(_ names: [String], _ d: Diagnostic) -> Bool {
        names.isEmpty || names.contains(d.rule) || names.contains(d.category.rawValue)
    }

    /// Drops suppressed diagnostics and adds the notes about directives. Input errors are never suppressed.
    public func apply(to diagnostics: [Diagnostic], knownNames: Set<String>, file: SourceFile) -> [Diagnostic] {
        guard !directives.isEmpty else { return diagnostics }
        // Each directive covers a set of lines.
        var spans: [(directive: Int, lines: ClosedRange<Int>)] = []
        for (i, d) in directives.enumerated() {
            switch d.kind {
            case .disableLine: spans.append((i, d.line...d.line))
            case .disableNextLine: spans.append((i, (d.line + 1)...(d.line + 1)))
            case .disable:
                let close = directives[(i + 1)...].first { $0.kind == .enable && ($0.names.isEmpty || Set(d.names).isSubset(of: Set($0.names))) }
                spans.append((i, d.line...max(d.line, (close?.line ?? lineCount + 1) - 1)))
            case .enable: continue
            }
        }
        var used = Set<Int>()
        var kept: [Diagnostic] = []
        for diagnostic in diagnostics {
            if diagnostic.category != .input,
               let span = spans.first(where: { $0.lines.contains(diagnostic.line) && matches(directives[$0.directive].names, diagnostic) }) {
                used.insert(span.directive)
                continue
            }
            kept.append(diagnostic)
        }
        for (i, d) in directives.enumerated() where d.kind != .enable {
            let unknown = d.names.filter { !knownNames.contains($0) }
            if !unknown.isEmpty {
                kept.append(note(d, file: file, rule: "suppression.unknown-rule", severity: .warning,
                                 message: "regla o categoría desconocida en la supresión: \(unknown.map { "«\($0)»" }.joined(separator: ", "))"))
            } else if !used.contains(i) {
                kept.append(note(d, file: file, rule: "suppression.unused", severity: .note,
                                 message: "esta supresión no suprime nada; puede quitarse"))
            }
        }
        return kept
    }

    func note(_ d: Directive, file: SourceFile, rule: String, severity: Severity, message: String) -> Diagnostic {
        // Line slices keep the file's indexes: the directive's range is already in file bytes.
        let start = d.range.lowerBound
        let length = d.range.count
        let (line, column) = file.location(of: start)
        let (endLine, endColumn) = file.location(of: start + length)
        return Diagnostic(path: file.path, line: line, column: column, endLine: endLine, endColumn: endColumn,
                          offset: start, length: length, severity: severity, category: .suppression, rule: rule,
                          message: message, excerpt: String(decoding: file.bytes[start..<(start + length)], as: UTF8.self),
                          help: "quite el comentario o corrija el nombre de la regla (replylint --list-rules)")
    }

    /// The text with every directive comment replaced by spaces (offsets unchanged), so
    /// that a plain-text reply's directives are not linted as prose.
    public func blankingDirectives(in file: SourceFile) -> [UInt8] {
        var bytes = file.bytes
        for d in directives {
            for i in d.commentRange { bytes[i] = 0x20 }
        }
        return Array(bytes[file.textStart...])
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
