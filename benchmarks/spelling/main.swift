// spelling-bench: speed and accuracy of replylint's suggester against Hunspell's own suggest(), and
// spell-check throughput with and without the cache.
//
//   swift run -c release spelling-bench [--data benchmarks/spelling/misspellings.tsv] [--text FILE_OR_DIR ...]
//
// Run from the repository root (it reads lexicons/ and, by default, ../shared/seeds for the text).
import Foundation
import ReplyLint

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let index = min(sorted.count - 1, Int((p * Double(sorted.count - 1)).rounded()))
    return sorted[index]
}

func ms(_ seconds: Double) -> String { String(format: "%8.3f", seconds * 1000) }
func pct(_ part: Int, _ whole: Int) -> String { String(format: "%5.1f%%", whole == 0 ? 0 : 100 * Double(part) / Double(whole)) }

var dataPath = "benchmarks/spelling/misspellings.tsv"
var showFailures = false
var texts: [String] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--data": dataPath = arguments.popFirst() ?? dataPath
    case "--text": if let t = arguments.popFirst() { texts.append(t) }
    case "--show-failures": showFailures = true
    default:
        FileHandle.standardError.write("usage: spelling-bench [--data FILE.tsv] [--text FILE_OR_DIR ...] [--show-failures]\n".data(using: .utf8)!)
        exit(2)
    }
}
if texts.isEmpty { texts = ["../shared/seeds"] }

let settings = SpellingSettings()
let loadStart = now()
let checker: SpellChecker
switch SpellChecker.shared(dictionary: settings.dictionary) {
case .success(let c): checker = c
case .failure(let error): print(error); exit(2)
}
print("dictionary: \(settings.dictionary) (loaded in \(ms(now() - loadStart).trimmingCharacters(in: .whitespaces)) ms)")

// MARK: - Suggestions

struct Case { let wrong: String; let right: String; let kind: String }
guard let data = FileManager.default.contents(atPath: dataPath), let tsv = String(data: data, encoding: .utf8) else {
    print("cannot read \(dataPath)"); exit(2)
}
let cases: [Case] = tsv.split(separator: "\n").compactMap { line in
    if line.hasPrefix("#") { return nil }
    let f = line.split(separator: "\t").map(String.init)
    return f.count >= 3 ? Case(wrong: f[0], right: f[1], kind: f[2]) : nil
}
print("""

suggestions: \(cases.count) misspellings from \(dataPath)
NOTE: GENERATED data, not collected: frequent correct words with one error each from a documented error
model (accent omission, b/v, ll/y, h omission, c/s/z, g/j, doubled letters, plus generic slips: adjacent
swap, deletion, keyboard neighbour); see make_misspellings.py. The first seven classes are confusions
replylint's suggester tries on purpose.

""")

struct Tally { var first = 0; var top3 = 0; var n = 0 }
var oursTimes: [Double] = []
var theirsTimes: [Double] = []
var ours = Tally(), theirs = Tally()
var oursByKind: [String: Tally] = [:], theirsByKind: [String: Tally] = [:]
var stages: [String: Int] = [:]
for c in cases {
    var t0 = now()
    let mine = checker.computeSuggestions(for: c.wrong)
    oursTimes.append(now() - t0)
    t0 = now()
    let hunspell = Array(checker.dictionary.suggest(c.wrong).prefix(3))
    theirsTimes.append(now() - t0)
    stages[mine.stage, default: 0] += 1
    if showFailures && mine.words.first?.lowercased() != c.right {
        print("  miss [\(c.kind)] \(c.wrong) -> \(c.right): replylint \(mine.words) (\(mine.stage)), hunspell \(hunspell)")
    }
    func score(_ list: [String], _ tally: inout Tally, _ byKind: inout [String: Tally]) {
        let first = list.first?.lowercased() == c.right
        let top = list.prefix(3).contains { $0.lowercased() == c.right }
        tally.n += 1; tally.first += first ? 1 : 0; tally.top3 += top ? 1 : 0
        byKind[c.kind, default: Tally()].n += 1
        byKind[c.kind]!.first += first ? 1 : 0
        byKind[c.kind]!.top3 += top ? 1 : 0
    }
    score(mine.words, &ours, &oursByKind)
    score(hunspell, &theirs, &theirsByKind)
}
oursTimes.sort()
theirsTimes.sort()
print("suggester              median ms    p90 ms     p99 ms     max ms   first right   in top 3")
for (name, times, tally) in [("replylint", oursTimes, ours), ("hunspell suggest()", theirsTimes, theirs)] {
    print(name.padding(toLength: 20, withPad: " ", startingAt: 0), ms(percentile(times, 0.5)), "  ", ms(percentile(times, 0.9)), "  ",
          ms(percentile(times, 0.99)), "  ", ms(times.last ?? 0), "    ", pct(tally.first, tally.n), "     ", pct(tally.top3, tally.n))
}
print("\nfirst suggestion right, by error class:")
print("class      n   replylint   hunspell")
for kind in oursByKind.keys.sorted() {
    let o = oursByKind[kind]!, h = theirsByKind[kind]!
    print(kind.padding(toLength: 8, withPad: " ", startingAt: 0), String(format: "%3d", o.n), "   ", pct(o.first, o.n), "    ", pct(h.first, h.n))
}
print("\nreplylint stage that answered: " + stages.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))

// MARK: - Throughput

var documents: [String] = []
for path in texts {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
    let files = isDirectory.boolValue
        ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted().map { path + "/" + $0 }
        : [path]
    for file in files {
        if let d = FileManager.default.contents(atPath: file), let s = String(data: d, encoding: .utf8) { documents.append(s) }
    }
}
guard !documents.isEmpty else {
    print("\nthroughput: no text found at \(texts.joined(separator: ", ")) (pass --text FILE_OR_DIR)")
    exit(0)
}
let tokenizer = try Tokenizer()
var words: [String] = []
for d in documents {
    for t in tokenizer.tokenize(Array(d.utf8)).tokens where t.kind == .word { words.append(t.text) }
}
let distinct = Set(words).count
let rounds = max(1, 400_000 / max(1, words.count))
print("\nthroughput: \(documents.count) texts from \(texts.joined(separator: ", ")), \(words.count) word tokens (\(distinct) distinct), \(rounds) rounds")

func rate(_ label: String, _ body: () -> Int) {
    let t0 = now()
    let n = body()
    let seconds = now() - t0
    print(label.padding(toLength: 52, withPad: " ", startingAt: 0), String(format: "%12.0f words/s", Double(n) / seconds))
}
var accepted = 0
rate("Hunspell spell(), no cache") {
    for _ in 0..<rounds { for w in words where checker.dictionary.spell(w) { accepted += 1 } }
    return rounds * words.count
}
checker.clearCaches()
rate("cached spell, cold cache (first pass)") {
    for w in words where checker.isCorrect(w) { accepted += 1 }
    return words.count
}
rate("cached spell, warm cache") {
    for _ in 0..<rounds { for w in words where checker.isCorrect(w) { accepted += 1 } }
    return rounds * words.count
}
let stats = checker.cacheStatistics
print("cache: \(stats.entries) entries, \(stats.hits) hits, \(stats.misses) misses")

// The spelling rules end to end (tokenizing included), as the linter runs them.
let lexicons = try LexiconStore(root: "lexicons", locale: "es")
let linter = try Linter(lexicons: lexicons, configuration: .init(only: ["spelling"]))
let docs = documents.map { Document(string: $0) }
checker.clearCaches()
var findings = 0
rate("spelling rules + tokenizer, cold cache (1 round)") {
    for d in docs { findings += linter.lint(d, tokenizer: tokenizer).count }
    return words.count
}
let rulesRounds = max(1, rounds / 4)
rate("spelling rules + tokenizer, warm cache") {
    for _ in 0..<rulesRounds { for d in docs { findings += linter.lint(d, tokenizer: tokenizer).count } }
    return rulesRounds * words.count
}
print("(\(accepted + findings > 0 ? "done" : "no work"))")
