/// The outcome of a run: every diagnostic, sorted, and the counts the summary prints.
public struct Report: Sendable {
    public var diagnostics: [Diagnostic]
    /// Inputs looked at (files, stdin), readable or not.
    public var files: Int

    public init(diagnostics: [Diagnostic], files: Int) {
        self.diagnostics = diagnostics.sorted(by: Diagnostic.ordered)
        self.files = files
    }

    public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var notes: Int { diagnostics.filter { $0.severity == .note }.count }
    /// True when an input could not be read (exit status 2). A skipped entry (a note) is not an error.
    public var hasInputErrors: Bool { diagnostics.contains { $0.category == .input && $0.severity == .error } }

    /// The process exit status: 2 when an input could not be read, 1 when an error was reported
    /// or the warnings exceed `maxWarnings`, else 0.
    public func exitStatus(maxWarnings: Int? = nil) -> Int32 {
        Tally(self).exitStatus(maxWarnings: maxWarnings)
    }
}

/// Turns a suggestion list into the one `help:` line that carries the fix.
public enum HelpText {
    public static func line(for diagnostic: Diagnostic) -> [String] {
        var lines: [String] = []
        if let help = diagnostic.help, !help.isEmpty { lines.append(help) }
        let quoted = diagnostic.suggestions.prefix(3).map { $0.isEmpty ? "(nada)" : "«\($0)»" }
        switch quoted.count {
        case 0: break
        case 1: lines.append("sustituya por \(quoted[0])")
        default: lines.append("sustituya por " + quoted.dropLast().joined(separator: ", ") + " o " + quoted.last!)
        }
        return lines
    }
}
