import ArgumentParser
import Foundation
import WasmfixCore

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, sarif, github, gitlab
  case jsonLines = "json-lines"
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

/// The flags that choose what `wasmfix scan` prints and where, and the printing itself, so
/// Scan.swift keeps to scanning and fixing.
struct OutputOptions: ParsableArguments {
  @Option(help: "Output format: text, json, json-lines, sarif, github or gitlab.")
  var format: OutputFormat = .text

  @Flag(name: .customLong("unsafe-fixes"), help: "With --write or --diff, also apply fixes that lower a stack value or insert a run-time abort.")
  var unsafeFixes = false

  @Flag(help: "Print counts per rule (code, name, findings, fixable) instead of the findings; text or json.")
  var statistics = false

  @Option(name: .customLong("output-file"), help: "Write the report (or the diff) to this file instead of stdout.")
  var outputFile: String?

  @Option(help: "Colour in the text report: auto (a terminal, unless NO_COLOR; FORCE_COLOR forces it), always or never.")
  var color: ColorChoice = .auto

  /// JSON and SARIF list the fixes on offer (planned, not verified: see `Fixer.planned`).
  var showsFixes: Bool { !statistics && (format == .json || format == .sarif) }

  /// Every planned fix for a plain scan, unsafe ones included with their applicability (as
  /// ruff's JSON lists them): what `--write` (with `--unsafe-fixes`) would apply once its
  /// syntax check and re-scan accept it.
  func availableFixes(_ result: ScanResult, options: FixOptions) -> [ReportedFix] {
    guard showsFixes else { return [] }
    var all = options
    all.unsafeFixes = true
    return Fixer(result: result, options: all).planned()
  }

  func validate(diff: Bool) throws {
    if statistics && ![.text, .json].contains(format) {
      Terminal.error("--statistics prints text or json; it cannot be combined with --format \(format.rawValue)")
      throw ExitCode(ExitStatus.failure)
    }
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
  func render(_ result: ScanResult, fixes: [ReportedFix], writeFailed: Bool, quiet: Bool, verbose: Bool) -> [UInt8] {
    let paths = paths(for: result)
    if statistics { return Array((format == .json ? RuleStatistics.json(result) : RuleStatistics.text(result)).utf8) }
    switch format {
    // A large tree's report is megabytes: the bytes rendered are written, not copied into a
    // `String` and back.
    case .json: return JSONReport(paths.apply(to: result), fixes: paths.apply(to: fixes, of: result)).renderedBytes()
    case .sarif:
      return Array(SARIFReport.render(result, fixes: fixes, paths: .repositoryRoot(root: result.root), executionSuccessful: !writeFailed).utf8)
    case .github: return Array(GitHubReport.render(paths.apply(to: result)).utf8)
    case .gitlab: return Array(GitLabReport.render(result, paths: .repositoryRoot(root: result.root)).utf8)
    case .jsonLines: return Array(JSONLinesReport.render(paths.apply(to: result)).utf8)
    case .text: return Array(TextReport.render(paths.apply(to: result), options: .init(color: usesColor, quiet: quiet, verbose: verbose)).utf8)
    }
  }

  /// Whether the text report is coloured: `--color`, then NO_COLOR (https://no-color.org),
  /// then FORCE_COLOR (https://force-color.org), then whether stdout is a terminal.
  var usesColor: Bool {
    Terminal.colorEnabled(color.rawValue, toTerminal: outputFile == nil, environment: ProcessInfo.processInfo.environment)
  }

  /// Writes the report or diff: to `--output-file` (stdout stays empty) or to stdout.
  func emit(_ text: String) throws { try emit(bytes: Array(text.utf8)) }

  /// The same for bytes that need not be UTF-8 (a diff carries the files' own bytes).
  func emit(bytes: [UInt8]) throws {
    guard let outputFile else { return Terminal.output(bytes: bytes) }
    do {
      try Data(bytes).write(to: URL(fileURLWithPath: outputFile), options: .atomic)
    } catch {
      Terminal.error("cannot write \(outputFile): \(error.localizedDescription)")
      throw ExitCode(ExitStatus.failure)
    }
  }

  /// The unified diff of the verified changes, with headers relative to the current
  /// directory, every line as the file's bytes (a patch with U+FFFD for a stray byte would not apply).
  func diff(_ changes: [Fixer.FileChange], root: String) -> [UInt8] {
    let paths = OutputPaths.currentDirectory(root: root)
    return changes.flatMap { $0.diffBytes(shownPath: paths.display($0.path)) }
  }
}
