/// The polemic rules, in the order they run.
public enum PolemicFamily {
    public static let rules: [any Rule.Type] = [PoliticsRule.self, ReligionRule.self, SportsRule.self, SocialIssuesRule.self]
}
