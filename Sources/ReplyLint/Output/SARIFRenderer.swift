/// SARIF 2.1.0, as GitHub code scanning reads it: one run, the tool's rules with their
/// descriptions and help, one result per diagnostic with its region, and a fix where the first
/// suggestion replaces the span.
///
/// Columns are Unicode code points (`columnKind: unicodeCodePoints`), like the text output; byte
/// offsets and lengths are given too. Paths are written as relative URIs against `%SRCROOT%`
/// when they are relative, and as `file://` URIs when absolute.
public enum SARIFRenderer {
    public static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    public static func render(_ report: Report, version: String, rules: [RuleDescription] = RuleRegistry.all.map { $0.description }) -> String {
        var ruleList = rules
        // Input problems are reported as results too (and a library user may pass diagnostics of
        // rules outside the list): every result's rule gets an entry.
        for d in report.diagnostics where !ruleList.contains(where: { $0.id == d.rule }) {
            ruleList.append(d.category == .input
                ? RuleDescription(id: d.rule, category: .input, summary: "la entrada no se pudo leer",
                                  rationale: "replylint solo revisa texto UTF-8 legible; este archivo no se pudo leer o decodificar, así que no se revisó.",
                                  triggering: [], nonTriggering: [])
                : RuleDescription(id: d.rule, category: d.category, summary: d.rule, rationale: d.rule, triggering: [], nonTriggering: []))
        }
        var index: [String: Int] = [:]
        for (i, rule) in ruleList.enumerated() { index[rule.id] = i }

        let rulesJSON: [JSONValue] = ruleList.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("name", .string(camelName(rule.id))),
                ("shortDescription", .object([("text", .string(rule.summary))])),
                ("fullDescription", .object([("text", .string(rule.rationale))])),
                ("help", .object([("text", .string(helpText(rule))), ("markdown", .string(helpMarkdown(rule)))])),
                ("defaultConfiguration", .object([("level", .string(level(rule.defaultSeverity)))])),
                ("properties", .object([("tags", .array([.string(rule.category.rawValue)])),
                                        ("problem.severity", .string(problemSeverity(rule.defaultSeverity)))])),
            ])
        }

        let results: [JSONValue] = report.diagnostics.map { d in
            let region: JSONValue = .object([
                ("startLine", .int(d.line)), ("startColumn", .int(d.column)),
                ("endLine", .int(d.endLine)), ("endColumn", .int(max(d.endColumn, d.column))),
                ("byteOffset", .int(d.offset)), ("byteLength", .int(d.length)),
                ("snippet", .object([("text", .string(d.excerpt))])),
            ])
            let artifact: JSONValue = artifactLocation(d.path)
            var members: [(String, JSONValue)] = [
                ("ruleId", .string(d.rule)),
                ("ruleIndex", .int(index[d.rule] ?? 0)),
                ("level", .string(level(d.severity))),
                ("message", .object([("text", .string(message(d)))])),
                ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", artifact), ("region", region)]))])])),
                ("partialFingerprints", .object([("replylint/v1", .string(fingerprint(d)))])),
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

        let sarif: JSONValue = .object([
            ("$schema", .string(schema)),
            ("version", "2.1.0"),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", "replylint"),
                    ("semanticVersion", .string(version)),
                    ("version", .string(version)),
                    ("rules", .array(rulesJSON)),
                ]))])),
                ("columnKind", "unicodeCodePoints"),
                ("results", .array(results)),
            ])])),
        ])
        return sarif.serialized() + "\n"
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
        return text + "\n\n" + (rule.category == .input ? "" : "Más: replylint explain \(rule.id)")
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
