import ArgumentParser
import WasmfixCore

/// The project-configuration and exit-control flags of `wasmfix scan`: which `.wasmfix.toml`
/// applies, which rules run, and what makes the exit code 1.
struct ProjectOptions: ParsableArguments {
  @Option(name: .customLong("config"), help: ArgumentHelp("Read this config file instead of discovering .wasmfix.toml / wasmfix.toml files.", valueName: "FILE"))
  var configFile: String?

  @Flag(help: "Ignore every config file.")
  var isolated = false

  @Option(parsing: .singleValue, help: ArgumentHelp("Run only these rules (comma-separated or repeated; replaces the config's select).", valueName: "CODES"))
  var select: [String] = []

  @Option(parsing: .singleValue, help: ArgumentHelp("Do not run these rules (comma-separated or repeated; added to the config's ignore).", valueName: "CODES"))
  var ignore: [String] = []

  @Flag(name: .customLong("exit-zero"), help: "Exit 0 even when findings remain (still 2 when wasmfix fails).")
  var exitZero = false

  @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding at or above this severity remains: error, warning or note (default: error, or the config's fail-on).")
  var failOn: Severity?

  var selectedCodes: [String]? { select.isEmpty ? nil : Self.codes(select) }
  var ignoredCodes: [String] { Self.codes(ignore) }

  func validate() throws {
    if configFile != nil && isolated { throw ValidationError("--config and --isolated cannot be combined") }
    for (flag, codes) in [("--select", Self.codes(select)), ("--ignore", ignoredCodes)] {
      if let bad = RuleCodes.unknown(codes).first { throw ValidationError("\(flag): unknown rule code '\(bad)' (known: \(RuleCodes.known))") }
    }
  }

  /// The config files of the run; a broken run config is an error before anything is scanned.
  func configuration(scanRoot: String) throws -> ProjectConfiguration? {
    if isolated { return nil }
    return try ProjectConfiguration(mode: configFile.map { .file($0) } ?? .discover, scanRoot: scanRoot)
  }

  /// The exit code for a scan's (or fix's) result, from `--exit-zero` and `--fail-on`
  /// (else the run config's `fail-on`, else error).
  func exitStatus(for result: ScanResult, run: ProjectConfig?) -> Int32 {
    if exitZero { return ExitStatus.clean }
    let threshold = failOn ?? run?.failOn.flatMap(Severity.init(rawValue:)) ?? .error
    return result.remainingCount(atOrAbove: threshold) > 0 ? ExitStatus.findings : ExitStatus.clean
  }

  /// `WF001,WF003` and repeated flags alike.
  static func codes(_ values: [String]) -> [String] {
    values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }
}

extension Severity: ExpressibleByArgument {}
