/// `register.shouting`: words written in capitals (`GRACIAS POR SU PACIENCIA`, `URGENTE`).
struct ShoutingRule: Rule {
    static let description = RuleDescription(
        id: "register.shouting",
        category: .register,
        summary: "palabras en mayúsculas sostenidas (se leen como gritos)",
        rationale: """
            En redes sociales, el texto en mayúsculas se lee como un grito; una marca que responde en \
            mayúsculas suena enfadada o insistente, por amables que sean las palabras. Se señalan dos \
            o más palabras seguidas en mayúsculas, o una sola de cinco letras o más. Las siglas y \
            marcas que se escriben en mayúsculas a propósito (DNI, IVA, CURP, OXXO, BBVA, PDF, FAQ, OK) \
            vienen de un léxico y nunca cuentan, como tampoco los números romanos (XIII), los \
            códigos sin vocal (BNMXMXMM), la risa (la señala register.laughter) ni las palabras \
            alargadas ("HOLAAAA", de register.elongation). Una etiqueta corta seguida de dos puntos \
            ("IMPORTANTE:") se deja, como encabezado y no como grito. La sugerencia escribe las \
            palabras en minúsculas, con mayúscula al comienzo de frase, y conserva las siglas.
            """,
        triggering: [
            RuleExample("«GRACIAS POR SU PACIENCIA», ya está resuelto."),
            RuleExample("Su pedido está «CONFIRMADO»."),
            RuleExample("Le pedimos que «NO COMPARTA» su NIP con nadie."),
            RuleExample("«HOLA, BUENOS DÍAS». Ya revisamos su caso."),
            RuleExample("Es «MUY IMPORTANTE» que envíe su DNI."),
            RuleExample("«ESCRÍBANOS POR MENSAJE PRIVADO» y le ayudamos."),
            RuleExample("Recuerde: la promoción es «SOLO HOY»."),
            RuleExample("«ATENCIÓN A CLIENTES» de OXXO le responde."),
        ],
        nonTriggering: [
            RuleExample("Envíe su DNI y el CIF de la empresa por mensaje privado."),
            RuleExample("Puede pagar en OXXO o con su tarjeta BBVA."),
            RuleExample("Consulte las FAQ o descargue el PDF con las condiciones."),
            RuleExample("OK, ya lo revisamos."),
            RuleExample("El capítulo XIII del contrato lo explica."),
            RuleExample("IMPORTANTE: su cuenta ya está activa."),
            RuleExample("Necesitamos su RFC y su CURP para facturar."),
            RuleExample("El IVA ya está incluido en el precio."),
            RuleExample("Es muy importante que envíe su número de cliente."),
            RuleExample("Conéctese a la red WIFI del local o use el cable USB."),
            RuleExample("Es un placer, Ana. Saludos desde Madrid."),
            RuleExample("Su cita en el IMSS es el lunes."),
            RuleExample("El modelo A y el modelo B tienen la misma garantía."),
            RuleExample("JAJAJA"),
            RuleExample("HOLAAAA, ya quedó."),
            RuleExample("El envío a E.U.A. tarda diez días."),
            RuleExample("El código SWIFT es BNMXMXMMXXX y la CLABE ya está en su estado de cuenta."),
        ]
    )

    let acronyms: Set<String>
    let laughter: LaughterMatcher

    init(lexicons: LexiconStore) throws {
        let table = try lexicons.table("register/acronyms")
        let fold = try RegisterText.folder()
        acronyms = Set(table.rows.map { fold($0.term) })
        laughter = try LaughterMatcher(lexicons: lexicons)
    }

    enum Role {
        /// A word in capitals that counts as shouting.
        case loud
        /// Capitals that are fine (acronym, numeral, one letter) and do not break a run.
        case neutral
        /// Punctuation, numbers, emoji: do not break a run.
        case filler
        /// A lowercase word, a link, a mention: ends the run.
        case breaker
    }

    func role(_ token: borrowing Token) -> Role {
        switch token.kind {
        case .punctuation, .number, .emoji, .symbol:
            return .filler
        case .word:
            // The tokenizer's shape answers the common cases without walking the letters.
            if token.shape.contains(.lower) { return .breaker }
            if !token.shape.contains(.upper) {
                let letters = token.text.unicodeScalars.filter { $0.properties.isAlphabetic }
                if letters.isEmpty { return .filler }
                // Letters without case (another script) are not capitals.
                return .breaker
            }
            if !token.shape.contains(.upperPair) { return .neutral }
            // Initials with dots (E.U.A., S.A.) are abbreviations.
            if token.text.utf8.contains(UInt8(ascii: ".")) { return .neutral }
            // Digits: the shape knows for an ASCII word; any other numeric character counts too (`Ⅻ`).
            if token.shape.contains(.ascii) ? token.shape.contains(.digit)
                : token.text.unicodeScalars.contains(where: { $0.properties.numericType != nil }) { return .neutral }
            // A shouted word has a vowel; capitals without one are codes (BNMXMXMM, CCFFSS, RFC).
            if !token.folded.utf8.contains(where: ShoutingRule.vowelBytes.contains) { return .neutral }
            if acronyms.contains(token.folded) || RomanNumeral.matches(token.text) || laughter.isLaughter(token.folded) {
                return .neutral
            }
            return .loud
        default:
            return .breaker
        }
    }

    /// The vowels of a folded word (accents are gone), with `y`.
    static let vowelBytes = ByteSet("aeiouy")

    func check(_ context: RuleContext) -> [Finding] {
        let tokens = context.tokens
        var findings: [Finding] = []
        var loud: [Int] = []
        func flush() {
            // The list keeps its memory from one run to the next.
            defer { loud.removeAll(keepingCapacity: true) }
            guard let first = loud.first, let last = loud.last else { return }
            // A lone word shouts with five letters or more, counted without elongation: "HOLAAAA" is a
            // stretched "hola", left to register.elongation, not a shouted five-letter word.
            if loud.count == 1 {
                let letters = LaughterMatcher.collapseLong(tokens[first].folded).filter { $0.isLetter }.count
                guard letters >= 5 else { return }
            }
            // A lone label before a colon is a heading ("IMPORTANTE:").
            if loud.count == 1, let n = context.next(last), tokens[n].text == ":" { return }
            findings.append(finding(context, first: first, last: last, loud: loud))
        }
        // Read in place: a Token copied out of the array for each look costs more than the look.
        tokens.withUnsafeBufferPointer { buffer in
            for i in buffer.indices {
                switch role(buffer[i]) {
                case .loud: loud.append(i)
                case .neutral, .filler: continue
                case .breaker: if !loud.isEmpty { flush() }
                }
            }
        }
        flush()
        return findings
    }

    /// One finding from the first to the last loud word, with the span in sentence case.
    /// `loud` holds the loud words from `first` to `last`, in order (their roles already worked out).
    func finding(_ context: RuleContext, first: Int, last: Int, loud: [Int]) -> Finding {
        let tokens = context.tokens
        let range = tokens[first].range.lowerBound..<tokens[last].range.upperBound
        var fixed = ""
        var next = 0
        for i in first...last {
            let token = tokens[i]
            if i > first { fixed += context.text(tokens[i - 1].range.upperBound..<token.range.lowerBound) }
            let isLoud = next < loud.count && loud[next] == i
            if isLoud { next += 1 }
            if token.kind == .word && isLoud {
                fixed += context.isSentenceStart(i) ? RegisterText.capitalized(token.lower) : token.lower
            } else if token.kind == .word && token.text.count == 1 && !context.isSentenceStart(i) {
                fixed += token.lower
            } else {
                fixed += token.text
            }
        }
        let excerpt = context.text(range)
        let loudWords = loud.count
        let message = excerpt.count <= 40 ? "texto en mayúsculas «\(excerpt)»" : "\(loudWords) palabras seguidas en mayúsculas"
        return Finding(range: range, message: message, suggestions: [fixed],
                       help: "las mayúsculas sostenidas se leen como gritos; escriba en minúsculas")
    }
}
