import XCTest
@testable import ReplyLint

/// Runs every rule's own examples: each triggering example must be flagged exactly on its marked
/// spans, each non-triggering one not at all; again behind a multi-byte prefix sentence.
final class RuleExamplesTests: XCTestCase {
    /// An emoji ZWJ sequence with a skin tone, accented capitals and ñ: every byte offset after it
    /// differs from its scalar and UTF-16 counts.
    static let prefix = "🙋🏽‍♀️ Ñandú. "

    func testEveryRuleHasExamplesAndAnExplanation() {
        var ids = Set<String>()
        for type in RuleRegistry.all {
            let d = type.description
            XCTAssertTrue(ids.insert(d.id).inserted, "duplicate rule id \(d.id)")
            XCTAssertTrue(d.id.hasPrefix(d.category.rawValue + "."), "\(d.id) should start with its category")
            XCTAssertFalse(d.triggering.isEmpty, "\(d.id) has no triggering example")
            XCTAssertFalse(d.nonTriggering.isEmpty, "\(d.id) has no non-triggering example")
            XCTAssertFalse(d.summary.isEmpty, "\(d.id) has no summary")
            XCTAssertGreaterThan(d.rationale.count, 40, "\(d.id) needs a real rationale")
            for example in d.triggering {
                XCTAssertFalse(example.parsed.spans.isEmpty, "\(d.id): triggering example without «» marks: \(example)",
                               file: example.file, line: example.line)
            }
            for example in d.nonTriggering {
                XCTAssertTrue(example.parsed.spans.isEmpty, "\(d.id): non-triggering example with marks: \(example)",
                              file: example.file, line: example.line)
            }
        }
    }

    func testEveryRuleExample() throws {
        let tokenizer = try Tokenizer()
        for type in RuleRegistry.all {
            let d = type.description
            let rule = try type.init(lexicons: TestSupport.lexicons)
            for example in d.triggering + d.nonTriggering {
                let (text, spans) = example.parsed
                let prefixes = d.examplesTakePrefix ? ["", Self.prefix] : [""]
                for prefix in prefixes {
                    let document = Document(string: prefix + text)
                    let shift = prefix.utf8.count
                    let (tokens, sentences) = tokenizer.tokenize(document.text)
                    let context = RuleContext(document: document, tokens: tokens, sentences: sentences, options: example.options)
                    let findings = rule.check(context)
                    let got = findings.map { document.slice($0.range) + "@\($0.range.lowerBound - shift)" }.sorted()
                    let want = spans.map { document.slice(($0.lowerBound + shift)..<($0.upperBound + shift)) + "@\($0.lowerBound)" }.sorted()
                    XCTAssertEqual(got, want, "\(d.id) \(prefix.isEmpty ? "" : "(behind a prefix) ")on: \(example.marked)",
                                   file: example.file, line: example.line)
                    for finding in findings {
                        XCTAssertFalse(finding.message.isEmpty, "\(d.id): empty message")
                        XCTAssertFalse(finding.message.hasSuffix("."), "\(d.id): message ends with a period: \(finding.message)")
                        XCTAssertEqual(finding.message.first.map { String($0) }, finding.message.first.map { String($0).lowercased() },
                                       "\(d.id): message should start lowercase: \(finding.message)")
                    }
                }
            }
        }
    }
}
