import WasmfixAnalysis
import Foundation
#if canImport(Glibc)
  import Glibc
#endif

/// Maps the scan's paths (relative to the scan root, which version detection and the write
/// guard need) to the paths a report prints: relative to `base` with `/`, absolute when the
/// file is not below it. `base` is the current directory for text, JSON, GitHub annotations
/// and diff headers (so `wasmfix scan sub --diff | git apply` works from where it ran, as
/// with ruff and rg), and the repository root for SARIF and GitLab, whose viewers resolve
/// paths against the repository.
public struct OutputPaths: Sendable {
  /// Absolute path of the scan root.
  public let root: String
  /// Absolute path printed paths are relative to.
  public let base: String

  public init(root: String, base: String) {
    self.root = Self.standardized(root)
    self.base = Self.standardized(base)
  }

  /// Relative to the current directory.
  public static func currentDirectory(root: String) -> OutputPaths {
    OutputPaths(root: root, base: FileManager.default.currentDirectoryPath)
  }

  /// Relative to the repository root: the nearest ancestor of the current directory that
  /// holds `.git` (a directory, or a file in a worktree or submodule), else the current directory.
  public static func repositoryRoot(root: String) -> OutputPaths {
    OutputPaths(root: root, base: repositoryRoot(from: FileManager.default.currentDirectoryPath))
  }

  public static func repositoryRoot(from directory: String) -> String {
    let start = standardized(directory)
    return WalkPath.repositoryRoot(containing: start) ?? start
  }

  /// Whether printing changes nothing (the scan root is the base).
  public var isIdentity: Bool { root == base }

  /// A root-relative path as printed.
  public func display(_ path: String) -> String {
    if isIdentity, !path.hasPrefix("/"), !path.hasPrefix("../"), path != ".." { return path }
    let absolute = path.hasPrefix("/") ? Self.standardized(path) : Self.standardized(root + "/" + path)
    return relative(absolute) ?? Self.realPath(absolute).flatMap { real in Self.realPath(base).flatMap { Self.relative(real, to: $0) } }
      ?? absolute
  }

  private func relative(_ absolute: String) -> String? { Self.relative(absolute, to: base) }

  private static func relative(_ absolute: String, to base: String) -> String? {
    if absolute == base { return "." }
    let prefix = base == "/" ? "/" : base + "/"
    return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : nil
  }

  /// `path:line` / `path:line:column` references inside free text (a message naming where a
  /// constant is defined), rewritten for each of `paths`. A reference starts a token (at the
  /// start, or after a space, `(` or `,`) and ends at a `:`; the longest known path wins, so
  /// `a/b.rs` is not rewritten as part of `xa/b.rs`.
  public func text(_ message: String, paths: [String]) -> String { text(message, known: Set(paths)) }

  /// The same against a set built once: each `:` of the message is looked up from each token
  /// start before it, so the cost follows the message, not the number of files in the scan
  /// (searching the text for every known path cost a scan from a parent folder seconds).
  func text(_ message: String, known: Set<String>) -> String { text(message, known: known, display: display) }

  private func text(_ message: String, known: Set<String>, display: (String) -> String) -> String {
    guard !isIdentity || known.contains(where: { $0.hasPrefix("../") }) else { return message }
    var colons: [String.Index] = []
    var starts: [String.Index] = [message.startIndex]
    var index = message.startIndex
    while index < message.endIndex {
      let character = message[index]
      if character == ":" { colons.append(index) }
      index = message.index(after: index)
      if character == " " || character == "(" || character == "," { starts.append(index) }
    }
    guard !colons.isEmpty else { return message }
    var out = ""
    var consumed = message.startIndex
    for start in starts where start >= consumed {
      // The longest known path from this token start: the furthest `:` that ends one.
      for colon in colons.reversed() where colon > start {
        let candidate = String(message[start..<colon])
        guard known.contains(candidate) else { continue }
        let shown = display(candidate)
        if shown != candidate {
          out += message[consumed..<start]
          out += shown
        } else {
          out += message[consumed..<colon]
        }
        consumed = colon
        break
      }
    }
    return out + message[consumed...]
  }

  /// The scan result with every path, group id and message mapped for printing. The
  /// top-level Wasmtime `source` stays relative to the scan root (CONTRACT.md says so).
  public func apply(to result: ScanResult) -> ScanResult {
    guard !isIdentity || result.sites.contains(where: { $0.path.hasPrefix("../") })
      || result.skipped.contains(where: { $0.path.hasPrefix("../") }) else { return result }
    var known = Set(result.sites.map(\.path))
    for site in result.sites { if let definition = site.definition { known.insert(definition.path) } }
    known.formUnion(result.fileHashes.keys)
    known.formUnion(result.findings.map(\.path))
    let paths = Array(known)
    // Each path is mapped once: a file with 5,000 configurations names the same path in
    // every site, group and finding, and mapping it touches the file system.
    var shown: [String: String] = [:]
    func display(_ path: String) -> String {
      if let known = shown[path] { return known }
      let mapped = self.display(path)
      shown[path] = mapped
      return mapped
    }
    func groupID(_ id: String, paths: [String]) -> String {
      guard let colon = id.lastIndex(of: ":") else { return id }
      return display(String(id[..<colon])) + id[colon...]
    }
    func mapText(_ text: String) -> String { self.text(text, known: known, display: display) }
    var mapped = result
    for i in mapped.sites.indices {
      mapped.sites[i].path = display(mapped.sites[i].path)
      mapped.sites[i].groupID = groupID(mapped.sites[i].groupID, paths: paths)
      mapped.sites[i].notes = mapped.sites[i].notes.map(mapText)
      if let definition = mapped.sites[i].definition { mapped.sites[i].definition?.path = display(definition.path) }
      if case let .unresolved(why) = mapped.sites[i].value { mapped.sites[i].value = .unresolved(mapText(why)) }
    }
    for i in mapped.groups.indices {
      mapped.groups[i].id = groupID(mapped.groups[i].id, paths: paths)
      mapped.groups[i].path = display(mapped.groups[i].path)
    }
    for i in mapped.findings.indices {
      mapped.findings[i].path = display(mapped.findings[i].path)
      mapped.findings[i].groupID = groupID(mapped.findings[i].groupID, paths: paths)
      mapped.findings[i].message = mapText(mapped.findings[i].message)
      mapped.findings[i].unfixedReason = mapped.findings[i].unfixedReason.map(mapText)
      mapped.findings[i].fixDescription = mapped.findings[i].fixDescription.map(mapText)
    }
    mapped.skipped = mapped.skipped.map { SkippedFile(path: display($0.path), reason: $0.reason) }
    mapped.warnings = mapped.warnings.map(mapText)
    return mapped
  }

  /// Fixes with their paths, group ids and texts mapped like `apply(to:)` maps a result.
  public func apply(to fixes: [ReportedFix], of result: ScanResult) -> [ReportedFix] {
    // One set for all the fixes (built per text, it was most of this function's cost).
    let known = Set(result.sites.map(\.path) + result.fileHashes.keys)
    let paths = Array(known)
    return fixes.map { fix in
      var fix = fix
      fix.groupID = groupID(fix.groupID, paths: paths)
      fix.title = text(fix.title, known: known)
      fix.unsafeReason = fix.unsafeReason.map { text($0, known: known) }
      for i in fix.edits.indices { fix.edits[i].path = display(fix.edits[i].path) }
      return fix
    }
  }

  /// A group id is `path:line` (CONTRACT.md): its path part is mapped like any path.
  func groupID(_ id: String, paths: [String]) -> String {
    guard let colon = id.lastIndex(of: ":") else { return id }
    return display(String(id[..<colon])) + id[colon...]
  }

  static func standardized(_ path: String) -> String {
    let standard = URL(fileURLWithPath: path).standardizedFileURL.path
    return standard.count > 1 && standard.hasSuffix("/") ? String(standard.dropLast()) : standard
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
