import WasmfixSupport
import Foundation
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
  /// A file read from standard input (`scan - --stdin-filename PATH`, what editor plugins
  /// call): scanned as if it were PATH, with the project around PATH for constants and
  /// versions, and only PATH reported.
  public var standardInput: StandardInputFile?
  /// `--include`/`--exclude` moved from the walk to the report scope by a widened scan: the
  /// walk reads everything, but the command line's globs still replace the configs' own.
  package var reportGlobs: (includes: [String], excludes: [String])?
  public init() {}

  /// A file's bytes as this scan sees them: standard input's for its file, else the disk's.
  public func contents(ofFile absolutePath: String) -> [UInt8]? {
    if let standardInput, standardInput.absolutePath == absolutePath { return standardInput.bytes }
    return FileManager.default.contents(atPath: absolutePath).map { [UInt8]($0) }
  }
}

/// The text of a file given on standard input, and the path it stands for.
public struct StandardInputFile: Sendable {
  /// As given with `--stdin-filename`.
  public var path: String
  public var absolutePath: String
  public var bytes: [UInt8]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
    absolutePath = WalkPath.absolute(path)
  }

  /// The project the file belongs to: the nearest folder above it holding `.git`, else its own
  /// folder. Its other files are walked for constants; only this one is reported.
  public var projectDirectory: String {
    let folder = WalkPath.parent(absolutePath)
    return WalkPath.repositoryRoot(containing: folder) ?? folder
  }
}
