import WasmfixSupport

/// What a severity override in `[severity]` sets a rule to; `off` removes the rule.
public enum RuleLevel: String, Sendable, CaseIterable {
  case error, warning, note, off
}

/// One parsed `.wasmfix.toml` / `wasmfix.toml`: every key optional, as written (rule codes are
/// checked later, against the rules the analysis knows; this target knows none of them).
///
/// Keys fall in two kinds. *Per-file* keys (`include`, `exclude`, `wasmtime-version`, `harden`,
/// `select`, `ignore`, `[severity]`, `[setters]`) apply to the files below the config's folder,
/// the nearest config winning. *Whole-run* keys (`strategy`, `headroom`, `unsafe-fixes`,
/// `fail-on`) shape the fix or the exit code of the run as a whole, so they are read only from
/// the run's configuration (`--config FILE`, else the one found from the scan root).
public struct ProjectConfig: Sendable {
  /// Absolute path of the file.
  public let path: String
  /// The path as messages show it: relative to the current directory when below it.
  public let displayPath: String
  public var strategy: FixStrategy?
  public var headroom: Int?
  public var include: [String]?
  public var exclude: [String]?
  public var wasmtimeVersion: WasmtimeVersion?
  public var harden: Bool?
  public var select: [String]?
  public var ignore: [String]?
  /// Rule code (as written) to level.
  public var severity: [String: RuleLevel] = [:]
  public var unsafeFixes: Bool?
  /// `error`, `warning` or `note`.
  public var failOn: String?
  /// A project's own setter (function or method name) to the Wasmtime setting it wraps
  /// (`max_wasm_stack`, `async_stack_size`, `async_support`).
  public var setters: [String: String] = [:]
  /// The 1-based line of each key (`select`, `severity.WF005`, `setters.set_wasm_stack`), for messages.
  public var lines: [String: Int] = [:]

  /// The keys that shape the whole run rather than the files below the config.
  public static let wholeRunKeys: [String] = ["strategy", "headroom", "unsafe-fixes", "fail-on"]
  /// Every top-level key a config may hold.
  public static let knownKeys: Set<String> = [
    "strategy", "headroom", "include", "exclude", "wasmtime-version", "harden", "select", "ignore", "severity",
    "unsafe-fixes", "fail-on", "setters",
  ]
  /// The file names looked for in each folder, in order of preference.
  public static let fileNames = [".wasmfix.toml", "wasmfix.toml"]
  public static let settingNames: Set<String> = ["max_wasm_stack", "async_stack_size", "async_support"]

  public init(path: String, displayPath: String) {
    self.path = path
    self.displayPath = displayPath
  }

  /// The folder the config governs.
  public var directory: String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// The line of `key` (a dotted path for table entries), or 1 when it cannot be found.
  public func line(of key: String) -> Int { lines[key] ?? 1 }

  /// Which whole-run keys this file sets (to warn when a nested config sets them).
  public var wholeRunKeysSet: [String] {
    var keys: [String] = []
    if strategy != nil { keys.append("strategy") }
    if headroom != nil { keys.append("headroom") }
    if unsafeFixes != nil { keys.append("unsafe-fixes") }
    if failOn != nil { keys.append("fail-on") }
    return keys
  }
}

/// A config file that cannot be used: which file, which line, what is wrong.
public struct ConfigError: Error, Equatable, CustomStringConvertible {
  public let path: String
  public let line: Int?
  public let message: String

  public init(path: String, line: Int?, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  /// `.wasmfix.toml:3: unknown key 'stratgy'`, the shape compilers use.
  public var description: String { line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)" }
}
