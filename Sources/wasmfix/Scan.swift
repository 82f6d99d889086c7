import ArgumentParser
import Foundation
import WasmfixCore

enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json, sarif, github }
extension FixStrategy: ExpressibleByArgument {}

struct Scan: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Scan files or directories for Wasmtime stack settings.")

  @Argument(help: "Files or directories to scan.")
  var paths: [String] = ["."]

  @Option(help: "Output format: text, json, sarif or github.")
  var format: OutputFormat = .text

  @Flag(help: "Print the fixes as a unified diff (git apply-able) on stdout; write nothing.")
  var diff = false

  @Flag(help: "Apply the fixes in place.")
  var write = false

  @Option(help: "How to fix max_wasm_stack > async_stack_size: raise-async or lower-max.")
  var strategy: FixStrategy = .raiseAsync

  @Option(help: "Stack kept for host code when wasmfix computes a value (bytes, or K/KiB/M/MiB).")
  var headroom: String = "512K"

  @Flag(help: "Also report valid configurations that lack the documenting comment and assertion (WF006).")
  var harden = false

  @Option(name: .customLong("wasmtime-version"), help: "Wasmtime version to judge against, overriding Cargo.lock / Cargo.toml / *.csproj.")
  var wasmtimeVersion: String?

  @Option(help: "Only scan files matching this glob (repeatable).")
  var include: [String] = []

  @Option(help: "Skip files and directories matching this glob (repeatable).")
  var exclude: [String] = []

  @Flag(name: .customLong("no-ignore"), help: "Do not honour .gitignore files.")
  var noIgnore = false

  @Flag(name: .customLong("follow"), help: "Follow symbolic links (never writing through one to a file outside the scanned root).")
  var follow = false

  @Option(name: .customLong("max-file-size"), help: "Skip files larger than this (bytes, or with K/KiB/M/MiB).")
  var maxFileSize: String = "8MiB"

  @Option(help: "Worker threads (default: one per core).")
  var jobs: Int?

  @Flag(name: .shortAndLong, help: "Print only the finding lines and the summary.")
  var quiet = false

  @Flag(name: .shortAndLong, help: "Also list sites without findings.")
  var verbose = false

  func validate() throws {
    if let wasmtimeVersion, WasmtimeVersion(wasmtimeVersion) == nil {
      throw ValidationError("--wasmtime-version: '\(wasmtimeVersion)' is not a version like 25.0.0")
    }
    if SizeArgument.parse(maxFileSize) == nil {
      throw ValidationError("--max-file-size: '\(maxFileSize)' is not a size (e.g. 8388608, 8M, 8MiB)")
    }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if SizeArgument.parse(headroom) == nil { throw ValidationError("--headroom: '\(headroom)' is not a size (e.g. 524288, 512K)") }
    if diff && write { throw ValidationError("--diff and --write cannot be combined: --diff shows what --write would do") }
  }

  func run() throws {
    var options = ScanOptions()
    options.paths = paths
    options.harden = harden
    options.wasmtimeVersion = wasmtimeVersion.flatMap(WasmtimeVersion.init)
    options.walk.includes = include
    options.walk.excludes = exclude
    options.walk.respectIgnoreFiles = !noIgnore
    options.walk.followSymlinks = follow
    options.walk.maxFileSize = SizeArgument.parse(maxFileSize) ?? (8 << 20)
    options.jobs = jobs
    options.progress = format == .text ? Terminal.progressReporter() : nil

    let scanned: ScanResult
    do {
      scanned = try Scanner(options: options).scan()
      Terminal.clearProgress()
    } catch {
      Terminal.error("\(error)")
      throw ExitCode(ExitStatus.failure)
    }
    for skipped in scanned.skipped { Terminal.error("\(skipped.path): \(skipped.reason)") }
    if !quiet { for warning in scanned.warnings { Terminal.error(warning) } }

    var result = scanned
    if diff || write {
      let fixer = Fixer(result: scanned, options: FixOptions(strategy: strategy, headroom: SizeArgument.parse(headroom) ?? (512 << 10)))
      var outcome = fixer.prepare()
      if write { outcome = fixer.write(outcome) }
      for message in outcome.messages { Terminal.error(message) }
      if diff {
        Terminal.output(outcome.changes.map(\.diff).joined())
        // --diff fixes nothing: the report's `fixed` stays false and the exit code is a plain scan's.
        Terminal.error("\(outcome.changes.count) file(s) would change; \(scanned.findings.count) finding(s), \(scanned.errorCount) error(s)")
        throw ExitCode(scanned.errorCount > 0 ? ExitStatus.findings : ExitStatus.clean)
      }
      result = outcome.result
      // A write the user asked for that did not happen: exit 2, from the typed outcome.
      if !outcome.writeFailures.isEmpty {
        report(result)
        throw ExitCode(ExitStatus.failure)
      }
    }
    report(result)
    throw ExitCode(result.errorCount > 0 ? ExitStatus.findings : ExitStatus.clean)
  }

  func report(_ result: ScanResult) {
    switch format {
    case .json: Terminal.output(JSONReport(result).rendered())
    case .sarif: Terminal.output(SARIFReport.render(result))
    case .github: Terminal.output(GitHubReport.render(result))
    case .text: Terminal.output(TextReport.render(result, options: .init(color: Terminal.stdoutSupportsColor, quiet: quiet, verbose: verbose)))
    }
  }
}

/// Sizes as the contract spells them: integers, `_` separators, K/KiB/M/MiB (binary).
enum SizeArgument {
  static func parse(_ text: String) -> Int? {
    var digits = text.filter { $0 != "_" }
    var multiplier = 1
    for (suffix, factor) in [("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("K", 1 << 10), ("M", 1 << 20), ("G", 1 << 30)]
    where digits.hasSuffix(suffix) {
      digits.removeLast(suffix.count)
      multiplier = factor
      break
    }
    guard let value = Int(digits), value >= 0 else { return nil }
    let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
    return overflow ? nil : product
  }
}
