/// The discrimination lexicons: slurs and generalisation patterns over a list of groups, matched
/// together so that the longest expression wins.
struct DiscriminationLexicon: Sendable {
    static let slurs = "discrimination/slurs"
    static let generalizations = "discrimination/generalizations"
    static let groups = "discrimination/groups"

    let matcher: LexiconMatcher
    let severities: [Severity?]
    let suggestions: [[String]]

    init(_ lexicons: LexiconStore) throws {
        let slurs = try lexicons.table(Self.slurs)
        let patterns = try lexicons.table(Self.generalizations)
        let groups = try lexicons.table(Self.groups)
        try slurs.require("sev", "region", "forms", "when", "suggestion", "note")
        try patterns.require("forms", "when", "note")
        try groups.require("class", "forms", "note")
        var severities: [Severity?] = []
        var suggestions: [[String]] = []
        for row in slurs.rows {
            severities.append(try LexiconColumns.severity(row, in: slurs))
            suggestions.append(LexiconColumns.suggestions(row))
        }
        for _ in patterns.rows {
            severities.append(nil)
            suggestions.append([])
        }
        matcher = try LexiconMatcher(tables: [slurs, patterns], classes: groups, vocabulary: lexicons.vocabulary)
        self.severities = severities
        self.suggestions = suggestions
    }

    func findings(_ context: RuleContext, table: String, message: String, help: String) -> [Finding] {
        // The family's rules share one matching pass per document.
        context.memoized("discrimination.lexicon.matches") { matcher.matches(in: context) }.compactMap { match in
            guard matcher.entries[match.entry].table == table else { return nil }
            return Finding(range: match.range, message: message, suggestions: suggestions[match.entry],
                           help: help, severity: severities[match.entry])
        }
    }
}
