import Foundation
import Synchronization

/// The configuration files of one run and which applies where.
///
/// - `.discover` (the default): each file follows the nearest `.wasmfix.toml` (or
///   `wasmfix.toml`) in its folder or above, up to the repository root (the nearest folder
///   holding `.git`) or `/`; a config below the root governs its subtree only, as in ruff
///   without `extend`. The run's own config, which whole-run keys come from, is the one found
///   the same way from the scan root.
/// - `.file(path)` (`--config FILE`): that file applies to every file and no other is read.
/// - `.isolated` (`--isolated`): no config at all.
///
/// Thread-safe: workers look configs up per folder while the walk goes on; each folder is
/// resolved once. A nested config that fails to parse is recorded (`errors`) and the scanner
/// stops with it after the walk, since a worker cannot stop the run itself.
public final class ProjectConfiguration: Sendable {
  public enum Mode: Sendable, Equatable {
    case discover
    case file(String)
    case isolated
  }

  public let mode: Mode
  /// The config whose whole-run keys (strategy, headroom, unsafe-fixes, fail-on) the run
  /// uses: the `--config` file, else the one nearest the scan root; nil when there is none.
  public let run: ProjectConfig?
  /// Folder -> nearest config path (nil: none), and parsed configs by path.
  private struct State {
    var nearest: [String: String?] = [:]
    var parsed: [String: ProjectConfig] = [:]
    var failures: [String: ConfigError] = [:]
  }
  private let state: Mutex<State>

  /// Loads the run's config eagerly, so a broken one fails before anything is scanned.
  /// `scanRoot` is the folder the scan reports from; messages show paths relative to the
  /// current directory.
  public init(mode: Mode, scanRoot: String) throws {
    self.mode = mode
    var initial = State()
    switch mode {
    case .isolated: run = nil
    case let .file(given):
      let path = Self.absolute(given)
      guard Self.isFile(path) else { throw ConfigError(path: given, line: nil, message: "--config: no such file") }
      run = try Self.load(path)
    case .discover:
      run = try Self.search(from: Self.absolute(scanRoot)).found.map(Self.load)
      if let run { initial.parsed[run.path] = run }
    }
    state = Mutex(initial)
  }

  /// The config that governs a file.
  public func config(forFile absolutePath: String) -> ProjectConfig? {
    if case .isolated = mode { return nil }
    return config(forDirectory: Self.parentPath(absolutePath))
  }

  /// The walker reports each directory it lists (parents before children), with the config
  /// file it saw among the entries: configs below the scan root are then found from the
  /// listings the walk makes anyway, with no `stat` per folder for files that do not exist.
  public func noteListedDirectory(_ directory: String, configFile: String?, isRepositoryRoot: Bool) {
    guard case .discover = mode else { return }
    var found = configFile
    if found == nil && !isRepositoryRoot {
      let parent = Self.parentPath(directory)
      let cached = state.withLock { $0.nearest[parent] }
      if let cached { found = cached } else if parent != directory { found = nearestPath(forDirectory: parent) }
    }
    state.withLock { $0.nearest[directory] = .some(found) }
  }

  /// `/a/b` for `/a/b/c` (by bytes: this runs once per scanned file).
  static func parentPath(_ path: String) -> String {
    let utf8 = path.utf8
    guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
    if slash == utf8.startIndex { return "/" }
    return String(path[..<slash])
  }

  /// The config that governs the files of a folder (absolute, standardized).
  public func config(forDirectory folder: String) -> ProjectConfig? {
    switch mode {
    case .isolated: return nil
    case .file: return run
    case .discover:
      guard let path = nearestPath(forDirectory: folder) else { return nil }
      return state.withLock { state in
        if let config = state.parsed[path] { return config }
        if state.failures[path] != nil { return nil }
        do {
          let config = try Self.load(path)
          state.parsed[path] = config
          return config
        } catch let error as ConfigError {
          state.failures[path] = error
        } catch {
          state.failures[path] = ConfigError(path: Self.display(path), line: nil, message: "\(error)")
        }
        return nil
      }
    }
  }

  /// The configs that failed to load during the scan, in path order.
  public var errors: [ConfigError] {
    state.withLock { state in state.failures.keys.sorted().compactMap { state.failures[$0] } }
  }

  /// Every config read so far, in path order (the run's and the nested ones met).
  public var loaded: [ProjectConfig] {
    var all = state.withLock { $0.parsed }
    if let run { all[run.path] = run }
    return all.keys.sorted().compactMap { all[$0] }
  }

  /// The nearest config file at or above `directory`, cached per folder.
  private func nearestPath(forDirectory directory: String) -> String? {
    if let cached = state.withLock({ $0.nearest[directory] }) { return cached }
    let (found, visited) = Self.search(from: directory)
    state.withLock { state in
      for folder in visited { state.nearest[folder] = .some(found) }
    }
    return found
  }

  /// Walks up from `directory` to the repository root (the folder holding `.git`) or `/`,
  /// returning the first config file met and the folders looked at.
  private static func search(from directory: String) -> (found: String?, visited: [String]) {
    var visited: [String] = []
    var current = directory
    while true {
      visited.append(current)
      if let file = ProjectConfig.fileNames.map({ join(current, $0) }).first(where: isFile) { return (file, visited) }
      let parent = (current as NSString).deletingLastPathComponent
      if exists(join(current, ".git")) || parent == current || parent.isEmpty { return (nil, visited) }
      current = parent
    }
  }

  private static func load(_ path: String) throws -> ProjectConfig {
    let display = display(path)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigError(path: display, line: nil, message: "cannot read the file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ConfigError(path: display, line: nil, message: "not UTF-8 text")
    }
    return try ConfigParser.parse(text, path: path, displayPath: display)
  }

  static func absolute(_ path: String) -> String {
    let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    return URL(fileURLWithPath: full).standardizedFileURL.path
  }

  /// Relative to the current directory when below it, as report paths are.
  static func display(_ path: String) -> String {
    let cwd = absolute(".")
    if cwd == "/" { return String(path.dropFirst()) }
    return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
  }

  private static func join(_ directory: String, _ name: String) -> String {
    directory == "/" ? "/" + name : directory + "/" + name
  }

  private static func isFile(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
  }

  private static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}
