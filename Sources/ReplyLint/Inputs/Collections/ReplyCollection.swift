/// Which values of a template collection (a YAML or JSON file of canned replies) are replies.
public struct CollectionOptions: Sendable, Equatable {
    /// Keys whose string values hold reply text, compared in lowercase. nil means
    /// `CollectionOptions.defaultTextKeys`.
    public var textKeys: Set<String>?

    public init(textKeys: Set<String>? = nil) {
        self.textKeys = textKeys.map { Set($0.map { $0.lowercased() }) }
    }

    /// The keys that hold reply text unless the configuration says otherwise.
    public static let defaultTextKeys: Set<String> = [
        "text", "texto", "body", "cuerpo", "reply", "respuesta", "message", "mensaje", "content", "contenido",
    ]

    /// Keys whose values describe a reply rather than say it: never linted, not even when they
    /// hold a list or a map of strings (tags, a title, an author).
    public static let metadataKeys: Set<String> = [
        "id", "key", "clave", "name", "nombre", "title", "titulo", "título", "slug", "tag", "tags",
        "etiqueta", "etiquetas", "category", "categoria", "categoría", "type", "tipo", "kind", "lang",
        "language", "idioma", "locale", "channel", "canal", "author", "autor", "date", "fecha",
        "created", "updated", "version", "versión", "description", "descripcion", "descripción",
        "note", "notes", "nota", "notas", "comment", "comments", "comentario", "comentarios",
        "meta", "metadata", "metadatos",
    ]

    var effectiveTextKeys: Set<String> { textKeys ?? CollectionOptions.defaultTextKeys }

    /// Language codes of translations kept beside the Spanish text (`en`, `pt-BR`, `ca`): the
    /// Spanish rules do not read them.
    static let otherLanguages: Set<String> = [
        "en", "pt", "fr", "de", "it", "ca", "eu", "gl", "nl", "ja", "zh", "ko", "ru", "ar", "pl", "sv",
        "da", "nb", "fi", "tr", "el", "he", "hi", "ro", "cs", "hu", "uk",
    ]

    /// True for a key such as `en`, `pt-BR` or `en_US`.
    static func isOtherLanguageKey(_ key: String) -> Bool {
        let parts = key.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let language = parts.first, parts.count <= 2, otherLanguages.contains(language.lowercased()) else { return false }
        return parts.count == 1 || (2...4).contains(parts[1].count) && parts[1].allSatisfy(\.isLetter)
    }
}

/// A parsed collection, reduced to what choosing replies needs: strings (with a way to find
/// their exact source), other scalars, lists and maps with string keys in file order.
indirect enum CollectionValue {
    case string(CollectionString)
    /// Numbers, booleans, nulls, and YAML aliases (their target is linted where it is defined).
    case other
    case list([CollectionValue])
    case map([(key: String, value: CollectionValue)])

    var isString: Bool {
        if case .string = self { return true }
        return false
    }
}

/// A string value and the bytes of the file it was read from.
enum CollectionString {
    /// Already decoded with its segments (JSON).
    case decoded(text: [UInt8], segments: [Document.Segment])
    /// A YAML scalar: its value, style and where its node starts; the segments are found on demand.
    case yaml(value: [UInt8], style: YAMLScalarStyle, start: Int)

    var isEmpty: Bool {
        switch self {
        case .decoded(let text, _): return text.isEmpty
        case .yaml(let value, _, _): return value.isEmpty
        }
    }
}

/// One step of a reply's path inside a collection.
enum CollectionPathStep {
    case key(String)
    case index(Int)
}

/// Chooses the replies of a collection and names them.
///
/// A string is a reply when:
/// - it is the value of a text key (`texto`, `body`, ... or the configured keys), or any string
///   inside a list or map held by a text key;
/// - it is an item of a list, outside a reply object;
/// - it is a value of a map whose values are all strings (`{id: texto}`) and whose keys are not
///   metadata keys, outside a reply object.
///
/// A reply object is a map with at least one text key: its other strings (an `id`, a `canal`)
/// describe the reply and are not linted, nor are lists of strings under it (tags). Values of
/// metadata keys (`id`, `nombre`, `titulo`, `tags`, ...) are never linted, nor translations under
/// another language's code (`en`, `pt-BR`, `ca`: the rules are Spanish). Keys never are.
struct ReplySelector {
    let textKeys: Set<String>

    init(options: CollectionOptions) {
        textKeys = options.effectiveTextKeys
    }

    enum Mode {
        /// Structure decides: lists of strings and maps of strings are replies.
        case open
        /// Inside a reply object: only text keys hold replies.
        case strict
        /// Under a text key: every string is a reply.
        case text
    }

    struct Reply {
        var path: [CollectionPathStep]
        var string: CollectionString
    }

    func replies(in root: CollectionValue) -> [Reply] {
        var found: [Reply] = []
        var path: [CollectionPathStep] = []
        if case .string(let s) = root {
            if !s.isEmpty { found.append(Reply(path: [], string: s)) }
            return found
        }
        collect(root, mode: .open, path: &path, into: &found)
        return found
    }

    private func collect(_ value: CollectionValue, mode: Mode, path: inout [CollectionPathStep], into found: inout [Reply]) {
        switch value {
        case .string(let s):
            if mode == .text && !s.isEmpty { found.append(Reply(path: path, string: s)) }
        case .other:
            return
        case .list(let items):
            for (index, item) in items.enumerated() {
                path.append(.index(index))
                defer { path.removeLast() }
                if case .string(let s) = item {
                    if mode != .strict && !s.isEmpty { found.append(Reply(path: path, string: s)) }
                } else {
                    collect(item, mode: mode, path: &path, into: &found)
                }
            }
        case .map(let entries):
            let keys = entries.map { $0.key.lowercased() }
            let replyObject = mode != .text && keys.contains { textKeys.contains($0) }
            // A map of strings is a dictionary of replies (`{retraso: "...", reembolso: "..."}`)
            // unless it describes something: a map with an `id` or a `nombre` is a record.
            let describes = keys.contains { CollectionOptions.metadataKeys.contains($0) }
            let allStrings = !describes && !entries.isEmpty && entries.allSatisfy { $0.value.isString }
            for (entry, key) in zip(entries, keys) {
                path.append(.key(entry.key))
                defer { path.removeLast() }
                if textKeys.contains(key) {
                    collect(entry.value, mode: .text, path: &path, into: &found)
                } else if CollectionOptions.metadataKeys.contains(key) || CollectionOptions.isOtherLanguageKey(entry.key) {
                    continue
                } else if mode == .text {
                    collect(entry.value, mode: .text, path: &path, into: &found)
                } else if replyObject || mode == .strict {
                    collect(entry.value, mode: .strict, path: &path, into: &found)
                } else if case .string(let s) = entry.value {
                    if allStrings && !s.isEmpty { found.append(Reply(path: path, string: s)) }
                } else {
                    collect(entry.value, mode: .open, path: &path, into: &found)
                }
            }
        }
    }

    /// `saludos[3].texto`: keys joined by dots, list indexes in brackets, and keys that are not
    /// plain words (spaces, dots, quotes, an empty key) quoted in brackets: `respuestas["fin de semana"]`.
    static func name(_ path: [CollectionPathStep]) -> String {
        var result = ""
        for step in path {
            switch step {
            case .index(let n):
                result += "[\(n)]"
            case .key(let key):
                if isPlainKey(key) {
                    if !result.isEmpty { result += "." }
                    result += key
                } else {
                    result += "[" + quoted(key) + "]"
                }
            }
        }
        return result
    }

    static func isPlainKey(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "-"
                || $0.properties.generalCategory == .nonspacingMark
        }
    }

    static func quoted(_ key: String) -> String {
        var out = "\""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
