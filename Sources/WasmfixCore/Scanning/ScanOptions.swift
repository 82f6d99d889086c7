/// What to scan and how; built by the CLI from its flags, or by tests directly.
public struct ScanOptions: Sendable {
  /// Files or directories, absolute or relative to the current directory.
  public var paths: [String] = ["."]
  /// The directory reported paths are relative to; nil picks the single directory given, else the current directory.
  public var root: String?
  public var walk = WalkOptions()
  public var wasmtimeVersion: WasmtimeVersion?
  public var harden = false
  /// Worker threads for the per-file stage; nil uses every core.
  public var jobs: Int?
  public init() {}
}
