/// The bytes of one input as read from disk (or stdin), validated as UTF-8, with the table of
/// line starts that turns a byte offset into a line and a column.
///
/// Offsets are UTF-8 byte offsets into the whole file, BOM included. Lines and columns are
/// 1-based; a column counts Unicode scalars from the start of the line (after the BOM on line 1),
/// the way rustc counts them.
public struct SourceFile: Sendable {
    public enum LineEnding: String, Sendable { case lf = "\n", crlf = "\r\n", cr = "\r" }

    public let path: String
    public let bytes: [UInt8]
    /// True when the file starts with the UTF-8 byte order mark EF BB BF.
    public let hasBOM: Bool
    /// The byte offset where each line starts (line 1 starts after the BOM).
    public let lineStarts: [Int]
    /// The line ending seen first in the file (LF when it has none).
    public let lineEnding: LineEnding
    /// How many scalars start before byte `k * checkpointStride`, for each k: a column is then
    /// found in at most two short scans, however long its line (a 5 MB one-line file with
    /// thousands of findings would otherwise rescan the line from its start for each one).
    let scalarCheckpoints: [Int]
    static let checkpointStride = 1024

    /// Where the text starts (3 with a BOM, else 0).
    public var textStart: Int { hasBOM ? 3 : 0 }

    /// Validates `bytes` as UTF-8 and builds the line table.
    /// - Throws: `InputError.invalidUTF8` with the position of the first bad sequence, or
    ///   `InputError.binary` when the file holds NUL bytes.
    public init(path: String, bytes: [UInt8]) throws {
        self.path = path
        self.bytes = bytes
        hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let start = hasBOM ? 3 : 0
        var starts = [start]
        var ending: LineEnding?
        var i = start
        let n = bytes.count
        try bytes.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress)
            while i < n {
                // Eight bytes at a time while they are ASCII with no NUL and no line end (most text).
                if i + 8 <= n, let base {
                    let word = ByteWords.load(base, i)
                    if word & ByteWords.highs == 0 && !ByteWords.hasZero(word) && !ByteWords.has(word, 0x0A) && !ByteWords.has(word, 0x0D) {
                        i += 8
                        continue
                    }
                }
                let byte = buffer[i]
                if byte == 0x0A {
                    if ending == nil { ending = .lf }
                    i += 1
                    starts.append(i)
                } else if byte == 0x0D {
                    if i + 1 < n && buffer[i + 1] == 0x0A {
                        if ending == nil { ending = .crlf }
                        i += 2
                    } else {
                        if ending == nil { ending = .cr }
                        i += 1
                    }
                    starts.append(i)
                } else if byte < 0x80 {
                    if byte == 0 {
                        let (line, column) = SourceFile.position(of: i, in: buffer, lineStarts: starts)
                        throw InputError.binary(path: path, line: line, column: column, offset: i)
                    }
                    i += 1
                } else {
                    let length = SourceFile.validSequenceLength(buffer, at: i)
                    if length == 0 {
                        let (line, column) = SourceFile.position(of: i, in: buffer, lineStarts: starts, snap: false)
                        throw InputError.invalidUTF8(path: path, line: line, column: column, offset: i)
                    }
                    i += length
                }
            }
        }
        lineStarts = starts
        lineEnding = ending ?? .lf
        scalarCheckpoints = SourceFile.checkpoints(bytes)
    }

    static func checkpoints(_ bytes: [UInt8]) -> [Int] {
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(bytes.count / checkpointStride + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var count = 0
            var start = 0
            while start < buffer.count {
                checkpoints.append(count)
                // One stride at a time, in a loop with nothing else in it (the compiler vectorizes it).
                let end = min(start + checkpointStride, buffer.count)
                count += SourceFile.scalars(buffer, from: start, to: end)
                start = end
            }
            // The end of the file has an entry too when it falls on a stride boundary.
            if buffer.count % checkpointStride == 0 { checkpoints.append(count) }
        }
        return checkpoints
    }

    /// Scalars that start in `bytes[0..<offset]`.
    /// The scalars that start in `from..<to`.
    @inline(__always)
    static func scalars(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var count = 0
        var i = max(from, 0)
        // Eight bytes at a time: each byte but a continuation byte (10xxxxxx) starts a scalar.
        if let base = UnsafeRawPointer(buffer.baseAddress) {
            while i + 8 <= to {
                count += 8 - ByteWords.continuations(ByteWords.load(base, i))
                i += 8
            }
        }
        while i < to {
            if buffer[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    func scalarsBefore(_ offset: Int, _ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        let offset = min(max(offset, 0), buffer.count)
        let k = offset / SourceFile.checkpointStride
        var count = scalarCheckpoints[k]
        var i = k * SourceFile.checkpointStride
        while i < offset {
            if buffer[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    /// The text after the BOM, as a String (valid UTF-8 by construction).
    public var text: String {
        String(decoding: bytes[textStart...], as: UTF8.self)
    }

    /// 1-based line and scalar column of a byte offset (the same answer as `position`, in time
    /// bounded by the checkpoint stride instead of the line's length).
    public func location(of offset: Int) -> (line: Int, column: Int) {
        var line = 0
        return location(of: offset, line: &line)
    }

    /// The same, for offsets asked about in increasing order (a document's diagnostics): `line` is the
    /// 0-based index of the line of the last offset, tried first and then the next few lines before
    /// a search of all of them (a search for each diagnostic waited for a cache miss at every step).
    public func location(of offset: Int, line: inout Int) -> (line: Int, column: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            var low = line
            if low < 0 || low >= lineStarts.count || lineStarts[low] > offset {
                low = SourceFile.lineIndex(of: offset, lineStarts: lineStarts)
            } else {
                var steps = 0
                while low + 1 < lineStarts.count && lineStarts[low + 1] <= offset {
                    low += 1
                    steps += 1
                    if steps == 8 {
                        low = SourceFile.lineIndex(of: offset, lineStarts: lineStarts)
                        break
                    }
                }
            }
            line = low
            let start = lineStarts[low]
            let end = min(offset, buffer.count)
            // A short way into its line (the usual case) the scalars are counted from the line start;
            // further in, from the checkpoints.
            let scalars = end - start <= SourceFile.checkpointStride
                ? SourceFile.scalars(buffer, from: start, to: end)
                : scalarsBefore(end, buffer) - scalarsBefore(start, buffer)
            var column = 1 + max(0, scalars)
            if end > start && end < buffer.count && buffer[end] & 0xC0 == 0x80 { column -= 1 }
            return (low + 1, max(column, 1))
        }
    }

    /// The same as `location(of: offset)`, given the location of an earlier offset `start` (a span's end
    /// from its start): on the same line and a short way on, the scalars between them are counted
    /// instead of searching the lines again.
    public func location(of offset: Int, after start: Int, at known: (line: Int, column: Int)) -> (line: Int, column: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            let line = known.line
            guard line >= 1 && line <= lineStarts.count, start >= lineStarts[line - 1], start <= offset,
                  offset < (line < lineStarts.count ? lineStarts[line] : buffer.count + 1),
                  offset - start <= SourceFile.checkpointStride, start < buffer.count else {
                return location(of: offset)
            }
            let end = min(offset, buffer.count)
            if end == start { return known }
            // A column counts the scalars before the offset, one less in the middle of a scalar.
            @inline(__always) func inside(_ x: Int) -> Int {
                x > lineStarts[line - 1] && x < buffer.count && buffer[x] & 0xC0 == 0x80 ? 1 : 0
            }
            let column = known.column + inside(start) + SourceFile.scalars(buffer, from: start, to: end) - inside(end)
            return (line, max(column, 1))
        }
    }

    /// Index of the last line start that is <= offset.
    static func lineIndex(of offset: Int, lineStarts: [Int]) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The bytes of a 1-based line without its line ending.
    public func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 1 && line <= lineStarts.count else { return [] }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        return bytes[start..<end]
    }

    /// One line for a renderer: its start offset and bytes.
    public func sourceLine(_ line: Int) -> SourceLine? {
        guard line >= 1 && line <= lineStarts.count else { return nil }
        return SourceLine(start: lineStarts[line - 1], bytes: Array(lineBytes(line)))
    }

    /// The text of a 1-based line without its line ending.
    public func lineText(_ line: Int) -> String {
        String(decoding: lineBytes(line), as: UTF8.self)
    }

    static func position(of offset: Int, in buffer: UnsafeBufferPointer<UInt8>, lineStarts: [Int], snap: Bool = true) -> (line: Int, column: Int) {
        // The last line start that is <= offset.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        var column = 1
        var i = start
        let end = min(offset, buffer.count)
        while i < end {
            if buffer[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        // An offset inside a multi-byte scalar belongs to that scalar's column.
        if snap && end > start && end < buffer.count && buffer[end] & 0xC0 == 0x80 { column -= 1 }
        return (low + 1, max(column, 1))
    }

    /// Length of the well-formed UTF-8 sequence that starts at `i` (a non-ASCII lead byte), or 0.
    /// Follows the table of well-formed byte sequences in the Unicode standard (no overlongs,
    /// no surrogates, nothing above U+10FFFF).
    static func validSequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = b.count
        let lead = b[i]
        func cont(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            i + k < n && b[i + k] >= low && b[i + k] <= high
        }
        switch lead {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0, 0xBF) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90, 0xBF) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }
}

/// A line of a file as renderers need it (the run keeps only the lines that have diagnostics, so
/// memory is bounded by the largest file, not by the whole input).
public struct SourceLine: Sendable, Equatable {
    /// Byte offset of the line's first byte in the file.
    public var start: Int
    /// The line without its line ending.
    public var bytes: [UInt8]
    public init(start: Int, bytes: [UInt8]) {
        self.start = start
        self.bytes = bytes
    }
}

/// Why an input could not be linted. Each case names the file and, where there is one, the position.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidUTF8(path: String, line: Int, column: Int, offset: Int)
    case binary(path: String, line: Int, column: Int, offset: Int)
    case unreadable(path: String, reason: String)
    case malformed(path: String, line: Int, column: Int, reason: String)
    /// An entry deliberately left out of a walked folder (a note, not an error): a symbolic link
    /// that leads out of the folder being walked.
    case skipped(path: String, reason: String)

    public var path: String {
        switch self {
        case .invalidUTF8(let path, _, _, _), .binary(let path, _, _, _), .unreadable(let path, _),
             .malformed(let path, _, _, _), .skipped(let path, _):
            return path
        }
    }

    /// The id diagnostics of this error carry (`input.encoding`, `input.binary`, ...).
    public var ruleID: String {
        switch self {
        case .invalidUTF8: return "input.encoding"
        case .binary: return "input.binary"
        case .unreadable: return "input.unreadable"
        case .malformed: return "input.malformed"
        case .skipped: return "input.skipped"
        }
    }

    /// Errors stop a file from being linted and make the run fail (exit status 2); a skipped
    /// entry is only a note.
    public var severity: Severity {
        if case .skipped = self { return .note }
        return .error
    }

    /// 1-based line and column, (1, 1) when the error is about the whole file.
    public var position: (line: Int, column: Int, offset: Int) {
        switch self {
        case .invalidUTF8(_, let line, let column, let offset), .binary(_, let line, let column, let offset):
            return (line, column, offset)
        case .malformed(_, let line, let column, _):
            return (line, column, 0)
        case .unreadable, .skipped:
            return (1, 1, 0)
        }
    }

    /// A short message without the path (the renderer puts the path in front).
    public var message: String {
        switch self {
        case .invalidUTF8(_, _, _, let offset):
            return "UTF-8 no válido en el byte \(offset); replylint solo lee texto UTF-8"
        case .binary(_, _, _, let offset):
            return "archivo binario (byte NUL en el byte \(offset)); no se revisa"
        case .unreadable(_, let reason), .skipped(_, let reason):
            return reason
        case .malformed(_, _, _, let reason):
            return reason
        }
    }

    public var description: String {
        let p = position
        return "\(path):\(p.line):\(p.column): \(severity.rawValue): \(message)"
    }
}
