import ReplyLint

/// `--list-rules` and `replylint explain`.
enum RuleList {
    static func render() -> String {
        let descriptions = RuleRegistry.all.map { $0.description }
        let width = descriptions.map(\.id.count).max() ?? 10
        var out = ""
        for d in descriptions {
            out += d.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
            out += d.defaultSeverity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) + d.summary + "\n"
        }
        return out
    }

    static func explain(_ id: String) -> String? {
        guard let d = RuleRegistry.description(of: id) else { return nil }
        var out = "\(d.id) (\(d.category.rawValue), \(d.defaultSeverity.rawValue) por defecto)\n\n\(d.summary)\n\n\(d.rationale)\n"
        func show(_ title: String, _ examples: [RuleExample]) {
            guard !examples.isEmpty else { return }
            out += "\n\(title):\n"
            for example in examples {
                var line = "  " + example.marked.replacingOccurrences(of: "\n", with: "\n  ")
                if example.options.register != .usted { line += "    (--register \(example.options.register.rawValue))" }
                out += line + "\n"
            }
        }
        show("Lo señala («» marca el texto señalado)", d.triggering)
        show("No lo señala", d.nonTriggering)
        return out
    }
}
