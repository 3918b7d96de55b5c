import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds and reads the inputs of a run: files named on the command line, directories walked in
/// sorted order, stdin. Every problem becomes an `InputError` naming the path; the other inputs
/// are still linted.
public enum InputFiles {
    /// Extensions linted when a directory is walked. A file named explicitly is linted whatever its name.
    public static let walkedExtensions: Set<String> = ["txt", "md", "yml", "yaml", "json"]

    /// Expands paths into the files to lint, in order: each argument's files in sorted order,
    /// duplicates dropped. Hidden files and folders are skipped inside walked directories.
    public static func expand(_ paths: [String], extensions: Set<String> = walkedExtensions) -> (files: [String], errors: [InputError]) {
        var files: [String] = []
        var seen = Set<String>()
        var errors: [InputError] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                errors.append(.unreadable(path: path, reason: reason(errno)))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                var ancestors = Set<FileID>()
                walk(path, info, extensions: extensions, ancestors: &ancestors, into: &files, errors: &errors)
            } else {
                files.append(path)
            }
        }
        var unique: [String] = []
        for file in files where seen.insert(file).inserted { unique.append(file) }
        return (unique, errors)
    }

    struct FileID: Hashable {
        let device: UInt64
        let inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    static func walk(_ directory: String, _ info: stat, extensions: Set<String>, ancestors: inout Set<FileID>,
                     into files: inout [String], errors: inout [InputError]) {
        let id = FileID(info)
        guard ancestors.insert(id).inserted else {
            errors.append(.unreadable(path: directory, reason: "bucle de carpetas (un enlace simbólico apunta a una carpeta que la contiene); no se recorre otra vez"))
            return
        }
        defer { ancestors.remove(id) }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            errors.append(.unreadable(path: directory, reason: "no se puede leer la carpeta"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var entry = stat()
            guard stat(path, &entry) == 0 else {
                // A dangling link or an entry that vanished: say so, keep going.
                errors.append(.unreadable(path: path, reason: reason(errno)))
                continue
            }
            switch entry.st_mode & S_IFMT {
            case S_IFDIR:
                walk(path, entry, extensions: extensions, ancestors: &ancestors, into: &files, errors: &errors)
            case S_IFREG:
                let ext = (name as NSString).pathExtension.lowercased()
                if extensions.contains(ext) { files.append(path) }
            default:
                continue // sockets, FIFOs and devices found while walking are not replies
            }
        }
    }

    /// Reads a file and validates it as UTF-8 text.
    public static func read(_ path: String) -> Result<SourceFile, InputError> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(.unreadable(path: path, reason: reason(errno))) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            return .failure(.unreadable(path: path, reason: "es una carpeta"))
        }
        return readAll(fd, path: path).flatMap { decode($0, path: path) }
    }

    /// Reads standard input to its end, named `name` in diagnostics.
    public static func readStandardInput(name: String) -> Result<SourceFile, InputError> {
        readAll(0, path: name).flatMap { decode($0, path: name) }
    }

    static func readAll(_ fd: Int32, path: String) -> Result<[UInt8], InputError> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(path: path, reason: reason(errno)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return .success(bytes)
    }

    /// Bytes to a validated source file. UTF-16 and UTF-32 (recognised by their byte order mark)
    /// are refused with a clear message rather than linted as garbage.
    public static func decode(_ bytes: [UInt8], path: String) -> Result<SourceFile, InputError> {
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            return .failure(.unreadable(path: path, reason: "texto UTF-16 (marca de orden de bytes \(bytes[0] == 0xFF ? "FF FE" : "FE FF")); replylint lee UTF-8: conviértalo con `iconv -f UTF-16 -t UTF-8`"))
        }
        do {
            return .success(try SourceFile(path: path, bytes: bytes))
        } catch let error as InputError {
            return .failure(error)
        } catch {
            return .failure(.unreadable(path: path, reason: "\(error)"))
        }
    }

    /// The documents of a file, by its extension: each reply of a YAML or JSON collection
    /// (`.yml`, `.yaml`, `.json`), the prose of a Markdown file (`.md`, `.markdown`), else the
    /// whole file as one reply.
    /// - Throws: `InputError.malformed` when a collection does not parse.
    public static func documents(of file: SourceFile, collections: CollectionOptions = CollectionOptions()) throws(InputError) -> [Document] {
        if let format = TemplateCollection.format(ofPath: file.path) {
            return try TemplateCollection.documents(of: file, format: format, options: collections)
        }
        if MarkdownProse.isMarkdown(path: file.path) {
            return [MarkdownProse.document(of: file)]
        }
        // Plain text: suppression comments are not prose; blank them (offsets stay the same).
        let suppressions = Suppressions(file: file)
        guard !suppressions.directives.isEmpty else { return [Document(file: file)] }
        return [Document(source: file, text: suppressions.blankingDirectives(in: file), segments: Document(file: file).segments)]
    }

    /// Writes a file replylint produces itself (a baseline), replacing any old one.
    public static func writeNewFile(_ bytes: [UInt8], to path: String) -> InputError? {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            return nil
        } catch {
            return .unreadable(path: path, reason: "no se puede escribir: \(error.localizedDescription)")
        }
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no existe el archivo o la carpeta"
        case EACCES, EPERM: return "no se puede leer: permiso denegado"
        case ELOOP: return "demasiados enlaces simbólicos (¿un bucle?)"
        case EISDIR: return "es una carpeta"
        default: return "no se puede leer: " + String(cString: strerror(code))
        }
    }
}
