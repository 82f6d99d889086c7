import ArgumentParser
import Foundation
import WasmfixCore

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, sarif, github, gitlab
  case jsonLines = "json-lines"
}

/// The flags that choose what `wasmfix scan` prints and where, and the printing itself, so
/// Scan.swift keeps to scanning and fixing.
struct OutputOptions: ParsableArguments {
  @Option(help: "Output format: text, json, json-lines, sarif, github or gitlab.")
  var format: OutputFormat = .text

  @Flag(name: .customLong("unsafe-fixes"), help: "With --write or --diff, also apply fixes that lower a stack value or insert a run-time abort.")
  var unsafeFixes = false

  /// JSON and SARIF list the fixes on offer: computing them costs a plan and its verification.
  var showsFixes: Bool { format == .json || format == .sarif }

  /// Every verified fix for a plain scan, unsafe ones included with their applicability (as
  /// ruff's JSON lists them): the report says what `--write` (with `--unsafe-fixes`) would do.
  func availableFixes(_ result: ScanResult, options: FixOptions) -> [ReportedFix] {
    guard showsFixes else { return [] }
    var all = options
    all.unsafeFixes = true
    return Fixer(result: result, options: all).prepare().fixes
  }

  func validate(diff: Bool) throws {
    // A diff is its own format; mixing it into JSON or SARIF would make neither parseable.
    // One line, without the usage block a ValidationError adds: nothing is wrong with the syntax.
    if diff && format != .text {
      Terminal.error("--diff prints a unified diff; it cannot be combined with --format \(format.rawValue)")
      throw ExitCode(ExitStatus.failure)
    }
  }

  /// Paths as the report prints them: relative to the current directory.
  func paths(for result: ScanResult) -> OutputPaths { .currentDirectory(root: result.root) }

  /// The report of `result` in the chosen format; `writeFailed`: a write the user asked for failed.
  func render(_ result: ScanResult, fixes: [ReportedFix], writeFailed: Bool, quiet: Bool, verbose: Bool) -> String {
    let paths = paths(for: result)
    let shown = paths.apply(to: result)
    switch format {
    case .json: return JSONReport(shown, fixes: paths.apply(to: fixes, of: result)).rendered()
    case .sarif:
      return SARIFReport.render(result, fixes: fixes, paths: .repositoryRoot(root: result.root), executionSuccessful: !writeFailed)
    case .github: return GitHubReport.render(shown)
    case .gitlab: return GitLabReport.render(result, paths: .repositoryRoot(root: result.root))
    case .jsonLines: return JSONLinesReport.render(shown)
    case .text: return TextReport.render(shown, options: .init(color: Terminal.stdoutSupportsColor, quiet: quiet, verbose: verbose))
    }
  }

  /// The unified diff of the verified changes, with headers relative to the current directory.
  func diff(_ changes: [Fixer.FileChange], root: String) -> String {
    let paths = OutputPaths.currentDirectory(root: root)
    return changes.map { UnifiedDiff.render(path: paths.display($0.path), old: $0.original, new: $0.edited) }.joined()
  }
}
