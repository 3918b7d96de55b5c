import Foundation
import XCTest
@testable import ReplyLint

final class OutputFormatTests: XCTestCase {
    /// A report with a warning after an emoji (so byte and scalar columns differ), an error with a
    /// suggestion inside a collection reply, and an unreadable input.
    func sampleReport() throws -> (Report, SourceFile) {
        let file = try SourceFile(path: "respuestas/borrador 1.txt", bytes: Array("Hola 👍🏽 jajaja, xq no?\nok".utf8))
        func diag(_ excerpt: String, rule: String, category: ReplyLint.Category, severity: Severity, suggestions: [String]) -> Diagnostic {
            let text = String(decoding: file.bytes, as: UTF8.self)
            let offset = text.utf8.distance(from: text.utf8.startIndex, to: text.range(of: excerpt)!.lowerBound.samePosition(in: text.utf8)!)
            let (l, c) = file.location(of: offset)
            let (el, ec) = file.location(of: offset + excerpt.utf8.count)
            return Diagnostic(path: file.path, line: l, column: c, endLine: el, endColumn: ec, offset: offset,
                              length: excerpt.utf8.count, severity: severity, category: category, rule: rule,
                              message: "mensaje, con: comas % y \"comillas\"", excerpt: excerpt, suggestions: suggestions,
                              reply: rule == "register.abbreviation" ? "saludos[0].texto" : nil)
        }
        let report = Report(diagnostics: [
            diag("jajaja", rule: "register.laughter", category: .register, severity: .warning, suggestions: []),
            diag("xq", rule: "register.abbreviation", category: .register, severity: .error, suggestions: ["porque"]),
            Diagnostic(inputError: .invalidUTF8(path: "/abs/roto.txt", line: 1, column: 3, offset: 2)),
        ], files: 2)
        return (report, file)
    }

    func testSARIFValidatesAgainstTheOfficialSchema() throws {
        let (report, _) = try sampleReport()
        let sarif = SARIFRenderer.render(report, version: "0.1.0")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-\(UUID().uuidString).sarif")
        try Data(sarif.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestSupport.repositoryRoot + "/scripts/validate-sarif.py", url.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "SARIF rejected (run scripts/install-deps.sh for the validator): \(text)")
        XCTAssertTrue(text.hasPrefix("valid"), text)

        // The parts GitHub reads.
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try XCTUnwrap((root["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 3)
        let laughter = try XCTUnwrap(results.first { $0["ruleId"] as? String == "register.laughter" })
        let location = try XCTUnwrap(((laughter["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        XCTAssertEqual((location["artifactLocation"] as? [String: Any])?["uri"] as? String, "respuestas/borrador%201.txt")
        XCTAssertEqual((location["region"] as? [String: Any])?["startColumn"] as? Int, 9)
        let rules = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        for result in results {
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, result["ruleId"] as? String)
        }
    }

    func testGitHubWorkflowCommands() throws {
        let (report, _) = try sampleReport()
        let lines = GitHubRenderer.render(report).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[0].hasPrefix("::error file=/abs/roto.txt,line=1,col=3,endLine=1,endColumn=3,title=input.encoding::UTF-8 no válido"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("::warning file=respuestas/borrador 1.txt,line=1,col=9,endLine=1,endColumn=15,title=register.laughter::"), lines[1])
        XCTAssertTrue(lines[1].hasSuffix("::mensaje, con: comas %25 y \"comillas\""), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("::error "), lines[2])
        XCTAssertTrue(lines[2].contains("%0Ahelp: sustituya por «porque»"), lines[2])
    }

    func testRDJSONUsesByteColumns() throws {
        let (report, file) = try sampleReport()
        let text = RDJSONRenderer.render(report) { path, line in path == file.path ? file.sourceLine(line) : nil }
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let diagnostics = try XCTUnwrap(root["diagnostics"] as? [[String: Any]])
        let laughter = try XCTUnwrap(diagnostics.first { ($0["code"] as? [String: Any])?["value"] as? String == "register.laughter" })
        let range = try XCTUnwrap((laughter["location"] as? [String: Any])?["range"] as? [String: Any])
        // "Hola " (5 bytes) + 👍🏽 (8 bytes) + " " → byte column 15; the scalar column would be 9.
        XCTAssertEqual((range["start"] as? [String: Any])?["column"] as? Int, 15)
        XCTAssertEqual((range["end"] as? [String: Any])?["column"] as? Int, 21)
        XCTAssertEqual(laughter["severity"] as? String, "WARNING")
        let abbreviation = try XCTUnwrap(diagnostics.first { ($0["code"] as? [String: Any])?["value"] as? String == "register.abbreviation" })
        XCTAssertEqual((abbreviation["suggestions"] as? [[String: Any]])?.first?["text"] as? String, "porque")
    }
}
