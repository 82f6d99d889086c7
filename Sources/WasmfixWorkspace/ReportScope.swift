import Foundation

/// Where a scan reports sites when it reads more of the project than it reports: a scan of a
/// few files (a pre-commit hook, `wasmfix scan src/runner.c`) or one narrowed by `--include` /
/// `--exclude` still resolves constants, `#include`s and manifests across the whole
/// repository, but reports only the configurations with a setting in these files.
package struct ReportScope: Sendable {
  private let paths: [(absolute: String, isDirectory: Bool)]
  private let selection: GlobSelection
  /// The folder the globs are relative to (the scan root the user's command line implies).
  private let globRoot: String

  /// `paths`: absolute; `includes`/`excludes`: globs relative to `globRoot`.
  package init(paths: [String], includes: [String], excludes: [String], globRoot: String) {
    self.paths = paths.map { path in
      var isDirectory: ObjCBool = false
      return (path, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }
    selection = GlobSelection(includes: includes, excludes: excludes)
    self.globRoot = globRoot
  }

  package func contains(absolutePath: String) -> Bool {
    guard paths.contains(where: { $0.isDirectory ? WalkPath.isInside(absolutePath, $0.absolute) : absolutePath == $0.absolute }) else {
      return false
    }
    guard !selection.isEmpty else { return true }
    return selection.admits(relativePath: WalkPath.isInside(absolutePath, globRoot) ? WalkPath.relative(absolutePath, to: globRoot) : absolutePath)
  }
}
