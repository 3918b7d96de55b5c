import Foundation
import XCTest
@testable import ReplyLint

/// A rule for engine tests only: "prohibidooo" (any run of o's) has the safe fix "prohibido".
struct ElongatedTestRule: Rule {
    static let description = RuleDescription(
        id: "register.test-elongated", category: .register, summary: "prueba",
        rationale: "a rule used by the fix tests only; it offers a safe fix for an elongated test word",
        triggering: [RuleExample("«prohibidooo»")], nonTriggering: [RuleExample("prohibido")])
    init(lexicons: LexiconStore) throws {}
    func check(_ context: RuleContext) -> [Finding] {
        context.tokens.filter { $0.lower.hasPrefix("prohibidoo") }.map {
            Finding(range: $0.range, message: "alargamiento de prueba", suggestions: ["prohibido"], safeFix: true)
        }
    }
}

final class FixTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-fix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        try? FileManager.default.removeItem(at: folder)
    }

    func runner(_ mode: Runner.Mode) throws -> Runner {
        Runner(linter: try Linter(lexicons: LexiconStore(), registry: [ElongatedTestRule.self]), threads: 2, mode: mode)
    }

    func write(_ name: String, _ bytes: [UInt8], mode: Int = 0o640) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    func testFixKeepsBOMLineEndingsPermissionsAndEveryOtherByte() throws {
        let original: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Es prohibidooo.\r\nY 👍🏽 PROHIBIDOOOO\r\nfin\r\n".utf8)
        let path = try write("a.txt", original)
        let result = try runner(.fix).run(paths: [path])
        XCTAssertEqual(result.fixes, 2)
        XCTAssertEqual(try bytes(path), [0xEF, 0xBB, 0xBF] + Array("Es prohibido.\r\nY 👍🏽 prohibido\r\nfin\r\n".utf8))
        XCTAssertEqual(result.report.diagnostics, [])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o640)
        // No temporary file left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["a.txt"])
        // Idempotent: a second run changes nothing.
        let again = try runner(.fix).run(paths: [path])
        XCTAssertEqual(again.fixes, 0)
        XCTAssertEqual(try bytes(path), [0xEF, 0xBB, 0xBF] + Array("Es prohibido.\r\nY 👍🏽 prohibido\r\nfin\r\n".utf8))
    }

    func testDiffShowsTheFixAndWritesNothing() throws {
        let original = Array("uno\nes prohibidooo\ntres\n".utf8)
        let path = try write("b.txt", original)
        let result = try runner(.diff).run(paths: [path])
        XCTAssertEqual(try bytes(path), original)
        XCTAssertEqual(result.diffs, ["--- a/\(path)\n+++ b/\(path)\n@@ -2,1 +2,1 @@\n-es prohibidooo\n+es prohibido\n"])
        // A dry run reports the file as it is: the fixable finding counts (for the exit status too).
        XCTAssertEqual(result.report.diagnostics.map(\.fix), ["prohibido"])
        XCTAssertEqual(result.report.diagnostics.first?.line, 2)
    }

    func testStandardInputUnderFixIsReportedAsItIs() throws {
        let file = try SourceFile(path: "<stdin>", bytes: Array("es prohibidooo\n".utf8))
        let result = try runner(.fix).lint(.file(file), tokenizer: Tokenizer())
        XCTAssertEqual(result.diagnostics.map(\.rule), ["register.test-elongated"])
        XCTAssertEqual(result.fixes, 1)
        XCTAssertEqual(result.diff, "--- a/<stdin>\n+++ b/<stdin>\n@@ -1,1 +1,1 @@\n-es prohibidooo\n+es prohibido\n")
    }

    func testFixWritesThroughASymlinkAndKeepsIt() throws {
        let target = try write("target.txt", Array("es prohibidooo\n".utf8))
        let link = folder.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.txt")
        let result = try runner(.fix).run(paths: [link])
        XCTAssertEqual(result.fixes, 1)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "target.txt")
        XCTAssertEqual(try bytes(target), Array("es prohibido\n".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["link.txt", "target.txt"])
    }

    func testReadOnlyFileIsAnInputErrorAndOtherFilesAreStillFixed() throws {
        let locked = try write("c.txt", Array("prohibidooo".utf8), mode: 0o444)
        let open = try write("d.txt", Array("prohibidooo".utf8))
        let result = try runner(.fix).run(paths: [locked, open])
        if getuid() != 0 {
            XCTAssertEqual(result.report.exitStatus(), 2)
            XCTAssertEqual(try bytes(locked), Array("prohibidooo".utf8))
            let rules = result.report.diagnostics.filter { $0.path == locked }.map(\.rule)
            XCTAssertEqual(rules.sorted(), ["input.unreadable", "register.test-elongated"])
        } else {
            // root may write anything; replylint still refuses files without write permission bits.
            XCTAssertEqual(result.report.exitStatus(), 2)
            XCTAssertEqual(try bytes(locked), Array("prohibidooo".utf8))
        }
        XCTAssertEqual(try bytes(open), Array("prohibido".utf8))
    }

    func testFixesThatWouldCrossAnEscapeAreNotOffered() throws {
        // The document says "prohibidooo" but the file holds it through an escape: no fix.
        let file = try SourceFile(path: "c.json", bytes: Array("[\"prohibid\\u006foo\"]".utf8))
        let text = Array("prohibidooo".utf8)
        let document = Document(source: file, text: text, segments: [
            .init(textStart: 0, textLength: 9, fileStart: 2, fileLength: 9),
            .init(textStart: 9, textLength: 1, fileStart: 11, fileLength: 6),
            .init(textStart: 10, textLength: 1, fileStart: 17, fileLength: 1),
        ])
        let linter = try Linter(lexicons: LexiconStore(), registry: [ElongatedTestRule.self])
        let diagnostics = linter.lint(document, tokenizer: try Tokenizer())
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertNil(diagnostics[0].fix)
        XCTAssertEqual(diagnostics[0].excerpt, "prohibid\\u006foo")
    }
}

final class SpacingFixTests: XCTestCase {
    func testDoubleSpacesAreFixedButMarkdownBlanksAreNot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-spacing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = folder.appendingPathComponent("a.txt")
        try Data("Gracias por  escribirnos.\r\n".utf8).write(to: text)
        let markdown = folder.appendingPathComponent("b.md")
        try Data("Use el código `ABC-123` para  entrar.\n".utf8).write(to: markdown)
        let linter = try Linter(lexicons: TestSupport.lexicons, configuration: .init(only: ["register.spacing"]))
        let result = Runner(linter: linter, threads: 1, mode: .fix).run(paths: [text.path, markdown.path])
        XCTAssertEqual(result.fixes, 2)
        XCTAssertEqual(try String(contentsOf: text, encoding: .utf8), "Gracias por escribirnos.\r\n")
        XCTAssertEqual(try String(contentsOf: markdown, encoding: .utf8), "Use el código `ABC-123` para entrar.\n")
    }
}
