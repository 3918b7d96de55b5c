/// Every rule replylint knows, family by family. A new rule is one file in its family's folder
/// and one line in that family's list.
public enum RuleRegistry {
    public static let all: [any Rule.Type] =
        RegisterFamily.rules + ProfanityFamily.rules + DiscriminationFamily.rules
        + PolemicFamily.rules + EmpathyFamily.rules + SpellingFamily.rules

    /// A rule's description by id (also the ids of input problems and suppression comments).
    public static func description(of id: String) -> RuleDescription? {
        all.first { $0.description.id == id }?.description ?? EngineRules.all.first { $0.id == id }
    }
}
