import Foundation
import XCTest
@testable import ReplyLint

/// The `replylint` executable's contract: exit statuses, JSON shape, stdin, positions.
final class CLITests: XCTestCase {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        // The test bundle sits in the same products folder as the executable.
        var url = Bundle(for: CLITests.self).bundleURL
        while url.pathExtension == "xctest" || url.lastPathComponent.hasSuffix(".xctest") { url = url.deletingLastPathComponent() }
        return url.appendingPathComponent("replylint")
    }

    /// `output`: where standard output goes instead of a pipe (its text is then empty).
    func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], output: FileHandle? = nil) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["REPLYLINT_LEXICONS"] = TestSupport.lexiconRoot
        env.removeValue(forKey: "NO_COLOR")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        if let output { process.standardOutput = output } else { process.standardOutput = out }
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = output == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The dictionary's form table: built in the cache folder on the first run, mapped by the next, never
    /// written with `REPLYLINT_CACHE_DIR=off`; the findings are the same all three times.
    func testAReportThatCannotBeWrittenEndsWithAClearErrorAndStatusTwo() throws {
        // Standard output on a full device: every write fails with ENOSPC.
        // Linux always has it (replylint's supported system): its absence fails the test rather than skipping it.
        let full = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"), "no /dev/full")
        let file = folder.appendingPathComponent("a.txt")
        // Enough findings that the report is written while linting and at the end.
        try Data(String(repeating: "jajaja q tal!!! informacion\n", count: 4000).utf8).write(to: file)
        for format in ["text", "json"] {
            // A crash would end with a signal, not status 2 (Foundation's FileHandle stopped the program).
            let result = try run(["--format", format, file.path], output: full)
            XCTAssertEqual(result.status, 2, format)
            XCTAssertTrue(result.stderr.contains("no se puede escribir el informe"), result.stderr)
        }
    }

    func testTheFormTableIsBuiltOnceAndChangesNoFinding() throws {
        let aff = "SET UTF-8\nFLAG UTF-8\nSFX S Y 2\nSFX S 0 s [aeiou]\nSFX S 0 es [^aeiou]\n"
        let dic = "6\nsu/S\ncasa/S\ngato/S\ny\nla/S\npedido/S\n"
        try write("dic/mini.aff", Array(aff.utf8))
        try write("dic/mini.dic", Array(dic.utf8))
        let draft = try write("draft.txt", Array("Su casa y la cassa de sus gatos y su pedidoo.\n".utf8))
        let cache = folder.appendingPathComponent("cache").path
        let arguments = ["--only", "spelling", "--dictionary", folder.appendingPathComponent("dic/mini").path, "--format", "json", draft]
        let first = try run(arguments, environment: ["REPLYLINT_CACHE_DIR": cache])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("«cassa»") && first.stdout.contains("\"casa\""), first.stdout)
        XCTAssertFalse(first.stdout.contains("«gatos»"))
        let files = try FileManager.default.contentsOfDirectory(atPath: cache)
        XCTAssertEqual(files.count, 1)
        XCTAssertTrue(files[0].hasPrefix("forms-") && files[0].hasSuffix(".bin"), "\(files)")
        let table = cache + "/" + files[0]
        let built = try FileManager.default.attributesOfItem(atPath: table)[.modificationDate] as? Date
        let again = try run(arguments, environment: ["REPLYLINT_CACHE_DIR": cache])
        XCTAssertEqual(again.stdout, first.stdout)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: table)[.modificationDate] as? Date, built)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache), files)
        let off = folder.appendingPathComponent("unused").path
        let plain = try run(arguments, environment: ["REPLYLINT_CACHE_DIR": "off", "XDG_CACHE_HOME": off, "HOME": off])
        XCTAssertEqual(plain.stdout, first.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: off))
    }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static let clean = "Buenos días. Gracias por escribirnos; le enviamos ahora mismo el enlace para descargar su factura."

    func testCleanFileExitsZero() throws {
        let path = try write("ok.txt", Array(Self.clean.utf8))
        let r = try run(["--color", "never", path])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("1 archivo revisado: 0 errores, 0 avisos, 0 notas"), r.stdout)
    }

    func testUnreadableInputsExitTwoAndTheOthersAreStillLinted() throws {
        let good = try write("b-good.txt", Array(Self.clean.utf8))
        let bad = try write("a-bad.txt", Array("hola ".utf8) + [0xC3, 0x28])
        let binary = try write("c.txt", [0x00, 0x01, 0x02])
        let missing = folder.appendingPathComponent("no-such.txt").path
        let r = try run(["--format", "json", bad, good, binary, missing])
        XCTAssertEqual(r.status, 2)
        let object = try json(r.stdout)
        let diagnostics = try XCTUnwrap(object["diagnostics"] as? [[String: Any]])
        let byRule = Dictionary(grouping: diagnostics, by: { $0["rule"] as! String })
        XCTAssertEqual(byRule["input.encoding"]?.first?["path"] as? String, bad)
        XCTAssertEqual(byRule["input.encoding"]?.first?["column"] as? Int, 6)
        XCTAssertEqual(byRule["input.binary"]?.first?["path"] as? String, binary)
        XCTAssertEqual(byRule["input.unreadable"]?.first?["path"] as? String, missing)
        XCTAssertTrue(diagnostics.allSatisfy { ($0["category"] as? String) == "input" && ($0["severity"] as? String) == "error" })
        let summary = try XCTUnwrap(object["summary"] as? [String: Int])
        XCTAssertEqual(summary["files"], 4)
        XCTAssertEqual(summary["errors"], 3)
    }

    func testJSONShape() throws {
        let path = try write("x.txt", [0xEF, 0xBB, 0xBF] + Array("hola\n".utf8) + [0xFF])
        let r = try run(["--format", "json", path])
        let object = try json(r.stdout)
        XCTAssertEqual(object["version"] as? Int, 1)
        let d = try XCTUnwrap((object["diagnostics"] as? [[String: Any]])?.first)
        let keys = ["path", "line", "column", "endLine", "endColumn", "offset", "length", "severity", "category", "rule",
                    "message", "excerpt", "suggestions", "help", "reply", "fix"]
        XCTAssertEqual(Set(d.keys), Set(keys))
        XCTAssertEqual(d["line"] as? Int, 2)
        XCTAssertEqual(d["column"] as? Int, 1)
        XCTAssertEqual(d["offset"] as? Int, 8) // BOM (3) + "hola\n" (5)
        XCTAssertEqual(Set((object["summary"] as? [String: Int] ?? [:]).keys), ["files", "errors", "warnings", "notes"])
    }

    func testStdinIsNamedAndLinted() throws {
        let r = try run(["--format", "json", "--stdin-filename", "borrador.txt", "-"], stdin: Self.clean)
        XCTAssertEqual(r.status, 0, r.stderr)
        let summary = try XCTUnwrap(try json(r.stdout)["summary"] as? [String: Int])
        XCTAssertEqual(summary["files"], 1)
        let bad = try run(["--format", "json", "--stdin-filename", "borrador.txt", "-"], stdin: "hola \u{0}")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stdout.contains("\"path\":\"borrador.txt\""), bad.stdout)
    }

    func testDirectoriesAreWalkedSortedSkippingHiddenAndOtherExtensions() throws {
        try write("d/b.txt", [0xFF])
        try write("d/a/z.md", [0xFF])
        try write("d/.oculto/x.txt", [0xFF])
        try write("d/c.csv", [0xFF])
        let r = try run(["--format", "json", folder.appendingPathComponent("d").path])
        let paths = try XCTUnwrap(try json(r.stdout)["diagnostics"] as? [[String: Any]]).map { ($0["path"] as! String) }
        XCTAssertEqual(paths.map { URL(fileURLWithPath: $0).lastPathComponent }, ["z.md", "b.txt"])
    }

    func testDirectoryLoopIsAnInputError() throws {
        try write("loop/a.txt", Array(Self.clean.utf8))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop/self").path,
                                                   withDestinationPath: folder.appendingPathComponent("loop").path)
        let r = try run(["--format", "json", folder.appendingPathComponent("loop").path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stdout.contains("bucle de carpetas"), r.stdout)
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try run([]).status, 2)
        XCTAssertEqual(try run(["--format", "xml", "a.txt"]).status, 2)
        XCTAssertEqual(try run(["--only", "no.such.rule", "a.txt"]).status, 2)
        XCTAssertEqual(try run(["explain", "no.such.rule"]).status, 2)
    }

    func testListRulesAndExplain() throws {
        let list = try run(["--list-rules"])
        XCTAssertEqual(list.status, 0)
        for type in RuleRegistry.all {
            XCTAssertTrue(list.stdout.contains(type.description.id), type.description.id)
            let explain = try run(["explain", type.description.id])
            XCTAssertEqual(explain.status, 0)
            XCTAssertTrue(explain.stdout.contains(type.description.rationale), type.description.id)
        }
    }

    func testBaselineOnACollectionHidesOldFindingsAndShowsNewOnes() throws {
        var replies = (0..<40).map { "  - id: r\($0)\n    texto: \"Holaaa!!! su pedido \($0) ya salió\"\n" }
        let path = try write("plantillas.yml", Array(("respuestas:\n" + replies.joined()).utf8))
        let baseline = folder.appendingPathComponent("base.json").path
        let first = try run(["--format", "json", "--only", "register", "--write-baseline", baseline, path])
        XCTAssertEqual(first.status, 0, first.stderr)
        let all = try XCTUnwrap(try json(first.stdout)["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(all.count, 80)
        // A reply added at the top and the path written another way bring nothing back...
        replies.insert("  - id: nuevo\n    texto: \"Gracias por escribirnos.\"\n", at: 0)
        try write("plantillas.yml", Array(("respuestas:\n" + replies.joined()).utf8))
        let relative = try run(["--format", "json", "--only", "register", "--baseline", baseline, path.replacingOccurrences(of: "/plantillas.yml", with: "/./plantillas.yml")])
        XCTAssertEqual(try XCTUnwrap(try json(relative.stdout)["diagnostics"] as? [[String: Any]]).count, 0, relative.stdout)
        // ...and a new problem is reported, in its reply.
        replies.append("  - id: otro\n    texto: \"jajaja vale\"\n")
        try write("plantillas.yml", Array(("respuestas:\n" + replies.joined()).utf8))
        let later = try run(["--format", "json", "--only", "register", "--baseline", baseline, path])
        let new = try XCTUnwrap(try json(later.stdout)["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(new.map { $0["rule"] as? String }, ["register.laughter"])
        XCTAssertEqual(new.first?["reply"] as? String, "respuestas[41].texto")
    }

    func testInputAndSuppressionIdsHaveAnExplanation() throws {
        for rule in EngineRules.all {
            let explain = try run(["explain", rule.id])
            XCTAssertEqual(explain.status, 0, rule.id)
            XCTAssertTrue(explain.stdout.contains(rule.rationale), rule.id)
        }
    }

    func testOutputIsIdenticalWithOneOrManyThreads() throws {
        for i in 0..<12 { try write("many/r\(i).txt", Array("Hola \(i). \(Self.clean)".utf8) + (i % 3 == 0 ? [0xFF] : [])) }
        let linter = try TestSupport.linter()
        let paths = [folder.appendingPathComponent("many").path]
        let one = Runner(linter: linter, threads: 1).run(paths: paths)
        let four = Runner(linter: linter, threads: 4).run(paths: paths)
        XCTAssertEqual(JSONRenderer.render(one.report), JSONRenderer.render(four.report))
        XCTAssertEqual(one.report.diagnostics.count, 4)
    }

    /// Files written by the workers (`Runner.render`) and put in order make the report a single
    /// renderer writes: files with diagnostics, files without, unreadable ones, on one and four threads.
    func testAReportWrittenByTheWorkersIsTheOneWrittenInOrder() throws {
        for i in 0..<12 {
            let text = i % 4 == 1 ? Self.clean : "Hola \(i), jajaja, te escribimos xq tb lo vimos!!! \(Self.clean)"
            try write("parts/r\(i).txt", Array(text.utf8) + (i % 5 == 0 ? [0xFF] : []))
        }
        let linter = try TestSupport.linter()
        let paths = [folder.appendingPathComponent("parts").path, folder.appendingPathComponent("missing.txt").path]
        let whole = JSONRenderer.render(Runner(linter: linter, threads: 1).run(paths: paths).report)
        for threads in [1, 4] {
            var runner = Runner(linter: linter, threads: threads)
            runner.render = { JSONRenderer.body($0, afterOthers: false) }
            var renderer = JSONRenderer()
            var bytes = Array(renderer.begin().utf8)
            var tally = Tally()
            var pieces = 0
            tally.files = runner.run(paths: paths) { result in
                tally.add(result.diagnostics)
                if let rendered = result.rendered {
                    pieces += 1
                    renderer.add(rendered: rendered, of: result.diagnostics.count) { bytes += $0 }
                } else {
                    bytes += renderer.fileBytes(result.diagnostics) { _, _ in nil }
                }
            }
            bytes += Array(renderer.end(tally).utf8)
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), whole, "\(threads) threads")
            XCTAssertEqual(pieces, 13, "every file and the missing path written by a worker")
        }
    }

    func testChattyReplyWarnsAndMaxWarningsTurnsItIntoAFailure() throws {
        let path = try write("chat.txt", Array("👍🏽 jajaja q tal!!!".utf8))
        let r = try run(["--format", "json", "--only", "register", path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let diagnostics = try XCTUnwrap(try json(r.stdout)["diagnostics"] as? [[String: Any]])
        let laughter = try XCTUnwrap(diagnostics.first { $0["rule"] as? String == "register.laughter" })
        // 👍 and 🏽 are two scalars, then a space: "jajaja" starts at column 4, byte 9.
        XCTAssertEqual(laughter["column"] as? Int, 4)
        XCTAssertEqual(laughter["endColumn"] as? Int, 10)
        XCTAssertEqual(laughter["offset"] as? Int, 9)
        XCTAssertEqual(laughter["length"] as? Int, 6)
        XCTAssertEqual(laughter["excerpt"] as? String, "jajaja")
        XCTAssertEqual(try run(["--max-warnings", "0", path]).status, 1)
        XCTAssertEqual(try run(["--max-warnings", "10", path]).status, 0)
        XCTAssertEqual(try run(["--disable", "register", "--format", "json", path]).stdout.contains("register."), false)
    }

    func testTextOutputHasCaretAndHelpAndHonoursNoColor() throws {
        let path = try write("x.txt", Array("Lo arreglamos xq sí.".utf8))
        let plain = try run(["--only", "register.abbreviation", "--color", "auto", path], environment: ["NO_COLOR": "1"])
        XCTAssertTrue(plain.stdout.contains("x.txt:1:15: warning: "), plain.stdout)
        XCTAssertTrue(plain.stdout.contains("1 | Lo arreglamos xq sí.\n  |               ^~\n"), plain.stdout)
        XCTAssertTrue(plain.stdout.contains("= help: sustituya por «porque»"), plain.stdout)
        XCTAssertFalse(plain.stdout.contains("\u{1B}["))
        let colored = try run(["--only", "register.abbreviation", "--color", "always", path])
        XCTAssertTrue(colored.stdout.contains("\u{1B}["))
    }

    func testRegisterSettingChangesWhatIsFlagged() throws {
        let path = try write("tu.txt", Array("Gracias por escribirnos. ¿Puedes enviarnos tu número de pedido?".utf8))
        let usted = try run(["--format", "json", "--only", "register", path])
        XCTAssertTrue(usted.stdout.contains("register.tuteo"), usted.stdout)
        let tu = try run(["--format", "json", "--only", "register", "--register", "tú", path])
        XCTAssertFalse(tu.stdout.contains("register.tuteo"), tu.stdout)
    }

    func testMissingDictionaryIsOneInputErrorAndOtherRulesStillRun() throws {
        let path = try write("d.txt", Array("jajaja, le escribo por la informacion.".utf8))
        let r = try run(["--format", "json", "--dictionary", folder.appendingPathComponent("nada/es").path, path])
        XCTAssertEqual(r.status, 2)
        let diagnostics = try XCTUnwrap(try json(r.stdout)["diagnostics"] as? [[String: Any]])
        let inputs = diagnostics.filter { $0["category"] as? String == "input" }
        XCTAssertEqual(inputs.count, 1)
        XCTAssertTrue((inputs.first?["message"] as? String ?? "").contains("apt-get install hunspell-es"))
        XCTAssertTrue(diagnostics.contains { $0["rule"] as? String == "register.laughter" })
        XCTAssertFalse(diagnostics.contains { $0["category"] as? String == "spelling" })
        // With spelling turned off, nobody needs the dictionary.
        XCTAssertEqual(try run(["--disable", "spelling", "--dictionary", "/nada/es", path]).status, 0)
    }

    func testConfigNamesTheDictionary() throws {
        // A config pointing at a copy of the standard dictionary spells with it.
        let copy = folder.appendingPathComponent("dic")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for ext in ["aff", "dic"] {
            try FileManager.default.copyItem(atPath: SpellingSettings.standardDictionary + "." + ext, toPath: copy.appendingPathComponent("es_XX." + ext).path)
        }
        let good = try write("bueno/.replylint.yml", Array("dictionary: ../dic/es_XX\n".utf8))
        let reply = try write("bueno/r.txt", Array("Le enviamos la informacion.".utf8))
        // (No form table for the copy: it would be built and kept in the cache folder for a folder deleted next.)
        let r = try run(["--format", "json", reply], environment: ["REPLYLINT_CACHE_DIR": "off"])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("spelling.missing-accent"), r.stdout)
        // A config whose dictionary is missing: one input error naming the config, and the other families run.
        _ = try write("malo/.replylint.yml", Array("dictionary: no-existe/es\n".utf8))
        let other = try write("malo/r.txt", Array("jajaja, la informacion.".utf8))
        let bad = try run(["--format", "json", other])
        XCTAssertEqual(bad.status, 2)
        let diagnostics = try XCTUnwrap(try json(bad.stdout)["diagnostics"] as? [[String: Any]])
        let inputs = diagnostics.filter { $0["category"] as? String == "input" }
        XCTAssertEqual(inputs.count, 1)
        XCTAssertTrue((inputs.first?["path"] as? String ?? "").hasSuffix("malo/.replylint.yml"), "\(inputs)")
        XCTAssertEqual(inputs.first?["line"] as? Int, 1)
        XCTAssertEqual(inputs.first?["column"] as? Int, 13)
        XCTAssertTrue(diagnostics.contains { $0["rule"] as? String == "register.laughter" })
        XCTAssertFalse(diagnostics.contains { $0["category"] as? String == "spelling" })
        _ = good
    }
}
