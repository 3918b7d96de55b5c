import Foundation
import XCTest
@testable import ReplyLint

final class ConfigTests: XCTestCase {
    let known: Set<String> = ["register", "spelling", "register.test-forbidden"]
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testAFullConfig() throws {
        let config = try ProjectConfig.parse("""
            locale: es
            register: tú
            region: es-MX
            rules:
              register.test-forbidden: off
              spelling: note
            vocabulary:
              accept: vocab/accept.txt
            lexicons: [marca]
            ignore: ["borradores/**", "*.bak.md"]
            collections:
              text-keys: [texto, respuesta]
            """, path: "/p/.replylint.yml", knownNames: known)
        XCTAssertEqual(config.register, .tu)
        XCTAssertEqual(config.region, "es-MX")
        XCTAssertEqual(config.severities["register.test-forbidden"], .some(nil))
        XCTAssertEqual(config.severities["spelling"], .some(.note))
        XCTAssertEqual(config.acceptFile, "/p/vocab/accept.txt")
        XCTAssertEqual(config.lexicons, ["/p/marca"])
        XCTAssertEqual(config.textKeys, ["texto", "respuesta"])
        XCTAssertTrue(config.ignores("/p/borradores/a/b.txt"))
        XCTAssertTrue(config.ignores("/p/x/y.bak.md"))
        XCTAssertFalse(config.ignores("/p/respuestas/y.md"))
    }

    func assertMalformed(_ yaml: String, line: Int, column: Int, mentions: String, file: StaticString = #filePath, lineNumber: UInt = #line) {
        XCTAssertThrowsError(try ProjectConfig.parse(yaml, path: "c.yml", knownNames: known), file: file, line: lineNumber) { error in
            guard case .malformed(let path, let l, let c, let reason)? = error as? InputError else {
                return XCTFail("\(error)", file: file, line: lineNumber)
            }
            XCTAssertEqual(path, "c.yml", file: file, line: lineNumber)
            XCTAssertEqual(l, line, reason, file: file, line: lineNumber)
            XCTAssertEqual(c, column, reason, file: file, line: lineNumber)
            XCTAssertTrue(reason.contains(mentions), reason, file: file, line: lineNumber)
        }
    }

    func testErrorsNameTheLineColumnAndTheValidChoices() {
        assertMalformed("register: usted\ncolor: rojo\n", line: 2, column: 1, mentions: "ajustes válidos: locale, register")
        assertMalformed("register: ustedes\n", line: 1, column: 11, mentions: "usted, tú (tu), vos")
        assertMalformed("rules:\n  register: loud\n", line: 2, column: 13, mentions: "off, note, warning, error")
        assertMalformed("rules:\n  register.no-such: off\n", line: 2, column: 3, mentions: "--list-rules")
        assertMalformed("register: [usted\n", line: 2, column: 1, mentions: "YAML no válido")
        assertMalformed("- a\n- b\n", line: 1, column: 1, mentions: "mapa de ajustes")
    }

    func testEmptyConfigIsValid() throws {
        XCTAssertEqual(try ProjectConfig.parse("", path: "c.yml", knownNames: known), { var c = ProjectConfig(); c.path = "c.yml"; return c }())
    }

    func testNearestConfigWinsAndSettingsApply() throws {
        try write(".replylint.yml", "rules:\n  register.test-forbidden: error\n")
        try write("sub/.replylint.yml", "rules:\n  register.test-forbidden: off\n")
        let top = try write("a.txt", "prohibido")
        let inner = try write("sub/deeper/b.txt", "prohibido")
        XCTAssertEqual(ProjectConfig.discover(from: folder.appendingPathComponent("sub/deeper").path),
                       folder.appendingPathComponent("sub/.replylint.yml").path)
        let linters = ConfiguredLinters(CommandLineSettings(lexiconRoot: TestSupport.lexiconRoot), registry: [ForbiddenWordRule.self])
        let report = Runner(linters: linters, threads: 1).run(paths: [top, inner]).report
        XCTAssertEqual(report.diagnostics.map(\.path), [top])
        XCTAssertEqual(report.diagnostics.first?.severity, .error)
    }

    func testBrokenConfigIsReportedOnceAtItsPositionAndOtherFilesAreLinted() throws {
        let config = try write("bad/.replylint.yml", "register: usted\nregistro: tú\n")
        let a = try write("bad/a.txt", "prohibido")
        let b = try write("bad/b.txt", "prohibido")
        let good = try write("good/c.txt", "prohibido")
        let linters = ConfiguredLinters(CommandLineSettings(lexiconRoot: TestSupport.lexiconRoot), registry: [ForbiddenWordRule.self])
        let report = Runner(linters: linters, threads: 2).run(paths: [a, b, good]).report
        XCTAssertEqual(report.exitStatus(), 2)
        let inputs = report.diagnostics.filter { $0.category == .input }
        XCTAssertEqual(inputs.count, 1)
        XCTAssertEqual(inputs.first?.path, config)
        XCTAssertEqual(inputs.first?.line, 2)
        XCTAssertEqual(report.diagnostics.filter { $0.path == good }.count, 1)
    }

    func testIgnoredFilesAreNotLinted() throws {
        try write(".replylint.yml", "ignore: [\"borradores/**\"]\n")
        try write("borradores/x.txt", "prohibido")
        let kept = try write("final/y.txt", "prohibido")
        let linters = ConfiguredLinters(CommandLineSettings(lexiconRoot: TestSupport.lexiconRoot), registry: [ForbiddenWordRule.self])
        let report = Runner(linters: linters, threads: 1).run(paths: [folder.path]).report
        XCTAssertEqual(report.diagnostics.map(\.path), [kept])
        XCTAssertEqual(report.files, 1)
    }

    func testCommandLineWinsOverConfig() throws {
        try write(".replylint.yml", "register: vos\nrules:\n  register.test-forbidden: note\n")
        let path = try write("a.txt", "prohibido")
        let settings = CommandLineSettings(register: .tu, lexiconRoot: TestSupport.lexiconRoot,
                                           severities: ["register.test-forbidden": .warning])
        let resolved = try ConfiguredLinters(settings, registry: [ForbiddenWordRule.self]).resolve(path).get()
        XCTAssertEqual(resolved.linter.configuration.options.register, .tu)
        XCTAssertEqual(resolved.linter.configuration.severities["register.test-forbidden"], .some(.warning))
    }

    func testTextKeysFromTheConfigChooseWhichValuesAreReplies() throws {
        try write(".replylint.yml", "collections:\n  text-keys: [frase]\n")
        let path = try write("c.yml", "- frase: es prohibido\n  texto: también prohibido\n")
        let linters = ConfiguredLinters(CommandLineSettings(lexiconRoot: TestSupport.lexiconRoot), registry: [ForbiddenWordRule.self])
        let report = Runner(linters: linters, threads: 1).run(paths: [path]).report
        XCTAssertEqual(report.diagnostics.map { "\($0.line):\($0.column) \($0.reply ?? "")" }, ["1:13 [0].frase"])
    }

    func testSuppressionCommentsWorkInsideACollectionAndPlainText() throws {
        let yaml = try write("s.yml", "saludos:\n  # replylint-disable-next-line register.test-forbidden\n  - prohibido uno\n  - prohibido dos\n")
        let text = try write("s.txt", "# replylint-disable-next-line register.test-forbidden\nprohibido\n")
        let linters = ConfiguredLinters(CommandLineSettings(lexiconRoot: TestSupport.lexiconRoot, noConfig: true),
                                        registry: [ForbiddenWordRule.self])
        let report = Runner(linters: linters, threads: 1).run(paths: [yaml, text]).report
        XCTAssertEqual(report.diagnostics.map { "\(($0.path as NSString).lastPathComponent):\($0.line) \($0.rule)" },
                       ["s.yml:4 register.test-forbidden"])
    }

    func testVocabularyListsFromTheConfigReachSpelling() throws {
        try write(".replylint.yml", "vocabulary:\n  accept: vocab/accept.txt\n  reject: vocab/reject.txt\n")
        try write("vocab/accept.txt", "# nuestra jerga\nzapatronic\n")
        try write("vocab/reject.txt", "celular\n")
        let path = try write("r.txt", "Su zapatronic llegará mañana; llame desde su celular.")
        let linters = ConfiguredLinters(CommandLineSettings(lexiconRoot: TestSupport.lexiconRoot, only: ["spelling"]))
        let report = Runner(linters: linters, threads: 1).run(paths: [path]).report
        XCTAssertEqual(report.diagnostics.map { "\($0.rule) \($0.excerpt)" }, ["spelling.rejected-word celular"])
        // Without the config, the made-up word is unknown and "celular" is fine.
        let bare = ConfiguredLinters(CommandLineSettings(lexiconRoot: TestSupport.lexiconRoot, only: ["spelling"], noConfig: true))
        let plain = Runner(linters: bare, threads: 1).run(paths: [path]).report
        XCTAssertEqual(plain.diagnostics.map { "\($0.rule) \($0.excerpt)" }, ["spelling.unknown-word zapatronic"])
    }
}
