import Foundation

/// Every word form a Hunspell dictionary spells, listed by applying its affix rules to its stems.
///
/// It reads the subset of Hunspell's `.aff` language that plain affix dictionaries use (Debian's es_ES
/// among them): prefixes and suffixes with strip, append and condition, cross products, and suffixes that
/// carry a second suffix class (two-fold suffixes). Any directive that changes what `spell()` accepts in
/// other ways (compounding, NEEDAFFIX, FORBIDDENWORD, KEEPCASE, IGNORE, ICONV, BREAK, flag aliases, long or
/// numeric flags ...) makes it refuse with `Unsupported`: replylint then asks Hunspell for every word.
///
/// The listing may contain a form Hunspell rejects (a rule whose condition replylint reads more loosely);
/// `FormIndex.build` keeps only the forms Hunspell accepts.
struct AffixExpansion {
    struct Unsupported: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    /// One character position of a condition: any letter, one of a set, or none of a set.
    enum ConditionUnit {
        case any
        case oneOf(Set<Unicode.Scalar>)
        case noneOf(Set<Unicode.Scalar>)

        func matches(_ scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .any: return true
            case .oneOf(let set): return set.contains(scalar)
            case .noneOf(let set): return !set.contains(scalar)
            }
        }
    }

    struct Affix {
        var strip: [Unicode.Scalar]
        var append: [Unicode.Scalar]
        /// Suffix classes the affixed form may take in turn (two-fold suffixes).
        var continuation: [Unicode.Scalar]
        var condition: [ConditionUnit]
    }

    struct AffixClass {
        var isPrefix: Bool
        var crossProduct: Bool
        var entries: [Affix]
    }

    private(set) var classes: [Unicode.Scalar: AffixClass] = [:]

    /// Directives that only steer suggestions or tokenising in Hunspell's own tools.
    private static let harmless: Set<String> = [
        "SET", "FLAG", "TRY", "KEY", "REP", "MAP", "PHONE", "WORDCHARS", "LANG", "NOSUGGEST", "MAXNGRAMSUGS",
        "NOSPLITSUGS", "SUGSWITHDOTS", "MAXCPDSUGS", "ONLYMAXDIFF", "MAXDIFF", "FORBIDWARN", "NAME", "VERSION",
        "HOME", "AUTHOR", "LICENSE", "PFX", "SFX",
    ]

    /// Parses `.aff` text. Throws `Unsupported` for any directive outside the plain-affix subset.
    init(aff: String) throws {
        let lines = aff.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        var i = 0
        while i < lines.count {
            let fields = lines[i].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            i += 1
            guard let key = fields.first, !key.hasPrefix("#") else { continue }
            guard AffixExpansion.harmless.contains(key) else { throw Unsupported(reason: "directive \(key)") }
            switch key {
            case "SET":
                let name = fields.count > 1 ? fields[1].uppercased().replacingOccurrences(of: "-", with: "") : ""
                if name != "UTF8" { throw Unsupported(reason: "encoding \(fields.count > 1 ? fields[1] : "")") }
            case "FLAG":
                if fields.count > 1 && fields[1].uppercased() != "UTF-8" { throw Unsupported(reason: "FLAG \(fields[1])") }
            case "LANG":
                // Turkic casing (dotted and dotless i) differs from the casing replylint applies.
                if fields.count > 1, ["tr", "az", "crh"].contains(where: { fields[1].hasPrefix($0) }) {
                    throw Unsupported(reason: "LANG \(fields[1])")
                }
            case "PFX", "SFX":
                guard fields.count >= 4, let flag = fields[1].unicodeScalars.first, fields[1].unicodeScalars.count == 1,
                      let count = Int(fields[3]), count >= 0 else { throw Unsupported(reason: "affix header on line \(i)") }
                var entries: [Affix] = []
                for _ in 0..<count {
                    guard i < lines.count else { throw Unsupported(reason: "affix class \(flag) cut short") }
                    let parts = lines[i].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                    i += 1
                    guard parts.count >= 4, parts[0] == key, parts[1] == fields[1] else {
                        throw Unsupported(reason: "affix line \(i)")
                    }
                    let (appendText, continuation) = AffixExpansion.splitFlags(parts[3])
                    if key == "PFX" && !continuation.isEmpty { throw Unsupported(reason: "prefix with a continuation class") }
                    entries.append(Affix(
                        strip: parts[2] == "0" ? [] : Array(parts[2].unicodeScalars),
                        append: appendText == "0" ? [] : Array(appendText.unicodeScalars),
                        continuation: continuation,
                        condition: try AffixExpansion.condition(parts.count > 4 ? parts[4] : ".")))
                }
                classes[flag] = AffixClass(isPrefix: key == "PFX", crossProduct: fields[2] == "Y", entries: entries)
            default:
                break
            }
        }
        // A continuation class must be a suffix class: anything else would be a rule this reader ignores.
        for (flag, affixClass) in classes where !affixClass.isPrefix {
            for entry in affixClass.entries {
                for next in entry.continuation where classes[next]?.isPrefix != false {
                    throw Unsupported(reason: "continuation class \(next) of \(flag) is not a suffix class")
                }
            }
        }
    }

    /// `ción/S` → ("ción", ["S"]).
    static func splitFlags(_ text: String) -> (String, [Unicode.Scalar]) {
        guard let slash = text.firstIndex(of: "/") else { return (text, []) }
        return (String(text[..<slash]), Array(text[text.index(after: slash)...].unicodeScalars))
    }

    /// Hunspell's condition syntax: letters, `.` and bracket sets (`[aeiou]`, `[^cn]`).
    static func condition(_ text: String) throws -> [ConditionUnit] {
        if text == "." { return [] }
        var units: [ConditionUnit] = []
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case ".": units.append(.any)
            case "[":
                var set = Set<Unicode.Scalar>()
                var negated = false
                var first = true
                var closed = false
                while let inner = scalars.next() {
                    if inner == "]" { closed = true; break }
                    if first && inner == "^" { negated = true } else { set.insert(inner) }
                    first = false
                }
                guard closed else { throw Unsupported(reason: "condition \(text)") }
                units.append(negated ? .noneOf(set) : .oneOf(set))
            case "]", "^": throw Unsupported(reason: "condition \(text)")
            default: units.append(.oneOf([scalar]))
            }
        }
        return units
    }

    static func suffixApplies(_ affix: Affix, to word: [Unicode.Scalar]) -> Bool {
        guard word.count >= affix.strip.count, word.count >= affix.condition.count,
              word.suffix(affix.strip.count).elementsEqual(affix.strip) else { return false }
        let tail = word.suffix(affix.condition.count)
        return zip(affix.condition, tail).allSatisfy { $0.matches($1) }
    }

    static func prefixApplies(_ affix: Affix, to word: [Unicode.Scalar]) -> Bool {
        guard word.count >= affix.strip.count, word.count >= affix.condition.count,
              word.prefix(affix.strip.count).elementsEqual(affix.strip) else { return false }
        return zip(affix.condition, word.prefix(affix.condition.count)).allSatisfy { $0.matches($1) }
    }

    /// One `.dic` line → (stem, flags). Hunspell's line is `stem[/flags][ morphology]`; `\/` is a slash.
    static func entry(_ line: Substring) -> (String, [Unicode.Scalar])? {
        var stem = String.UnicodeScalarView()
        var flags: [Unicode.Scalar] = []
        var inFlags = false
        var escaped = false
        for scalar in line.unicodeScalars {
            if scalar == " " || scalar == "\t" { break }
            if inFlags { flags.append(scalar); continue }
            if escaped { stem.append(scalar); escaped = false; continue }
            if scalar == "\\" { escaped = true; continue }
            if scalar == "/" && !stem.isEmpty { inFlags = true; continue }
            stem.append(scalar)
        }
        return stem.isEmpty ? nil : (String(stem), flags)
    }

    /// Calls `body` with every form of every stem of the `.dic` text (the first line is a count). A form
    /// may come more than once. Stops early, returning false, after `limit` forms.
    @discardableResult
    func forEachForm(dic: String, limit: Int = .max, _ body: (String) -> Void) -> Bool {
        struct Enough: Error {}
        var first = true
        var made = 0
        do {
            for line in dic.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
                if first { first = false; if Int(line.trimmingCharacters(in: .whitespaces)) != nil { continue } }
                guard let (stem, flags) = AffixExpansion.entry(line) else { continue }
                try forEachForm(stem: stem, flags: flags) { form in
                    made += 1
                    if made > limit { throw Enough() }
                    body(form)
                }
            }
        } catch {
            return false
        }
        return true
    }

    func forEachForm(stem: String, flags: [Unicode.Scalar], _ body: (String) throws -> Void) rethrows {
        try body(stem)
        let root = Array(stem.unicodeScalars)
        // Suffixed forms, one or two suffixes deep, with whether a cross-product prefix may join them.
        var suffixed: [([Unicode.Scalar], Bool)] = []
        for flag in flags {
            guard let affixClass = classes[flag], !affixClass.isPrefix else { continue }
            for affix in affixClass.entries where AffixExpansion.suffixApplies(affix, to: root) {
                let form = Array(root.dropLast(affix.strip.count)) + affix.append
                try body(AffixExpansion.text(form))
                suffixed.append((form, affixClass.crossProduct))
                for next in affix.continuation {
                    guard let nextClass = classes[next] else { continue }
                    for outer in nextClass.entries where AffixExpansion.suffixApplies(outer, to: form) {
                        let twofold = Array(form.dropLast(outer.strip.count)) + outer.append
                        try body(AffixExpansion.text(twofold))
                        suffixed.append((twofold, affixClass.crossProduct && nextClass.crossProduct))
                    }
                }
            }
        }
        for flag in flags {
            guard let affixClass = classes[flag], affixClass.isPrefix else { continue }
            for affix in affixClass.entries {
                if AffixExpansion.prefixApplies(affix, to: root) {
                    try body(AffixExpansion.text(affix.append + root.dropFirst(affix.strip.count)))
                }
                guard affixClass.crossProduct else { continue }
                for (form, cross) in suffixed where cross && AffixExpansion.prefixApplies(affix, to: form) {
                    try body(AffixExpansion.text(affix.append + form.dropFirst(affix.strip.count)))
                }
            }
        }
    }

    static func text<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        String(scalars: scalars)
    }
}
