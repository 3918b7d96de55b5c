/// A YAML or JSON file of canned replies: each reply becomes its own `Document`, named by its
/// path in the collection (`saludos[3].texto`), whose segments take every byte of the reply
/// back to the exact place it is written in the file.
public enum TemplateCollection {
    public enum Format: Sendable {
        case yaml, json
    }

    /// The format a file name's extension calls for (`.yml`, `.yaml`, `.json`), nil for others.
    public static func format(ofPath path: String) -> Format? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "yml", "yaml": return .yaml
        case "json": return .json
        default: return nil
        }
    }

    /// The replies of a collection, in file order.
    /// - Throws: `InputError.malformed` with the position of the first syntax error.
    public static func documents(of source: SourceFile, format: Format,
                                 options: CollectionOptions = CollectionOptions()) throws(InputError) -> [Document] {
        let root: CollectionValue?
        switch format {
        case .json: root = try JSONCollectionReader.read(source)
        case .yaml: root = try YAMLCollectionReader.read(source)
        }
        guard let root else { return [] }
        return ReplySelector(options: options).replies(in: root).map { reply in
            let (text, segments) = resolve(reply.string, in: source)
            return Document(source: source, text: text, segments: segments,
                            name: reply.path.isEmpty ? nil : ReplySelector.name(reply.path))
        }
    }

    static func resolve(_ string: CollectionString, in source: SourceFile) -> ([UInt8], [Document.Segment]) {
        switch string {
        case .decoded(let text, let segments):
            return (text, segments)
        case .yaml(let value, let style, let start):
            if let built = YAMLScalarLocator.locate(source.bytes, start: start, style: style, value: value) {
                return (built.text, built.segments)
            }
            // A construct the scanner does not follow: every offset maps to the scalar's start,
            // never to a wrong place.
            let at = YAMLScalarLocator.skipProperties(source.bytes, start)
            return (value, [Document.Segment(textStart: 0, textLength: value.count, fileStart: at, fileLength: 0)])
        }
    }
}
