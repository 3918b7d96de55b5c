/// One text to lint: a whole plain-text file, or one reply of a template collection, or the
/// prose of a Markdown file. Rules see only `text`; `map` takes their byte offsets back to the
/// file the text came from, so every diagnostic lands on the exact line and column of the source.
public struct Document: Sendable {
    /// One piece of the text and where it sits in the file. When the lengths differ (an escape
    /// such as `\u00e9` in a JSON string), offsets inside the piece map to its start.
    public struct Segment: Sendable, Equatable {
        public var textStart: Int
        public var textLength: Int
        public var fileStart: Int
        public var fileLength: Int
        public init(textStart: Int, textLength: Int, fileStart: Int, fileLength: Int) {
            self.textStart = textStart
            self.textLength = textLength
            self.fileStart = fileStart
            self.fileLength = fileLength
        }
    }

    public let source: SourceFile
    /// The UTF-8 text rules read.
    public let text: [UInt8]
    /// Pieces of `text` in order, covering it without gaps.
    public let segments: [Segment]
    /// The reply's name inside a collection (`saludos[3].texto`), nil for a whole file.
    public let name: String?

    public init(source: SourceFile, text: [UInt8], segments: [Segment], name: String? = nil) {
        self.source = source
        self.text = text
        self.segments = segments
        self.name = name
    }

    /// The whole file as one document (the BOM is not part of the text).
    public init(file source: SourceFile) {
        let start = source.textStart
        let text = Array(source.bytes[start...])
        self.init(source: source, text: text,
                  segments: [Segment(textStart: 0, textLength: text.count, fileStart: start, fileLength: text.count)])
    }

    /// A document made from a string, for the library's users and for tests.
    public init(path: String = "<text>", string: String) {
        // A Swift String is valid UTF-8 and holds no invalid sequence; NUL bytes are the only
        // thing SourceFile could refuse, and a string with one is linted as text anyway.
        let bytes = Array(string.utf8)
        let file = (try? SourceFile(path: path, bytes: bytes))
            ?? (try! SourceFile(path: path, bytes: bytes.map { $0 == 0 ? 0x20 : $0 }))
        self.init(file: file)
    }

    public var string: String { String(decoding: text, as: UTF8.self) }

    /// File byte offset of a text offset. `end` selects the mapping for the end of a range.
    public func fileOffset(_ offset: Int, end: Bool = false) -> Int {
        guard let first = segments.first else { return source.textStart }
        // The last segment that starts at or before `offset` (or, for an end, strictly before).
        var low = 0
        var high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            let start = segments[mid].textStart
            if start < offset || (!end && start == offset) { low = mid } else { high = mid - 1 }
        }
        let segment = offset < first.textStart ? first : segments[low]
        let delta = offset - segment.textStart
        if delta <= 0 { return segment.fileStart }
        if delta >= segment.textLength { return segment.fileStart + segment.fileLength }
        if segment.textLength == segment.fileLength { return segment.fileStart + delta }
        return end ? segment.fileStart + segment.fileLength : segment.fileStart
    }

    /// The text of a byte range.
    public func slice(_ range: Range<Int>) -> String {
        String(decoding: text[range.clamped(to: 0..<text.count)], as: UTF8.self)
    }
}
