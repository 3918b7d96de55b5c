import Foundation

/// Reading the columns the content families share (`sev`, `suggestion`), with errors that name
/// the file and line.
enum LexiconColumns {
    /// `strong` → nil (the rule's own severity, an error), `mild` → warning.
    static func severity(_ row: LexiconTable.Row, in table: LexiconTable) throws -> Severity? {
        switch row["sev"] {
        case "strong": return nil
        case "mild": return .warning
        case let other:
            throw LexiconError(path: table.path, line: row.line, reason: "sev '\(other)' is not strong or mild")
        }
    }

    /// The `suggestion` column: alternatives separated by `/`, best first.
    static func suggestions(_ row: LexiconTable.Row) -> [String] {
        row["suggestion"].split(separator: "/").map { $0.trimmedBlanks }.filter { !$0.isEmpty }
    }
}
