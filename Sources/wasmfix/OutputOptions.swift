import ArgumentParser
import Foundation
import WasmfixCore

enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json, sarif, github }

/// The flags that choose what `wasmfix scan` prints and where, and the printing itself, so
/// Scan.swift keeps to scanning and fixing.
struct OutputOptions: ParsableArguments {
  @Option(help: "Output format: text, json, sarif or github.")
  var format: OutputFormat = .text

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

  /// The report of `result` in the chosen format.
  func render(_ result: ScanResult, quiet: Bool, verbose: Bool) -> String {
    let shown = paths(for: result).apply(to: result)
    switch format {
    case .json: return JSONReport(shown).rendered()
    case .sarif: return SARIFReport.render(result)
    case .github: return GitHubReport.render(shown)
    case .text: return TextReport.render(shown, options: .init(color: Terminal.stdoutSupportsColor, quiet: quiet, verbose: verbose))
    }
  }

  /// The unified diff of the verified changes, with headers relative to the current directory.
  func diff(_ changes: [Fixer.FileChange], root: String) -> String {
    let paths = OutputPaths.currentDirectory(root: root)
    return changes.map { UnifiedDiff.render(path: paths.display($0.path), old: $0.original, new: $0.edited) }.joined()
  }
}
