/// The profanity rules, in the order they run.
public enum ProfanityFamily {
    public static let rules: [any Rule.Type] = [VulgarLanguageRule.self, InsultRule.self]
}
