/// The empathy rules, in the order they run.
public enum EmpathyFamily {
    public static let rules: [any Rule.Type] = [MissingEmpathyRule.self, DismissiveRule.self]
}
