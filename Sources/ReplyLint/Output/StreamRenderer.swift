/// The counts a report ends with, kept as diagnostics stream past: a run's output never needs every
/// diagnostic in memory at once, only the current file's.
public struct Tally: Sendable, Equatable {
    public var files = 0
    public var errors = 0
    public var warnings = 0
    public var notes = 0
    /// An input could not be read (exit status 2). A skipped entry (a note) is not an error.
    public var inputErrors = 0

    public init(files: Int = 0) { self.files = files }

    public init(_ report: Report) {
        self.init(files: report.files)
        add(report.diagnostics)
    }

    public mutating func add(_ diagnostics: [Diagnostic]) {
        for d in diagnostics {
            switch d.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: notes += 1
            }
            if d.category == .input && d.severity == .error { inputErrors += 1 }
        }
    }

    /// The process exit status: 2 when an input could not be read, 1 when an error was reported
    /// or the warnings exceed `maxWarnings`, else 0.
    public func exitStatus(maxWarnings: Int? = nil) -> Int32 {
        if inputErrors > 0 { return 2 }
        if errors > 0 { return 1 }
        if let maxWarnings, warnings > maxWarnings { return 1 }
        return 0
    }
}

/// An output format written piece by piece: its opening, the diagnostics of one file after another
/// (in the order they come), and its closing with the counts. Each format's whole-report `render` is
/// these three pieces, so both ways print the same bytes.
public protocol StreamRenderer {
    mutating func begin() -> String
    /// `source` gives the lines of the files these diagnostics point at.
    mutating func file(_ diagnostics: [Diagnostic], source: (String, Int) -> SourceLine?) -> String
    mutating func end(_ tally: Tally) -> String
    /// `file` as UTF-8 bytes: what a program writing the report to a file or a pipe wants. A format
    /// that builds bytes (JSON) returns them without making a String first.
    mutating func fileBytes(_ diagnostics: [Diagnostic], source: (String, Int) -> SourceLine?) -> [UInt8]
    /// Whether `file` reads `source` at all: a format that prints no source line says false, and the
    /// runner then keeps no lines for it (`Runner.keepsSourceLines`).
    var readsSourceLines: Bool { get }
}

extension StreamRenderer {
    public var readsSourceLines: Bool { true }

    public mutating func fileBytes(_ diagnostics: [Diagnostic], source: (String, Int) -> SourceLine?) -> [UInt8] {
        Array(file(diagnostics, source: source).utf8)
    }

    /// The whole report at once.
    public mutating func renderAll(_ report: Report, source: (String, Int) -> SourceLine? = { _, _ in nil }) -> String {
        begin() + file(report.diagnostics, source: source) + end(Tally(report))
    }
}
