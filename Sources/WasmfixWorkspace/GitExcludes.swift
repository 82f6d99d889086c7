import Foundation
import Synchronization

/// Git's excludes file (`core.excludesFile`), which git honours in every repository after the
/// repository's own `.git/info/exclude` and `.gitignore` files (lowest precedence). Read the
/// way git reads it, without running git: the system, global (`$XDG_CONFIG_HOME/git/config`,
/// `~/.gitconfig`, or `$GIT_CONFIG_GLOBAL`) and repository config files in that order, the last
/// `excludesFile` winning; unset, git's default `$XDG_CONFIG_HOME/git/ignore`
/// (`~/.config/git/ignore`).
enum GitExcludes {
  /// The excludes file for the repository at `repository` (its top level), if it exists.
  static func rules(forRepository repository: String) -> IgnoreRules? {
    // Only inside a git repository, as git (and ripgrep) apply it.
    guard FileManager.default.fileExists(atPath: repository + "/.git") else { return nil }
    let configured = excludesFile(inConfig: repository + "/.git/config", relativeTo: repository) ?? globalSetting
    guard let path = configured ?? defaultPath else { return nil }
    if let cached = cache.rules(path) { return cached.rules }
    let rules = IgnoreRules(contentsOfFile: path, directory: "")
    cache.store(path, rules)
    return rules
  }

  /// The value from the system and global config files (read once per run).
  private static let globalSetting: String? = {
    let environment = ProcessInfo.processInfo.environment
    var files: [String] = []
    if environment["GIT_CONFIG_NOSYSTEM"].map({ !["", "0", "false", "no"].contains($0.lowercased()) }) != true {
      files.append("/etc/gitconfig")
    }
    if let global = environment["GIT_CONFIG_GLOBAL"], !global.isEmpty {
      files.append(global)
    } else {
      files += [xdgConfigHome + "/git/config", home + "/.gitconfig"]
    }
    return files.reduce(nil) { found, file in excludesFile(inConfig: file, relativeTo: home) ?? found }
  }()

  private static let defaultPath: String? = xdgConfigHome.isEmpty ? nil : xdgConfigHome + "/git/ignore"

  private static var home: String { ProcessInfo.processInfo.environment["HOME"] ?? "" }
  private static var xdgConfigHome: String {
    if let xdg = ProcessInfo.processInfo.environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg }
    return home.isEmpty ? "" : home + "/.config"
  }

  /// `excludesFile` of the `[core]` section of one git config file (keys are case-insensitive,
  /// values may be quoted, `~/` means the home folder); nil when the file or key is absent.
  static func excludesFile(inConfig path: String, relativeTo base: String) -> String? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    var section = ""
    var value: String?
    for rawLine in text.split(whereSeparator: \.isNewline) {
      let line = rawLine.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
      if line.hasPrefix("[") {
        // `[core]`, `[Core]`; subsections (`[remote "origin"]`) are other sections.
        section = line.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces).lowercased()
        continue
      }
      guard section == "core", let equals = line.firstIndex(of: "=") else { continue }
      guard line[..<equals].trimmingCharacters(in: .whitespaces).lowercased() == "excludesfile" else { continue }
      var raw = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      if raw.hasPrefix("\""), raw.hasSuffix("\""), raw.count >= 2 { raw = String(raw.dropFirst().dropLast()) }
      guard !raw.isEmpty else { continue }
      if raw.hasPrefix("~/") { raw = home + raw.dropFirst() } else if !raw.hasPrefix("/") { raw = base + "/" + raw }
      value = raw
    }
    return value
  }

  /// Parsed excludes files by path: every repository of a run shares one.
  private static let cache = Cache()
  private final class Cache: Sendable {
    private let entries = Mutex<[String: IgnoreRules?]>([:])
    func rules(_ path: String) -> (rules: IgnoreRules?, Void)? {
      entries.withLock { $0[path].map { ($0, ()) } }
    }
    func store(_ path: String, _ rules: IgnoreRules?) {
      entries.withLock { $0[path] = rules }
    }
  }
}
