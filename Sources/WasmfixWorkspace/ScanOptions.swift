import WasmfixSupport
/// What to scan and how; built by the CLI from its flags, or by tests directly.
public struct ScanOptions: Sendable {
  /// Files or directories, absolute or relative to the current directory.
  public var paths: [String] = ["."]
  /// The directory reported paths are relative to; nil picks the single directory given, else the current directory.
  public var root: String?
  public var walk = WalkOptions()
  public var wasmtimeVersion: WasmtimeVersion?
  public var harden = false
  /// The project's config files (`.wasmfix.toml`); nil reads none (as `--isolated`).
  public var project: ProjectConfiguration?
  /// `--select`: the rules to run, replacing every config's `select`; nil keeps the configs'.
  public var select: [String]?
  /// `--ignore`: rules removed on top of every config's `ignore`.
  public var ignore: [String] = []
  /// Worker threads for the per-file stage; nil uses every core.
  public var jobs: Int?
  /// Called now and then from worker threads with (files done, files found so far or 0 while
  /// the walk is still going); the CLI draws a progress line from it. The core never prints.
  public var progress: (@Sendable (Int, Int) -> Void)?
  /// Fingerprints recorded by `--write-baseline`: findings with one are dropped from the
  /// result (counted in `ScanResult.baselined`); nil when no baseline is used.
  public var baseline: Set<String>?
  public init() {}
}
