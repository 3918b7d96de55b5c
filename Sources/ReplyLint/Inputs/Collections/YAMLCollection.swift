import Yams

/// Reads a YAML template collection with Yams and keeps, for each string, where its node starts
/// in the file.
///
/// Aliases (`*ancla`) are not expanded: the node they point to is read once, where it is
/// defined, and its replies are linted there. A document built to explode through aliases
/// ("billion laughs") therefore costs no more than its own size.
enum YAMLCollectionReader {
    static let maxDepth = 512

    struct Failure: Error {
        let offset: Int
        let reason: String
    }

    /// The root value, or nil for an empty document.
    static func read(_ source: SourceFile) throws(InputError) -> CollectionValue? {
        let lines = YAMLLines(source)
        do {
            let parser = try Parser(yaml: source.text, resolver: .default, constructor: .default, encoding: .utf8)
            return try withExtendedLifetime(parser) {
                // Anchors are held weakly by nodes; the parser keeps them alive while we walk.
                guard let root = try parser.singleRoot() else { return nil }
                var walker = Walker(source: source, lines: lines)
                return try walker.convert(root, depth: 0)
            }
        } catch let failure as Failure {
            throw malformed(source, offset: failure.offset, reason: failure.reason)
        } catch let error as YamlError {
            let (offset, reason) = describe(error, lines: lines)
            throw malformed(source, offset: offset, reason: reason)
        } catch {
            throw malformed(source, offset: source.textStart, reason: "\(error)")
        }
    }

    static func malformed(_ source: SourceFile, offset: Int, reason: String) -> InputError {
        let (line, column) = source.location(of: min(max(offset, source.textStart), source.bytes.count))
        return .malformed(path: source.path, line: line, column: column, reason: "YAML no válido: " + reason)
    }

    struct Walker {
        let source: SourceFile
        let lines: YAMLLines
        /// Anchored nodes already read: meeting one again means an alias.
        var seenAnchors = Set<ObjectIdentifier>()

        init(source: SourceFile, lines: YAMLLines) {
            self.source = source
            self.lines = lines
        }

        mutating func convert(_ node: Node, depth: Int) throws -> CollectionValue {
            if let anchor = node.anchor, !seenAnchors.insert(ObjectIdentifier(anchor)).inserted {
                return .other
            }
            switch node {
            case .scalar(let scalar):
                guard node.tag.rawValue == Tag.Name.str.rawValue else { return .other }
                let start = scalar.mark.map { lines.offset(of: $0) } ?? source.textStart
                return .string(.yaml(value: Array(scalar.string.utf8), style: style(scalar.style), start: start))
            case .sequence(let sequence):
                guard depth < YAMLCollectionReader.maxDepth else { throw tooDeep(node) }
                var items: [CollectionValue] = []
                items.reserveCapacity(sequence.count)
                for item in sequence { items.append(try convert(item, depth: depth + 1)) }
                return .list(items)
            case .mapping(let mapping):
                guard depth < YAMLCollectionReader.maxDepth else { throw tooDeep(node) }
                var entries: [(key: String, value: CollectionValue)] = []
                for (key, value) in mapping {
                    // A key that is itself a list or a map names nothing a person would look for.
                    let name = key.scalar?.string ?? "?"
                    if key.tag.rawValue == Tag.Name.merge.rawValue {
                        // `<<: *base` merges an anchored map that is linted where it is defined.
                        continue
                    }
                    entries.append((name, try convert(value, depth: depth + 1)))
                }
                return .map(entries)
            case .alias:
                return .other
            }
        }

        func tooDeep(_ node: Node) -> Failure {
            let offset = node.mark.map { lines.offset(of: $0) } ?? source.textStart
            return Failure(offset: offset, reason: "anidamiento demasiado profundo (más de \(YAMLCollectionReader.maxDepth) niveles)")
        }

        func style(_ style: Node.Scalar.Style) -> YAMLScalarStyle {
            switch style {
            case .singleQuoted: return .singleQuoted
            case .doubleQuoted: return .doubleQuoted
            case .literal: return .literal
            case .folded: return .folded
            case .plain, .any: return .plain
            }
        }
    }

    /// Position and Spanish reason of a Yams error.
    static func describe(_ error: YamlError, lines: YAMLLines) -> (Int, String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // At the end of the file the cause is what was left open: point at where it opened
            // (the quote of an unclosed string), not at the last line.
            if problem == "found unexpected end of stream", let context {
                return (lines.offset(of: context.mark), translate(problem))
            }
            return (lines.offset(of: mark), translate(problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "«\($0)»" }.joined(separator: ", ")
            return (lines.offset(of: context.mark), "clave repetida en un mapa: \(keys)")
        case .reader(let problem, let offset, _, _):
            return (lines.start + (offset ?? 0), translate(problem))
        default:
            return (lines.start, "\(error)")
        }
    }

    /// libyaml's most common messages in Spanish; any other is kept as libyaml wrote it.
    static func translate(_ problem: String) -> String {
        let known: [String: String] = [
            "mapping values are not allowed in this context": "aquí no puede empezar un valor de mapa (¿falta un espacio, unas comillas o la sangría?)",
            "did not find expected key": "no se encontró la clave esperada (¿sangría incorrecta?)",
            "did not find expected node content": "se esperaba un valor",
            "found character that cannot start any token": "carácter que no puede empezar ningún elemento (¿texto con '@' o '`' sin comillas?)",
            "found unexpected end of stream": "final del archivo inesperado (¿comillas sin cerrar?)",
            "could not find expected ':'": "no se encontró el ':' esperado",
            "did not find expected ',' or ']'": "se esperaba ',' o ']'",
            "did not find expected ',' or '}'": "se esperaba ',' o '}'",
            "did not find expected '-' indicator": "se esperaba un elemento de lista '-' (¿sangría incorrecta?)",
            "found undefined alias": "alias sin ancla definida",
            "found unknown escape character": "escape desconocido en una cadena entre comillas dobles",
            "found a tab character that violates indentation": "tabulador en la sangría (use espacios)",
            "found a tab character where an indentation space is expected": "tabulador en la sangría (use espacios)",
            "block sequence entries are not allowed in this context": "aquí no puede empezar un elemento de lista '-'",
            "but found another document": "el archivo tiene más de un documento (---); una colección es un solo documento",
            "control characters are not allowed": "carácter de control no permitido",
            "found unexpected document indicator": "indicador de documento inesperado dentro de una cadena",
        ]
        return known[problem] ?? problem
    }
}

/// Line starts as libyaml counts lines (LF, CRLF, CR, U+0085, U+2028, U+2029), to turn a Yams
/// mark (line, column in Unicode scalars) into a byte offset of the file.
final class YAMLLines {
    let bytes: [UInt8]
    let start: Int
    let starts: [Int]
    /// The last mark placed: marks come in file order, so the next one on the same line is
    /// found from there (a minified one-line collection stays linear).
    private var last: (line: Int, column: Int, offset: Int) = (0, 0, 0)

    init(_ source: SourceFile) {
        bytes = source.bytes
        start = source.textStart
        var starts = [start]
        var i = start
        let b = source.bytes
        while i < b.count {
            let c = b[i]
            if c == 0x0A {
                i += 1
                starts.append(i)
            } else if c == 0x0D {
                i += i + 1 < b.count && b[i + 1] == 0x0A ? 2 : 1
                starts.append(i)
            } else if c == 0xC2 && i + 1 < b.count && b[i + 1] == 0x85 {
                i += 2
                starts.append(i)
            } else if c == 0xE2 && i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9) {
                i += 3
                starts.append(i)
            } else {
                i += 1
            }
        }
        self.starts = starts
    }

    func offset(of mark: Mark) -> Int {
        guard mark.line >= 1 else { return start }
        let line = min(mark.line, starts.count)
        var i = starts[line - 1]
        var column = 1
        if last.line == line && last.column <= mark.column && last.column >= 1 {
            i = last.offset
            column = last.column
        }
        while column < mark.column && i < bytes.count && bytes[i] != 0x0A && bytes[i] != 0x0D {
            i += 1
            while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }
            column += 1
        }
        last = (line, column, i)
        return i
    }
}
