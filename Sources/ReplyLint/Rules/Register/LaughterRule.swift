/// Recognises written laughter: repeated laughter syllables of any length (`jajaja`, `JAJAJA`,
/// `jejeje`, `jajsjs`, `hahaha`, `muajaja`) by shape, and fixed forms (`xD`, `lol`, `lmao`) from
/// `register/laughter`. Shared with register.elongation, which leaves laughter to this rule.
struct LaughterMatcher: Sendable {
    let fixed: Set<String>
    /// First bytes of laughter: of the fixed forms and of the laughter shapes.
    let starts: ByteSet

    init(lexicons: LexiconStore) throws {
        let table = try lexicons.table("register/laughter")
        let fold = try RegisterText.folder()
        fixed = Set(table.rows.map { Self.collapse(fold($0.term)) })
        starts = ByteSet(fixed.compactMap(\.utf8.first) + Array(Self.laughterStarts))
        fixedSeconds = ByteSet(fixed.compactMap { $0.utf8.dropFirst().first })
    }

    /// Second bytes of the fixed forms: a word without a repeated letter can be one only when its
    /// second byte is one of these (`la`, `lo` never reach the set look-up).
    let fixedSeconds: ByteSet

    /// Every run of a repeated letter reduced to one letter (`xddd` -> `xd`, `lool` -> `lol`).
    static func collapse(_ word: String) -> String {
        var out = ""
        var last: Character?
        for c in word where c != last {
            out.append(c)
            last = c
        }
        return out
    }

    /// Every run of three or more of a letter reduced to one letter (`holaaaa` -> `hola`);
    /// doubles stay (`leer`).
    static func collapseLong(_ word: String) -> String {
        let chars = Array(word)
        var out = ""
        var i = 0
        while i < chars.count {
            var j = i + 1
            while j < chars.count && chars[j] == chars[i] { j += 1 }
            out += String(repeating: String(chars[i]), count: j - i >= 3 ? 1 : j - i)
            i = j
        }
        return out
    }

    /// Whether a folded word is laughter.
    func isLaughter(_ folded: String) -> Bool {
        // Fast paths first: most words have no doubled letter and do not start like laughter.
        let bytes = folded.utf8
        guard bytes.count >= 2, let head = bytes.first, starts.contains(head) else { return false }
        let doubled = Self.hasAdjacentRepeat(bytes)
        if doubled || fixedSeconds.contains(bytes[bytes.index(after: bytes.startIndex)]),
           fixed.contains(doubled ? Self.collapse(folded) : folded) {
            return folded.allSatisfy({ $0.isLetter })
        }
        return Self.hasLaughterShape(folded)
    }

    /// Bytes a laughter word can start with: `j`, `h`, or a lead-in `a`, `mu`, `bu`.
    static let laughterStarts: [UInt8] = Array("jhamb".utf8)

    /// True when two equal bytes stand side by side (a doubled or stretched letter).
    static func hasAdjacentRepeat(_ bytes: String.UTF8View) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == previous { return true }
            previous = byte
        }
        return false
    }

    /// Two or more syllables of a laughter consonant (`j`, or `h` in `haha`) followed by vowels or
    /// `s` (`jsjs`), with an optional lead-in (`a`, `mu`, `bu`) and trailing consonant (`jajaj`).
    /// A single syllable is a word (`ja`, `ajá`, `je`), and so is anything with other letters
    /// (`hijo`, `hoja`, `jose`, `jesus`: one syllable group each, or other letters).
    /// Every letter of a laughter shape is ASCII, so the shape is read on the bytes (no other letter
    /// can take part: `ñ` or an accent ends it).
    static func hasLaughterShape(_ word: String) -> Bool {
        var bytes = word.utf8[...]
        let m = UInt8(ascii: "m"), u = UInt8(ascii: "u"), b = UInt8(ascii: "b"), a = UInt8(ascii: "a")
        let j = UInt8(ascii: "j"), h = UInt8(ascii: "h"), s = UInt8(ascii: "s")
        if bytes.count >= 2, let first = bytes.first, first == m || first == b, bytes[bytes.index(after: bytes.startIndex)] == u {
            bytes = bytes.dropFirst(2)
        }
        if bytes.first == a { bytes = bytes.dropFirst() }
        guard let consonant = bytes.first, consonant == j || consonant == h else { return false }
        let fillers = consonant == j ? jFillers : hFillers
        var syllables = 0
        var vowels = 0
        var i = bytes.startIndex
        while i < bytes.endIndex {
            guard bytes[i] == consonant else { return false }
            while i < bytes.endIndex && bytes[i] == consonant { i = bytes.index(after: i) }
            if i == bytes.endIndex { break }  // a trailing consonant: "jajaj"
            guard fillers.contains(bytes[i]) else { return false }
            while i < bytes.endIndex && fillers.contains(bytes[i]) {
                if bytes[i] != s { vowels += 1 }
                i = bytes.index(after: i)
            }
            syllables += 1
        }
        // "hehe"/"haha" need a vowel each time; "jsjs" may have none.
        return syllables >= 2 && (consonant == j || vowels >= syllables)
    }

    /// What may follow the consonant of a laughter syllable: vowels, and `s` after `j` (`jsjs`).
    static let jFillers = ByteSet("aeious")
    static let hFillers = ByteSet("aeio")
}

/// `register.laughter`: written laughter (`jajaja`, `xD`, `lol`) in a reply to a customer.
struct LaughterRule: Rule {
    static let description = RuleDescription(
        id: "register.laughter",
        category: .register,
        summary: "risa escrita (jajaja, xD, lol) en una respuesta de marca",
        rationale: """
            Quien escribe a una marca suele tener un problema, y una risa escrita en la respuesta se lee \
            como burla o como falta de seriedad, aunque se quisiera sonar cercano. Además hace que la \
            marca suene a un amigo charlando y no a una empresa que se hace cargo. La calidez se \
            transmite mejor con palabras ("nos alegra...", "qué bueno que..."). La risa se reconoce por \
            su forma (dos o más sílabas de risa de cualquier longitud y en mayúsculas o minúsculas: \
            jajaja, JAJAJA, jajsjs, jejeje, hahaha, muajaja, "ja ja ja") y por una lista corta de formas \
            fijas (xD, lol, lmao); una sílaba suelta ("ja", "ajá") y palabras reales como "hijo" u \
            "hoja" no se señalan.
            """,
        triggering: [
            RuleExample("«Jajaja» qué buena pregunta, le explicamos por mensaje privado."),
            RuleExample("Ya quedó resuelto «jejeje»."),
            RuleExample("«JAJAJA» tiene toda la razón."),
            RuleExample("Eso no debió pasar «jajajajaj», lo revisamos hoy mismo."),
            RuleExample("Perdón por la demora «jsjs»"),
            RuleExample("Ya está activo su plan «jajsjs»."),
            RuleExample("Nos encanta su comentario «xD»"),
            RuleExample("Nos encanta su comentario «XD»"),
            RuleExample("Qué buena foto «xDDD»"),
            RuleExample("«lol» eso no debería pasar."),
            RuleExample("Su pedido ya salió «jiji»"),
            RuleExample("«Hahaha» gracias por la paciencia."),
            RuleExample("«muajaja» la promo termina el lunes."),
            RuleExample("«lmao» qué situación."),
            RuleExample("Claro que sí «ajajaja»"),
            RuleExample("«jaja» «jeje» perdón."),
            RuleExample("«Ja ja ja», qué buena pregunta."),
            RuleExample("Claro «je, je», ya se lo enviamos."),
        ],
        nonTriggering: [
            RuleExample("Buenos días, Sra. García. Lamentamos las molestias. Le hemos enviado un correo con los pasos para recuperar su cuenta."),
            RuleExample("Su hijo puede recoger el pedido en la tienda."),
            RuleExample("Revise la hoja de reclamaciones que le entregaron."),
            RuleExample("Ja, entendemos la confusión."),
            RuleExample("Ja. Ja. Eso pasa a veces; ya lo revisamos."),
            RuleExample("¡Ajá! Ya encontramos el problema."),
            RuleExample("José y Jesús, de nuestro equipo, le llamarán mañana."),
            RuleExample("El envío a Jujuy tarda tres días."),
            RuleExample("Puede escribirnos a soporte@ejemplo.com o visitar https://ejemplo.com/jajaja."),
            RuleExample("Consulte el hashtag #jajaja de la campaña."),
            RuleExample("Lo siento, el modelo XL está agotado."),
        ]
    )

    let matcher: LaughterMatcher

    init(lexicons: LexiconStore) throws {
        matcher = try LaughterMatcher(lexicons: lexicons)
    }

    private let memoKey = WordMemoKey.make("register.laughter")
    /// What a word is on its own: 1 laughter, 2 a laughter syllable (`ja`), 0 neither.
    private func kind(_ folded: String) -> UInt8 {
        if matcher.isLaughter(folded) { return 1 }
        return folded.utf8.count == 2 && Self.syllables.contains(folded) ? 2 : 0
    }

    /// Laughter syllables written apart ("ja ja ja", "je, je"): two or more in a row are laughter,
    /// one alone is an interjection ("Ja, entendemos").
    static let syllables: Set<String> = ["ja", "je", "ji", "jo", "ha", "he"]

    func check(_ context: RuleContext) -> [Finding] {
        let tokens = context.tokens
        // Unwrapped once, out of the loop; without a word table no token has an id, and the stand-in
        // goes unread.
        let memo: WordMemo<UInt8> = context.wordMemo(memoKey) ?? WordMemo<UInt8>()
        @inline(__always) func kind(_ i: Int) -> UInt8 { memo.value(tokens[i].word) { self.kind(tokens[i].folded) } }
        var findings: [Finding] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].kind == .word else { i += 1; continue }
            let first = kind(i)
            if first == 0 { i += 1; continue }
            if first == 1 {
                findings.append(finding(tokens[i].range, tokens[i].text))
                i += 1
                continue
            }
            // A run of separate syllables, with only spaces or commas between them.
            var last = i
            var count = 0
            var j = i
            while j < tokens.count && tokens[j].kind == .word && kind(j) == 2 {
                count += 1
                last = j
                j += 1
                if j < tokens.count && tokens[j].text == "," { j += 1 }
                guard j < tokens.count, tokens[j].spaceBefore, tokens[j].sentence == tokens[i].sentence else { break }
            }
            if count >= 2 {
                let range = tokens[i].range.lowerBound..<tokens[last].range.upperBound
                findings.append(finding(range, context.text(range)))
                i = last + 1
            } else {
                i += 1
            }
        }
        return findings
    }

    func finding(_ range: Range<Int>, _ written: String) -> Finding {
        Finding(range: range, message: "risa escrita «\(written)»",
                help: "elimine la risa: en una respuesta a un cliente suena a burla o a falta de seriedad")
    }
}
