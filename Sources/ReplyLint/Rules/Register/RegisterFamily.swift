/// The register rules, in the order they run.
public enum RegisterFamily {
    public static let rules: [any Rule.Type] = []
}
