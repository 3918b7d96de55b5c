#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Every form a Hunspell dictionary accepts, as a hash table in one file that replylint maps into memory:
/// the spelling rules answer most `spell()` questions with one look-up, without loading Hunspell.
///
/// Why: loading the Spanish dictionary into Hunspell takes 30 to 70 ms, most of the time of linting one
/// reply, and every `spell()` costs microseconds where a look-up costs tens of nanoseconds; the candidate
/// search for a misspelling makes hundreds of them.
///
/// How it stays exact:
/// - `build` lists the forms with `AffixExpansion` and keeps only those Hunspell itself accepts, so a
///   form in the table is a form Hunspell spells.
/// - The listing covers the affix rules it reads (it refuses dictionaries with other rules), so a word
///   of letters the table lacks is one Hunspell rejects; tests compare both on real text.
/// - `verdict` answers for words of letters and apostrophes in lowercase, with one initial capital, or in
///   mixed case, the cases whose rules it mirrors (Hunspell accepts `Canción` for `canción`, not `españa`
///   for `España`). A word with a letter no form has, or a scalar from U+3000 on that no form has, is
///   rejected. Anything else (all capitals, hyphens, dots, digits) gets nil: ask Hunspell.
/// - The file records the size, modification time, inode and device of the `.aff` and `.dic` it came
///   from; when they change, it is built again.
///
/// The file lives in `FormIndex.cacheDirectory` (`$REPLYLINT_CACHE_DIR`, else `$XDG_CACHE_HOME/replylint`,
/// else `~/.cache/replylint`); `REPLYLINT_CACHE_DIR=off` turns it off. It is written to a temporary file and
/// renamed, so a reader never sees half of one.
public final class FormIndex: @unchecked Sendable {
    static let magic: [UInt8] = Array("RLFORMS1".utf8)
    /// Raise it whenever the file layout, `AffixExpansion` or `verdict` changes: old files are then built again.
    static let version: UInt32 = 7
    static let headerSize = 48
    /// Forms listed (with repeats) beyond which a dictionary gets no table: the Spanish one lists about 750,000.
    static let formLimit = 20_000_000

    private let base: UnsafeRawPointer
    private let mappedSize: Int
    private let mask: Int
    /// The longest run of slots a look-up walks (written by `encode`).
    private let maxProbe: Int
    private let buckets: UnsafePointer<UInt32>
    private let blob: UnsafePointer<UInt8>
    private let blobSize: Int
    /// For each scalar below `FormIndex.letterLimit`, how a word with it is judged (`Letter`).
    private let letterKind: UnsafePointer<UInt8>
    /// The lowercase partner of each `Letter.upper` scalar.
    private let lowercase: UnsafePointer<UInt16>
    /// Scalars from here on get no answer (other scripts, emoji).
    static let letterLimit = 0x3000

    /// What a scalar below `letterLimit` is to the table.
    enum Letter: UInt8 {
        /// A letter no form of the dictionary has: a word with it is not spelled (Hunspell maps no letter to
        /// another).
        case absent = 0
        /// A lowercase letter some form has.
        case lower = 1
        /// An uppercase letter whose lowercase letter some form has.
        case upper = 2
        /// Not a letter (`.`, `-`, a digit, a combining mark), or a letter without case partner in the
        /// forms: Hunspell's to judge.
        case other = 3
        /// An apostrophe (`'`, `’`): no case, no rule of its own in `spell()` but for words in capitals
        /// (which get no answer anyway), so a word with one is looked up like any other.
        case neutral = 4
    }
    /// Whether no form has a scalar from `letterLimit` on. Then a word with one is not spelled: `spell()`
    /// compares it (or U+FFFD, which Hunspell puts for a scalar beyond U+FFFF) with the forms, and no
    /// case mapping of such a scalar lands below `letterLimit`.
    private let highScalarsAbsent: Bool
    /// Whether each bucket keeps, in its top byte, the top byte of its form's hash (flag 2 of the
    /// header): a look-up then reads a form's bytes only when that byte agrees. Nearly every candidate
    /// the suggestion search tries is no word, and each bucket it passed cost a read of the forms' bytes
    /// elsewhere in the file. A table whose forms take 16 MB or more has no room for it.
    private let tagged: Bool
    /// Number of forms in the table.
    public let count: Int

    private init?(mapping: UnsafeRawPointer, size: Int, fingerprint: UInt64) {
        guard size >= FormIndex.headerSize,
              memcmp(mapping, FormIndex.magic, 8) == 0,
              mapping.loadUnaligned(fromByteOffset: 8, as: UInt32.self) == FormIndex.version,
              mapping.loadUnaligned(fromByteOffset: 32, as: UInt64.self) == fingerprint else { return nil }
        let bucketCount = Int(mapping.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
        let forms = Int(mapping.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        let letters = Int(mapping.loadUnaligned(fromByteOffset: 20, as: UInt32.self))
        let blobBytes = Int(mapping.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        let probes = Int(mapping.loadUnaligned(fromByteOffset: 40, as: UInt32.self))
        let flags = mapping.loadUnaligned(fromByteOffset: 44, as: UInt32.self)
        guard bucketCount > 0, probes >= 1, probes <= bucketCount, bucketCount & (bucketCount - 1) == 0, forms < bucketCount, letters == FormIndex.letterLimit,
              FormIndex.headerSize + 3 * letters + 4 * bucketCount + blobBytes == size else { return nil }
        base = mapping
        mappedSize = size
        mask = bucketCount - 1
        maxProbe = probes
        highScalarsAbsent = flags & 1 != 0
        tagged = flags & 2 != 0
        count = forms
        letterKind = (mapping + FormIndex.headerSize).assumingMemoryBound(to: UInt8.self)
        lowercase = (mapping + FormIndex.headerSize + letters).assumingMemoryBound(to: UInt16.self)
        // The letter tables are read without checks later: every capital must name a lowercase letter.
        for value in 0..<letters where letterKind[value] == Letter.upper.rawValue {
            let lower = Int(lowercase[value])
            guard lower < letters, letterKind[lower] == Letter.lower.rawValue else { return nil }
        }
        let bucketOffset = FormIndex.headerSize + 3 * letters
        buckets = (mapping + bucketOffset).assumingMemoryBound(to: UInt32.self)
        blob = (mapping + bucketOffset + 4 * bucketCount).assumingMemoryBound(to: UInt8.self)
        blobSize = blobBytes
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), mappedSize) }

    // MARK: Look-up

    /// Whether the form is in the table, byte for byte.
    public func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { contains(bytes: $0) }
    }

    func contains(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count < 256 else { return false }
        let h = FormIndex.hash(bytes)
        var slot = Int(truncatingIfNeeded: h) & mask
        let tag = FormIndex.tag(h)
        for _ in 0..<maxProbe {
            let stored = buckets[slot]
            if stored == 0 { return false }
            let offset = Int(tagged ? stored & FormIndex.offsetBits : stored) - 1
            if (!tagged || stored & ~FormIndex.offsetBits == tag) && offset < blobSize {
                let length = Int(blob[offset])
                if length == bytes.count, offset + 1 + length <= blobSize,
                   memcmp(blob + offset + 1, bytes.baseAddress!, length) == 0 { return true }
            }
            slot = (slot + 1) & mask
        }
        return false
    }

    /// Hunspell's answer for the word, or nil where the table cannot give it (see the type's notes).
    public func verdict(_ word: String) -> Bool? {
        if word.utf8.count >= 100 { return nil }
        var uppercase = 0
        var neutral = 0
        var firstUpper = false
        var absent = false
        var count = 0
        for scalar in word.unicodeScalars {
            let value = Int(scalar.value)
            if value >= FormIndex.letterLimit {
                guard highScalarsAbsent else { return nil }
                absent = true
                neutral += 1
                count += 1
                continue
            }
            switch letterKind[value] {
            case Letter.lower.rawValue: break
            case Letter.upper.rawValue:
                uppercase += 1
                if count == 0 { firstUpper = true }
            case Letter.absent.rawValue: absent = true
            case Letter.neutral.rawValue: neutral += 1
            default: return nil
            }
            count += 1
        }
        if count == 0 { return nil }
        if absent { return false }
        // Hunspell's capitalisation types: one initial capital comes first; then all capitals, where the
        // caseless characters count as capitals. All capitals get no answer: Hunspell has more rules.
        let initialCapital = uppercase == 1 && firstUpper
        if uppercase > 0 && !initialCapital && uppercase + neutral == count { return nil }
        if contains(word) { return true }
        // One initial capital: Hunspell also tries the word in lowercase.
        if initialCapital {
            // The word's bytes with its first letter's replaced by its lowercase letter's (both below U+3000:
            // at most three bytes each).
            let first = word.unicodeScalars.first!
            let lower = UInt32(lowercase[Int(first.value)])
            let firstLength = UTF8.width(first)
            var word = word
            return word.withUTF8 { bytes in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 3) { buffer in
                    var i = UTF8Bytes.put(lower, buffer, at: 0)
                    for byte in bytes[firstLength...] {
                        buffer[i] = byte
                        i += 1
                    }
                    return contains(bytes: UnsafeBufferPointer(rebasing: buffer[0..<i]))
                }
            }
        }
        return false
    }

    /// `verdict` for a word given as lowercase scalars, or for that word with its first letter capitalised,
    /// without making its text (the candidate search tries hundreds a word); nil where `verdict` would be
    /// nil, a scalar is not lowercase, or the capital is not one of Spanish's letters.
    public func verdict(lowercase scalars: UnsafeBufferPointer<Unicode.Scalar>, capitalized: Bool = false) -> Bool? {
        guard !scalars.isEmpty, scalars.count < 25 else { return nil }
        // The letters are checked and written as UTF-8 in one pass (at most 4 bytes each, and room for
        // a capital two bytes longer than its lowercase letter).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * scalars.count + 4) { buffer -> Bool? in
            var absent = false
            var length = 2  // the word is written from byte 2, leaving room for a longer capital
            for scalar in scalars {
                let value = Int(scalar.value)
                if value >= FormIndex.letterLimit {
                    guard highScalarsAbsent else { return nil }
                    return false
                }
                switch letterKind[value] {
                case Letter.lower.rawValue, Letter.neutral.rawValue: break
                case Letter.absent.rawValue: absent = true
                default: return nil
                }
                length = UTF8Bytes.put(scalar.value, buffer, at: length)
            }
            if absent { return false }
            let first = scalars[0].value
            if capitalized {
                // One initial capital: the word as written, then in lowercase, as Hunspell tries them.
                guard let upper = FormIndex.capital(of: first), letterKind[Int(upper)] == Letter.upper.rawValue else { return nil }
                let firstWidth = UTF8Bytes.width(first)
                let upperWidth = UTF8Bytes.width(upper)
                let start = 2 + firstWidth - upperWidth
                _ = UTF8Bytes.put(upper, buffer, at: start)
                if contains(bytes: UnsafeBufferPointer(rebasing: buffer[start..<length])) { return true }
                _ = UTF8Bytes.put(first, buffer, at: 2)
            }
            return contains(bytes: UnsafeBufferPointer(rebasing: buffer[2..<length]))
        }
    }

    /// The capital of a lowercase letter of Spanish (and of ASCII), or nil.
    static func capital(of value: UInt32) -> UInt32? {
        switch value {
        case 0x61...0x7A: return value - 0x20
        case 0xE1, 0xE9, 0xED, 0xF3, 0xFA, 0xFC, 0xF1, 0xE0, 0xE8, 0xEC, 0xF2, 0xF9, 0xE7: return value - 0x20
        default: return nil
        }
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return h ^ (h >> 29)
    }

    /// The top byte of a hash, where a tagged bucket keeps it.
    @inline(__always) static func tag(_ h: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: h >> 56) << 24 }
    /// The bits of a tagged bucket that hold its form's place (plus one).
    static let offsetBits: UInt32 = 0x00FF_FFFF

    static func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { hash($0) }
    }

    // MARK: Files

    /// Where the tables are kept, or nil when caching is off.
    public static var cacheDirectory: String? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["REPLYLINT_CACHE_DIR"] {
            return explicit.isEmpty || explicit == "off" ? nil : explicit
        }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/replylint" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/replylint" }
        return nil
    }

    /// The table's file for a dictionary path (without extension) in `directory`.
    /// Named after the real paths of the `.aff` and `.dic` files: the regional names Debian links to one
    /// dictionary (`es_MX`, `es_AR` ...) share one file, and one relative path used from two folders gets two.
    /// The format's version is in the name too: two replylint versions side by side do not rebuild each
    /// other's table on every run.
    static func file(for dictionary: String, in directory: String) -> String {
        var name = ""
        for file in [dictionary + ".aff", dictionary + ".dic"] {
            if let real = realpath(file, nil) {
                name += String(cString: real) + "\n"
                free(real)
            } else {
                name += URL(fileURLWithPath: file).standardizedFileURL.path + "\n"
            }
        }
        return directory + "/forms-" + String(hash(name), radix: 16) + "-v\(version).bin"
    }

    /// What identifies the dictionary's files as they are now (through links): sizes, modification times,
    /// inodes and devices.
    static func fingerprint(_ dictionary: String) -> UInt64? {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for file in [dictionary + ".aff", dictionary + ".dic"] {
            var info = stat()
            guard stat(file, &info) == 0 else { return nil }
            for value in [UInt64(info.st_size), UInt64(info.st_mtim.tv_sec), UInt64(info.st_mtim.tv_nsec),
                          UInt64(info.st_ino), UInt64(info.st_dev)] {
                h = (h ^ value) &* 0x0000_0100_0000_01b3
                h ^= h >> 31
            }
        }
        return h
    }

    /// The table for the dictionary from `directory`, if one is there for these very files.
    public static func open(dictionary: String, directory: String) -> FormIndex? {
        guard let fingerprint = fingerprint(dictionary) else { return nil }
        return open(file: file(for: dictionary, in: directory), fingerprint: fingerprint)
    }

    static func open(file: String, fingerprint: UInt64) -> FormIndex? {
        let fd = Glibc.open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size >= headerSize,
              info.st_size < 1 << 31 else { return nil }
        let size = Int(info.st_size)
        guard let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapping != MAP_FAILED else { return nil }
        guard let index = FormIndex(mapping: UnsafeRawPointer(mapping), size: size, fingerprint: fingerprint) else {
            munmap(mapping, size)
            return nil
        }
        return index
    }

    /// Lists the dictionary's forms, keeps those `accepts` says Hunspell spells, and writes the table to
    /// `directory`; then maps it. Nil when the dictionary uses rules `AffixExpansion` does not read, or the
    /// folder cannot be written (found out before any work, so a read-only cache costs nothing).
    public static func build(dictionary: String, directory: String,
                             accepts: ([String]) -> [Bool]) -> FormIndex? {
        guard let fingerprint = fingerprint(dictionary),
              let aff = try? String(contentsOfFile: dictionary + ".aff", encoding: .utf8),
              let rules = try? AffixExpansion(aff: aff) else { return nil }
        let path = file(for: dictionary, in: directory)
        guard let (fd, temporary) = temporaryFile(beside: path) else { return nil }
        var kept = false
        defer {
            close(fd)
            if !kept { unlink(temporary) }
        }
        guard let dic = try? String(contentsOfFile: dictionary + ".dic", encoding: .utf8) else { return nil }
        var seen = Set<String>()
        var forms: [String] = []
        // A stem gets at most (suffixes × (1 + suffixes)) × (1 + prefixes) forms; a dictionary whose rules
        // multiply past this many gets no table.
        let complete = rules.forEachForm(dic: dic, limit: FormIndex.formLimit) { form in
            if form.utf8.count < 256, seen.insert(form).inserted { forms.append(form) }
        }
        guard complete else { return nil }
        seen = []
        let verdicts = accepts(forms)
        guard verdicts.count == forms.count,
              let bytes = encode(zip(forms, verdicts).compactMap { $1 ? $0 : nil }, fingerprint: fingerprint),
              writeAll(bytes, to: fd), fsync(fd) == 0, rename(temporary, path) == 0 else { return nil }
        kept = true
        return open(file: path, fingerprint: fingerprint)
    }

    /// The file's bytes for these forms.
    /// `tagLimit`: the forms' size from which buckets carry no tag (a test lowers it).
    static func encode(_ forms: [String], fingerprint: UInt64, tagLimit: Int = 1 << 24) -> [UInt8]? {
        var used = Set<UInt32>()
        for form in forms { for scalar in form.unicodeScalars { used.insert(scalar.value) } }
        var kinds = [UInt8](repeating: Letter.absent.rawValue, count: letterLimit)
        var lower = [UInt16](repeating: 0, count: letterLimit)
        for value in 0..<UInt32(letterLimit) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            let partner = properties.lowercaseMapping.unicodeScalars
            if properties.isLowercase && properties.isAlphabetic {
                if used.contains(value) || properties.uppercaseMapping.unicodeScalars.contains(where: { used.contains($0.value) }) {
                    kinds[Int(value)] = Letter.lower.rawValue
                }
            } else if properties.isUppercase && properties.isAlphabetic && partner.count == 1,
                      let only = partner.first, only.value < letterLimit, only.properties.isLowercase {
                if used.contains(value) || used.contains(only.value) {
                    kinds[Int(value)] = Letter.upper.rawValue
                    lower[Int(value)] = UInt16(only.value)
                }
            } else if used.contains(value) || !properties.isAlphabetic {
                kinds[Int(value)] = Letter.other.rawValue
            }
        }
        // An uppercase letter counts only with its lowercase letter.
        for value in 0..<letterLimit where kinds[value] == Letter.upper.rawValue && kinds[Int(lower[value])] != Letter.lower.rawValue {
            kinds[value] = Letter.other.rawValue
        }
        kinds[0x27] = Letter.neutral.rawValue
        kinds[0x2019] = Letter.neutral.rawValue
        let highScalarsAbsent = !used.contains { $0 >= UInt32(letterLimit) }
        var bucketCount = 1024
        while bucketCount < forms.count * 2 { bucketCount *= 2 }
        var blob: [UInt8] = []
        blob.reserveCapacity(forms.reduce(0) { $0 + $1.utf8.count + 1 })
        var buckets = [UInt32](repeating: 0, count: bucketCount)
        var maxProbe = 1
        let tagged = forms.reduce(0) { $0 + $1.utf8.count + 1 } + 1 < min(tagLimit, 1 << 24)
        for form in forms {
            let offset = blob.count
            guard offset + 1 < Int(UInt32.max) else { return nil }
            let utf8 = Array(form.utf8)
            blob.append(UInt8(utf8.count))
            blob.append(contentsOf: utf8)
            let h = utf8.withUnsafeBufferPointer { hash($0) }
            var slot = Int(truncatingIfNeeded: h) & (bucketCount - 1)
            var probes = 1
            while buckets[slot] != 0 {
                slot = (slot + 1) & (bucketCount - 1)
                probes += 1
            }
            buckets[slot] = UInt32(offset + 1) | (tagged ? tag(h) : 0)
            maxProbe = max(maxProbe, probes)
        }
        var bytes: [UInt8] = magic
        func put32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        func put64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        put32(version)
        put32(UInt32(bucketCount))
        put32(UInt32(forms.count))
        put32(UInt32(letterLimit))
        put64(UInt64(blob.count))
        put64(fingerprint)
        put32(UInt32(maxProbe))
        put32((highScalarsAbsent ? 1 : 0) | (tagged ? 2 : 0))
        bytes.append(contentsOf: kinds)
        for value in lower { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        for bucket in buckets { put32(bucket) }
        bytes.append(contentsOf: blob)
        return bytes
    }

    /// A new file in `path`'s folder (made if missing), to be renamed over `path` once written.
    static func temporaryFile(beside path: String) -> (Int32, String)? {
        let directory = (path as NSString).deletingLastPathComponent
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil else {
            return nil
        }
        var template = Array((path + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        return (fd, String(cString: template))
    }

    static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        bytes.withUnsafeBytes { raw -> Bool in
            var done = 0
            while done < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
    }
}
