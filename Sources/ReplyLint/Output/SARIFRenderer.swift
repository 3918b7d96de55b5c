/// SARIF 2.1.0, as GitHub code scanning reads it: one run, the tool's rules with their
/// descriptions and help, one result per diagnostic with its region, and a fix where the first
/// suggestion replaces the span.
///
/// Columns are Unicode code points (`columnKind: unicodeCodePoints`), like the text output; byte
/// offsets and lengths are given too. Paths are written as relative URIs against `%SRCROOT%`
/// when they are relative, and as `file://` URIs when absolute.
public struct SARIFRenderer: StreamRenderer {
    /// Prints no source line.
    public var readsSourceLines: Bool { false }
    public static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    let version: String
    var ruleList: [RuleDescription]
    var index: [String: Int] = [:]
    var count = 0

    public init(version: String, rules: [RuleDescription] = RuleRegistry.all.map { $0.description } + EngineRules.all) {
        self.version = version
        ruleList = rules
        for (i, rule) in rules.enumerated() { index[rule.id] = i }
    }

    public static func render(_ report: Report, version: String, rules: [RuleDescription] = RuleRegistry.all.map { $0.description } + EngineRules.all) -> String {
        var renderer = SARIFRenderer(version: version, rules: rules)
        return renderer.renderAll(report)
    }

    // The run's results come first and its tool last: the rules a stream met on the way (input
    // problems, a library user's own rules) are known only at the end. JSON members have no order.
    public mutating func begin() -> String {
        "{\"$schema\":\(JSONRenderer.quote(Self.schema)),\"version\":\"2.1.0\",\"runs\":[{\"columnKind\":\"unicodeCodePoints\",\"results\":["
    }

    public mutating func file(_ diagnostics: [Diagnostic], source: (String, Int) -> SourceLine?) -> String {
        var out = ""
        for d in diagnostics {
            if count > 0 { out += "," }
            count += 1
            result(d).write(into: &out)
        }
        return out
    }

    public mutating func end(_ tally: Tally) -> String {
        let rulesJSON: [JSONValue] = ruleList.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("name", .string(Self.camelName(rule.id))),
                ("shortDescription", .object([("text", .string(rule.summary))])),
                ("fullDescription", .object([("text", .string(rule.rationale))])),
                ("help", .object([("text", .string(Self.helpText(rule))), ("markdown", .string(Self.helpMarkdown(rule)))])),
                ("defaultConfiguration", .object([("level", .string(Self.level(rule.defaultSeverity)))])),
                ("properties", .object([("tags", .array([.string(rule.category.rawValue)])),
                                        ("problem.severity", .string(Self.problemSeverity(rule.defaultSeverity)))])),
            ])
        }
        let tool: JSONValue = .object([("driver", .object([
            ("name", "replylint"),
            ("semanticVersion", .string(version)),
            ("version", .string(version)),
            ("rules", .array(rulesJSON)),
        ]))])
        return "],\"tool\":" + tool.serialized() + "}]}\n"
    }

    /// The index of a result's rule; a rule outside the list (an input problem, a library user's
    /// own rule) gets an entry the first time it is seen.
    mutating func ruleIndex(_ d: Diagnostic) -> Int {
        if let known = index[d.rule] { return known }
        ruleList.append(d.category == .input
            ? RuleDescription(id: d.rule, category: .input, summary: "la entrada no se pudo revisar",
                              rationale: "replylint solo revisa texto UTF-8 legible y colecciones YAML o JSON bien formadas; esta entrada no se pudo leer, decodificar o analizar, así que no se revisó.",
                              triggering: [], nonTriggering: [])
            : RuleDescription(id: d.rule, category: d.category, summary: d.rule, rationale: d.rule, triggering: [], nonTriggering: []))
        index[d.rule] = ruleList.count - 1
        return ruleList.count - 1
    }

    mutating func result(_ d: Diagnostic) -> JSONValue {
        let region: JSONValue = .object([
            ("startLine", .int(d.line)), ("startColumn", .int(d.column)),
            ("endLine", .int(d.endLine)), ("endColumn", .int(max(d.endColumn, d.column))),
            ("byteOffset", .int(d.offset)), ("byteLength", .int(d.length)),
            ("snippet", .object([("text", .string(d.excerpt))])),
        ])
        let artifact: JSONValue = Self.artifactLocation(d.path)
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(d.rule)),
            ("ruleIndex", .int(ruleIndex(d))),
            ("level", .string(Self.level(d.severity))),
            ("message", .object([("text", .string(Self.message(d)))])),
            ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", artifact), ("region", region)]))])])),
            ("partialFingerprints", .object([("replylint/v1", .string(Self.fingerprint(d)))])),
        ]
        if let first = d.suggestions.first, d.length > 0 {
            members.append(("fixes", .array([.object([
                ("description", .object([("text", .string("sustituya por «\(first)»"))])),
                ("artifactChanges", .array([.object([
                    ("artifactLocation", artifact),
                    ("replacements", .array([.object([
                        ("deletedRegion", .object([("byteOffset", .int(d.offset)), ("byteLength", .int(d.length))])),
                        ("insertedContent", .object([("text", .string(first))])),
                    ])])),
                ])])),
            ])])))
        }
        if let reply = d.reply {
            members.append(("properties", .object([("reply", .string(reply))])))
        }
        return .object(members)
    }

    static func artifactLocation(_ path: String) -> JSONValue {
        if path.hasPrefix("/") {
            return .object([("uri", .string("file://" + percentEncode(path)))])
        }
        var relative = path
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        return .object([("uri", .string(percentEncode(relative))), ("uriBaseId", "%SRCROOT%")])
    }

    /// Percent-encodes what a URI path may not hold (RFC 3986 unreserved and `/` stay).
    static func percentEncode(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }

    static func message(_ d: Diagnostic) -> String {
        let help = HelpText.line(for: d)
        return help.isEmpty ? d.message : d.message + " (" + help.joined(separator: "; ") + ")"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    static func problemSeverity(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "recommendation"
        }
    }

    /// `register.laughter` -> `RegisterLaughter`.
    static func camelName(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "_" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func helpText(_ rule: RuleDescription) -> String {
        var text = rule.summary + "\n\n" + rule.rationale
        if let example = rule.triggering.first { text += "\n\nEjemplo: " + example.marked }
        return text + "\n\nMás: replylint explain \(rule.id)"
    }

    static func helpMarkdown(_ rule: RuleDescription) -> String {
        var text = "**\(rule.summary)**\n\n\(rule.rationale)"
        if !rule.triggering.isEmpty {
            text += "\n\nLo señala:\n" + rule.triggering.prefix(3).map { "- `\($0.marked.replacingOccurrences(of: "`", with: "'"))`" }.joined(separator: "\n")
        }
        if !rule.nonTriggering.isEmpty {
            text += "\n\nNo lo señala:\n" + rule.nonTriggering.prefix(2).map { "- `\($0.marked.replacingOccurrences(of: "`", with: "'"))`" }.joined(separator: "\n")
        }
        return text + "\n\n`replylint explain \(rule.id)`"
    }

    /// Stable across line moves: rule, reply and flagged text, plus which occurrence it is.
    static func fingerprint(_ d: Diagnostic) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in (d.rule + "\u{0}" + (d.reply ?? "") + "\u{0}" + d.excerpt.lowercased()).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100000001b3
        }
        return String(hash, radix: 16).leftPadded(16)
    }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
