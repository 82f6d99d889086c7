import ArgumentParser
import WasmfixCore

/// `--baseline` / `--write-baseline`: adopting wasmfix on a repository with old findings.
struct BaselineOptions: ParsableArguments {
  @Option(name: .customLong("baseline"), help: ArgumentHelp("Report only findings not recorded in this baseline file (written by --write-baseline).", valueName: "file"))
  var baseline: String?

  @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Record today's findings in this file and exit 0.", valueName: "file"))
  var writeBaseline: String?

  func validate(diff: Bool, write: Bool) throws {
    guard writeBaseline != nil else { return }
    if baseline != nil { throw ValidationError("--write-baseline and --baseline cannot be combined: --write-baseline records every finding") }
    if diff || write { throw ValidationError("--write-baseline records findings; it cannot be combined with --diff or --write") }
  }

  /// The fingerprints to leave out of the scan; nil without --baseline. Throws (exit 2) on a
  /// missing or invalid file.
  func fingerprints() throws -> Set<String>? {
    guard let baseline else { return nil }
    return try Baseline.load(path: baseline).fingerprints
  }

  /// Writes the baseline when asked; true when it did (the scan then exits 0).
  func record(_ result: ScanResult) throws -> Bool {
    guard let writeBaseline else { return false }
    let baseline = Baseline(result)
    try baseline.write(to: writeBaseline)
    Terminal.error("wrote \(baseline.findings.count) finding(s) to the baseline \(writeBaseline)")
    return true
  }
}
