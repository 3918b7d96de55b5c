import Foundation

/// `register.elongation`: letters stretched for emphasis (`holaaaa`, `siiii`, `graciaaas`).
struct ElongationRule: Rule {
    static let description = RuleDescription(
        id: "register.elongation",
        category: .register,
        summary: "letras alargadas (holaaaa, siiii, graciaaas)",
        rationale: """
            Alargar letras imita la voz de un amigo en un chat; en la respuesta de una marca suena \
            infantil o, después de una queja, burlón. El español nunca escribe la misma letra tres \
            veces seguidas y ninguna palabra española termina en "aa", "ii" o "uu", así que eso se \
            señala; las dobles legítimas (leer, creer, reembolso, zoológico, cooperar, acción, llamar, \
            correo, arrollar) no. Una "e" u "o" final doble solo se señala cuando al reducirla queda \
            una palabra común que en el chat se alarga ("noo", "buenoo"), porque "lee", "cree" y \
            "zoo" son palabras. La sugerencia reduce cada repetición y prefiere una palabra conocida \
            con doble legítima ("leeeer" -> "leer"); solo se aplica con --fix cuando es segura. Los \
            números romanos (XIII), la risa (la señala register.laughter) y los sonidos sin vocal \
            o de una sola letra (mmm, zzz, AAA) no se señalan.
            """,
        triggering: [
            RuleExample("«Holaaaa», ¿en qué le podemos ayudar?"),
            RuleExample("«Siiii», ya está disponible."),
            RuleExample("Muchas «graciaaas» por escribirnos."),
            RuleExample("Escríbanos, «porfavoooor»."),
            RuleExample("«HOLAAA» a todos."),
            RuleExample("«Holaa», le ayudamos con gusto."),
            RuleExample("«Sii», claro."),
            RuleExample("«Noo», no se preocupe."),
            RuleExample("Es muy «buenoo» saberlo."),
            RuleExample("Le invitamos a «leeeer» las condiciones."),
            RuleExample("¡«Geniaaal»! Ya quedó."),
            RuleExample("«Ufff», entendemos la espera."),
            RuleExample("«Graaaciaaas» por la paciencia."),
        ],
        nonTriggering: [
            RuleExample("Le invitamos a leer las condiciones; creemos que le serán útiles."),
            RuleExample("Para llamar al servicio técnico, marque el 900 123 456."),
            RuleExample("La acción se aplicará en su cuenta el lunes."),
            RuleExample("El zoológico abre a las diez; la cooperación con el museo sigue vigente."),
            RuleExample("Si lo cree oportuno, lee el correo que le enviamos."),
            RuleExample("El reembolso se verá reflejado en tres días."),
            RuleExample("Evite arrollar el cable del cargador."),
            RuleExample("El capítulo XIII del reglamento y el artículo III lo explican."),
            RuleExample("Visite www.ejemplo.com para más información."),
            RuleExample("Mmm, entendemos su duda."),
            RuleExample("Funciona con dos pilas AAA."),
            RuleExample("El envío llegará al zoo de la ciudad."),
            RuleExample("Su viaje a Hawaii está confirmado."),
            RuleExample("La consola Wii ya no tiene soporte; Hiroshi Fujii le llamará."),
            RuleExample("Jajajaaa"),
            RuleExample("El proveedor provee los repuestos."),
            RuleExample("Su contraseña es la del correo 1000@ejemplo.com."),
        ]
    )

    /// Real words with a double letter, folded.
    let doubles: Set<String>
    /// Common words whose final e/o chat doubles, folded.
    let bases: Set<String>
    /// Preferred spelling of a collapsed word, by its folded form: real doubles as the lexicon
    /// writes them ("zoológico"), base words with their fix ("si" -> "sí"), and chat spellings
    /// from the abbreviation list ("porfavor" -> "por favor").
    let known: [String: String]
    let laughter: LaughterMatcher

    private let memoKey = WordMemoKey.make("register.elongation")
    /// What a stretchable word's letters say, remembered by word: the fix when read as a common word
    /// and as a name (once known). Whether a word may be stretched at all has a memo of its own.
    struct Stretch {
        var asWord: (String, Bool)?? = nil
        var asName: (String, Bool)?? = nil
    }

    init(lexicons: LexiconStore) throws {
        let table = try lexicons.table("register/elongation")
        try table.require("kind", "fix")
        let fold = try RegisterText.folder()
        var doubles = Set<String>()
        var bases = Set<String>()
        var known: [String: String] = [:]
        let abbreviations = try lexicons.table("register/abbreviations")
        for row in abbreviations.rows where !row.term.contains(" ") && row["context"].isEmpty {
            known[fold(row.term)] = row["suggestion"]
        }
        for row in table.rows {
            let key = fold(row.term)
            switch row["kind"] {
            case "double": doubles.insert(key)
            case "base": bases.insert(key)
            default:
                throw LexiconError(path: table.path, line: row.line, reason: "kind must be 'double' or 'base', not '\(row["kind"])'")
            }
            known[key] = row["fix"].isEmpty ? row.term : row["fix"]
        }
        self.doubles = doubles
        self.bases = bases
        self.known = known
        laughter = try LaughterMatcher(lexicons: lexicons)
    }

    /// A run of one letter inside a word: where it starts (in characters) and how long it is.
    struct Run {
        var start: Int
        var length: Int
    }

    func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let tokens = context.tokens
        let memo: WordMemo<Stretch>? = context.wordMemo(memoKey)
        // Whether a word may be stretched, in plain bytes: most words are not, and reading that from the
        // memo of stretches copied a value of optional texts for every word.
        // Unwrapped once, out of the loop (bound in it, the memo was retained and released for every
        // word); without a word table no token has an id, and the stand-in goes unread.
        let may: WordMemo<Bool> = context.wordMemo(memoKey + ".may") ?? WordMemo<Bool>()
        for i in tokens.indices where tokens[i].kind == .word {
            guard may.value(tokens[i].word, { ElongationRule.mayBeStretched(tokens[i]) }) else { continue }
            let stretch = memo.map { $0.value(tokens[i].word) { Stretch() } }
            let token = tokens[i]
            // A capitalised word inside a sentence is a name ("Wii", "Fujii"): only a run of three
            // letters makes it an elongation.
            let name = token.isCapitalized && !token.isAllCaps && !context.isSentenceStart(i)
            let collapsed: (String, Bool)?
            if let memo, let stretch, token.word >= 0 {
                if let known = name ? stretch.asName : stretch.asWord {
                    collapsed = known
                } else {
                    collapsed = collapse(token, name: name)
                    var updated = stretch
                    if name { updated.asName = .some(collapsed) } else { updated.asWord = .some(collapsed) }
                    memo[token.word] = updated
                }
            } else {
                collapsed = collapse(token, name: name)
            }
            guard let (fix, certain) = collapsed else { continue }
            let suggestion = RegisterText.matchCase(fix, like: token.text)
            findings.append(Finding(range: token.range, message: "letras alargadas en «\(token.text)»",
                                    suggestions: [suggestion], safeFix: certain))
        }
        return findings
    }

    /// False when the token surely has no stretched letter, from its bytes alone: an ASCII word needs
    /// three equal letters in a row or a doubled last letter; any word needs two equal bytes side by side.
    static func mayBeStretched(_ token: Token) -> Bool {
        let bytes = token.folded.utf8
        guard token.shape.contains(.ascii) else { return LaughterMatcher.hasAdjacentRepeat(bytes) }
        var previous: UInt8 = 0
        var run = 0
        for byte in bytes {
            run = byte == previous ? run + 1 : 1
            if run >= 3 { return true }
            previous = byte
        }
        return run == 2
    }

    /// Letters Spanish may double inside a word (acción, llamar, perro, leer, cooperar, innato):
    /// a stretched run of one of them may collapse to one letter or to two.
    static let doublable: Set<Character> = ["c", "l", "r", "e", "o", "n"]

    /// The word with its elongation removed, and whether that fix is certain (safe for `--fix`):
    /// a known word, or only runs of letters Spanish never doubles. Nil when not elongated.
    func collapse(_ token: Token, name: Bool = false) -> (String, Bool)? {
        // No letter next to its twin, no elongation: the common case costs one pass over the bytes.
        guard LaughterMatcher.hasAdjacentRepeat(token.folded.utf8) else { return nil }
        let chars = Array(token.lower)
        let folded = Array(token.folded)
        guard chars.count == folded.count, chars.count >= 2,
              chars.allSatisfy({ $0.isLetter }),
              chars.contains(where: { "aeiouáéíóúü".contains($0) }) else { return nil }
        if token.isAllCaps && RomanNumeral.matches(token.text) { return nil }
        if laughter.isLaughter(token.folded) { return nil }
        if doubles.contains(token.folded) { return nil }
        // One letter repeated (aaa, AAA batteries, xxx) has no word to go back to.
        if Set(folded).count == 1 { return nil }
        // Runs of the same letter, compared without accents ("siíí").
        var runs: [Run] = []
        var i = 0
        while i < folded.count {
            var j = i + 1
            while j < folded.count && folded[j] == folded[i] { j += 1 }
            if j - i >= 2 { runs.append(Run(start: i, length: j - i)) }
            i = j
        }
        let long = runs.filter { $0.length >= 3 }
        if !long.isEmpty {
            // Certain when only letters Spanish never doubles were stretched, or when the word
            // with every run at one letter is known; "perrrro" may be "pero" or "perro".
            let (word, singleKnown) = best(chars, runs: long)
            return (word, singleKnown || long.allSatisfy { !Self.doublable.contains(folded[$0.start]) })
        }
        // A doubled final letter: a/i/u always, e/o only back to a common stretched word.
        guard !name, let last = runs.last, last.length == 2, last.start + 2 == folded.count, folded.count >= 3 else { return nil }
        let letter = folded[last.start]
        let single = String(chars[..<(last.start + 1)])
        let singleFolded = String(folded[..<(last.start + 1)])
        switch letter {
        case "a", "i", "u":
            return (known[singleFolded] ?? single, true)
        case "e", "o":
            return bases.contains(singleFolded) ? (known[singleFolded] ?? single, true) : nil
        default:
            return nil
        }
    }

    /// Collapses each long run to one letter, or to two when that spells a known word
    /// ("leeeer" -> "leer"); a known word gets its preferred spelling ("porfavor" -> "por favor").
    /// Also says whether the all-single collapse was itself a known word.
    func best(_ chars: [Character], runs: [Run]) -> (String, Bool) {
        let limited = Array(runs.prefix(4))
        var candidates: [String] = []
        for mask in 0..<(1 << limited.count) {
            var out: [Character] = []
            var i = 0
            var r = 0
            while i < chars.count {
                if r < limited.count && limited[r].start == i {
                    let keep = (mask >> r) & 1 == 1 ? 2 : 1
                    // Keep the accented letter of the run if there is one ("siíí" -> "sí").
                    let run = chars[i..<(i + limited[r].length)]
                    let letter = run.first(where: { String($0).folding(options: .diacriticInsensitive, locale: nil) != String($0) }) ?? run.first!
                    out.append(contentsOf: Array(repeating: letter, count: keep))
                    i += limited[r].length
                    r += 1
                } else {
                    out.append(chars[i])
                    i += 1
                }
            }
            candidates.append(String(out))
        }
        // Candidates run from all-single (mask 0) up; the first known word wins.
        for (n, candidate) in candidates.enumerated() {
            let key = candidate.folding(options: .diacriticInsensitive, locale: nil)
            if let word = known[key] { return (word, n == 0) }
        }
        return (candidates[0], false)
    }
}

/// Roman numerals in capitals (`III`, `XIII`, `MMXXIV`), which are not elongations or shouting.
enum RomanNumeral {
    static let letters = ByteSet("IVXLCDM")

    static func matches(_ text: String) -> Bool {
        // Bytes first: nearly every word has a letter that is not a numeral's.
        guard !text.isEmpty, text.utf8.allSatisfy(letters.contains) else { return false }
        let chars = Array(text)
        guard !chars.isEmpty, chars.allSatisfy({ "IVXLCDM".contains($0) }) else { return false }
        var value = 0
        var i = 0
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000]
        while i < chars.count {
            let v = values[chars[i]]!
            if i + 1 < chars.count, let w = values[chars[i + 1]], w > v { value += w - v; i += 2 } else { value += v; i += 1 }
        }
        return value > 0 && value < 4000 && toRoman(value) == text
    }

    static func toRoman(_ number: Int) -> String {
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = number
        var out = ""
        for (value, symbol) in table {
            while n >= value { out += symbol; n -= value }
        }
        return out
    }
}
