import WasmfixEvaluation
/// Everything a scan found, in deterministic order. Reporters and the fixer read only this.
public struct ScanResult: Sendable {
  /// Absolute path of the scan root.
  public var root: String
  public var wasmtime: DetectedVersion
  public var sites: [Site]
  public var groups: [EngineGroup]
  public var findings: [Finding]
  public var skipped: [SkippedFile]
  public var filesScanned: Int
  /// One-line warnings that are not findings (a call inside a syntax error).
  public var warnings: [String]
  /// Content hash of every file read for sites or constants, by relative path: a fix is
  /// planned against exactly these bytes and never written over a file that changed since.
  public var fileHashes: [String: UInt64] = [:]
  /// The options the scan ran with, so a fix can re-scan its result the same way.
  public var options: ScanOptions = ScanOptions()
  /// Every scanned file with the constant names it may define, and the files that had sites:
  /// what a fix's verification re-scan reuses instead of walking and reading everything again.
  package var candidates = CandidateFiles()
  /// The scans of the files that had sites (their parsed sites and text), reused as they are
  /// for files a fix leaves untouched.
  package var sitedScans: [(file: WalkedFile, result: FileResult)] = []
  /// The version detector with its manifests read: a fix's re-scan edits no manifest.
  package var detector: VersionDetector?
  /// The constants indexed, reused by the re-scan for the files a fix leaves untouched.
  package var constants: ConstantIndex.Snapshot?

  /// Lets go of what only a fix's re-scan reads (the candidate records, the sited files' scans
  /// and texts, the constants indexed): no report reads them, and rendering a large tree's
  /// report on top of them was the scan's peak memory. A fix cannot be planned afterwards.
  package mutating func releaseFixState() {
    candidates = CandidateFiles()
    sitedScans = []
    constants = nil
  }

  /// Findings dropped because their fingerprint is in the `--baseline` file; nil without one.
  public var baselined: Int?

  public var errorCount: Int { findings.filter { $0.severity == .error && !$0.fixed && !$0.suppressed }.count }
  public var fixedCount: Int { findings.filter(\.fixed).count }
  /// Findings at or above `severity` that remain (not fixed, not suppressed): `--fail-on`'s count.
  public func remainingCount(atOrAbove severity: Severity) -> Int {
    findings.filter { $0.severity >= severity && !$0.fixed && !$0.suppressed }.count
  }

  package init(root: String, wasmtime: DetectedVersion, sites: [Site], groups: [EngineGroup], findings: [Finding], skipped: [SkippedFile], filesScanned: Int, warnings: [String], fileHashes: [String: UInt64] = [:], options: ScanOptions = ScanOptions(), candidates: CandidateFiles = CandidateFiles(), sitedScans: [(file: WalkedFile, result: FileResult)] = [], detector: VersionDetector?, constants: ConstantIndex.Snapshot?) {
    self.root = root
    self.wasmtime = wasmtime
    self.sites = sites
    self.groups = groups
    self.findings = findings
    self.skipped = skipped
    self.filesScanned = filesScanned
    self.warnings = warnings
    self.fileHashes = fileHashes
    self.options = options
    self.candidates = candidates
    self.sitedScans = sitedScans
    self.detector = detector
    self.constants = constants
  }
}
