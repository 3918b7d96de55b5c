import XCTest
@testable import ReplyLint

/// The register family's lexicon files: they load, every rule builds from them, no term is listed
/// twice in a file, and every column a rule needs is filled.
final class RegisterLexiconTests: XCTestCase {
    static let files = ["abbreviations", "acronyms", "address-forms", "elongation", "greetings", "laughter", "slang"]

    func table(_ name: String) throws -> LexiconTable {
        try TestSupport.lexicons.table("register/\(name)")
    }

    func testEveryRegisterLexiconLoadsAndEveryRuleBuilds() throws {
        for name in Self.files {
            let t = try table(name)
            XCTAssertFalse(t.rows.isEmpty, "\(t.path) is empty")
        }
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: TestSupport.lexiconRoot + "/es/register")
            .filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
        XCTAssertEqual(onDisk, Self.files.sorted(), "a register lexicon file is not covered by this test")
        for type in RegisterFamily.rules {
            XCTAssertNoThrow(try type.init(lexicons: TestSupport.lexicons), "\(type.description.id)")
        }
    }

    func testNoDuplicateTermsWithinAFile() throws {
        let fold = try RegisterText.folder()
        for name in Self.files {
            let t = try table(name)
            var seen: [String: Int] = [:]
            for row in t.rows {
                // address-forms tells accented forms apart ("sabes"/"sabés"); the others compare folded.
                let key = name == "address-forms" ? row.term.lowercased() : fold(row.term)
                if let first = seen[key] {
                    XCTFail("\(t.path):\(row.line): '\(row.term)' already listed on line \(first)")
                } else {
                    seen[key] = row.line
                }
            }
        }
    }

    func testNoWordIsBothAbbreviationAndSlang() throws {
        let fold = try RegisterText.folder()
        let abbreviations = Dictionary(try table("abbreviations").rows.map { (fold($0.term), $0.line) }, uniquingKeysWith: { a, _ in a })
        for row in try table("slang").rows {
            if let line = abbreviations[fold(row.term)] {
                XCTFail("\(try table("slang").path):\(row.line): '\(row.term)' is also in abbreviations.txt:\(line)")
            }
        }
    }

    func testRequiredColumnsAreFilled() throws {
        for (name, column) in [("abbreviations", "suggestion"), ("slang", "suggestion"), ("elongation", "kind")] {
            let t = try table(name)
            for row in t.rows where row[column].isEmpty {
                XCTFail("\(t.path):\(row.line): '\(row.term)' has no \(column)")
            }
        }
        let forms = try table("address-forms")
        for row in forms.rows {
            let registers = row["register"].split(separator: " ").map(String.init)
            XCTAssertFalse(registers.isEmpty, "\(forms.path):\(row.line): '\(row.term)' has no register")
            for register in Register.allCases where !registers.contains(register.rawValue) && row[register.rawValue].isEmpty {
                XCTFail("\(forms.path):\(row.line): '\(row.term)' has no \(register.rawValue) equivalent ('-' if none)")
            }
        }
        for row in try table("elongation").rows where !["double", "base"].contains(row["kind"]) {
            XCTFail("\(try table("elongation").path):\(row.line): kind '\(row["kind"])'")
        }
    }

    func testEveryAddressFormIsFoundAsWritten() throws {
        // Each entry, written alone, is recognised as itself (catches a term shadowed by another).
        let forms = try AddressForms(lexicons: TestSupport.lexicons)
        let tokenizer = try Tokenizer()
        for row in try table("address-forms").rows {
            let (tokens, _) = tokenizer.tokenize(Array(row.term.utf8))
            XCTAssertEqual(tokens.count, 1, "\(row.term) is not one token")
            XCTAssertEqual(tokens.first.flatMap { forms.form(of: $0) }?.term, row.term, "line \(row.line)")
        }
    }

    func testLexiconTermsAreSingleTokens() throws {
        // A term the tokenizer splits could never match.
        let tokenizer = try Tokenizer()
        for name in ["abbreviations", "acronyms", "laughter", "elongation"] {
            let t = try table(name)
            for row in t.rows {
                let (tokens, _) = tokenizer.tokenize(Array(row.term.utf8))
                XCTAssertEqual(tokens.count, 1, "\(t.path):\(row.line): '\(row.term)' is \(tokens.map(\.text))")
            }
        }
    }
}

/// A broken register lexicon stops the rule with the file and line, never silently.
final class RegisterLexiconErrorTests: XCTestCase {
    func store(appending line: String, to file: String) throws -> (LexiconStore, String, Int) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-register-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("es/register")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        let source = TestSupport.lexiconRoot + "/es/register"
        for name in try FileManager.default.contentsOfDirectory(atPath: source) {
            var text = try String(contentsOfFile: source + "/" + name, encoding: .utf8)
            if name == file { text += (text.hasSuffix("\n") ? "" : "\n") + line + "\n" }
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let path = folder.appendingPathComponent(file).path
        let count = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count
        return (try LexiconStore(root: root.path, locale: "es"), path, count - 1)
    }

    func assertFails<R: Rule>(_ type: R.Type, _ line: String, in file: String, mentioning text: String) throws {
        let (lexicons, path, number) = try store(appending: line, to: file)
        XCTAssertThrowsError(try type.init(lexicons: lexicons)) { error in
            guard let error = error as? LexiconError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.path, path)
            XCTAssertEqual(error.line, number)
            XCTAssertTrue(error.reason.contains(text), error.reason)
        }
    }

    func testMalformedRowsAreReportedWithFileAndLine() throws {
        try assertFails(AbbreviationRule.self, "zzq | zq | | sometimes |", in: "abbreviations.txt", mentioning: "sometimes")
        try assertFails(AbbreviationRule.self, "zzq |  | | |", in: "abbreviations.txt", mentioning: "suggestion")
        try assertFails(SlangRule.self, "zzslang | | |", in: "slang.txt", mentioning: "suggestion")
        try assertFails(TuteoRule.self, "zztienes | tu | zztiene | | |", in: "address-forms.txt", mentioning: "vos")
        try assertFails(TuteoRule.self, "zzform | yo | a | b | c |", in: "address-forms.txt", mentioning: "register")
        try assertFails(TuteoRule.self, "zzform | usted tu | | | c |", in: "address-forms.txt", mentioning: "register")
        try assertFails(MixedRule.self, "zzform | tu | a | | c | loud", in: "address-forms.txt", mentioning: "loud")
        try assertFails(ElongationRule.self, "zzword | triple | |", in: "elongation.txt", mentioning: "kind")
        // A lone "=" in a context (found by the lexicon fuzzer: it crashed the rule's build).
        try assertFails(SlangRule.self, "zzslang | - | vocative = |", in: "slang.txt", mentioning: "'='")
        try assertFails(AbbreviationRule.self, "zzq | zq | | =que |", in: "abbreviations.txt", mentioning: "'=que'")
    }

    func testAValidNewLineNeedsNoSwift() throws {
        let (lexicons, _, _) = try store(appending: "zzq | que | | |", to: "abbreviations.txt")
        let rule = try AbbreviationRule(lexicons: lexicons)
        let document = Document(string: "Lo vemos zzq mañana.")
        let (tokens, sentences) = try Tokenizer().tokenize(document.text)
        let findings = rule.check(RuleContext(document: document, tokens: tokens, sentences: sentences, options: LintOptions()))
        XCTAssertEqual(findings.map { document.slice($0.range) }, ["zzq"])
        XCTAssertEqual(findings.first?.suggestions, ["que"])
    }
}

/// A linter builds its rules on several threads: the result must not depend on which thread built what.
final class LinterBuildTests: XCTestCase {
    /// A copy of the bundled lexicons with `lines` appended to the files they name.
    func store(appending lines: [String: String]) throws -> (LexiconStore, [String: String]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-build-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(atPath: TestSupport.lexiconRoot, toPath: root.path)
        var paths: [String: String] = [:]
        for (file, line) in lines {
            let path = root.appendingPathComponent("es/" + file).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try (text + (text.hasSuffix("\n") ? "" : "\n") + line + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            paths[file] = path
        }
        return (try LexiconStore(root: root.path, locale: "es"), paths)
    }

    func testRulesKeepTheRegistryOrder() throws {
        let linter = try Linter(lexicons: TestSupport.lexicons)
        XCTAssertEqual(linter.ruleIDs, RuleRegistry.all.map { $0.description.id }.filter { id in
            Linter.Configuration().severity(for: RuleRegistry.description(of: id)!) != nil
        })
        XCTAssertGreaterThan(linter.ruleIDs.count, 10)
    }

    func testTheErrorOfTheFirstBrokenRuleInRegistryOrderIsThrownEveryTime() throws {
        // A register rule comes before the profanity rules in the registry: its error is the one named,
        // even when the thread building a profanity rule meets its own error first.
        let (lexicons, paths) = try store(appending: ["register/abbreviations.txt": "zzq | zq | | sometimes |",
                                                     "profanity/vulgar.txt": "zzvulgar | no-such-severity"])
        for _ in 0..<8 {
            XCTAssertThrowsError(try Linter(lexicons: lexicons)) { error in
                XCTAssertEqual((error as? LexiconError)?.path, paths["register/abbreviations.txt"], "\(error)")
            }
        }
        // Alone, the profanity error is found too.
        let (profanity, profanityPaths) = try store(appending: ["profanity/vulgar.txt": "zzvulgar | no-such-severity"])
        XCTAssertThrowsError(try Linter(lexicons: profanity)) { error in
            XCTAssertEqual((error as? LexiconError)?.path, profanityPaths["profanity/vulgar.txt"], "\(error)")
        }
    }

    func testEveryIndexIsRunOnce() {
        for count in [0, 1, 2, 7, 100] {
            let seen = Seen(count: count)
            Linter.inParallel(count) { seen.mark($0) }
            XCTAssertEqual(seen.counts, Array(repeating: 1, count: count), "\(count)")
        }
    }

    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var counts: [Int]
        init(count: Int) { counts = Array(repeating: 0, count: count) }
        func mark(_ index: Int) {
            lock.lock()
            counts[index] += 1
            lock.unlock()
        }
    }
}
