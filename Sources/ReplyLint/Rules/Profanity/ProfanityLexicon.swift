/// The profanity lexicons, matched together so that the longest expression wins
/// (`hijo de puta` is one insult, not an insult and a vulgar word).
struct ProfanityLexicon: Sendable {
    static let files = ["profanity/vulgar", "profanity/insults"]

    let matcher: LexiconMatcher
    /// Per entry: its severity override (nil for strong) and its suggestions.
    let severities: [Severity?]
    let suggestions: [[String]]

    init(_ lexicons: LexiconStore) throws {
        let tables = try Self.files.map { try lexicons.table($0) }
        var severities: [Severity?] = []
        var suggestions: [[String]] = []
        for table in tables {
            try table.require("sev", "region", "forms", "when", "suggestion", "note")
            for row in table.rows {
                severities.append(try LexiconColumns.severity(row, in: table))
                suggestions.append(LexiconColumns.suggestions(row))
            }
        }
        matcher = try LexiconMatcher(tables: tables, vocabulary: lexicons.vocabulary)
        self.severities = severities
        self.suggestions = suggestions
    }

    /// Findings for the entries of one table.
    func findings(_ context: RuleContext, table: String, message: (LexiconEntry, LexiconMatch) -> String, help: String) -> [Finding] {
        // The family's rules share one matching pass per document.
        context.memoized("profanity.lexicon.matches") { matcher.matches(in: context) }.compactMap { match in
            let entry = matcher.entries[match.entry]
            guard entry.table == table else { return nil }
            return Finding(range: match.range, message: message(entry, match), suggestions: suggestions[match.entry],
                           help: help, severity: severities[match.entry])
        }
    }
}
