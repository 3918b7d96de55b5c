/// GitHub Actions workflow commands, one line per diagnostic:
///
///     ::warning file=r.txt,line=1,col=1,endLine=1,endColumn=7,title=register.laughter::risa escrita «jajaja»
///
/// Property values escape `%`, CR, LF, `:` and `,`; the message escapes `%`, CR and LF.
public struct GitHubRenderer: StreamRenderer {
    /// Prints no source line.
    public var readsSourceLines: Bool { false }
    public init() {}

    public static func render(_ report: Report) -> String {
        var renderer = GitHubRenderer()
        return renderer.renderAll(report)
    }

    public mutating func begin() -> String { "" }
    public mutating func end(_ tally: Tally) -> String { "" }

    public mutating func file(_ diagnostics: [Diagnostic], source: (String, Int) -> SourceLine?) -> String {
        var out = ""
        for d in diagnostics {
            let command = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
            let properties = [
                "file=" + Self.escapeProperty(d.path),
                "line=\(d.line)", "col=\(d.column)", "endLine=\(d.endLine)", "endColumn=\(max(d.endColumn, d.column))",
                "title=" + Self.escapeProperty(d.rule),
            ].joined(separator: ",")
            var message = d.message
            let help = HelpText.line(for: d)
            if !help.isEmpty { message += "\n" + help.map { "help: " + $0 }.joined(separator: "\n") }
            out += "::\(command) \(properties)::\(Self.escapeData(message))\n"
        }
        return out
    }

    static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
