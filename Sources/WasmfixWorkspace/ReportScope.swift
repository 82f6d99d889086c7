import Foundation

/// Where a scan reports sites when it reads more of the project than it reports: a scan of a
/// few files (a pre-commit hook, `wasmfix scan src/runner.c`) or one narrowed by `--include` /
/// `--exclude` still resolves constants, `#include`s and manifests across the whole
/// repository, but reports only the configurations with a setting in these files.
package struct ReportScope: Sendable {
  private let paths: [(absolute: String, isDirectory: Bool)]
  private let includes: [Glob]
  private let excludes: [Glob]
  /// The folder the globs are relative to (the scan root the user's command line implies).
  private let globRoot: String

  /// `paths`: absolute; `includes`/`excludes`: globs relative to `globRoot`.
  package init(paths: [String], includes: [String], excludes: [String], globRoot: String) {
    self.paths = paths.map { path in
      var isDirectory: ObjCBool = false
      return (path, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }
    self.includes = includes.map(Glob.init)
    self.excludes = excludes.map(Glob.init)
    self.globRoot = globRoot
  }

  package func contains(absolutePath: String) -> Bool {
    guard paths.contains(where: { $0.isDirectory ? WalkPath.isInside(absolutePath, $0.absolute) : absolutePath == $0.absolute }) else {
      return false
    }
    guard !includes.isEmpty || !excludes.isEmpty else { return true }
    let relative = WalkPath.isInside(absolutePath, globRoot) ? WalkPath.relative(absolutePath, to: globRoot) : absolutePath
    if excludes.contains(where: { $0.matchesSelfOrAncestor(relativePath: relative, isDirectory: false) }) { return false }
    return includes.isEmpty || includes.contains { $0.matchesSelfOrAncestor(relativePath: relative, isDirectory: false) }
  }
}
