import WasmfixFixing
import WasmfixReporting

/// One file's text through the per-file pipeline with nothing written and no project read:
/// prefilter, parse, extract, evaluate, group, run the rules, then plan the fixes, apply them in
/// memory, re-check their syntax and re-scan them (`Fixer.prepare`). The fuzz target
/// (Sources/wasmfix-fuzz) calls it for every input, where a walk or a temporary file per input
/// would cost more than the scan itself.
package struct MemoryScan {
  package var result: ScanResult
  /// The verified fixes (`changes` holds the edited bytes) and the findings they leave unfixed.
  package var fixes: Fixer.Outcome

  /// `path`: the absolute file name the text stands for (its name picks the surface), in a
  /// folder that need not exist. Constants defined in other files stay unresolved, and the
  /// Wasmtime version is `version`, else the default a project without manifests gets.
  package init(path: String, bytes: [UInt8], version: WasmtimeVersion? = nil,
               fix: FixOptions = FixOptions(unsafeFixes: true)) {
    var options = ScanOptions()
    options.standardInput = StandardInputFile(path: path, bytes: bytes)
    options.wasmtimeVersion = version
    options.jobs = 1
    result = Scanner(options: options).scanAlone()
    fixes = Fixer(result: result, options: fix).prepare()
  }
}

extension Scanner {
  /// Scans standard input's file alone, as `walkAndScan` would scan it, without the walk of
  /// its project: the rest (constants, grouping, rules) is the scan's own `analyze`.
  func scanAlone() -> ScanResult {
    let root = options.root ?? "/"
    var results: [(WalkedFile, FileResult)] = []
    var candidates = CandidateFiles.Builder(directories: DirectoryTable())
    if let input = options.standardInput, let surface = Surfaces.surface(forPath: input.absolutePath) {
      let file = WalkedFile(absolutePath: input.absolutePath, relativePath: WalkPath.relative(input.absolutePath, to: root))
      let scanned = FileScanner(overlay: overlay, maxFileSize: options.walk.maxFileSize).scan(file, surface: surface)
      // As walkAndScan: a file without settings is kept only for its suppression comments.
      if case .noMatch = scanned.outcome, scanned.suppressions.isEmpty {} else { results.append((file, scanned)) }
      if !scanned.definedNames.isEmpty {
        candidates.append(absolutePath: file.absolutePath, relativePath: file.relativePath,
                          language: surface.id, definedNames: scanned.definedNames)
      }
    }
    let detector = VersionDetector(root: root, override: options.wasmtimeVersion, overlay: overlay)
    var result = analyze(root: root, results: results, skipped: [], candidates: CandidateFiles([candidates]), detector: detector)
    result.filesScanned = 1
    return result
  }
}
