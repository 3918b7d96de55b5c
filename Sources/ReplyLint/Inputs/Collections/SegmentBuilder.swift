/// Builds the text of one reply piece by piece, with the segments that take each piece back
/// to the bytes of the file it came from.
///
/// A piece copied unchanged from the file (`copy`) maps byte for byte; a piece that the file
/// spells differently (`emit`: an escape such as `\u00e9`, a folded line break) maps to its
/// whole source span. Adjacent byte-for-byte pieces merge into one segment.
struct SegmentBuilder {
    private(set) var text: [UInt8] = []
    private(set) var segments: [Document.Segment] = []

    init() {}

    /// Appends `length` bytes of the file starting at `fileStart`, unchanged.
    mutating func copy(_ bytes: [UInt8], from fileStart: Int, length: Int) {
        guard length > 0 else { return }
        text.append(contentsOf: bytes[fileStart..<(fileStart + length)])
        add(textLength: length, fileStart: fileStart, fileLength: length)
    }

    /// Appends `piece`, which the file writes as the `fileLength` bytes at `fileStart`.
    mutating func emit(_ piece: [UInt8], fileStart: Int, fileLength: Int) {
        guard !piece.isEmpty else { return }
        text.append(contentsOf: piece)
        add(textLength: piece.count, fileStart: fileStart, fileLength: fileLength)
    }

    private mutating func add(textLength: Int, fileStart: Int, fileLength: Int) {
        let textStart = text.count - textLength
        if textLength == fileLength, let last = segments.last, last.textLength == last.fileLength,
           last.fileStart + last.fileLength == fileStart, last.textStart + last.textLength == textStart {
            segments[segments.count - 1].textLength += textLength
            segments[segments.count - 1].fileLength += fileLength
            return
        }
        segments.append(Document.Segment(textStart: textStart, textLength: textLength,
                                         fileStart: fileStart, fileLength: fileLength))
    }
}
