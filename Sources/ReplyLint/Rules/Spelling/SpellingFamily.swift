/// The spelling rules, in the order they run.
public enum SpellingFamily {
    public static let rules: [any Rule.Type] = [MissingAccentRule.self, UnknownWordRule.self, RejectedWordRule.self]
}
