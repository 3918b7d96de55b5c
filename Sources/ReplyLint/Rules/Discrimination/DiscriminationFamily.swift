/// The discrimination rules, in the order they run.
public enum DiscriminationFamily {
    public static let rules: [any Rule.Type] = [SlurRule.self, GeneralizationRule.self]
}
