import Foundation

/// Where the runner gets the linter for a file: one fixed linter, or one per `.replylint.yml`.
public protocol LinterSource: Sendable {
    /// The linter and project settings for a file, or the error that makes it unlintable
    /// (a malformed config, broken lexicons).
    func resolve(_ path: String) -> Result<ResolvedSettings, InputError>
}

public struct ResolvedSettings: Sendable {
    public var linter: Linter
    public var config: ProjectConfig
    public init(linter: Linter, config: ProjectConfig = ProjectConfig()) {
        self.linter = linter
        self.config = config
    }
}

/// The same linter for every file.
public struct FixedLinter: LinterSource {
    public let settings: ResolvedSettings
    public init(_ linter: Linter) { settings = ResolvedSettings(linter: linter) }
    public func resolve(_ path: String) -> Result<ResolvedSettings, InputError> { .success(settings) }
}

/// Settings given on the command line; they win over a config file's.
public struct CommandLineSettings: Sendable {
    public var register: Register?
    public var region: String?
    public var locale: String?
    public var lexiconRoot: String
    public var extraLexicons: [String]
    public var severities: [String: Severity?]
    public var only: Set<String>?
    /// `--config FILE`: use this file for every input instead of discovering one.
    public var configPath: String?
    /// `--no-config`: ignore config files.
    public var noConfig: Bool

    public init(register: Register? = nil, region: String? = nil, locale: String? = nil, lexiconRoot: String,
                extraLexicons: [String] = [], severities: [String: Severity?] = [:], only: Set<String>? = nil,
                configPath: String? = nil, noConfig: Bool = false) {
        self.register = register
        self.region = region
        self.locale = locale
        self.lexiconRoot = lexiconRoot
        self.extraLexicons = extraLexicons
        self.severities = severities
        self.only = only
        self.configPath = configPath
        self.noConfig = noConfig
    }
}

/// One linter per config file, built on first use and shared by every file under that config.
/// Config files are found from each file's folder upward (nearest wins), looked up once per folder.
public final class ConfiguredLinters: LinterSource, @unchecked Sendable {
    let settings: CommandLineSettings
    let knownNames: Set<String>
    let registry: [any Rule.Type]
    private let lock = NSLock()
    private var byConfig: [String: Result<ResolvedSettings, InputError>] = [:]
    private var dictionaryProblems: [InputError] = []

    /// The configs whose `dictionary:` could not be loaded (spelling is off under them), once each.
    public func problems() -> [InputError] {
        lock.lock()
        defer { lock.unlock() }
        return dictionaryProblems
    }
    private var configOfFolder: [String: String] = [:]

    public init(_ settings: CommandLineSettings, registry: [any Rule.Type] = RuleRegistry.all) {
        self.settings = settings
        self.registry = registry
        knownNames = Set(registry.map { $0.description.id } + Category.allCases.map(\.rawValue))
    }

    /// True when a linter built so far runs the spelling rules with the command line's (or the standard)
    /// dictionary, not one its config names.
    public var spellsWithDefaultDictionary: Bool {
        lock.lock()
        defer { lock.unlock() }
        return byConfig.values.contains { result in
            guard case .success(let settings) = result else { return false }
            return settings.config.dictionary == nil && settings.linter.ruleIDs.contains { $0.hasPrefix("spelling.") }
        }
    }

    /// True when a linter built so far runs a rule of `category`.
    public func runsCategory(_ category: Category) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return byConfig.values.contains { result in
            guard case .success(let settings) = result else { return false }
            return settings.linter.ruleIDs.contains { $0.hasPrefix(category.rawValue + ".") }
        }
    }

    public func resolve(_ path: String) -> Result<ResolvedSettings, InputError> {
        let configPath: String
        if settings.noConfig {
            configPath = ""
        } else if let forced = settings.configPath {
            configPath = forced
        } else {
            let folder = (path as NSString).deletingLastPathComponent
            lock.lock()
            let cached = configOfFolder[folder]
            lock.unlock()
            if let cached {
                configPath = cached
            } else {
                configPath = ProjectConfig.discover(from: folder.isEmpty ? "." : folder) ?? ""
                lock.lock()
                configOfFolder[folder] = configPath
                lock.unlock()
            }
        }
        lock.lock()
        defer { lock.unlock() }
        if let done = byConfig[configPath] { return done }
        let result = build(configPath)
        byConfig[configPath] = result
        return result
    }

    func build(_ configPath: String) -> Result<ResolvedSettings, InputError> {
        var config = ProjectConfig()
        if !configPath.isEmpty {
            do {
                config = try ProjectConfig.load(path: configPath, knownNames: knownNames)
            } catch let error as InputError {
                return .failure(error)
            } catch {
                return .failure(.unreadable(path: configPath, reason: "\(error)"))
            }
        }
        let locale = settings.locale ?? config.locale ?? "es"
        var severities = config.severities
        for (k, v) in settings.severities { severities[k] = v }
        let options = LintOptions(register: settings.register ?? config.register ?? .usted,
                                  region: settings.region ?? config.region, locale: locale)
        do {
            var lexicons = try LexiconStore(root: settings.lexiconRoot, locale: locale,
                                            extra: config.lexicons + settings.extraLexicons)
            try lexicons.addWordList(name: "vocabulary/accept", path: config.acceptFile)
            try lexicons.addWordList(name: "vocabulary/reject", path: config.rejectFile)
            if let dictionary = config.dictionary {
                lexicons.dictionary = dictionary
                // A dictionary that cannot be loaded is said once, at the config, and the other families run.
                if case .failure(let error) = SpellChecker.shared(dictionary: dictionary) {
                    dictionaryProblems.append(.malformed(path: configPath, line: config.dictionaryLine,
                                                         column: config.dictionaryColumn,
                                                         reason: "dictionary: \(error.path): \(error.message)"))
                }
            }
            let linter = try Linter(lexicons: lexicons, configuration: Linter.Configuration(
                options: options, severities: severities, only: settings.only), registry: registry)
            return .success(ResolvedSettings(linter: linter, config: config))
        } catch let error as LexiconError {
            return .failure(.malformed(path: error.path, line: max(1, error.line), column: 1, reason: "léxico no válido: \(error.reason)"))
        } catch let error as InputError {
            return .failure(error)
        } catch {
            return .failure(.unreadable(path: configPath.isEmpty ? settings.lexiconRoot : configPath, reason: "\(error)"))
        }
    }
}
