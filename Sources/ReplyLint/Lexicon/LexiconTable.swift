import Foundation

/// One lexicon file: plain text, one entry a line, `|` between fields, `#` comments.
///
/// The file says what its columns are in a directive line, so that a reviewer can read it without
/// the code:
///
///     # chat abbreviations a brand should spell out
///     #! columns: term | suggestion | note
///     xq   | porque | "por qué" in a question
///
/// A row may leave trailing columns out (they read as empty); more fields than columns, an empty
/// first field, a missing `columns` directive or a second one are errors naming the file and line.
public struct LexiconTable: Sendable {
    public struct Row: Sendable {
        public let line: Int
        public let fields: [String]
        let columns: [String: Int]

        /// A field by column name ("" when the row leaves it out).
        public subscript(_ column: String) -> String {
            guard let index = columns[column], index < fields.count else { return "" }
            return fields[index]
        }

        /// The first field: the entry itself.
        public var term: String { fields[0] }
    }

    /// Name relative to the locale folder, without `.txt` (`register/abbreviations`).
    public let name: String
    public let path: String
    public let columns: [String]
    public private(set) var rows: [Row]

    public init(name: String, path: String, contents: String) throws {
        self.name = name
        self.path = path
        var columns: [String]?
        var index: [String: Int] = [:]
        var rows: [Row] = []
        var lineNumber = 0
        // The file is read as bytes: lines split on LF (splitting the String on "\n" by characters would
        // never split a CRLF file, whose "\r\n" is one character), fields on `|`, blanks trimmed by
        // byte. Walking the characters of every line cost more than the rest of building the rules.
        let bytes = Array(contents.utf8)
        try bytes.withUnsafeBufferPointer { b in
            var start = 0
            while start <= b.count {
                var end = start
                while end < b.count && b[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                lineNumber += 1
                let (lo, hi) = LexiconTable.trimmed(b, start, end)
                if lo == hi { continue }
                if b[lo] == UInt8(ascii: "#") && hi - lo >= 2 && b[lo + 1] == UInt8(ascii: "!") {
                    let directive = String(decoding: UnsafeBufferPointer(rebasing: b[(lo + 2)..<hi]), as: UTF8.self).trimmedBlanks
                    guard directive.hasPrefix("columns:") else {
                        throw LexiconError(path: path, line: lineNumber, reason: "unknown directive '\(directive)'; the only one is '#! columns: a | b | c'")
                    }
                    // Rows read before a second directive would have fields of columns the table no longer has.
                    guard columns == nil else {
                        throw LexiconError(path: path, line: lineNumber, reason: "a second '#! columns:' directive; a file declares its columns once, before its entries")
                    }
                    let names = directive.dropFirst("columns:".count).split(separator: "|").map { $0.trimmedBlanks }
                    guard !names.isEmpty, names.allSatisfy({ !$0.isEmpty }), Set(names).count == names.count else {
                        throw LexiconError(path: path, line: lineNumber, reason: "a columns directive needs distinct, non-empty names")
                    }
                    columns = names
                    index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
                    continue
                }
                if b[lo] == UInt8(ascii: "#") { continue }
                guard let names = columns else {
                    throw LexiconError(path: path, line: lineNumber, reason: "entry before the '#! columns:' directive")
                }
                // " # " (a hash between spaces) starts a trailing comment; `#hashtag` inside a field does not.
                let bodyEnd = LexiconTable.commentStart(b, lo, hi) ?? hi
                var fields: [String] = []
                var fieldStart = lo
                for k in lo...bodyEnd where k == bodyEnd || b[k] == UInt8(ascii: "|") {
                    let (flo, fhi) = LexiconTable.trimmed(b, fieldStart, k)
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: b[flo..<fhi]), as: UTF8.self))
                    fieldStart = k + 1
                }
                guard fields.count <= names.count else {
                    throw LexiconError(path: path, line: lineNumber, reason: "\(fields.count) fields, but the file declares \(names.count) columns (\(names.joined(separator: " | ")))")
                }
                guard let first = fields.first, !first.isEmpty else {
                    throw LexiconError(path: path, line: lineNumber, reason: "empty entry")
                }
                rows.append(Row(line: lineNumber, fields: fields, columns: index))
            }
        }
        guard columns != nil else {
            throw LexiconError(path: path, line: 1, reason: "no '#! columns:' directive")
        }
        self.columns = columns!
        self.rows = rows
    }

    init(shifting table: LexiconTable) {
        name = table.name
        path = table.path
        columns = table.columns
        rows = table.rows.map { Row(line: $0.line - 1, fields: $0.fields, columns: $0.columns) }
    }

    /// `b[lo..<hi]` without leading and trailing spaces, tabs, carriage returns and no-break spaces
    /// (the blanks `trimmedBlanks` drops).
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> (Int, Int) {
        var lo = lo, hi = hi
        while lo < hi {
            let c = b[lo]
            if c == 0x20 || c == 0x09 || c == 0x0D { lo += 1; continue }
            if c == 0xC2 && lo + 1 < hi && b[lo + 1] == 0xA0 { lo += 2; continue }
            break
        }
        while hi > lo {
            let c = b[hi - 1]
            if c == 0x20 || c == 0x09 || c == 0x0D { hi -= 1; continue }
            if c == 0xA0 && hi - 1 > lo && b[hi - 2] == 0xC2 { hi -= 2; continue }
            break
        }
        return (lo, hi)
    }

    /// Where a trailing comment (" # ") starts in `b[lo..<hi]`: the index of the space before the hash.
    static func commentStart(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int? {
        var i = lo + 1
        while i + 1 < hi {
            if b[i] == 0x23 && b[i - 1] == 0x20 && b[i + 1] == 0x20 { return i - 1 }
            i += 1
        }
        return nil
    }

    /// Adds the rows of another file of the same name (an extra lexicon folder).
    mutating func append(_ other: LexiconTable) throws {
        guard other.columns == columns else {
            throw LexiconError(path: other.path, line: 1, reason: "columns \(other.columns) differ from \(path)'s \(columns)")
        }
        rows.append(contentsOf: other.rows)
    }

    /// Requires the named columns; a rule calls this so that a renamed column fails loudly.
    public func require(_ names: String...) throws {
        for name in names where !columns.contains(name) {
            throw LexiconError(path: path, line: 1, reason: "missing column '\(name)'")
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and no-break spaces (faster than Foundation's
    /// `trimmingCharacters(in:)`, which dominated lexicon loading).
    public var trimmedBlanks: String { Substring(self).blanksTrimmed() }
}

extension Substring {
    func blanksTrimmed() -> String {
        let u = utf8
        var lo = u.startIndex
        var hi = u.endIndex
        while lo < hi {
            let b = u[lo]
            if b == 0x20 || b == 0x09 || b == 0x0D { lo = u.index(after: lo); continue }
            let next = u.index(after: lo)
            if b == 0xC2 && next < hi && u[next] == 0xA0 { lo = u.index(after: next); continue }
            break
        }
        while hi > lo {
            let last = u.index(before: hi)
            let b = u[last]
            if b == 0x20 || b == 0x09 || b == 0x0D { hi = last; continue }
            if b == 0xA0 && last > lo && u[u.index(before: last)] == 0xC2 { hi = u.index(before: last); continue }
            break
        }
        return String(self[lo..<hi])
    }
}

public struct LexiconError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let reason: String
    public init(path: String, line: Int, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }
    public var description: String { "\(path):\(line): error: \(reason)" }
}

/// Every lexicon of one locale, loaded from `lexicons/<locale>/` (and extra folders).
public struct LexiconStore: Sendable {
    public let locale: String
    /// The Hunspell dictionary the spelling rules built from this store use, when a config names one
    /// (else `SpellingSettings.current`'s).
    public var dictionary: String?
    public private(set) var tables: [String: LexiconTable] = [:] {
        didSet { builds = Builds() }
    }
    /// What rules build from these tables, shared by the rules of one family (the four polemic
    /// rules read one matcher). Any change to the tables starts afresh.
    private var builds = Builds()

    final class Builds: @unchecked Sendable {
        let lock = NSLock()
        var slots: [String: Slot] = [:]

        /// One key's value, built under the key's own lock: rules built at once on several threads
        /// (`Linter.init`) wait only for a build they share, not for every other family's.
        final class Slot: @unchecked Sendable {
            let lock = NSLock()
            var value: Any?
        }

        func slot(_ key: String) -> Slot {
            lock.lock()
            defer { lock.unlock() }
            if let known = slots[key] { return known }
            let made = Slot()
            slots[key] = made
            return made
        }
    }

    /// Builds `T` once per store and key; later calls (from other rules of the family) get the same value.
    public func shared<T>(_ key: String, _ build: () throws -> T) rethrows -> T {
        let slot = builds.slot(key)
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let value = slot.value as? T { return value }
        let value = try build()
        slot.value = value
        return value
    }
    /// The folders read, in order.
    public private(set) var directories: [String] = []
    /// The numbers of the words this store's matchers look up (shared by the copies of the store).
    public let vocabulary = LexiconVocabulary()

    /// An empty store (rules that need a table then fail with a clear error).
    public init(locale: String = "es") {
        self.locale = locale
    }

    /// Loads every `*.txt` below `root/<locale>/`, then below each extra folder's `<locale>/` (or the
    /// folder itself when it has no such subfolder), merging files of the same name.
    public init(root: String, locale: String = "es", extra: [String] = []) throws {
        self.locale = locale
        let main = (root as NSString).appendingPathComponent(locale)
        guard FileManager.default.fileExists(atPath: main) else {
            throw LexiconError(path: main, line: 0, reason: "no lexicon folder for locale '\(locale)'")
        }
        try load(main)
        for folder in extra {
            let localized = (folder as NSString).appendingPathComponent(locale)
            try load(FileManager.default.fileExists(atPath: localized) ? localized : folder)
        }
    }

    mutating func load(_ folder: String) throws {
        directories.append(folder)
        guard let walker = FileManager.default.enumerator(atPath: folder) else {
            throw LexiconError(path: folder, line: 0, reason: "cannot read the lexicon folder")
        }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(".txt") { files.append(relative) }
        }
        for relative in files.sorted() {
            let path = (folder as NSString).appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: path),
                  let contents = String(data: data, encoding: .utf8) else {
                throw LexiconError(path: path, line: 0, reason: "unreadable or not UTF-8")
            }
            let name = String(relative.dropLast(4))
            let table = try LexiconTable(name: name, path: path, contents: contents)
            if tables[name] != nil { try tables[name]!.append(table) } else { tables[name] = table }
        }
    }

    /// Adds a plain word list (one word a line, `#` comments, like Vale's accept.txt) as a
    /// one-column table `term`, merged with any table of that name. A nil path adds nothing.
    public mutating func addWordList(name: String, path: String?) throws {
        guard let path else { return }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw LexiconError(path: path, line: 0, reason: "no se puede leer la lista de palabras")
        }
        let table: LexiconTable
        do {
            table = try LexiconTable(name: name, path: path, contents: "#! columns: term\n" + text)
        } catch let error as LexiconError {
            throw LexiconError(path: error.path, line: max(1, error.line - 1), reason: error.reason)
        }
        // Line numbers in errors and rows refer to the user's file, not to the added directive.
        let shifted = LexiconTable(shifting: table)
        if tables[name] != nil { try tables[name]!.append(shifted) } else { tables[name] = shifted }
    }

    /// A table by name (`register/laughter`); an error naming the folder when it is missing.
    public func table(_ name: String) throws -> LexiconTable {
        guard let table = tables[name] else {
            let folder = directories.first ?? "lexicons/\(locale)"
            throw LexiconError(path: "\(folder)/\(name).txt", line: 0, reason: "lexicon file missing")
        }
        return table
    }

    /// Where replylint finds its lexicons when no folder is given: `$REPLYLINT_LEXICONS`, then a
    /// `lexicons` folder beside the executable or in one of its parents (a build tree), then
    /// `share/replylint/lexicons` next to the executable's `bin`, then the system folders.
    public static func defaultRoot(executable: String? = nil) -> String? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["REPLYLINT_LEXICONS"], !env.isEmpty { return env }
        var candidates: [String] = []
        let exe = executable ?? (try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        var dir = ((exe as NSString).resolvingSymlinksInPath as NSString).deletingLastPathComponent
        while !dir.isEmpty && dir != "/" {
            candidates.append((dir as NSString).appendingPathComponent("lexicons"))
            candidates.append((dir as NSString).appendingPathComponent("share/replylint/lexicons"))
            dir = (dir as NSString).deletingLastPathComponent
        }
        candidates += ["/usr/local/share/replylint/lexicons", "/usr/share/replylint/lexicons"]
        return candidates.first { fm.fileExists(atPath: ($0 as NSString).appendingPathComponent("es")) }
    }
}
