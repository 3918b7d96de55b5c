/// The prose of a Markdown file, as one `Document` whose text has the same length as the file:
/// everything that is not prose is replaced by spaces, so text offsets are file offsets (one
/// segment maps the whole text) and every diagnostic lands on its exact line and column.
///
/// Skipped (blanked): YAML front matter (`---` … `---` or `...` on the first line), fenced code
/// blocks (``` and ~~~), indented code blocks, inline code spans, link and image targets
/// (`(https://…)`, `[ref]`), link reference definitions, autolinks (`<https://…>`), HTML
/// comments (also over several lines), HTML tags (the text between tags stays), the content of
/// `<script>`, `<style>`, `<pre>` and `<textarea>`, and Markdown's own marks: heading `#`s,
/// blockquote `>`s, list markers and task boxes, emphasis `*`, `_` and `~~`, thematic breaks,
/// setext underlines, table pipes and delimiter rows, backslashes of escapes.
///
/// So that blanking does not change how the prose reads:
/// - an inline code span or an autolink becomes the template slot `{_}` followed by spaces,
///   which the tokenizer reads as one placeholder: the sentence keeps a word-like thing in its
///   place ("Ejecute {_} y reinicie"), no two words are glued, no sentence starts at the word
///   after it, and placeholders are never flagged;
/// - a soft line break inside a paragraph (a line wrapped in the source) becomes a space, as
///   Markdown renders it, so a sentence wrapped over two lines stays one sentence; hard breaks
///   (two trailing spaces, a trailing backslash), blank lines and block boundaries keep their
///   newline.
///
/// Not handled (the text stays as written): HTML entities (`&eacute;`), setext headings' inner
/// marks, nested containers deeper than a list inside a blockquote, list items whose content is
/// indented so deep that CommonMark would read a code block, and links whose target spans more
/// than one paragraph. This is a scanner for the common cases of reply drafts, not a full
/// CommonMark parser.
public enum MarkdownProse {
    public static func isMarkdown(path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        let ext = name[name.index(after: dot)...].lowercased()
        return ext == "md" || ext == "markdown"
    }

    /// The prose of a Markdown file as one document.
    public static func document(of source: SourceFile) -> Document {
        let start = source.textStart
        var scanner = MarkdownScanner(Array(source.bytes[start...]))
        scanner.run()
        return Document(source: source, text: scanner.t, segments: [
            Document.Segment(textStart: 0, textLength: scanner.t.count, fileStart: start, fileLength: scanner.t.count),
        ])
    }
}

struct MarkdownScanner {
    /// The working text: starts as the file's bytes, ends as the prose with the rest blanked.
    var t: [UInt8]
    let original: [UInt8]
    var referenceLabels = Set<String>()
    /// Searches that found nothing, so that a file full of unmatched openers stays linear:
    /// backtick run length -> the paragraph end it found no closer before; whether `-->` and
    /// each `</tag` is absent from some offset on.
    var unclosedRuns: [Int: Int] = [:]
    var noCommentCloseFrom = Int.max
    var noRawCloseFrom: [String: Int] = [:]
    /// The longest link target or reference label looked for.
    static let maxTarget = 2048

    init(_ bytes: [UInt8]) {
        t = bytes
        original = bytes
    }

    enum LineKind {
        case blank, paragraph, listItem, quote, heading, code, other, table
    }

    struct Line {
        var start: Int
        var end: Int      // before the line break
        var next: Int     // after the line break
        var kind: LineKind = .other
    }

    // MARK: Helpers

    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
    @inline(__always) static func isBreak(_ c: UInt8) -> Bool { c == 0x0A || c == 0x0D }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c >= 0x80
    }
    static func isPunctuation(_ c: UInt8) -> Bool {
        (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E)
    }

    /// Replaces a range by spaces, keeping line breaks.
    mutating func blank(_ range: Range<Int>) {
        for k in range.clamped(to: 0..<t.count) where !MarkdownScanner.isBreak(t[k]) { t[k] = 0x20 }
    }

    /// Blanks a range and writes the placeholder `{_}` at its start when it fits on the line.
    mutating func fill(_ range: Range<Int>) {
        blank(range)
        let r = range.clamped(to: 0..<t.count)
        guard r.count >= 3, !t[r.lowerBound..<(r.lowerBound + 3)].contains(where: MarkdownScanner.isBreak) else { return }
        t[r.lowerBound] = UInt8(ascii: "{")
        t[r.lowerBound + 1] = UInt8(ascii: "_")
        t[r.lowerBound + 2] = UInt8(ascii: "}")
    }

    func lines() -> [Line] {
        var result: [Line] = []
        var i = 0
        while i < t.count || (i == t.count && result.isEmpty) {
            var e = i
            while e < t.count && !MarkdownScanner.isBreak(t[e]) { e += 1 }
            var next = e
            if next < t.count { next += (t[next] == 0x0D && next + 1 < t.count && t[next + 1] == 0x0A) ? 2 : 1 }
            result.append(Line(start: i, end: e, next: next))
            if next == i { break }
            i = next
        }
        return result
    }

    /// Columns of indentation (tabs to the next multiple of 4) and the first non-blank offset.
    func indentation(_ line: Line, from: Int? = nil) -> (columns: Int, first: Int) {
        var columns = 0
        var i = from ?? line.start
        while i < line.end && MarkdownScanner.isBlank(t[i]) {
            columns = t[i] == 0x09 ? (columns / 4 + 1) * 4 : columns + 1
            i += 1
        }
        return (columns, i)
    }

    func isBlankLine(_ line: Line) -> Bool {
        indentation(line).first == line.end
    }

    // MARK: Run

    mutating func run() {
        var all = lines()
        var start = 0
        if let end = frontMatterEnd(all) {
            for k in 0...end { blank(all[k].start..<all[k].end); all[k].kind = .other }
            start = end + 1
        }
        blocks(&all, from: start)
        inline(all)
        softBreaks(all)
    }

    /// Index of the closing line of YAML front matter, when the file starts with one.
    func frontMatterEnd(_ all: [Line]) -> Int? {
        guard let first = all.first, trimmed(first) == "---" else { return nil }
        // Front matter is YAML: its first line is a key (`titulo: ...`). A reply that merely
        // opens with a horizontal rule is prose.
        guard all.count > 1, let key = trimmed(all[1]).firstIndex(of: ":"),
              trimmed(all[1])[..<key].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
              key != trimmed(all[1]).startIndex else { return nil }
        for k in 1..<max(1, all.count) {
            let s = trimmed(all[k])
            if s == "---" || s == "..." { return k }
        }
        return nil
    }

    func trimmed(_ line: Line) -> String {
        var e = line.end
        while e > line.start && MarkdownScanner.isBlank(t[e - 1]) { e -= 1 }
        return String(decoding: t[line.start..<e], as: UTF8.self)
    }

    // MARK: Blocks

    mutating func blocks(_ all: inout [Line], from first: Int) {
        var fence: (char: UInt8, count: Int)?
        var previous: LineKind = .blank
        var listIndent: Int?
        var sawBlank = false
        var inTable = false
        var k = first
        while k < all.count {
            var line = all[k]
            defer { all[k] = line; previous = line.kind; k += 1 }
            if let open = fence {
                line.kind = .code
                if let close = fenceRun(line), close.char == open.char, close.count >= open.count,
                   trimmedAfter(line, close.end).isEmpty {
                    fence = nil
                }
                blank(line.start..<line.end)
                continue
            }
            if isBlankLine(line) {
                line.kind = .blank
                sawBlank = true
                inTable = false
                continue
            }
            let (columns, p) = indentation(line)
            if sawBlank, let indent = listIndent, columns < indent, !isListMarker(line, at: p) { listIndent = nil }
            let codeIndent = (listIndent ?? 0) + 4
            let continuesParagraph = previous == .paragraph || previous == .listItem || previous == .quote
            defer { sawBlank = false }
            if columns >= codeIndent && !continuesParagraph {
                line.kind = .code
                blank(line.start..<line.end)
                continue
            }
            if let open = fenceRun(line), columns - (listIndent ?? 0) < 4,
               !(open.char == UInt8(ascii: "`") && t[open.end..<line.end].contains(UInt8(ascii: "`"))) {
                fence = (open.char, open.count)
                line.kind = .code
                blank(line.start..<line.end)
                continue
            }
            if isThematicBreakOrUnderline(line, from: p) {
                line.kind = .other
                blank(line.start..<line.end)
                continue
            }
            if !continuesParagraph, let label = referenceDefinition(line, from: p) {
                referenceLabels.insert(label)
                line.kind = .other
                blank(line.start..<line.end)
                continue
            }
            if isTableDelimiter(line, from: p), k > first, all[k - 1].kind == .paragraph {
                blankPipes(all[k - 1])
                all[k - 1].kind = .table
                line.kind = .table
                blank(line.start..<line.end)
                inTable = true
                continue
            }
            if inTable {
                line.kind = .table
                blankPipes(line)
                continue
            }
            line.kind = containerMarks(line, from: p, listIndent: &listIndent)
        }
    }

    /// A run of three or more backticks or tildes at the start of a line (after its indentation).
    func fenceRun(_ line: Line) -> (char: UInt8, count: Int, end: Int)? {
        let p = indentation(line).first
        guard p < line.end else { return nil }
        let c = t[p]
        guard c == UInt8(ascii: "`") || c == UInt8(ascii: "~") else { return nil }
        var e = p
        while e < line.end && t[e] == c { e += 1 }
        return e - p >= 3 ? (c, e - p, e) : nil
    }

    func trimmedAfter(_ line: Line, _ from: Int) -> ArraySlice<UInt8> {
        var s = from
        var e = line.end
        while s < e && MarkdownScanner.isBlank(t[s]) { s += 1 }
        while e > s && MarkdownScanner.isBlank(t[e - 1]) { e -= 1 }
        return t[s..<e]
    }

    /// `***`, `- - -`, `___`, or a setext underline (`===`, `---`).
    func isThematicBreakOrUnderline(_ line: Line, from p: Int) -> Bool {
        let c = t[p]
        guard c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "_") || c == UInt8(ascii: "=") else { return false }
        var count = 0
        for k in p..<line.end {
            if t[k] == c { count += 1 } else if !MarkdownScanner.isBlank(t[k]) { return false }
        }
        return count >= 3 || (c == UInt8(ascii: "=") && count >= 1)
    }

    /// `[etiqueta]: https://… "título"`: the label, lowercased.
    func referenceDefinition(_ line: Line, from p: Int) -> String? {
        guard t[p] == UInt8(ascii: "[") else { return nil }
        var k = p + 1
        while k < line.end && t[k] != UInt8(ascii: "]") { k += 1 }
        guard k < line.end, k > p + 1, k + 1 < line.end, t[k + 1] == UInt8(ascii: ":") else { return nil }
        guard !trimmedAfter(line, k + 2).isEmpty else { return nil }
        return String(decoding: t[(p + 1)..<k], as: UTF8.self).lowercased()
    }

    /// `| --- | :---: |`: a table's delimiter row.
    func isTableDelimiter(_ line: Line, from p: Int) -> Bool {
        var dashes = 0
        var pipes = 0
        for k in p..<line.end {
            switch t[k] {
            case UInt8(ascii: "-"): dashes += 1
            case UInt8(ascii: "|"): pipes += 1
            case UInt8(ascii: ":"), 0x20, 0x09: continue
            default: return false
            }
        }
        return dashes >= 3 && pipes >= 1
    }

    mutating func blankPipes(_ line: Line) {
        var k = line.start
        while k < line.end {
            if t[k] == UInt8(ascii: "\\") { k += 2; continue }
            if t[k] == UInt8(ascii: "|") { t[k] = 0x20 }
            k += 1
        }
    }

    func isListMarker(_ line: Line, at p: Int) -> Bool {
        listMarkerEnd(line, at: p) != nil
    }

    /// End of a list marker (`-`, `*`, `+`, `1.`, `1)`) followed by a blank or the line's end.
    func listMarkerEnd(_ line: Line, at p: Int) -> Int? {
        guard p < line.end else { return nil }
        var e = p
        if t[p] == UInt8(ascii: "-") || t[p] == UInt8(ascii: "*") || t[p] == UInt8(ascii: "+") {
            e = p + 1
        } else {
            while e < line.end && e - p < 9 && MarkdownScanner.isDigit(t[e]) { e += 1 }
            guard e > p, e < line.end, t[e] == UInt8(ascii: ".") || t[e] == UInt8(ascii: ")") else { return nil }
            e += 1
        }
        guard e == line.end || MarkdownScanner.isBlank(t[e]) else { return nil }
        return e
    }

    /// Blanks blockquote marks, an ATX heading's `#`s and a list marker (with its task box) at
    /// the start of a line, and says what kind of line it is.
    mutating func containerMarks(_ line: Line, from first: Int, listIndent: inout Int?) -> LineKind {
        var p = first
        var kind = LineKind.paragraph
        while p < line.end && t[p] == UInt8(ascii: ">") {
            t[p] = 0x20
            p += 1
            while p < line.end && MarkdownScanner.isBlank(t[p]) { p += 1 }
            kind = .quote
        }
        guard p < line.end else { return kind }
        if t[p] == UInt8(ascii: "#") {
            var e = p
            while e < line.end && t[e] == UInt8(ascii: "#") { e += 1 }
            if e - p <= 6 && (e == line.end || MarkdownScanner.isBlank(t[e])) {
                blank(p..<e)
                // A closing run of #s after a blank.
                var end = line.end
                while end > e && MarkdownScanner.isBlank(t[end - 1]) { end -= 1 }
                var h = end
                while h > e && t[h - 1] == UInt8(ascii: "#") { h -= 1 }
                if h < end && (h == e || MarkdownScanner.isBlank(t[h - 1])) { blank(h..<end) }
                return .heading
            }
        }
        if let e = listMarkerEnd(line, at: p) {
            blank(p..<e)
            var q = e
            while q < line.end && MarkdownScanner.isBlank(t[q]) { q += 1 }
            listIndent = indentation(line).columns + (q - p)
            // A task box: `[ ]`, `[x]`.
            if q + 2 < line.end, t[q] == UInt8(ascii: "["), t[q + 2] == UInt8(ascii: "]"),
               [0x20, UInt8(ascii: "x"), UInt8(ascii: "X")].contains(t[q + 1]) {
                blank(q..<(q + 3))
            }
            return kind == .quote ? .quote : .listItem
        }
        return kind
    }

    // MARK: Inline

    /// Code spans, HTML, autolinks, links, emphasis marks and escapes, over the text left by the
    /// block pass (code blocks are spaces by now).
    mutating func inline(_ all: [Line]) {
        // A bracket, a code span or a tag never runs past a blank line.
        var blankStarts: [Int] = all.filter { $0.kind == .blank }.map(\.start)
        blankStarts.append(t.count)
        var nextBlank = 0
        var openers: [Int] = []
        var i = 0
        while i < t.count {
            while blankStarts[nextBlank] <= i && nextBlank < blankStarts.count - 1 {
                nextBlank += 1
                openers.removeAll()
            }
            let limit = blankStarts[nextBlank]
            let c = t[i]
            switch c {
            case UInt8(ascii: "\\"):
                if i + 1 < t.count && MarkdownScanner.isPunctuation(t[i + 1]) {
                    t[i] = 0x20
                    i += 2
                } else if i + 1 < t.count && MarkdownScanner.isBreak(t[i + 1]) {
                    t[i] = 0x20 // a hard line break
                    i += 1
                } else {
                    i += 1
                }
            case UInt8(ascii: "`"):
                i = codeSpan(at: i, limit: limit)
            case UInt8(ascii: "<"):
                i = angle(at: i, limit: limit)
            case UInt8(ascii: "["):
                openers.append(i)
                i += 1
            case UInt8(ascii: "!") where i + 1 < t.count && t[i + 1] == UInt8(ascii: "["):
                openers.append(i + 1)
                i += 2
            case UInt8(ascii: "]"):
                if let open = openers.popLast() {
                    i = closeBracket(open: open, close: i, limit: limit)
                } else {
                    i += 1
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                i = emphasis(at: i)
            default:
                i += 1
            }
        }
    }

    /// A code span from a run of backticks to the next run of the same length.
    mutating func codeSpan(at i: Int, limit: Int) -> Int {
        var e = i
        while e < t.count && t[e] == UInt8(ascii: "`") { e += 1 }
        let run = e - i
        if let failed = unclosedRuns[run], failed == limit { return e }
        var k = e
        while k < limit {
            if t[k] == UInt8(ascii: "`") {
                var r = k
                while r < t.count && t[r] == UInt8(ascii: "`") { r += 1 }
                if r - k == run {
                    fill(i..<r)
                    return r
                }
                k = r
            } else {
                k += 1
            }
        }
        unclosedRuns[run] = limit
        return e // no closing run: the backticks are literal
    }

    static let rawTags: [String] = ["script", "style", "pre", "textarea"]

    /// `<!-- … -->`, `<https://…>`, `<ana@example.com>`, `<etiqueta …>`, `</etiqueta>`.
    mutating func angle(at i: Int, limit: Int) -> Int {
        let rest = t[i...]
        if rest.starts(with: Array("<!--".utf8)) {
            if i + 4 < noCommentCloseFrom, let end = find(Array("-->".utf8), from: i + 4) {
                blank(i..<end)
                return end
            }
            noCommentCloseFrom = min(noCommentCloseFrom, i + 4)
            return i + 1
        }
        // Autolink: <scheme:…> or <address@domain>.
        var k = i + 1
        while k < t.count && t[k] != UInt8(ascii: ">") && t[k] != UInt8(ascii: "<") && !MarkdownScanner.isBlank(t[k]) && !MarkdownScanner.isBreak(t[k]) { k += 1 }
        if k < t.count && t[k] == UInt8(ascii: ">") && k > i + 1 {
            let inner = String(decoding: t[(i + 1)..<k], as: UTF8.self)
            if isAutolink(inner) {
                fill(i..<(k + 1))
                return k + 1
            }
        }
        // An HTML tag, a declaration or a processing instruction.
        var j = i + 1
        let closing = j < t.count && t[j] == UInt8(ascii: "/")
        if closing { j += 1 }
        guard j < t.count else { return i + 1 }
        let c = t[j]
        let isLetter = (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
        guard isLetter || (!closing && (c == UInt8(ascii: "!") || c == UInt8(ascii: "?"))) else { return i + 1 }
        var nameEnd = j
        if isLetter {
            while nameEnd < t.count && (MarkdownScanner.isAlnum(t[nameEnd]) && t[nameEnd] < 0x80 || t[nameEnd] == UInt8(ascii: "-")) { nameEnd += 1 }
            guard nameEnd < t.count, [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/")].contains(t[nameEnd]) else { return i + 1 }
        }
        // The tag ends at the next '>' outside quotes, before any '<'.
        var q: UInt8? = nil
        var e = nameEnd
        while e < limit {
            let b = t[e]
            if let open = q {
                if b == open { q = nil }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                if isLetter { q = b }
            } else if b == UInt8(ascii: ">") {
                break
            } else if b == UInt8(ascii: "<") {
                return i + 1
            }
            e += 1
        }
        guard e < limit else { return i + 1 }
        var end = e + 1
        let name = String(decoding: t[j..<nameEnd], as: UTF8.self).lowercased()
        if isLetter && !closing && MarkdownScanner.rawTags.contains(name) {
            // Code and scripts inside these tags are not prose.
            if end < noRawCloseFrom[name, default: Int.max], let close = findCaseInsensitive("</" + name, from: end) {
                var g = close
                while g < t.count && t[g] != UInt8(ascii: ">") { g += 1 }
                end = min(t.count, g + 1)
            } else {
                noRawCloseFrom[name] = min(noRawCloseFrom[name, default: Int.max], end)
            }
        }
        blank(i..<end)
        return end
    }

    func isAutolink(_ inner: String) -> Bool {
        if let colon = inner.firstIndex(of: ":") {
            let scheme = inner[..<colon]
            return scheme.count >= 2 && scheme.count <= 32 && scheme.first!.isLetter
                && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
        }
        if let at = inner.firstIndex(of: "@") {
            let domain = inner[inner.index(after: at)...]
            return at != inner.startIndex && domain.contains(".") && !domain.hasSuffix(".")
        }
        return false
    }

    func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard needle.count <= t.count else { return nil }
        var k = start
        while k + needle.count <= t.count {
            if t[k] == needle[0] && t[k..<(k + needle.count)].elementsEqual(needle) { return k + needle.count }
            k += 1
        }
        return nil
    }

    /// Start of the next case-insensitive occurrence of an ASCII needle.
    func findCaseInsensitive(_ needle: String, from start: Int) -> Int? {
        let n = Array(needle.lowercased().utf8)
        var k = start
        while k + n.count <= t.count {
            var ok = true
            for m in 0..<n.count {
                var b = t[k + m]
                if b >= 0x41 && b <= 0x5A { b += 0x20 }
                if b != n[m] { ok = false; break }
            }
            if ok { return k }
            k += 1
        }
        return nil
    }

    /// At a `]` that closes the bracket opened at `open`: an inline link `(…)`, a full or
    /// collapsed reference `[ref]`, or a shortcut reference to a defined label. The brackets
    /// and the target are blanked; the link text stays. Anything else is left as written.
    mutating func closeBracket(open: Int, close: Int, limit: Int) -> Int {
        let after = close + 1
        let image = open > 0 && t[open - 1] == UInt8(ascii: "!")
        if after < t.count && t[after] == UInt8(ascii: "("), let end = inlineTargetEnd(from: after, limit: limit) {
            blankMarks(open: open, close: close, image: image)
            blank(after..<end)
            return end
        }
        if after < t.count && t[after] == UInt8(ascii: "[") {
            var k = after + 1
            let labelLimit = min(limit, after + MarkdownScanner.maxTarget)
            while k < labelLimit && t[k] != UInt8(ascii: "]") && t[k] != UInt8(ascii: "[") { k += 1 }
            if k < labelLimit && t[k] == UInt8(ascii: "]") {
                let label = k == after + 1 && close - open > MarkdownScanner.maxTarget ? "" : k == after + 1 ? String(decoding: t[(open + 1)..<close], as: UTF8.self) : String(decoding: t[(after + 1)..<k], as: UTF8.self)
                if referenceLabels.contains(label.lowercased()) || k > after + 1 {
                    blankMarks(open: open, close: close, image: image)
                    blank(after..<(k + 1))
                    return k + 1
                }
            }
        }
        guard !referenceLabels.isEmpty, close - open <= MarkdownScanner.maxTarget else { return after }
        let label = String(decoding: original[(open + 1)..<close], as: UTF8.self).lowercased()
        if referenceLabels.contains(label) {
            blankMarks(open: open, close: close, image: image)
        }
        return after
    }

    mutating func blankMarks(open: Int, close: Int, image: Bool) {
        t[open] = 0x20
        t[close] = 0x20
        if image { t[open - 1] = 0x20 }
    }

    /// End (after the `)`) of an inline link target `(destino "título")` starting at `(`.
    func inlineTargetEnd(from paren: Int, limit: Int) -> Int? {
        var k = paren + 1
        var depth = 0
        var quote: UInt8?
        let limit = min(limit, paren + MarkdownScanner.maxTarget)
        while k < limit {
            let b = t[k]
            if b == UInt8(ascii: "\\") { k += 2; continue }
            if let q = quote {
                if b == q { quote = nil }
            } else if b == UInt8(ascii: "\"") && k > paren + 1 && MarkdownScanner.isBlank(t[k - 1]) || (b == UInt8(ascii: "'") && k > paren + 1 && MarkdownScanner.isBlank(t[k - 1])) {
                quote = b
            } else if b == UInt8(ascii: "(") {
                depth += 1
            } else if b == UInt8(ascii: ")") {
                if depth == 0 { return k + 1 }
                depth -= 1
            } else if b == UInt8(ascii: "<") && k == paren + 1 {
                // <destino con espacios>
                var g = k + 1
                while g < limit && t[g] != UInt8(ascii: ">") && !MarkdownScanner.isBreak(t[g]) { g += 1 }
                guard g < limit && t[g] == UInt8(ascii: ">") else { return nil }
                k = g
            }
            k += 1
        }
        return nil
    }

    /// Emphasis and strikethrough marks: a run of `*` or `~` always; a run of `_` unless it
    /// sits inside a word (`nombre_de_usuario`).
    mutating func emphasis(at i: Int) -> Int {
        let c = t[i]
        var e = i
        while e < t.count && t[e] == c { e += 1 }
        let before: UInt8 = i > 0 ? t[i - 1] : 0x20
        let after: UInt8 = e < t.count ? t[e] : 0x20
        let leftFlanking = !MarkdownScanner.isBlank(after) && !MarkdownScanner.isBreak(after)
        let rightFlanking = !MarkdownScanner.isBlank(before) && !MarkdownScanner.isBreak(before)
        switch c {
        case UInt8(ascii: "_"):
            if MarkdownScanner.isAlnum(before) && MarkdownScanner.isAlnum(after) { return e }
            if leftFlanking || rightFlanking { blank(i..<e) }
        case UInt8(ascii: "~"):
            if e - i >= 2 && (leftFlanking || rightFlanking) { blank(i..<e) }
        default:
            if leftFlanking || rightFlanking { blank(i..<e) }
        }
        return e
    }

    // MARK: Soft breaks

    /// A line wrapped inside a paragraph reads as one line: its break becomes spaces.
    mutating func softBreaks(_ all: [Line]) {
        guard all.count > 1 else { return }
        for k in 0..<(all.count - 1) {
            let line = all[k]
            let next = all[k + 1]
            guard line.next > line.end else { continue }
            let joins: Bool
            switch (line.kind, next.kind) {
            case (.paragraph, .paragraph), (.listItem, .paragraph), (.quote, .quote), (.quote, .paragraph):
                joins = true
            default:
                joins = false
            }
            // A line left empty by blanking (an HTML comment, a tag, a script) is a block of its
            // own: the lines around it are not one sentence.
            guard joins, !isEmptyNow(line), !isEmptyNow(next) else { continue }
            // A hard break: two trailing spaces or a backslash in the source.
            let source = original
            if line.end - line.start >= 2 && source[line.end - 1] == 0x20 && source[line.end - 2] == 0x20 { continue }
            if line.end > line.start && source[line.end - 1] == UInt8(ascii: "\\") { continue }
            if next.kind == .quote && line.kind == .quote && quoteDepth(line) != quoteDepth(next) { continue }
            for b in line.end..<line.next { t[b] = 0x20 }
        }
    }

    func isEmptyNow(_ line: Line) -> Bool {
        t[line.start..<line.end].allSatisfy(MarkdownScanner.isBlank)
    }

    func quoteDepth(_ line: Line) -> Int {
        var depth = 0
        var k = line.start
        while k < line.end {
            if original[k] == UInt8(ascii: ">") { depth += 1 } else if !MarkdownScanner.isBlank(original[k]) { break }
            k += 1
        }
        return depth
    }
}
