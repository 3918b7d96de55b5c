/// Byte ranges to test other ranges against for overlap, in logarithmic time per query: sorted
/// by start, with the furthest end reached by each prefix. Replaces a linear scan per query,
/// which was quadratic on a long text with thousands of findings.
struct SpanIndex {
    private let starts: [Int]
    private let furthestEnd: [Int]

    init(_ ranges: [Range<Int>]) {
        let sorted = ranges.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
        starts = sorted.map(\.lowerBound)
        var furthest: [Int] = []
        furthest.reserveCapacity(sorted.count)
        var end = Int.min
        for range in sorted {
            end = max(end, range.upperBound)
            furthest.append(end)
        }
        furthestEnd = furthest
    }

    var isEmpty: Bool { starts.isEmpty }

    /// True when one of the ranges holds all of `range`.
    func covers(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        // Ranges that start at or before `range` does: a prefix. One covers it when it ends at or after its end.
        let prefix = count { $0 <= range.lowerBound }
        return prefix > 0 && furthestEnd[prefix - 1] >= range.upperBound
    }

    /// How many ranges start at a position for which `before` holds (a prefix of the sorted starts).
    private func count(_ before: (Int) -> Bool) -> Int {
        var low = 0
        var high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if before(starts[mid]) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// True when `range` shares a byte with one of the ranges (the same answer as `Range.overlaps`).
    func overlaps(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        // Ranges that start before `range` ends: a prefix. One of them overlaps when it ends after `range` starts.
        let prefix = count { $0 < range.upperBound }
        return prefix > 0 && furthestEnd[prefix - 1] > range.lowerBound
    }

    /// `overlaps` for ranges asked in text order (a rule walking its tokens): the prefix of starts
    /// before each range's end only grows, so it is extended instead of searched for. A range that
    /// ends before the last one asked gets a search.
    struct Sweep {
        let index: SpanIndex
        private var prefix = 0
        private var lastEnd = Int.min

        init(_ index: SpanIndex) { self.index = index }

        mutating func overlaps(_ range: Range<Int>) -> Bool {
            guard !range.isEmpty, !index.starts.isEmpty else { return false }
            if range.upperBound < lastEnd { prefix = index.count { $0 < range.upperBound } }
            lastEnd = range.upperBound
            let starts = index.starts
            while prefix < starts.count && starts[prefix] < range.upperBound { prefix += 1 }
            return prefix > 0 && index.furthestEnd[prefix - 1] > range.lowerBound
        }
    }
}
