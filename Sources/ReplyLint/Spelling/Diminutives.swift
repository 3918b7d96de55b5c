/// Diminutives (`cafecito`, `regalito`, `amiguitos`, `cosita`): warm and common in customer replies,
/// and mostly missing from the Spanish dictionary. A word ending in `-ito`, `-cito`, `-ecito`, `-illo`
/// (and their feminine and plural forms) is accepted when the word it comes from is in the dictionary:
/// `regal-ito` ← `regalo`, `amigu-itos` ← `amigo`, `cafe-cito` ← `café`, `poqu-ito` ← `poco`.
enum Diminutives {
    typealias Scalars = [Unicode.Scalar]

    static let endings: [Scalars] = {
        let stems = ["ecit", "cit", "it", "ill"]
        var all: [String] = []
        for stem in stems { for end in ["o", "a", "os", "as"] { all.append(stem + end) } }
        return all.sorted { $0.count > $1.count }.map { Array($0.unicodeScalars) }
    }()

    /// Whether `lower` (lowercase, NFC) is the diminutive of a word the dictionary knows.
    static func isDiminutive(_ lower: String, isWord: (String) -> Bool) -> Bool {
        let word = Array(lower.unicodeScalars)
        // Diminutives are stressed on the -it-/-ill- syllable: they never carry a written accent.
        if word.contains(where: { Enclitics.acuteToPlain[$0] != nil }) { return false }
        for ending in endings where word.count >= ending.count + 2 && word.suffix(ending.count).elementsEqual(ending) {
            var stem = Array(word.dropLast(ending.count))
            // Spelling changes before -i-: poqu-ito ← poco, amigu-ito ← amigo, agü-ita ← agua, luc-ecita ← luz.
            if stem.suffix(2).elementsEqual(["q", "u"]) { stem.removeLast(2); stem.append("c") }
            else if stem.suffix(2).elementsEqual(["g", "u"]) { stem.removeLast(1) }
            else if stem.last == "ü" { stem[stem.count - 1] = "u" }
            var bases: [Scalars] = [stem + ["o"], stem + ["a"], stem + ["e"], stem]
            if stem.last == "c" { bases.append(Array(stem.dropLast()) + ["z"]) }
            for base in bases where base.count >= 3 {
                for variant in Enclitics.accentVariants(base) where isWord(String(scalars: variant)) {
                    return true
                }
            }
        }
        return false
    }
}
