import ArgumentParser
import Foundation
import WasmfixCore

extension FixStrategy: ExpressibleByArgument {}

struct Scan: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "scan", abstract: "Scan files or directories for Wasmtime stack settings.")

  @Argument(help: "Files or directories to scan; `-` reads one file from standard input (with --stdin-filename).")
  var paths: [String] = ["."]

  @Option(name: .customLong("stdin-filename"), help: "With `-`: the path the text on standard input stands for (reported as that file; constants and the Wasmtime version come from the project around it).")
  var stdinFilename: String?

  @OptionGroup var output: OutputOptions

  @Flag(help: "Print the fixes as a unified diff (git apply-able) on stdout; write nothing.")
  var diff = false

  @Flag(help: "Apply the fixes in place.")
  var write = false

  // Optional so that a config file's `strategy` / `headroom` apply when the flag is not given.
  @Option(help: "How to fix max_wasm_stack > async_stack_size: raise-async or lower-max (default: raise-async).")
  var strategy: FixStrategy?

  @Option(help: "Stack kept for host code when wasmfix computes a value, in bytes or K/KiB/M/MiB (default: 512K).")
  var headroom: String?

  @Flag(help: "Also report valid configurations that lack the documenting comment and assertion (WF006).")
  var harden = false

  @Flag(name: .customLong("bump-version-pin"), help: "Where the Wasmtime 25.0.0 CLI cannot size its async stack, raise the version pin it came from (wasmtime-version.txt, a workflow's setup version, <WasmtimeVersion>, WASMTIME_VERSION, a download URL) to 25.0.1 instead of lowering max-wasm-stack.")
  var bumpVersionPin = false

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

  @OptionGroup var baselineOptions: BaselineOptions

  @OptionGroup(title: "Configuration and exit code")
  var project: ProjectOptions

  func validate() throws {
    if let wasmtimeVersion, WasmtimeVersion(wasmtimeVersion) == nil {
      throw ValidationError("--wasmtime-version: '\(wasmtimeVersion)' is not a version like 25.0.0")
    }
    if SizeArgument.parse(maxFileSize) == nil {
      throw ValidationError("--max-file-size: '\(maxFileSize)' is not a size (e.g. 8388608, 8M, 8MiB)")
    }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    for (flag, patterns) in [("--include", include), ("--exclude", exclude)] {
      for pattern in patterns {
        if let problem = Glob.problem(pattern) { throw ValidationError("\(flag) '\(pattern)': \(problem)") }
      }
    }
    if let headroom, SizeArgument.parse(headroom) == nil { throw ValidationError("--headroom: '\(headroom)' is not a size (e.g. 524288, 512K)") }
    if diff && write { throw ValidationError("--diff and --write cannot be combined: --diff shows what --write would do") }
    try baselineOptions.validate(diff: diff, write: write)
    if paths.contains("-") {
      guard paths == ["-"] else { throw ValidationError("`-` (standard input) cannot be combined with other paths") }
      guard stdinFilename != nil else { throw ValidationError("reading standard input (`-`) needs --stdin-filename PATH: the file it stands for") }
      if write { throw ValidationError("--write cannot write back to standard input; use --diff") }
    } else if stdinFilename != nil {
      throw ValidationError("--stdin-filename is only used with `-` (standard input)")
    }
  }

  func run() throws {
    try output.validate(diff: diff)
    var options = ScanOptions()
    options.paths = paths
    if let stdinFilename {
      options.standardInput = StandardInputFile(path: stdinFilename, bytes: [UInt8](FileHandle.standardInput.readDataToEndOfFile()))
    }
    options.harden = harden
    options.wasmtimeVersion = wasmtimeVersion.flatMap(WasmtimeVersion.init)
    options.walk.includes = include
    options.walk.excludes = exclude
    options.walk.respectIgnoreFiles = !noIgnore
    options.walk.followSymlinks = follow
    options.walk.maxFileSize = SizeArgument.parse(maxFileSize) ?? (8 << 20)
    options.jobs = jobs
    options.progress = output.format == .text && !quiet ? Terminal.progressReporter() : nil
    do { options.baseline = try baselineOptions.fingerprints() } catch {
      Terminal.error("\(error)")
      throw ExitCode(ExitStatus.failure)
    }
    options.select = project.selectedCodes
    options.ignore = project.ignoredCodes
    do { options.project = try project.configuration(scanRoot: Scanner.root(for: options)) } catch {
      Terminal.error("\(error)")
      throw ExitCode(ExitStatus.failure)
    }
    let run = options.project?.run

    var result: ScanResult
    do {
      result = try Scanner(options: options).scan()
      Terminal.clearProgress()
    } catch {
      Terminal.error("\(error)")
      throw ExitCode(ExitStatus.failure)
    }
    do {
      let shown = output.paths(for: result).apply(to: result)
      for skipped in shown.skipped { Terminal.error("\(skipped.path): \(skipped.reason)") }
      if !quiet { for warning in shown.warnings { Terminal.error(warning) } }
    }
    do {
      if try baselineOptions.record(result) {
        try report(result, fixes: [])
        throw ExitCode(ExitStatus.clean)
      }
    } catch let error as Baseline.LoadError {
      Terminal.error("\(error)")
      throw ExitCode(ExitStatus.failure)
    }

    var fixes: [ReportedFix] = []
    // Flags win over the config's whole-run keys, which win over the defaults.
    let fixOptions = FixOptions(strategy: strategy ?? run?.strategy ?? .raiseAsync,
                                headroom: headroom.flatMap(SizeArgument.parse) ?? run?.headroom ?? (512 << 10),
                                unsafeFixes: output.unsafeFixes || run?.unsafeFixes == true, bumpVersionPin: bumpVersionPin)
    if diff || write {
      let fixed = try fix(result, options: fixOptions, run: run)
      result = fixed.result
      fixes = fixed.fixes
      // A write the user asked for that did not happen: exit 2, from the typed outcome.
      if fixed.writeFailed {
        result.releaseFixState()
        try report(result, fixes: fixes, writeFailed: true)
        throw ExitCode(ExitStatus.failure)
      }
    } else {
      fixes = output.availableFixes(result, options: fixOptions)
    }
    // The report reads none of what fixing needed: rendering it reuses that memory.
    result.releaseFixState()
    try report(result, fixes: fixes)
    // Exit here, not by throwing: unwinding would first free the whole scan result (every
    // file's record, trees, sources) one object at a time, which costs a large scan several
    // milliseconds for memory the process is about to give back anyway. Output is written
    // with write(2) and unbuffered, so nothing is lost.
    Foundation.exit(project.exitStatus(for: result, run: run))
  }

  /// `--diff` (prints the patch, then exits) or `--write`: the result after writing and the
  /// fixes to report. A function of its own so that the fixer and its outcome (the scan's
  /// texts, a re-scan's) are gone once it returns.
  private func fix(_ scanned: ScanResult, options fixOptions: FixOptions, run: ProjectConfig?) throws
    -> (result: ScanResult, fixes: [ReportedFix], writeFailed: Bool) {
    let fixer = Fixer(result: scanned, options: fixOptions)
    var outcome = fixer.prepare()
    if write { outcome = fixer.write(outcome) }
    let knownPaths = Array(scanned.fileHashes.keys) + scanned.sites.map(\.path)
    for message in outcome.messages { Terminal.error(output.paths(for: scanned).text(message, paths: knownPaths)) }
    if diff {
      try output.emit(bytes: output.diff(outcome.changes, root: scanned.root))
      // --diff fixes nothing: the report's `fixed` stays false and the exit code is a plain scan's.
      Terminal.error("\(outcome.changes.count) file(s) would change; \(scanned.findings.filter { !$0.suppressed }.count) finding(s), \(scanned.errorCount) error(s)")
      throw ExitCode(project.exitStatus(for: scanned, run: run))
    }
    return (outcome.result, output.showsFixes ? outcome.fixes : [], !outcome.writeFailures.isEmpty)
  }

  func report(_ result: ScanResult, fixes: [ReportedFix], writeFailed: Bool = false) throws {
    // A JSON report to standard output is written as it is rendered, 64 KiB at a time: a large
    // tree's is megabytes (a file given with --output-file is written whole, atomically).
    if output.format == .json, !output.statistics, output.outputFile == nil {
      let paths = output.paths(for: result)
      return JSONReport(paths.apply(to: result), fixes: paths.apply(to: fixes, of: result)).write(piece: 64 << 10, to: Terminal.output(bytes:))
    }
    try output.emit(bytes: output.render(result, fixes: fixes, writeFailed: writeFailed, quiet: quiet, verbose: verbose))
  }
}

/// Sizes as the contract spells them: the CLI reads them as the config file does.
typealias SizeArgument = SizeText
