import Foundation
import XCTest
@testable import ReplyLint
#if canImport(Glibc)
import Glibc
#endif

/// Inputs built to break a linter: huge lines and words, emoji soup, binary and UTF-16 files, a
/// YAML alias bomb, deeply nested JSON, symlink loops and escapes, unreadable files, FIFOs, files
/// that vanish mid-run. Each must end in a clear error or a correct result, and the other inputs
/// of the run must still be linted.
///
/// The time limits here only guard against hangs and blow-ups (a quadratic path turns seconds into
/// hours); they are deliberately generous for a debug build on a busy machine. Speed is measured by
/// the benchmarks, not by these tests.
final class HostileInputTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        // Undo anything that would stop the clean-up (permissions), then remove the folder.
        if let walker = FileManager.default.enumerator(atPath: folder.path) {
            while let relative = walker.nextObject() as? String {
                chmod(folder.appendingPathComponent(relative).path, 0o755)
            }
        }
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    static let informal = "Hola, jajaja xq no nos escribe por privado?"

    func runner(threads: Int = 2) throws -> Runner {
        Runner(linter: try TestSupport.linter(), threads: threads)
    }

    /// Runs the runner and fails when it takes longer than `limit` seconds (a hang guard, not a benchmark).
    func timedRun(_ paths: [String], limit: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line) throws -> Runner.Result {
        let runner = try runner()
        let start = Date()
        let result = runner.run(paths: paths)
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertLessThan(elapsed, limit, "linting took \(elapsed) s", file: file, line: line)
        return result
    }

    func rules(_ result: Runner.Result, _ path: String) -> [String] {
        result.report.diagnostics.filter { $0.path == path }.map(\.rule)
    }

    /// A file every run lints next to the hostile one: it must still get its diagnostics.
    func witness() throws -> String { try write("zz-testigo.txt", Self.informal) }

    func assertWitnessLinted(_ result: Runner.Result, _ path: String, file: StaticString = #filePath, line: UInt = #line) {
        let found = rules(result, path)
        XCTAssertTrue(found.contains("register.laughter") && found.contains("register.abbreviation"),
                      "the other input was not linted: \(found)", file: file, line: line)
    }

    // MARK: - Size and shape

    func testFiveMegabyteSingleLine() throws {
        // Realistic words, no line break at all; one laughter at the very end must still be found
        // at the right column. What a long line stresses (reading, the line table, ICU word and
        // sentence breaking of one 5 MB sentence, placing findings, the renderer) does not depend on
        // how many rules run; the word-by-word rules are linear and their speed is the benchmark's
        // business (all of them, spelling included, need about a minute for 5 MB in a debug build
        // here), so this test runs two word rules and the next one runs every rule on 512 KB.
        let sentence = "Gracias por escribirnos, le confirmamos que su pedido ya salió del almacén "
        var text = String(repeating: sentence, count: 5_000_000 / sentence.utf8.count)
        text += "Un saludo, jajaja"
        let path = try write("linea.txt", text)
        let other = try witness()
        let linter = try Linter(lexicons: TestSupport.lexicons, registry: [LaughterRule.self, AbbreviationRule.self])
        let start = Date()
        let result = Runner(linter: linter, threads: 2).run(paths: [path, other])
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
        let laughter = result.report.diagnostics.filter { $0.path == path && $0.rule == "register.laughter" }
        XCTAssertEqual(laughter.count, 1, "\(rules(result, path).prefix(10))")
        XCTAssertEqual(laughter.first?.line, 1)
        XCTAssertEqual(laughter.first?.offset, text.utf8.count - "jajaja".utf8.count)
        XCTAssertEqual(laughter.first?.column, text.unicodeScalars.count - 6 + 1)
        // The text report prints a window of the line, not 5 MB.
        let report = TextRenderer(color: false) { result.line($0, $1) }.render(result.report)
        XCTAssertLessThan(report.utf8.count, 10_000)
        XCTAssertTrue(report.contains("Un saludo, jajaja"), String(report.prefix(500)))
        assertWitnessLinted(result, other)
    }

    func testHalfMegabyteSingleLineWithEveryRule() throws {
        let sentence = "Hola, le escribimos xq su pedido salio ayer y llegara manana, jajaja; disculpe las molestias "
        let text = String(repeating: sentence, count: 512_000 / sentence.utf8.count)
        let path = try write("media-linea.txt", text)
        let other = try witness()
        let result = try timedRun([path, other])
        let found = result.report.diagnostics.filter { $0.path == path }
        let repeats = 512_000 / sentence.utf8.count
        // Every repetition is flagged the same way: each rule's count is a multiple of the repeats.
        let byRule = Dictionary(grouping: found, by: \.rule)
        XCTAssertEqual(byRule["register.laughter"]?.count, repeats)
        XCTAssertEqual(byRule["register.abbreviation"]?.count, repeats)
        for (rule, list) in byRule { XCTAssertEqual(list.count % repeats, 0, rule) }
        XCTAssertTrue(found.allSatisfy { $0.line == 1 })
        assertWitnessLinted(result, other)
    }

    func testOneMegabyteSingleWord() throws {
        // One "word" of a million letters: no crash, no quadratic blow-up, one file, bounded report.
        let word = String(repeating: "abcdefghij", count: 100_000)
        let path = try write("palabra.txt", "Hola \(word) gracias")
        let other = try witness()
        let result = try timedRun([path, other])
        XCTAssertFalse(rules(result, path).contains { $0.hasPrefix("input.") }, "\(rules(result, path))")
        XCTAssertLessThan(rules(result, path).count, 10)
        assertWitnessLinted(result, other)
    }

    func testHundredThousandEmojiZWJSequences() throws {
        // 👩‍👩‍👧‍👦 is 4 scalars joined by 3 ZWJs; 100k of them is 2.5 MB of grapheme soup.
        let family = "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"
        let text = "Hola \(String(repeating: family, count: 100_000)) xq"
        let path = try write("emoji.txt", text)
        let other = try witness()
        let result = try timedRun([path, other])
        let abbreviation = result.report.diagnostics.filter { $0.path == path && $0.rule == "register.abbreviation" }
        XCTAssertEqual(abbreviation.count, 1, "\(rules(result, path))")
        // The column counts scalars: "Hola " (5) + 100k × 7 scalars + " " (1), then 1-based.
        XCTAssertEqual(abbreviation.first?.column, 5 + 700_000 + 1 + 1)
        assertWitnessLinted(result, other)
    }

    // MARK: - Encodings

    func testNULBytesAreABinaryFileError() throws {
        let path = try write("nul.txt", Array("Hola, gracias".utf8) + [0, 0, 0] + Array(" jajaja".utf8))
        let other = try witness()
        let result = try timedRun([path, other])
        XCTAssertEqual(rules(result, path), ["input.binary"])
        let d = try XCTUnwrap(result.report.diagnostics.first { $0.path == path })
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.offset, 13)
        XCTAssertTrue(d.message.contains("binario"), d.message)
        assertWitnessLinted(result, other)
    }

    func testUTF16WithBOMIsRefusedNotMisLinted() throws {
        let text = "Hola, jajaja xq no nos escribe"
        var little: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { little += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        var big: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 { big += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let le = try write("utf16le.txt", little)
        let be = try write("utf16be.txt", big)
        let other = try witness()
        let result = try timedRun([le, be, other])
        for path in [le, be] {
            // Exactly one diagnostic, an input error that says UTF-16 and how to convert: none of
            // the laughter or abbreviation findings the text would have as UTF-8.
            XCTAssertEqual(rules(result, path), ["input.unreadable"], path)
            let message = result.report.diagnostics.first { $0.path == path }?.message ?? ""
            XCTAssertTrue(message.contains("UTF-16") && message.contains("iconv"), message)
        }
        XCTAssertEqual(result.report.exitStatus(), 2)
        assertWitnessLinted(result, other)
    }

    // MARK: - Collections

    func testYAMLAliasBomb() throws {
        // "Billion laughs": nine levels of nine aliases each, 9^9 strings if expanded.
        var yaml = "a: &a [\"jajaja\", \"jajaja\", \"jajaja\", \"jajaja\", \"jajaja\", \"jajaja\", \"jajaja\", \"jajaja\", \"jajaja\"]\n"
        let letters = Array("abcdefghij")
        for i in 1..<9 {
            let previous = letters[i - 1]
            let refs = Array(repeating: "*\(previous)", count: 9).joined(separator: ", ")
            yaml += "\(letters[i]): &\(letters[i]) [\(refs)]\n"
        }
        yaml += "texto: \"Hola, gracias por escribir xq\"\n"
        let path = try write("bomba.yml", yaml)
        // The same bomb whose leaves are replies: 9^8 references to one `texto`.
        var replies = "a: &a {texto: \"Hola, jajaja\"}\n"
        for i in 1..<9 {
            let refs = Array(repeating: "*\(letters[i - 1])", count: 9).joined(separator: ", ")
            replies += "\(letters[i]): &\(letters[i]) [\(refs)]\n"
        }
        let leaves = try write("bomba-respuestas.yml", replies)
        let other = try witness()
        let result = try timedRun([path, leaves, other])
        // Aliases are not expanded: each reply is linted once, where it is written.
        XCTAssertEqual(rules(result, path), ["register.abbreviation"])
        XCTAssertEqual(rules(result, leaves), ["register.laughter"])
        XCTAssertEqual(result.report.diagnostics.first { $0.path == leaves }?.line, 1)
        assertWitnessLinted(result, other)
    }

    func testJSONNestedHundredThousandDeep() throws {
        let depth = 100_000
        let json = String(repeating: "[", count: depth) + "\"jajaja\"" + String(repeating: "]", count: depth)
        let objects = String(repeating: "{\"a\":", count: depth) + "\"jajaja\"" + String(repeating: "}", count: depth)
        let arrays = try write("hondo.json", json)
        let nested = try write("objetos.json", objects)
        let other = try witness()
        let result = try timedRun([arrays, nested, other])
        for path in [arrays, nested] {
            let found = result.report.diagnostics.filter { $0.path == path }
            // A clear "too deep" input error, or a correct lint of the one reply: never a crash
            // (a stack overflow would kill the whole test process).
            if let error = found.first(where: { $0.category == .input }) {
                XCTAssertEqual(found.count, 1)
                XCTAssertEqual(error.rule, "input.malformed", error.message)
                XCTAssertTrue(error.message.contains("anidamiento"), error.message)
            } else {
                XCTAssertEqual(found.map(\.rule), ["register.laughter"], path)
            }
        }
        assertWitnessLinted(result, other)
    }

    func testYAMLNestedHundredThousandDeep() throws {
        let depth = 100_000
        let flow = try write("hondo.yml", String(repeating: "[", count: depth) + "\"jajaja\"" + String(repeating: "]", count: depth) + "\n")
        let block = try write("bloque.yml", (0..<1_000).map { String(repeating: " ", count: $0) + "a:\n" }.joined())
        let config = try write("conf/.replylint.yml", String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        let other = try witness()
        let result = try timedRun([flow, block, other])
        for path in [flow, block] {
            let found = result.report.diagnostics.filter { $0.path == path }
            // A clear error, or nothing to lint: never a stack overflow.
            XCTAssertTrue(found.allSatisfy { $0.rule == "input.malformed" || $0.category != .input }, "\(found.map(\.message))")
        }
        assertWitnessLinted(result, other)
        XCTAssertThrowsError(try ProjectConfig.load(path: config, knownNames: []))
    }

    func testMarkdownFullOfUnclosedOpeners() throws {
        let n = 100_000
        let text = String(repeating: ">", count: n) + " hola\n" + String(repeating: "[", count: n) + "\n"
            + String(repeating: "`", count: n) + "\n" + String(repeating: "- ", count: n) + "xq\n"
            + String(repeating: "<!--", count: n) + "\n" + String(repeating: "*_", count: n) + "\nFin, jajaja.\n"
        let path = try write("abiertos.md", text)
        let other = try witness()
        let result = try timedRun([path, other])
        XCTAssertFalse(rules(result, path).contains { $0.hasPrefix("input.") }, "\(rules(result, path))")
        assertWitnessLinted(result, other)
    }

    // MARK: - The file system

    func testDirectorySymlinkLoopIsReportedOnceAndTheRestLinted() throws {
        try write("carpeta/sub/respuesta.txt", Self.informal)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("carpeta/sub/bucle").path,
                                                   withDestinationPath: folder.appendingPathComponent("carpeta").path)
        let result = try timedRun([folder.appendingPathComponent("carpeta").path], limit: 10)
        let inside = folder.appendingPathComponent("carpeta/sub/respuesta.txt").path
        assertWitnessLinted(result, inside)
        let loops = result.report.diagnostics.filter { $0.message.contains("bucle") }
        XCTAssertEqual(loops.count, 1, "\(result.report.diagnostics.map(\.message))")
    }

    func testUnreadableFile() throws {
        let path = try write("cerrado.txt", Self.informal)
        let other = try witness()
        XCTAssertEqual(chmod(path, 0o000), 0)
        let result = try timedRun([path, other])
        if access(path, R_OK) == 0 {
            // Running as root (as in this project's containers): permissions do not stop reads,
            // so the observable behaviour is that the file is linted like any other.
            XCTAssertEqual(getuid(), 0, "mode 000 file readable by a non-root user")
            assertWitnessLinted(result, path)
        } else {
            XCTAssertEqual(rules(result, path), ["input.unreadable"])
            let message = result.report.diagnostics.first { $0.path == path }?.message ?? ""
            XCTAssertTrue(message.contains("permiso denegado"), message)
            XCTAssertEqual(result.report.exitStatus(), 2)
        }
        assertWitnessLinted(result, other)
    }

    func testUnreadablePathIsAClearErrorForRootToo() throws {
        // A path root cannot read either: a file "inside" a regular file (ENOTDIR).
        let plain = try write("plano.txt", Self.informal)
        let other = try witness()
        let result = try timedRun([plain + "/dentro.txt", other])
        let d = try XCTUnwrap(result.report.diagnostics.first { $0.path == plain + "/dentro.txt" })
        XCTAssertEqual(d.rule, "input.unreadable")
        XCTAssertEqual(d.severity, .error)
        assertWitnessLinted(result, other)
    }

    func testFIFOInAWalkedFolderIsSkipped() throws {
        try write("plantillas/a.txt", Self.informal)
        let fifo = folder.appendingPathComponent("plantillas/tuberia.txt").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let result = try timedRun([folder.appendingPathComponent("plantillas").path], limit: 10)
        XCTAssertEqual(result.report.files, 1)
        XCTAssertTrue(rules(result, fifo).isEmpty)
        assertWitnessLinted(result, folder.appendingPathComponent("plantillas/a.txt").path)
    }

    func testFIFONamedExplicitlyIsRefusedWithoutWaitingForAWriter() throws {
        let fifo = folder.appendingPathComponent("tuberia.txt").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let other = try witness()
        // Nobody ever writes to the FIFO: opening it for reading the ordinary way would block
        // forever. Run the runner on another thread so that a hang fails the test instead of
        // freezing it.
        let runner = try runner()
        let box = ResultHolder()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.value = runner.run(paths: [fifo, other])
            done.signal()
        }
        guard done.wait(timeout: .now() + 20) == .success, let result = box.value else {
            // Unblock the stuck reader so the thread can finish, then fail.
            let fd = open(fifo, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
            return XCTFail("linting a FIFO named on the command line hung")
        }
        XCTAssertEqual(rules(result, fifo), ["input.unreadable"])
        let message = result.report.diagnostics.first { $0.path == fifo }?.message ?? ""
        XCTAssertTrue(message.contains("no es un archivo normal"), message)
        assertWitnessLinted(result, other)
    }

    func testDeviceNamedExplicitlyIsRefused() throws {
        // /dev/zero never ends: reading it would eat all memory.
        let other = try witness()
        let result = try timedRun(["/dev/zero", other], limit: 10)
        XCTAssertEqual(rules(result, "/dev/zero"), ["input.unreadable"])
        assertWitnessLinted(result, other)
    }

    func testFileThatDisappearsBetweenListingAndReading() throws {
        try write("lote/a-se-va.txt", Self.informal)
        try write("lote/b-queda.txt", Self.informal)
        let lote = folder.appendingPathComponent("lote").path
        // The same steps as `Runner.run`: list the files, then read and lint each one. The first
        // file is removed after it was listed and before it is read.
        let (files, errors) = InputFiles.expand([lote])
        XCTAssertEqual(files.count, 2)
        XCTAssertTrue(errors.isEmpty)
        try FileManager.default.removeItem(atPath: files[0])
        let runner = try runner()
        var results: [Runner.JobResult] = []
        runner.lintAll(files.map { .path($0) }, Runner.Sink { result, _ in results.append(result) })
        XCTAssertEqual(results[0].diagnostics.map(\.rule), ["input.unreadable"])
        XCTAssertTrue(results[0].diagnostics[0].message.contains("no existe"), results[0].diagnostics[0].message)
        XCTAssertTrue(results[1].diagnostics.map(\.rule).contains("register.laughter"))
    }

    func testSymlinkOutOfAWalkedTreeIsNotFollowedSilently() throws {
        // A folder of replies with two links: one to a file elsewhere, one to a folder elsewhere.
        try write("fuera/secreto.txt", Self.informal)
        try write("fuera/carpeta/otro.txt", Self.informal)
        try write("arbol/propio.txt", Self.informal)
        try write("arbol/sub/interno.txt", "Gracias por escribirnos.")
        let arbol = folder.appendingPathComponent("arbol")
        try FileManager.default.createSymbolicLink(atPath: arbol.appendingPathComponent("enlace.txt").path,
                                                   withDestinationPath: folder.appendingPathComponent("fuera/secreto.txt").path)
        try FileManager.default.createSymbolicLink(atPath: arbol.appendingPathComponent("enlace-carpeta").path,
                                                   withDestinationPath: "../fuera/carpeta")
        // A link that stays inside the tree is followed as before.
        try FileManager.default.createSymbolicLink(atPath: arbol.appendingPathComponent("dentro.txt").path,
                                                   withDestinationPath: "sub/interno.txt")
        let result = try timedRun([arbol.path], limit: 10)
        assertWitnessLinted(result, arbol.appendingPathComponent("propio.txt").path)
        for link in ["enlace.txt", "enlace-carpeta"] {
            let path = arbol.appendingPathComponent(link).path
            let d = result.report.diagnostics.filter { $0.path == path }
            XCTAssertEqual(d.map(\.rule), ["input.skipped"], link)
            XCTAssertEqual(d.first?.severity, .note)
            XCTAssertTrue(d.first?.message.contains("fuera de la carpeta") ?? false, d.first?.message ?? "")
        }
        XCTAssertFalse(result.report.diagnostics.contains { $0.path.hasSuffix("otro.txt") })
        XCTAssertTrue(result.report.diagnostics.allSatisfy { !$0.path.contains("/fuera/") })
        // The linted files: propio.txt, sub/interno.txt and the inside link dentro.txt.
        XCTAssertEqual(result.report.files, 3)
        // A note is not an input error: the run's status depends on the lint results only.
        XCTAssertFalse(result.report.hasInputErrors)
        // Named explicitly, the same link is followed: the user asked for it.
        let explicit = try timedRun([arbol.appendingPathComponent("enlace.txt").path], limit: 10)
        XCTAssertTrue(explicit.report.diagnostics.map(\.rule).contains("register.laughter"))
    }

    func testAConfigIsDataNeverCommands() throws {
        // Values that a shell, a YAML loader with object tags or a template engine would run.
        let marker = folder.appendingPathComponent("ejecutado").path
        let config = """
        locale: es
        lexicons: ["$(touch \(marker))", "`touch \(marker)`"]
        vocabulary:
          accept: "|touch \(marker)"
          reject: !!python/object/apply:os.system ["touch \(marker)"]
        ignore: ["; touch \(marker)"]

        """
        try write("proyecto/.replylint.yml", config)
        let reply = try write("proyecto/a.txt", Self.informal)
        let linters = ConfiguredLinters(CommandLineSettings(lexiconRoot: TestSupport.lexiconRoot))
        let result = Runner(linters: linters, threads: 1).run(paths: [reply])
        // The config is read as plain strings: its folders and word lists do not exist, which is
        // an input error naming the config; nothing was run.
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker))
        XCTAssertTrue(result.report.diagnostics.contains { $0.category == .input }, "\(result.report.diagnostics)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "|touch \(marker)"))
    }

    func testLintingNeverModifiesInputs() throws {
        var paths: [String] = []
        paths.append(try write("entradas/a.txt", Self.informal))
        paths.append(try write("entradas/b.yml", "respuestas:\n  - texto: \"Hola, jajaja xq\"\n"))
        paths.append(try write("entradas/c.json", "[{\"texto\": \"holaaa, gracias!!!\"}]"))
        paths.append(try write("entradas/d.md", "# Borrador\n\nHola tío, jajaja.\n"))
        // Old timestamps, so that any write would show even within the same second.
        let old = Date(timeIntervalSince1970: 1_500_000_000)
        for path in paths { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path) }
        func snapshot() throws -> [String: (Data, Date, Int)] {
            var map: [String: (Data, Date, Int)] = [:]
            for path in paths {
                let attributes = try FileManager.default.attributesOfItem(atPath: path)
                map[path] = (try Data(contentsOf: URL(fileURLWithPath: path)), attributes[.modificationDate] as! Date,
                             (attributes[.posixPermissions] as? Int) ?? -1)
            }
            return map
        }
        let before = try snapshot()
        let listing = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("entradas").path).sorted()
        for mode in [Runner.Mode.lint, .diff] {
            var runner = try runner()
            runner.mode = mode
            let result = runner.run(paths: [folder.appendingPathComponent("entradas").path])
            XCTAssertGreaterThan(result.report.diagnostics.count, 3)
        }
        let after = try snapshot()
        for path in paths {
            XCTAssertEqual(before[path]!.0, after[path]!.0, "\(path) changed")
            XCTAssertEqual(before[path]!.1, after[path]!.1, "\(path) mtime changed")
            XCTAssertEqual(before[path]!.2, after[path]!.2, "\(path) permissions changed")
        }
        // No stray files (temporary or backup) next to the inputs.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("entradas").path).sorted(), listing)
    }
}

/// Carries a result out of the thread that computed it.
final class ResultHolder: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Runner.Result?
    var value: Runner.Result? {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}

/// Positions of findings on very long lines: each must cost the same whatever the line's length.
final class HostileLongLineTests: XCTestCase {
    func testColumnsMatchAPlainScanAtEveryOffset() throws {
        // Mixed 1- to 4-byte scalars over several checkpoint strides, a BOM, CRLF and CR lines.
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        let pieces = ["a", "ñ", "€", "😀", "\r\n", "b", "\r", "é", "\n", "👩‍👩‍👧"]
        var seed: UInt64 = 42
        while bytes.count < 5 * SourceFile.checkpointStride {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            bytes += Array(pieces[Int(seed >> 33) % pieces.count].utf8)
        }
        for count in [bytes.count, 2 * SourceFile.checkpointStride, SourceFile.checkpointStride + 1, 3, 0] {
            let file = try SourceFile(path: "x.txt", bytes: Array(bytes[0..<count].map { $0 }))
            file.bytes.withUnsafeBufferPointer { buffer in
                for offset in 0...count {
                    let slow = SourceFile.position(of: offset, in: buffer, lineStarts: file.lineStarts)
                    let fast = file.location(of: offset)
                    XCTAssertTrue(slow == fast, "offset \(offset) of \(count): \(fast) != \(slow)")
                }
            }
        }
    }

    func testManyFindingsOnOneLongLineArePlacedInBoundedTime() throws {
        // 60k abbreviations on one 480 KB line. Placing each finding used to rescan the line from
        // its start (60k × 240 KB on average). The bound is a hang guard, not a benchmark.
        let text = String(repeating: "Hola xq ", count: 60_000)
        let document = Document(path: "x.txt", string: text)
        let linter = try Linter(lexicons: TestSupport.lexicons, registry: [AbbreviationRule.self])
        let start = Date()
        let diagnostics = linter.lint(document, tokenizer: try Tokenizer())
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
        XCTAssertEqual(diagnostics.count, 60_000)
        XCTAssertEqual(diagnostics.last?.column, 8 * 59_999 + 6)
        XCTAssertEqual(diagnostics.last?.line, 1)
    }

    func testManySpellingAndOtherFindingsAreSettledInBoundedTime() throws {
        // 20k abbreviations and 20k missing accents: deciding which spelling findings another
        // family already claimed compared every pair (4×10^8 checks). A hang guard, not a benchmark.
        let text = String(repeating: "xq tambien ", count: 20_000)
        let linter = try Linter(lexicons: TestSupport.lexicons, registry: [AbbreviationRule.self, MissingAccentRule.self])
        let start = Date()
        let diagnostics = linter.lint(Document(path: "x.txt", string: text), tokenizer: try Tokenizer())
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
        let byRule = Dictionary(grouping: diagnostics, by: \.rule).mapValues(\.count)
        XCTAssertEqual(byRule["register.abbreviation"], 20_000, "\(byRule)")
        XCTAssertEqual(byRule.values.reduce(0, +), 40_000, "\(byRule)")
    }

    func testALongLineIsShownAsAWindowAroundEachFinding() throws {
        // A diagnostic on a 1 MB line prints a few hundred bytes of it, with the caret under the
        // flagged word; before, every diagnostic printed the whole line.
        let text = String(repeating: "Gracias por su paciencia. ", count: 40_000) + "Saludos, jajaja. " + String(repeating: "ñandú ", count: 2_000)
        let file = try SourceFile(path: "x.txt", bytes: Array(text.utf8))
        let linter = try Linter(lexicons: TestSupport.lexicons, registry: [LaughterRule.self])
        let diagnostics = linter.lint(Document(file: file), tokenizer: try Tokenizer())
        XCTAssertEqual(diagnostics.count, 1)
        let d = try XCTUnwrap(diagnostics.first)
        let out = TextRenderer(color: false) { _, n in file.sourceLine(n) }.render(d)
        XCTAssertLessThan(out.utf8.count, 1_000, String(out.prefix(300)))
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let source = try XCTUnwrap(lines.first { $0.hasPrefix("1 | ") })
        let caret = try XCTUnwrap(lines.first { $0.contains("^") })
        XCTAssertTrue(source.hasPrefix("1 | …") && source.hasSuffix("…"), source)
        // The caret's column is where «jajaja» is on the shown line (all of it is 1 column a scalar).
        let shown = Array(source.unicodeScalars)
        let at = try XCTUnwrap(caret.unicodeScalars.firstIndex(of: "^"))
        let column = caret.unicodeScalars.distance(from: caret.unicodeScalars.startIndex, to: at)
        XCTAssertEqual(String(String.UnicodeScalarView(shown[column..<column + 6])), "jajaja", source)
        XCTAssertTrue(caret.hasSuffix("^~~~~~"), caret)
    }

    func testAWindowNeverCutsAScalar() throws {
        // Four-byte emoji on both sides of the span, at every alignment.
        for pad in 0..<4 {
            let line = Array(String(repeating: "a", count: pad).utf8) + Array(String(repeating: "😀", count: 300).utf8)
                + Array(" xq ".utf8) + Array(String(repeating: "😀", count: 300).utf8)
            let from = pad + 1200 + 1
            let (bytes, start, before, after) = TextRenderer.window(line[...], lineStart: 0, from: from, to: from + 2)
            XCTAssertTrue(before && after)
            XCTAssertNotNil(String(validatingUTF8: (Array(bytes) + [0]).map { CChar(bitPattern: $0) }), "pad \(pad)")
            XCTAssertTrue(start <= from && start + bytes.count >= from + 2)
        }
    }
}

/// The overlap index the linter uses to let other families' findings win over spelling ones.
final class HostileSpanIndexTests: XCTestCase {
    /// A seeded generator of numbers below `n`, the same every run.
    struct Numbers {
        var seed: UInt64
        mutating func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33) % n
        }

        /// Fewer than `count` ranges starting below `start`, each shorter than `length` (empty ones too).
        mutating func ranges(fewerThan count: Int, startingBelow start: Int, shorterThan length: Int) -> [Range<Int>] {
            (0..<next(count)).map { _ in let a = next(start); return a..<(a + next(length)) }
        }
    }

    func testSameAnswersAsRangeOverlapsAndContainment() {
        var numbers = Numbers(seed: 7)
        for _ in 0..<200 {
            let ranges = numbers.ranges(fewerThan: 8, startingBelow: 40, shorterThan: 6)
            let index = SpanIndex(ranges)
            for a in 0..<45 {
                for length in 0..<5 {
                    let query = a..<(a + length)
                    XCTAssertEqual(index.overlaps(query), ranges.contains { $0.overlaps(query) }, "\(ranges) \(query)")
                    XCTAssertEqual(index.covers(query), !query.isEmpty && ranges.contains { !$0.isEmpty && $0.lowerBound <= query.lowerBound && $0.upperBound >= query.upperBound },
                                   "covers \(ranges) \(query)")
                }
            }
        }
    }

    func testTheSweepAnswersLikeTheSearchInAnyOrder() {
        var numbers = Numbers(seed: 11)
        func next(_ n: Int) -> Int { numbers.next(n) }
        for round in 0..<300 {
            let ranges = numbers.ranges(fewerThan: 10, startingBelow: 60, shorterThan: 8)
            let index = SpanIndex(ranges)
            var sweep = SpanIndex.Sweep(index)
            // Mostly in text order, as a rule walks its tokens; every few rounds a query goes back.
            var at = 0
            for _ in 0..<40 {
                if round % 3 == 0 && next(5) == 0 { at = next(60) }
                let query = at..<(at + next(5))
                XCTAssertEqual(sweep.overlaps(query), ranges.contains { $0.overlaps(query) }, "\(ranges) \(query)")
                at += next(4)
            }
        }
    }
}
