import Foundation
import PackagePlugin

/// Tells `wasmfix --version` which git commit it was built from.
///
/// Why a plugin rather than a file the Makefile writes: plain `swift build` and `swift test`
/// get the commit too, and nothing generated sits in the source tree. SwiftPM re-runs plugins
/// only when it re-plans the build (a source or manifest change), so the commit is not read
/// here: the plugin names the git files that move with HEAD (HEAD, its reflog, the branch's
/// ref, packed-refs) as the command's inputs, and the tool reads the commit whenever one of
/// them changes, e.g. after `git commit` with no source change. The tool reads `.git` itself
/// instead of running `git`: no tool on PATH needed, and it works in SwiftPM's macOS sandbox.
/// Without `.git` (a source tarball) the tool writes nil and `--version` prints the bare version.
@main
struct BuildCommitPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuildCommit.swift")
    let git = GitFiles(above: context.package.directoryURL)
    return [
      .buildCommand(
        displayName: "Recording the build's git commit",
        executable: try context.tool(named: "BuildCommitTool").url,
        arguments: [output.path, git?.directory.path ?? "", git?.common.path ?? ""],
        inputFiles: git?.watched ?? [],
        outputFiles: [output]
      )
    ]
  }
}

/// Where a repository keeps HEAD and its refs.
struct GitFiles {
  /// The `.git` folder (a linked worktree's own folder under the main `.git/worktrees/`).
  let directory: URL
  /// Where the refs live: `directory` itself, or for a worktree the folder its `commondir` names.
  let common: URL

  init?(above start: URL) {
    var folder = start.standardizedFileURL
    while true {
      let candidate = folder.appendingPathComponent(".git")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory) {
        var found = candidate
        if !isDirectory.boolValue {
          // A worktree or submodule: `.git` is a file saying `gitdir: path`.
          guard let line = Self.text(candidate), line.hasPrefix("gitdir: ") else { return nil }
          found = URL(fileURLWithPath: String(line.dropFirst("gitdir: ".count)), relativeTo: folder.appendingPathComponent("/"))
            .standardizedFileURL
        }
        directory = found
        common = Self.text(found.appendingPathComponent("commondir"))
          .map { URL(fileURLWithPath: $0, relativeTo: found.appendingPathComponent("/")).standardizedFileURL } ?? found
        return
      }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { return nil }
      folder = parent
    }
  }

  /// The files a commit, checkout, reset or `git pack-refs` rewrites; those that exist now.
  var watched: [URL] {
    var files = [directory.appendingPathComponent("HEAD"), directory.appendingPathComponent("logs/HEAD"),
                 common.appendingPathComponent("packed-refs")]
    if let head = Self.text(directory.appendingPathComponent("HEAD")), head.hasPrefix("ref: ") {
      let ref = String(head.dropFirst("ref: ".count))
      files += [directory.appendingPathComponent(ref), common.appendingPathComponent(ref)]
    }
    return files.filter { FileManager.default.fileExists(atPath: $0.path) }
  }

  static func text(_ url: URL) -> String? {
    (try? String(contentsOf: url, encoding: .utf8)).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
  }
}
