/// The register rules, in the order they run.
public enum RegisterFamily {
    public static let rules: [any Rule.Type] = [
        LaughterRule.self,
        AbbreviationRule.self,
        ElongationRule.self,
        PunctuationRule.self,
        SpacingRule.self,
        ShoutingRule.self,
        SlangRule.self,
        TuteoRule.self,
        VoseoRule.self,
        UstedRule.self,
        MixedRule.self,
    ]
}
