/// The polemic lexicons (politics, religion, sports, social issues), matched together over the
/// shared name classes so that the longest stance wins.
struct PolemicLexicon: Sendable {
    static let files = ["polemic/politics", "polemic/religion", "polemic/sports", "polemic/social"]
    static let classes = "polemic/classes"

    let matcher: LexiconMatcher

    init(_ lexicons: LexiconStore) throws {
        let tables = try Self.files.map { try lexicons.table($0) }
        for table in tables { try table.require("forms", "when", "note") }
        let classes = try lexicons.table(Self.classes)
        try classes.require("class", "forms", "note")
        matcher = try LexiconMatcher(tables: tables, classes: classes, vocabulary: lexicons.vocabulary)
    }

    func findings(_ context: RuleContext, table: String, message: String, help: String) -> [Finding] {
        // The family's rules share one matching pass per document.
        context.memoized("polemic.lexicon.matches") { matcher.matches(in: context) }.compactMap { match in
            guard matcher.entries[match.entry].table == table else { return nil }
            return Finding(range: match.range, message: message, help: help)
        }
    }
}
