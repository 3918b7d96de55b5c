import Foundation
import Yams

/// `.replylint.yml`: a project's settings, found from each file's folder upward (the nearest
/// wins) or forced with `--config FILE`.
///
///     locale: es
///     register: usted            # usted | tú | vos
///     region: es-MX
///     rules:                     # per rule id or per category: off | note | warning | error
///       register.laughter: off
///       spelling: note
///     vocabulary:                # accept/reject word lists, one word a line
///       accept: vocab/accept.txt
///       reject: vocab/reject.txt
///     lexicons: [lexicons-marca] # extra lexicon folders, merged with the built-in ones
///     dictionary: dic/es_MX      # a Hunspell dictionary for spelling (path without .aff/.dic)
///     ignore: ["borradores/**", "**/*.bak.md"]
///     collections:
///       text-keys: [texto, respuesta]   # which keys of a YAML/JSON collection hold reply text
///
/// Relative paths are relative to the config file's folder. A malformed file or an unknown
/// setting is an input error with the file, line and column, and the valid choices.
public struct ProjectConfig: Sendable, Equatable {
    public static let fileName = ".replylint.yml"
    public static let keys = ["locale", "register", "region", "rules", "vocabulary", "lexicons", "dictionary", "ignore", "collections"]

    public var path: String?
    public var locale: String?
    public var register: Register?
    public var region: String?
    /// Rule id or category -> severity, nil for off.
    public var severities: [String: Severity?] = [:]
    public var acceptFile: String?
    public var rejectFile: String?
    public var lexicons: [String] = []
    /// The Hunspell dictionary the spelling rules use (path without `.aff`/`.dic`); nil: the command
    /// line's, `$REPLYLINT_DICTIONARY` or the standard one.
    public var dictionary: String?
    /// Where `dictionary:` is written (line, column), to report a dictionary that cannot be loaded.
    public var dictionaryLine = 1
    public var dictionaryColumn = 1
    public var ignore: [String] = []
    public var textKeys: [String]?

    public init() {}

    /// The folder relative paths resolve against.
    public var directory: String {
        guard let path else { return FileManager.default.currentDirectoryPath }
        let dir = (path as NSString).deletingLastPathComponent
        return dir.isEmpty ? "." : dir
    }

    /// Reads and validates a config file. `knownNames` are the rule ids and categories `rules:` may name.
    public static func load(path: String, knownNames: Set<String>) throws -> ProjectConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError.unreadable(path: path, reason: "no se puede leer la configuración")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError.malformed(path: path, line: 1, column: 1, reason: "la configuración no es UTF-8")
        }
        return try parse(text, path: path, knownNames: knownNames)
    }

    public static func parse(_ text: String, path: String, knownNames: Set<String>) throws -> ProjectConfig {
        var config = ProjectConfig()
        config.path = path
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw YAMLPosition.inputError(error, path: path)
        }
        guard let root else { return config } // an empty file is a valid, empty config
        func fail(_ node: Node, _ reason: String) -> InputError {
            .malformed(path: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, reason: reason)
        }
        guard let mapping = root.mapping else { throw fail(root, "la configuración debe ser un mapa de ajustes (\(keys.joined(separator: ", ")))") }
        func string(_ node: Node, _ what: String) throws -> String {
            guard let s = node.scalar?.string else { throw fail(node, "\(what): se esperaba un texto") }
            return s
        }
        func strings(_ node: Node, _ what: String) throws -> [String] {
            if let s = node.scalar?.string { return [s] }
            guard let seq = node.sequence else { throw fail(node, "\(what): se esperaba una lista de textos") }
            return try seq.map { try string($0, what) }
        }
        for (keyNode, value) in mapping {
            let key = try string(keyNode, "clave")
            switch key {
            case "locale":
                config.locale = try string(value, "locale")
            case "register":
                let s = try string(value, "register")
                guard let r = Register(setting: s) else { throw fail(value, "register: valor «\(s)» desconocido; valores válidos: usted, tú (tu), vos") }
                config.register = r
            case "region":
                config.region = try string(value, "region")
            case "rules":
                guard let rules = value.mapping else { throw fail(value, "rules: se esperaba un mapa regla-o-categoría: off|note|warning|error") }
                for (ruleNode, severityNode) in rules {
                    let name = try string(ruleNode, "rules")
                    guard knownNames.contains(name) else {
                        throw fail(ruleNode, "rules: regla o categoría «\(name)» desconocida; vea `replylint --list-rules`")
                    }
                    let setting = try string(severityNode, "rules.\(name)")
                    switch setting {
                    case "off": config.severities[name] = .some(nil)
                    default:
                        guard let severity = Severity(rawValue: setting) else {
                            throw fail(severityNode, "rules.\(name): valor «\(setting)» desconocido; valores válidos: off, note, warning, error")
                        }
                        config.severities[name] = severity
                    }
                }
            case "vocabulary":
                guard let vocabulary = value.mapping else { throw fail(value, "vocabulary: se esperaba un mapa con accept y reject") }
                for (k, v) in vocabulary {
                    switch try string(k, "vocabulary") {
                    case "accept": config.acceptFile = config.resolve(try string(v, "vocabulary.accept"))
                    case "reject": config.rejectFile = config.resolve(try string(v, "vocabulary.reject"))
                    case let other: throw fail(k, "vocabulary: clave «\(other)» desconocida; claves válidas: accept, reject")
                    }
                }
            case "lexicons":
                config.lexicons = try strings(value, "lexicons").map(config.resolve)
            case "dictionary":
                config.dictionary = config.resolve(try string(value, "dictionary"))
                config.dictionaryLine = value.mark?.line ?? 1
                config.dictionaryColumn = value.mark?.column ?? 1
            case "ignore":
                config.ignore = try strings(value, "ignore")
            case "collections":
                guard let collections = value.mapping else { throw fail(value, "collections: se esperaba un mapa con text-keys") }
                for (k, v) in collections {
                    switch try string(k, "collections") {
                    case "text-keys": config.textKeys = try strings(v, "collections.text-keys")
                    case let other: throw fail(k, "collections: clave «\(other)» desconocida; claves válidas: text-keys")
                    }
                }
            default:
                throw fail(keyNode, "ajuste «\(key)» desconocido; ajustes válidos: \(keys.joined(separator: ", "))")
            }
        }
        return config
    }

    func resolve(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : (directory as NSString).appendingPathComponent(relative)
    }

    /// The nearest `.replylint.yml` at or above `folder`, if any.
    public static func discover(from folder: String) -> String? {
        var dir = (folder as NSString).standardizingPath
        if !dir.hasPrefix("/") { dir = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(dir) }
        while true {
            let candidate = (dir as NSString).appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { return nil }
            dir = parent
        }
    }

    /// True when `path` matches an `ignore` glob (relative to the config's folder; `**` crosses folders).
    public func ignores(_ path: String) -> Bool {
        guard !ignore.isEmpty else { return false }
        var absolute = (path as NSString).standardizingPath
        if !absolute.hasPrefix("/") { absolute = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(absolute) }
        var base = (directory as NSString).standardizingPath
        if !base.hasPrefix("/") { base = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(base) }
        let relative = absolute.hasPrefix(base + "/") ? String(absolute.dropFirst(base.count + 1)) : absolute
        return ignore.contains { Glob.matches($0, relative) }
    }
}

/// Shell-style globs for `ignore`: `*` and `?` within a path segment, `**` across segments.
enum Glob {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        // A pattern without a slash matches the file name anywhere (like .gitignore).
        if !pattern.contains("/") {
            return match(Array(pattern.unicodeScalars), Array((path as NSString).lastPathComponent.unicodeScalars))
                || match(Array(pattern.unicodeScalars), Array(path.unicodeScalars))
        }
        return match(Array(pattern.unicodeScalars), Array(path.unicodeScalars))
    }

    static func match(_ p: [Unicode.Scalar], _ s: [Unicode.Scalar]) -> Bool {
        var memo = [Int: Bool]()
        func go(_ i: Int, _ j: Int) -> Bool {
            let key = i * (s.count + 1) + j
            if let known = memo[key] { return known }
            var result: Bool
            if i == p.count {
                result = j == s.count
            } else if p[i] == "*" && i + 1 < p.count && p[i + 1] == "*" {
                // `**/` may match nothing; `**` may match anything including slashes.
                var next = i + 2
                if next < p.count && p[next] == "/" { next += 1 }
                result = go(next, j) || (j < s.count && go(i, j + 1))
            } else if p[i] == "*" {
                result = go(i + 1, j) || (j < s.count && s[j] != "/" && go(i, j + 1))
            } else if p[i] == "?" {
                result = j < s.count && s[j] != "/" && go(i + 1, j + 1)
            } else {
                result = j < s.count && s[j] == p[i] && go(i + 1, j + 1)
            }
            memo[key] = result
            return result
        }
        return go(0, 0)
    }
}

/// Positions of Yams errors, as input errors.
enum YAMLPosition {
    static func inputError(_ error: YamlError, path: String) -> InputError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .malformed(path: path, line: mark.line, column: mark.column, reason: "YAML no válido: \(problem)")
        case let .reader(problem, _, _, _):
            return .malformed(path: path, line: 1, column: 1, reason: "YAML no válido: \(problem)")
        default:
            return .malformed(path: path, line: 1, column: 1, reason: "YAML no válido: \(error)")
        }
    }
}
