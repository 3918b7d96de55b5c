import Foundation

/// A record of known findings, so a team can adopt replylint on a legacy template library and
/// see only what is new. A finding is matched by path, rule, reply name (without list positions)
/// and flagged text — never by line number — so edits elsewhere in the file do not bring old
/// findings back. When the same
/// finding occurs several times, the baseline keeps the count and hides that many.
///
/// File format (JSON, sorted, one finding per object):
///
///     {"version":1,"findings":[{"path":"r.yml","rule":"register.laughter","reply":"saludos[]","excerpt":"jajaja","count":1}]}
public struct Baseline: Sendable, Equatable {
    public struct Key: Hashable, Sendable, Comparable {
        public var path: String
        public var rule: String
        public var reply: String
        public var excerpt: String

        public static func < (a: Key, b: Key) -> Bool {
            (a.path, a.rule, a.reply, a.excerpt) < (b.path, b.rule, b.reply, b.excerpt)
        }
    }

    public private(set) var counts: [Key: Int]

    public init(diagnostics: [Diagnostic]) {
        counts = [:]
        record(diagnostics)
    }

    /// Adds findings to the record (input problems and suppression notes are never recorded).
    public mutating func record(_ diagnostics: [Diagnostic]) {
        for d in diagnostics where d.category != .input && d.category != .suppression {
            counts[Baseline.key(d), default: 0] += 1
        }
    }

    static func key(_ d: Diagnostic) -> Key {
        key(path: d.path, rule: d.rule, reply: d.reply ?? "", excerpt: d.excerpt)
    }

    /// The key with the parts that shift under ordinary edits taken out: the path as typed
    /// (`./r.yml` is `r.yml`) and the positions of replies in their lists (`saludos[3].texto` is
    /// `saludos[].texto`, so a reply added at the top does not bring back the findings below it;
    /// the counts still catch one finding more).
    static func key(path: String, rule: String, reply: String, excerpt: String) -> Key {
        Key(path: normalized(path: path), rule: rule, reply: withoutPositions(reply), excerpt: excerpt)
    }

    static func normalized(path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part == "." || (part.isEmpty && !parts.isEmpty) { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return joined.isEmpty ? path : joined
    }

    static func withoutPositions(_ reply: String) -> String {
        var out = ""
        var inBrackets = false
        var held = ""
        for c in reply {
            if c == "[" { inBrackets = true; held = "["; continue }
            if inBrackets {
                held.append(c)
                if c == "]" {
                    // `[3]` loses its number; a bracketed key that is not a number stays.
                    out += held.dropFirst().dropLast().allSatisfy(\.isNumber) ? "[]" : held
                    inBrackets = false
                }
                continue
            }
            out.append(c)
        }
        return out + (inBrackets ? held : "")
    }

    /// Reads a baseline file; a malformed one is an input error naming the file.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError.unreadable(path: path, reason: "no se puede leer la línea base")
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              root["version"] as? Int == 1, let findings = root["findings"] as? [[String: Any]] else {
            throw InputError.malformed(path: path, line: 1, column: 1, reason: "línea base no válida: se esperaba {\"version\":1,\"findings\":[...]}")
        }
        var counts: [Key: Int] = [:]
        for (i, f) in findings.enumerated() {
            guard let p = f["path"] as? String, let rule = f["rule"] as? String, let excerpt = f["excerpt"] as? String else {
                throw InputError.malformed(path: path, line: 1, column: 1, reason: "línea base no válida: el hallazgo \(i) no tiene path, rule o excerpt")
            }
            counts[Baseline.key(path: p, rule: rule, reply: f["reply"] as? String ?? "", excerpt: excerpt), default: 0] += (f["count"] as? Int) ?? 1
        }
        self.counts = counts
    }

    public func serialized() -> String {
        let findings: [JSONValue] = counts.keys.sorted().map { key in
            .object([("path", .string(key.path)), ("rule", .string(key.rule)), ("reply", .string(key.reply)),
                     ("excerpt", .string(key.excerpt)), ("count", .int(counts[key]!))])
        }
        return JSONValue.object([("version", 1), ("findings", .array(findings))]).serialized() + "\n"
    }

    /// The diagnostics the baseline does not account for (input errors always pass through).
    public func filter(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var remaining = self
        return remaining.take(diagnostics)
    }

    /// The same for a report that comes in pieces: each recorded finding hides one diagnostic, and
    /// is used up by it.
    public mutating func take(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var kept: [Diagnostic] = []
        for d in diagnostics {
            let key = Baseline.key(d)
            if d.category != .input, let n = counts[key], n > 0 {
                counts[key] = n - 1
                continue
            }
            kept.append(d)
        }
        return kept
    }
}
