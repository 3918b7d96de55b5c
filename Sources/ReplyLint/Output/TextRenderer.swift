import ICUShim

/// Compiler-style text output:
///
///     respuesta.txt:1:1: warning: risa escrita «jajaja» [register.laughter]
///       1 | jajaja, ya lo arreglamos
///         | ^~~~~~
///         = help: quitar la risa
///
/// then one summary line. Colors only when asked (the CLI decides from `--color` and `NO_COLOR`).
public struct TextRenderer: StreamRenderer {
    public var color: Bool
    /// A line of a diagnostic's file (path, 1-based line), to print it; nil prints no excerpt.
    public var source: (String, Int) -> SourceLine?

    public init(color: Bool, source: @escaping (String, Int) -> SourceLine?) {
        self.color = color
        self.source = source
    }

    enum Style: String {
        case red = "\u{1B}[1;31m", yellow = "\u{1B}[1;33m", cyan = "\u{1B}[1;36m", blue = "\u{1B}[1;34m"
        case bold = "\u{1B}[1m", dim = "\u{1B}[2m", reset = "\u{1B}[0m"
    }

    func paint(_ text: String, _ style: Style) -> String {
        color ? style.rawValue + text + Style.reset.rawValue : text
    }

    func severityStyle(_ severity: Severity) -> Style {
        switch severity {
        case .error: return .red
        case .warning: return .yellow
        case .note: return .cyan
        }
    }

    public func render(_ report: Report) -> String {
        var copy = self
        return copy.renderAll(report, source: source)
    }

    public mutating func begin() -> String { "" }

    public mutating func file(_ diagnostics: [Diagnostic], source: (String, Int) -> SourceLine?) -> String {
        withoutActuallyEscaping(source) { source in
            var lines = self
            lines.source = source
            return diagnostics.map(lines.render).joined()
        }
    }

    public mutating func end(_ tally: Tally) -> String { summary(tally) + "\n" }

    public func render(_ d: Diagnostic) -> String {
        let style = severityStyle(d.severity)
        var out = paint("\(d.path):\(d.line):\(d.column):", .bold) + " " + paint("\(d.severity.rawValue):", style)
            + " " + paint(d.message, .bold) + " " + paint("[\(d.rule)]", .dim)
        if let reply = d.reply { out += " " + paint("(\(reply))", .dim) }
        out += "\n"
        let gutter = String(repeating: " ", count: String(d.line).count)
        if d.category != .input, let line = source(d.path, d.line) {
            let (bytes, start, cutBefore, cutAfter) = TextRenderer.window(line.bytes[...], lineStart: line.start,
                                                                          from: d.offset, to: d.offset + d.length)
            var (shown, caretStart, caretWidth) = TextRenderer.caret(bytes, lineStart: start,
                                                                     from: d.offset, to: d.offset + d.length)
            if cutBefore { shown = "…" + shown; caretStart += 1 }
            if cutAfter { shown += "…" }
            out += paint("\(d.line) |", .blue) + " " + shown + "\n"
            out += paint("\(gutter) |", .blue) + " " + String(repeating: " ", count: caretStart)
                + paint("^" + String(repeating: "~", count: max(0, caretWidth - 1)), style) + "\n"
        }
        for help in HelpText.line(for: d) {
            out += paint("\(gutter) =", .blue) + " " + paint("help:", .bold) + " " + help + "\n"
        }
        return out
    }

    /// Bytes of a line shown around a diagnostic. A long line (a minified JSON file, a pasted
    /// wall of text) is cut to a window around the span, so that each diagnostic prints a few
    /// hundred bytes, not the whole line again: one finding per word on a 5 MB line would
    /// otherwise print terabytes. The cuts fall on scalar boundaries; the flags say where to put `…`.
    static let windowContext = 80
    static let windowMaxSpan = 240

    static func window(_ line: ArraySlice<UInt8>, lineStart: Int, from: Int, to: Int)
        -> (bytes: ArraySlice<UInt8>, start: Int, cutBefore: Bool, cutAfter: Bool) {
        let limit = 2 * windowContext + windowMaxSpan
        guard line.count > limit else { return (line, lineStart, false, false) }
        let base = line.startIndex
        func isBoundary(_ i: Int) -> Bool { i <= base || i >= line.endIndex || line[i] & 0xC0 != 0x80 }
        let relativeFrom = min(max(from - lineStart, 0), line.count)
        let relativeTo = min(max(to - lineStart, relativeFrom), line.count)
        var lower = base + max(0, relativeFrom - windowContext)
        while !isBoundary(lower) { lower += 1 }
        var upper = base + min(line.count, min(relativeTo, relativeFrom + windowMaxSpan) + windowContext)
        while !isBoundary(upper) { upper -= 1 }
        if upper < lower { upper = lower }
        return (line[lower..<upper], lineStart + (lower - base), lower > base, upper < line.endIndex)
    }

    /// The line as displayed (tabs expanded, control characters made visible) and the caret's
    /// display column and width for the byte range `from..<to` of the file.
    static func caret(_ line: ArraySlice<UInt8>, lineStart: Int, from: Int, to: Int) -> (String, Int, Int) {
        var shown = ""
        var column = 0
        var caretStart = -1
        var caretEnd = -1
        let text = String(decoding: line, as: UTF8.self)
        var offset = lineStart
        for scalar in text.unicodeScalars {
            if offset >= from && caretStart < 0 { caretStart = column }
            if offset >= to && caretEnd < 0 { caretEnd = column }
            let width: Int
            if scalar == "\t" {
                width = 4
                shown += "    "
            } else if scalar.value < 0x20 || scalar.value == 0x7F {
                width = 1
                shown += "\u{FFFD}"
            } else {
                width = Int(rl_display_width(Int32(bitPattern: scalar.value)))
                shown.unicodeScalars.append(scalar)
            }
            column += width
            offset += scalar.utf8.count
        }
        if caretStart < 0 { caretStart = column }
        if caretEnd < 0 { caretEnd = column }
        return (shown, caretStart, max(1, caretEnd - caretStart))
    }

    public func summary(_ report: Report) -> String { summary(Tally(report)) }

    public func summary(_ tally: Tally) -> String {
        func plural(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        let counts = [plural(tally.errors, "error", "errores"), plural(tally.warnings, "aviso", "avisos"),
                      plural(tally.notes, "nota", "notas")].joined(separator: ", ")
        let text = "\(plural(tally.files, "archivo revisado", "archivos revisados")): \(counts)"
        let style: Style = tally.errors > 0 ? .red : tally.warnings > 0 ? .yellow : .bold
        return paint(text, style)
    }
}
