import WasmfixAnalysis
import Foundation

/// Which rules run for a file and at what severity: its config's `select` / `ignore` /
/// `[severity]` / `harden`, with the command line on top (`--select` replaces the config's
/// `select`, `--ignore` adds to its `ignore`, `--harden` turns hardening on everywhere).
/// A finding of a rule that is off is dropped before fixing, so it is neither reported nor fixed.
struct RulePolicy {
  private let enabled: Set<String>
  private let severities: [String: Severity]
  let harden: Bool

  init(config: ProjectConfig?, options: ScanOptions) {
    let all = Rules.all.map(\.id.code)
    let selected = (options.select ?? config?.select).map { Set($0.compactMap(RuleCodes.canonical)) } ?? Set(all)
    var enabled = selected.subtracting(((config?.ignore ?? []) + options.ignore).compactMap(RuleCodes.canonical))
    var severities: [String: Severity] = [:]
    for (written, level) in config?.severity ?? [:] {
      guard let code = RuleCodes.canonical(written) else { continue }
      switch level {
      case .off: enabled.remove(code)
      case .error: severities[code] = .error
      case .warning: severities[code] = .warning
      case .note: severities[code] = .note
      }
    }
    self.enabled = enabled
    self.severities = severities
    harden = options.harden || config?.harden == true
  }

  /// The finding as this file's policy reports it; nil when its rule is off here.
  func apply(_ finding: Finding) -> Finding? {
    guard enabled.contains(finding.rule.code) else { return nil }
    // WF006 exists only where hardening is asked for (the rules run hardened when any file is).
    if finding.rule.code == "WF006" && !harden { return nil }
    var result = finding
    if let severity = severities[finding.rule.code] { result.severity = severity }
    return result
  }
}

/// Rule codes as users write them: `WF005` (any case) or the rule's name (`latent-stack-mismatch`).
public enum RuleCodes {
  static func canonical(_ written: String) -> String? {
    Rules.named(written.trimmingCharacters(in: .whitespaces))?.id.code
  }

  /// The codes that name no rule, for an error message.
  public static func unknown(_ codes: [String]) -> [String] { codes.filter { canonical($0) == nil } }

  /// Every rule code a config names must exist: `select`, `ignore` and the `[severity]` keys.
  static func validate(_ config: ProjectConfig) throws {
    for key in ["select", "ignore"] {
      let codes = (key == "select" ? config.select : config.ignore) ?? []
      if let bad = unknown(codes).first {
        throw ConfigError(path: config.displayPath, line: config.line(of: key), message: "unknown rule code '\(bad)' in '\(key)' (known: \(known))")
      }
    }
    for code in config.severity.keys.sorted() where canonical(code) == nil {
      throw ConfigError(path: config.displayPath, line: config.line(of: "severity.\(code)"),
                        message: "unknown rule code '\(code)' in [severity] (known: \(known))")
    }
  }

  public static var known: String { Rules.all.map(\.id.code).joined(separator: ", ") }
}
