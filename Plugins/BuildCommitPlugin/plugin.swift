import Foundation
import PackagePlugin

/// Tells `wasmfix --version` which git commit it was built from.
///
/// Why a plugin rather than a file the Makefile writes: plain `swift build` and `swift test`
/// get the commit too, and nothing generated sits in the source tree. The plugin runs at every
/// build; it reads `.git` itself (HEAD, then the branch's loose ref or `packed-refs`; worktrees'
/// `gitdir:` files included) instead of running `git`, so it needs no tool on PATH and works in
/// SwiftPM's macOS sandbox. The commit is an argument of the build command, so the generated
/// file is rewritten exactly when the commit changes. Without `.git` (a source tarball) the
/// commit is empty and `--version` prints the bare version.
@main
struct BuildCommitPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuildCommit.swift")
    let commit = GitHead.commit(above: context.package.directoryURL) ?? ""
    return [
      .buildCommand(
        displayName: "Recording build commit \(commit.isEmpty ? "(none: no .git)" : commit)",
        executable: try context.tool(named: "BuildCommitTool").url,
        arguments: [output.path, commit],
        outputFiles: [output]
      )
    ]
  }
}

/// Reads the commit HEAD points at from the files git keeps, without running git.
enum GitHead {
  static func commit(above directory: URL) -> String? {
    guard let gitDirectory = gitDirectory(above: directory),
      let head = text(gitDirectory.appendingPathComponent("HEAD"))
    else { return nil }
    guard head.hasPrefix("ref: ") else { return abbreviated(head) }
    let ref = String(head.dropFirst("ref: ".count))
    // A linked worktree keeps its HEAD in its own folder and the refs in the common one.
    let common = text(gitDirectory.appendingPathComponent("commondir"))
      .map { URL(fileURLWithPath: $0, relativeTo: gitDirectory.appendingPathComponent("/")).standardizedFileURL } ?? gitDirectory
    for folder in [gitDirectory, common] {
      if let sha = text(folder.appendingPathComponent(ref)) { return abbreviated(sha) }
    }
    let packed = text(common.appendingPathComponent("packed-refs")) ?? ""
    for line in packed.split(separator: "\n") where line.hasSuffix(" " + ref) {
      return abbreviated(String(line.prefix { $0 != " " }))
    }
    return nil
  }

  /// The `.git` folder of the repository holding `directory`; a `.git` file (worktree,
  /// submodule) names it with `gitdir: path`.
  static func gitDirectory(above directory: URL) -> URL? {
    var folder = directory.standardizedFileURL
    while true {
      let candidate = folder.appendingPathComponent(".git")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory) {
        if isDirectory.boolValue { return candidate }
        guard let line = text(candidate), line.hasPrefix("gitdir: ") else { return nil }
        return URL(fileURLWithPath: String(line.dropFirst("gitdir: ".count)), relativeTo: folder.appendingPathComponent("/"))
          .standardizedFileURL
      }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { return nil }
      folder = parent
    }
  }

  static func text(_ url: URL) -> String? {
    (try? String(contentsOf: url, encoding: .utf8)).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
  }

  /// Seven hex digits, as `git rev-parse --short=7`; nil for anything that is not a sha.
  static func abbreviated(_ sha: String) -> String? {
    guard sha.count >= 40, sha.allSatisfy(\.isHexDigit) else { return nil }
    return String(sha.prefix(7))
  }
}
