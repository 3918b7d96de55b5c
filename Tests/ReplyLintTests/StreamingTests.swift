import Foundation
import XCTest
@testable import ReplyLint

/// The report streams: files reach the renderer one at a time, in the sorted order, and the
/// streamed bytes are the whole-report bytes of every format.
final class StreamingTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Names out of order on the command line, a bad file and a missing one among them.
        for (name, text) in [("c.txt", "jajaja q tal!!!"), ("a.txt", "Gracias por escribirnos, ya está resuelto."),
                             ("b/d.yml", "saludos:\n  - texto: \"Holaaa!!! {{nombre}}\"\n"), ("e.txt", "Le enviamos la informacion.")] {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try Data([0x48, 0xFF, 0x0A]).write(to: folder.appendingPathComponent("bad.txt"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    var paths: [String] {
        ["e.txt", "c.txt", "nope.txt", "b", "bad.txt", "a.txt"].map { folder.appendingPathComponent($0).path }
    }

    func streamed(_ renderer: some StreamRenderer, threads: Int, asTheCommandRuns: Bool = false) throws -> (String, [String]) {
        var renderer = renderer
        var out = renderer.begin()
        var tally = Tally()
        var order: [String] = []
        var runner = Runner(linter: try TestSupport.linter(), threads: threads)
        if asTheCommandRuns {
            // As `replylint` sets it: lines only for a format that prints them, memory left to the exit.
            runner.keepsSourceLines = renderer.readsSourceLines
            runner.releasesWorkerMemory = false
        }
        tally.files = runner.run(paths: paths) { result in
            if !runner.keepsSourceLines { XCTAssertTrue(result.lines.isEmpty) }
            order.append(result.path ?? result.diagnostics.first?.path ?? "?")
            tally.add(result.diagnostics)
            out += renderer.file(result.diagnostics, source: result.line)
        }
        return (out + renderer.end(tally), order)
    }

    func testStreamedOutputIsTheWholeReportInEveryFormat() throws {
        let whole = Runner(linter: try TestSupport.linter(), threads: 2).run(paths: paths)
        XCTAssertEqual(whole.report.exitStatus(), 2)
        XCTAssertGreaterThan(whole.report.diagnostics.count, 5)
        let expected: [(any StreamRenderer, String)] = [
            (JSONRenderer(), JSONRenderer.render(whole.report)),
            (GitHubRenderer(), GitHubRenderer.render(whole.report)),
            (RDJSONRenderer(), RDJSONRenderer.render(whole.report, source: whole.line)),
            (SARIFRenderer(version: "0.1.0"), SARIFRenderer.render(whole.report, version: "0.1.0")),
            (TextRenderer(color: false) { _, _ in nil }, TextRenderer(color: false, source: whole.line).render(whole.report)),
        ]
        for (renderer, text) in expected {
            for threads in [1, 3] {
                let (stream, order) = try streamed(renderer, threads: threads)
                XCTAssertEqual(stream, text, "\(type(of: renderer)), \(threads) threads")
                XCTAssertEqual(order, order.sorted(), "files reach the renderer in path order")
                // A format that says it prints no source line prints the same without them.
                let (asCommand, _) = try streamed(renderer, threads: threads, asTheCommandRuns: true)
                XCTAssertEqual(asCommand, text, "\(type(of: renderer)) as the command runs it, \(threads) threads")
            }
        }
        XCTAssertEqual(expected.filter { $0.0.readsSourceLines }.count, 2, "text and rdjson print source lines")
    }

    func testResultsKeepTheLinesTheirDiagnosticsPointAtOnlyWhenAsked() throws {
        for keeps in [true, false] {
            var runner = Runner(linter: try TestSupport.linter(), threads: 1)
            runner.keepsSourceLines = keeps
            var kept: [String: [Int]] = [:]
            runner.run(paths: [folder.appendingPathComponent("c.txt").path]) { result in
                XCTAssertFalse(result.diagnostics.isEmpty)
                kept[result.path ?? "?"] = result.lines.keys.sorted()
                if keeps { XCTAssertEqual(result.line(result.path!, 1)?.start, 0) }
            }
            XCTAssertEqual(kept.values.first, keeps ? [1] : [], "keepsSourceLines \(keeps)")
        }
    }

    func testOnlySortedUniqueDiagnosticsSkipTheSinksSort() throws {
        let result = Runner(linter: try TestSupport.linter(), threads: 1).run(paths: paths)
        let diagnostics = result.report.diagnostics
        XCTAssertGreaterThan(diagnostics.count, 3)
        XCTAssertTrue(Runner.isStrictlyOrdered(diagnostics))
        XCTAssertTrue(Runner.isStrictlyOrdered([]))
        XCTAssertFalse(Runner.isStrictlyOrdered(diagnostics + [diagnostics[0]]), "out of order")
        XCTAssertFalse(Runner.isStrictlyOrdered([diagnostics[1], diagnostics[1]]), "a repeat")
        XCTAssertFalse(Runner.isStrictlyOrdered(Array(diagnostics.reversed())))
    }

    func testWorkersWaitInsteadOfPilingUpResults() {
        // Job 0 is slow; with a window of 2, job 2 cannot start before job 0 is handed on.
        let order = InOrder(window: 2)
        let log = NSLock()
        var events: [String] = []
        func note(_ e: String) { log.lock(); events.append(e); log.unlock() }
        DispatchQueue.concurrentPerform(iterations: 3) { i in
            if i != 0 { usleep(20_000) }
            order.waitForTurn(i)
            note("start \(i)")
            if i == 0 { usleep(100_000) }
            order.finish(i, Runner.JobResult()) { _, index in note("out \(index)") }
        }
        XCTAssertEqual(events.filter { $0.hasPrefix("out") }, ["out 0", "out 1", "out 2"])
        XCTAssertLessThan(events.firstIndex(of: "out 0")!, events.firstIndex(of: "start 2")!)
    }
}
