/// The second-person forms of `register/address-forms` and where a reply uses them. Shared by
/// register.tuteo, register.voseo, register.usted and register.mixed, which split the findings
/// between them so that every form is reported once (see `RegisterSplit`).
struct AddressForms: Sendable {
    /// A class: a use of a form is passed around per finding, and one reference is cheaper to copy
    /// than the form's set, dictionary and string.
    final class Form: Sendable {
        let term: String
        /// The registers the form belongs to.
        let registers: Set<Register>
        /// Equivalents by register, best first; empty when no single word fits.
        let equivalents: [Register: [String]]
        let clitic: Bool
        let verb: Bool
        /// `registers` as bits (`Register.bit`), asked for every use of every reply.
        let bits: UInt8

        init(term: String, registers: Set<Register>, equivalents: [Register: [String]], clitic: Bool, verb: Bool) {
            self.term = term
            self.registers = registers
            self.equivalents = equivalents
            self.clitic = clitic
            self.verb = verb
            bits = registers.reduce(0) { $0 | $1.bit }
        }

        func belongs(to register: Register) -> Bool { bits & register.bit != 0 }
        func belongsOnly(to register: Register) -> Bool { bits == register.bit }

        /// The rule that reports this form when it is out of register: usted forms by
        /// register.usted, tú forms (and those tú and vos share) by register.tuteo, vos-only forms
        /// by register.voseo.
        var owner: Register {
            if belongs(to: .usted) { return .usted }
            if belongs(to: .tu) { return .tu }
            return .vos
        }
    }

    struct Use {
        let index: Int
        let form: Form
        /// `form.bits`, kept beside it: the register rules test every use of a reply, and reading the
        /// bits through the form retained and released it each time.
        let bits: UInt8

        init(index: Int, form: Form) {
            self.index = index
            self.form = form
            bits = form.bits
        }
    }

    let exact: [String: Form]
    let unaccented: [String: Form]
    /// Every key of `exact` and `unaccented`: most tokens are turned away before either look-up.
    let filter: WordFilter
    /// Each word's form, remembered by word (`RuleContext.wordMemo`).
    let memoKey = WordMemoKey.make("register.address-forms")

    init(lexicons: LexiconStore) throws {
        let table = try lexicons.table("register/address-forms")
        try table.require("register", "usted", "tu", "vos", "context")
        let fold = try RegisterText.folder()
        var exact: [String: Form] = [:]
        var byFolded: [String: [Form]] = [:]
        for row in table.rows {
            var registers = Set<Register>()
            for name in row["register"].split(separator: " ") {
                guard let register = Register(rawValue: String(name)) else {
                    throw LexiconError(path: table.path, line: row.line, reason: "unknown register '\(name)' (usted, tu, vos)")
                }
                registers.insert(register)
            }
            guard !registers.isEmpty, !(registers.contains(.usted) && registers.count > 1) else {
                throw LexiconError(path: table.path, line: row.line, reason: "register must be 'usted', 'tu', 'vos' or 'tu vos'")
            }
            var equivalents: [Register: [String]] = [:]
            for register in Register.allCases where !registers.contains(register) {
                let field = row[register.rawValue]
                guard !field.isEmpty else {
                    throw LexiconError(path: table.path, line: row.line, reason: "'\(row.term)' needs its \(register.rawValue) equivalent ('-' if none)")
                }
                equivalents[register] = field == "-" ? [] : RegisterText.alternatives(field)
            }
            var accent = false, clitic = false, verb = false
            for flag in row["context"].split(separator: " ") {
                switch flag {
                case "accent": accent = true
                case "clitic": clitic = true
                case "verb": verb = true
                default: throw LexiconError(path: table.path, line: row.line, reason: "unknown context flag '\(flag)' (accent, clitic, verb)")
                }
            }
            let form = Form(term: row.term, registers: registers, equivalents: equivalents, clitic: clitic, verb: verb)
            let key = row.term.lowercased()
            guard exact[key] == nil else {
                throw LexiconError(path: table.path, line: row.line, reason: "'\(row.term)' is listed twice")
            }
            exact[key] = form
            byFolded[fold(key), default: []].append(form)
            if accent { byFolded[fold(key), default: []].append(form) }  // never unique: no fallback
        }
        self.exact = exact
        // The accent-less fallback only where one entry owns the spelling.
        var unaccented: [String: Form] = [:]
        for (key, forms) in byFolded where forms.count == 1 { unaccented[key] = forms[0] }
        self.unaccented = unaccented
        filter = WordFilter(Array(exact.keys) + Array(unaccented.keys))
    }

    /// The form a token spells, if any.
    func form(of token: Token) -> Form? {
        form(token.kind, lower: token.lower, folded: token.folded)
    }

    /// The same from the token's fields (a rule walking every token passes them without copying the token).
    func form(_ kind: TokenKind, lower: String, folded: String) -> Form? {
        guard kind == .word, filter.mayContain(lower) || filter.mayContain(folded) else { return nil }
        if let form = exact[lower] { return form }
        if lower == folded { return unaccented[folded] }
        return nil
    }

    /// Every second-person form of the reply, in order. A form in capitals among words that are
    /// not is an acronym ("el área de TI", "SOS", "película en VOS"), not a form of address.
    func uses(in context: RuleContext) -> [Use] {
        let tokens = context.tokens
        // Unwrapped once, out of the loop (bound in it, the memo was retained and released for every
        // word); without a word table no token has an id, and the stand-in goes unread.
        let memo: WordMemo<Form?> = context.wordMemo(memoKey) ?? WordMemo<Form?>()
        return tokens.indices.compactMap { i in
            guard tokens[i].kind == .word else { return nil }
            let found = memo.value(tokens[i].word) { form(.word, lower: tokens[i].lower, folded: tokens[i].folded) }
            guard let form = found else { return nil }
            if tokens[i].isAllCaps {
                let before = (0..<i).reversed().first { tokens[$0].kind == .word }
                let after = context.nextWord(after: i).flatMap { tokens[$0].kind == .word ? $0 : nil }
                let shouted = [before, after].contains { $0.map { tokens[$0].isAllCaps } ?? false }
                if !shouted { return nil }
            }
            return Use(index: i, form: form)
        }
    }

    /// The fix for a form when `expected` is the register to speak in.
    func suggestions(for use: Use, expected: Register, in context: RuleContext) -> [String] {
        var options = use.form.equivalents[expected] ?? []
        if use.form.clitic && expected == .usted, let n = context.next(use.index) {
            // "te lo envío" -> "se lo envío"; "no te preocupes" -> "no se preocupe".
            let next = context.tokens[n]
            let object: Bool
            switch next.folded {
            case "lo", "la", "los", "las": object = true
            default: object = false
            }
            if object || form(of: next)?.verb == true {
                options = ["se"] + options.filter { $0 != "se" }
            }
        }
        let written = context.tokens[use.index].text
        return options.map { RegisterText.matchCase($0, like: written) }
    }
}

extension Register {
    /// One bit a register (`AddressForms.Form.bits`).
    var bit: UInt8 {
        switch self {
        case .usted: return 1
        case .tu: return 2
        case .vos: return 4
        }
    }

    /// The register's name in a message: "usted", "tú", "vos".
    var spanishName: String {
        switch self {
        case .usted: return "usted"
        case .tu: return "tú"
        case .vos: return "vos"
        }
    }
}

/// How the four register rules share the forms out of register, so that each is reported once:
///
/// - When the reply also uses a form that belongs only to the expected register (it says
///   "escríbanos" and then "te"), the writer slipped: register.mixed reports every form out of
///   register, naming both registers.
/// - Otherwise the reply was written in another register altogether (or in two others):
///   register.tuteo, register.voseo and register.usted report each form, by its owner.
enum RegisterSplit {
    /// What a finding on one word says: the same word out of register is reported with the same
    /// message, suggestions and help wherever it is (but where its suggestion depends on the word after
    /// it), so a worker keeps them by word id, with the form they were made for.
    final class Said {
        let form: AddressForms.Form
        let message: String
        let suggestions: [String]
        let help: String?

        init(form: AddressForms.Form, message: String, suggestions: [String], help: String?) {
            self.form = form
            self.message = message
            self.suggestions = suggestions
            self.help = help
        }
    }

    /// Findings for `rule` (a register's rule, or nil for register.mixed).
    static func findings(_ forms: AddressForms, _ context: RuleContext, rule: Register?) -> [Finding] {
        let expected = context.options.register
        // The four register rules read the same forms: find them once per document.
        let uses = context.memoized("register.address-forms") { forms.uses(in: context) }
        // Walked by index, by the bits alone: most uses are in register, and are left without touching
        // their form.
        let bit = expected.bit
        let outOfRegister = uses.withUnsafeBufferPointer { list in list.indices.filter { list[$0].bits & bit == 0 } }
        let anchored = uses.withUnsafeBufferPointer { list in list.indices.contains { list[$0].bits == bit } }
        var findings: [Finding] = []
        // Unwrapped once, out of the loop (without a word table no token has an id, and the stand-in
        // goes unread).
        let said: WordMemo<Said>? = context.wordMemo("register.said.\(expected.rawValue).\(rule?.rawValue ?? "mixed")")
        let memo = said ?? WordMemo<Said>()
        for u in outOfRegister {
            let use = uses[u]
            let mine = rule == nil ? anchored : (!anchored && use.form.owner == rule)
            guard mine else { continue }
            let range = context.tokens[use.index].range
            // A clitic's suggestion under usted depends on the next word ("te lo envío": "se lo envío").
            let id = said != nil && !(use.form.clitic && expected == .usted) ? context.tokens[use.index].word : -1
            if id >= 0, let known = memo[id], known.form === use.form {
                findings.append(Finding(range: range, message: known.message, suggestions: known.suggestions, help: known.help))
                continue
            }
            let text = context.tokens[use.index].text
            let suggestions = forms.suggestions(for: use, expected: expected, in: context)
            let help = suggestions.isEmpty ? "reformule la frase tratando de \(expected.spanishName)" : nil
            let message: String
            if rule == nil {
                message = .concatenation("mezcla de registros: «", text, "» (", name(use.form),
                                         ") en una respuesta que trata de ", expected.spanishName)
            } else {
                message = .concatenation(label(use.form), " «", text, "» en una respuesta que debe tratar de ",
                                         expected.spanishName)
            }
            if id >= 0 { memo[id] = Said(form: use.form, message: message, suggestions: suggestions, help: help) }
            findings.append(Finding(range: range, message: message, suggestions: suggestions, help: help))
        }
        return findings
    }

    static func name(_ form: AddressForms.Form) -> String {
        if form.bits == Register.tu.bit | Register.vos.bit { return "tú o vos" }
        return form.owner.spanishName
    }

    static func label(_ form: AddressForms.Form) -> String {
        switch form.owner {
        case .usted: return "trato de usted"
        case .tu: return form.belongs(to: .vos) ? "trato de tú o vos" : "tuteo"
        case .vos: return "voseo"
        }
    }
}
