import Foundation
import Testing

@testable import WasmfixCore
@testable import WasmfixSupport
@testable import WasmfixWorkspace
@testable import WasmfixSurfaces
@testable import WasmfixEvaluation
@testable import WasmfixAnalysis
@testable import WasmfixFixing
@testable import WasmfixReporting

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - Helpers

/// A scratch directory tree, removed when released.
private final class TempTree {
  let root: String

  init() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-walker-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    root = url.path
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  func path(_ relative: String) -> String { relative.isEmpty ? root : root + "/" + relative }

  func write(_ relative: String, _ contents: String = "fn main() {}\n") throws {
    let url = URL(fileURLWithPath: path(relative))
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try contents.write(to: url, atomically: false, encoding: .utf8)
  }

  func mkdir(_ relative: String) throws {
    try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
  }

  /// A symbolic link at `relative` whose target is `destination`, verbatim (may be relative).
  func symlink(_ relative: String, to destination: String) throws {
    try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: destination)
  }
}

private func isSource(_ name: String) -> Bool {
  guard let dot = name.lastIndex(of: ".") else { return false }
  return ["rs", "c", "h", "cs"].contains(String(name[name.index(after: dot)...]))
}

private func walk(
  _ tree: TempTree, _ paths: [String]? = nil, root: String? = nil, _ configure: (inout WalkOptions) -> Void = { _ in }
) throws -> WalkResult {
  var options = WalkOptions()
  configure(&options)
  return try WorkspaceWalker(root: root ?? tree.root, options: options).walk(paths ?? [tree.root], fileFilter: isSource)
}

private func files(_ result: WalkResult) -> [String] { result.files.map(\.relativePath) }

// MARK: - gitignore semantics

/// (.gitignore text, its directory, path, is a directory, ignored?) — each row checked against
/// `git check-ignore --no-index` (git 2.39) in a scratch repository.
private let ignoreTable: [(String, String, String, Bool, Bool)] = [
  ("target/", "", "target", true, true),
  ("target/", "", "target", false, false),
  ("target/", "", "a/target", true, true),
  ("/target", "", "a/target", true, false),
  ("/target", "", "target", false, true),
  ("*.log", "", "x/y/z.log", false, true),
  ("*.log\n!keep.log", "", "keep.log", false, false),
  ("*.log\n!keep.log", "", "a/other.log", false, true),
  ("!keep.log\n*.log", "", "keep.log", false, true),
  ("doc/*.txt", "", "doc/a.txt", false, true),
  ("doc/*.txt", "", "doc/sub/a.txt", false, false),
  ("doc/*.txt", "", "x/doc/a.txt", false, false),
  ("**/foo", "", "foo", false, true),
  ("**/foo", "", "a/b/foo", false, true),
  ("**/foo/bar", "", "x/foo/bar", false, true),
  ("**/foo/bar", "", "foo/bar", false, true),
  ("abc/**", "", "abc/x/y.rs", false, true),
  ("abc/**", "", "abc", true, false),
  ("a/**/b", "", "a/b", false, true),
  ("a/**/b", "", "a/x/y/b", false, true),
  ("a/**/b", "", "xa/b", false, false),
  ("fo?.rs", "", "foo.rs", false, true),
  ("fo?.rs", "", "fo.rs", false, false),
  ("[abc].rs", "", "b.rs", false, true),
  ("[a-c].rs", "", "d.rs", false, false),
  ("[!a].rs", "", "a.rs", false, false),
  ("[!a].rs", "", "b.rs", false, true),
  ("[^a].rs", "", "b.rs", false, true),
  ("\\#hash", "", "#hash", false, true),
  ("#hash", "", "#hash", false, false),
  ("\\!bang", "", "!bang", false, true),
  ("trailing   ", "", "trailing", false, true),
  ("space\\ ", "", "space ", false, true),
  ("space\\ ", "", "space", false, false),
  ("*.rs", "sub", "sub/a.rs", false, true),
  ("*.rs", "sub", "other/a.rs", false, false),
  ("/a.rs", "sub", "sub/a.rs", false, true),
  ("/a.rs", "sub", "sub/x/a.rs", false, false),
  ("x/y", "sub", "sub/x/y", false, true),
  ("x/y", "sub", "x/y", false, false),
  ("build", "", "build", true, true),
  ("build", "", "build", false, true),
  ("/*\n!/src", "", "src", true, false),
  ("/*\n!/src", "", "lib", true, true),
  ("*/", "", "x/y", true, true),
  ("*/", "", "x/y", false, true),  // its parent directory x is ignored
  ("a/doc/", "", "a/doc", true, true),
  ("a/doc/", "", "b/a/doc", true, false),
  ("[[:digit:]]x", "", "1x", false, true),
  ("*.[ch]", "", "dir/x.h", false, true),
  ("foo*bar", "", "a/fooXbar", false, true),
  ("a/*", "", "a/b/c", false, true),
  ("dir/\n!dir/keep.rs", "", "dir/keep.rs", false, true),  // no re-including inside an ignored dir
  ("dir/*\n!dir/keep.rs", "", "dir/keep.rs", false, false),
  ("*.rs\n!*.rs", "", "x.rs", false, false),
  ("**", "", "any/thing.rs", false, true),
  ("foo/**/", "", "foo/a/b", true, true),
  ("foo/**/", "", "foo/a/b", false, true),
  ("***.rs", "", "a/b.rs", false, true),
  ("a*/b", "", "ab/b", false, true),
  ("a*/b", "", "a/x/b", false, false),
  ("\\*.rs", "", "a.rs", false, false),
  ("\\*.rs", "", "*.rs", false, true),
  ("crlf.rs\r\n", "", "crlf.rs", false, true),
  (" lead.rs", "", "lead.rs", false, false),
  ("a?b", "", "a/b", false, false),
  ("[a-]x", "", "-x", false, true),
]

@Suite struct WorkspaceWalkerTests {
  @Test(arguments: ignoreTable.indices)
  func ignoreRulesMatchGit(row: Int) {
    let (text, directory, path, isDirectory, expected) = ignoreTable[row]
    let matcher = IgnoreMatcher([IgnoreRules(text: text, directory: directory)])
    #expect(
      matcher.isIgnored(relativePath: path, isDirectory: isDirectory) == expected,
      "pattern \(text.debugDescription) in \(directory.debugDescription), path \(path) dir=\(isDirectory)")
  }

  @Test func ignoreRulesParsing() {
    let rules = IgnoreRules(text: "\u{FEFF}# comment\n\n  \n!neg/\n/anchored\nmid/dle\n\\!lit\n", directory: "./sub/")
    #expect(rules.directory == "sub")
    #expect(rules.patterns.count == 4)
    #expect(rules.patterns[0].isNegated && rules.patterns[0].isDirectoryOnly && rules.patterns[0].matchesBasename)
    #expect(!rules.patterns[1].matchesBasename && rules.patterns[1].pattern == Array("anchored".utf8))
    #expect(!rules.patterns[2].matchesBasename)
    #expect(!rules.patterns[3].isNegated)
  }

  @Test func deeperIgnoreFilesOverrideShallowerOnes() {
    let matcher = IgnoreMatcher([
      IgnoreRules(text: "*.gen.rs\n", directory: ""),
      IgnoreRules(text: "!keep.gen.rs\nlocal.rs\n", directory: "sub"),
    ])
    #expect(matcher.isIgnored(relativePath: "a.gen.rs", isDirectory: false))
    #expect(!matcher.isIgnored(relativePath: "sub/keep.gen.rs", isDirectory: false))
    #expect(matcher.isIgnored(relativePath: "sub/other.gen.rs", isDirectory: false))
    #expect(matcher.isIgnored(relativePath: "sub/deep/local.rs", isDirectory: false))
    #expect(!matcher.isIgnored(relativePath: "local.rs", isDirectory: false))
    #expect(matcher.isIgnored(relativePath: "keep.gen.rs", isDirectory: false))  // the negation is sub/'s only
  }

  // MARK: - Glob

  @Test func globSyntax() {
    #expect(Glob("*.rs").matches(relativePath: "a/b/c.rs", isDirectory: false))
    #expect(!Glob("*.rs").matches(relativePath: "a/b/c.rsx", isDirectory: false))
    #expect(Glob("tests").matches(relativePath: "crates/x/tests", isDirectory: true))
    #expect(Glob("src/*.rs").matches(relativePath: "src/lib.rs", isDirectory: false))
    #expect(!Glob("src/*.rs").matches(relativePath: "src/a/lib.rs", isDirectory: false))
    #expect(!Glob("src/*.rs").matches(relativePath: "x/src/lib.rs", isDirectory: false))
    #expect(Glob("src/**/*.rs").matches(relativePath: "src/lib.rs", isDirectory: false))
    #expect(Glob("src/**/*.rs").matches(relativePath: "src/a/b/lib.rs", isDirectory: false))
    #expect(Glob("**/gen/*.c").matches(relativePath: "a/b/gen/x.c", isDirectory: false))
    #expect(Glob("./src/*.rs").matches(relativePath: "src/lib.rs", isDirectory: false))
    #expect(Glob("/lib.rs").matches(relativePath: "lib.rs", isDirectory: false))
    #expect(!Glob("/lib.rs").matches(relativePath: "src/lib.rs", isDirectory: false))
    #expect(Glob("build/").matches(relativePath: "x/build", isDirectory: true))
    #expect(!Glob("build/").matches(relativePath: "x/build", isDirectory: false))
    #expect(Glob("[a-c]?.h").matches(relativePath: "b1.h", isDirectory: false))
    #expect(!Glob("[!a-c]?.h").matches(relativePath: "b1.h", isDirectory: false))
    #expect(Glob("src").matchesSelfOrAncestor(relativePath: "src/a/b.rs", isDirectory: false))
    #expect(!Glob("src").matchesSelfOrAncestor(relativePath: "lib/a/b.rs", isDirectory: false))
  }

  // MARK: - Walking

  @Test func rootGitignorePrunesTarget() throws {
    let tree = try TempTree()
    try tree.write(".gitignore", "target/\n")
    try tree.write("src/main.rs")
    try tree.write("target/debug/build/out.rs")
    try tree.write("crates/a/target/gen.rs")
    try tree.write("target.rs")  // a file, not the directory
    try tree.write("notes.txt")
    // Would be reported if the walker looked inside target/.
    try tree.symlink("target/dangling.rs", to: "missing.rs")
    let result = try walk(tree)
    #expect(files(result) == ["src/main.rs", "target.rs"])
    #expect(result.skipped.isEmpty)
    #expect(result.files.first?.absolutePath == tree.path("src/main.rs"))
  }

  @Test func nestedGitignoreAppliesToItsSubtree() throws {
    let tree = try TempTree()
    try tree.write(".gitignore", "*.gen.rs\n")
    try tree.write("sub/.gitignore", "local.rs\n!keep.gen.rs\n")
    for path in ["a.gen.rs", "b.rs", "local.rs", "other/local.rs", "sub/local.rs", "sub/deep/local.rs",
      "sub/keep.gen.rs", "sub/x.gen.rs"]
    {
      try tree.write(path)
    }
    #expect(files(try walk(tree)) == ["b.rs", "local.rs", "other/local.rs", "sub/keep.gen.rs"])
  }

  @Test func negationCannotReincludeInsideIgnoredDirectory() throws {
    let tree = try TempTree()
    try tree.write(".gitignore", "build/\n!build/keep.rs\nlogs/*\n!logs/keep.rs\n*.c\n!main.c\n")
    for path in ["build/keep.rs", "logs/keep.rs", "logs/drop.rs", "x.c", "main.c", "d/main.c"] { try tree.write(path) }
    #expect(files(try walk(tree)) == ["d/main.c", "logs/keep.rs", "main.c"])
  }

  @Test func anchoredPatterns() throws {
    let tree = try TempTree()
    try tree.write(".gitignore", "/root_only.rs\ndoc/gen.rs\n")
    for path in ["root_only.rs", "a/root_only.rs", "doc/gen.rs", "x/doc/gen.rs", "doc/other.rs"] { try tree.write(path) }
    #expect(files(try walk(tree)) == ["a/root_only.rs", "doc/other.rs", "x/doc/gen.rs"])
  }

  @Test func doubleStarPatterns() throws {
    let tree = try TempTree()
    try tree.write(".gitignore", "**/generated/**\na/**/b.rs\nlogs/**\n")
    for path in ["generated/x.rs", "p/q/generated/y.rs", "a/b.rs", "a/x/y/b.rs", "z/a/b.rs", "logs/l.rs", "keep.rs"] {
      try tree.write(path)
    }
    #expect(files(try walk(tree)) == ["keep.rs", "z/a/b.rs"])
  }

  @Test func directoryOnlyPatterns() throws {
    let tree = try TempTree()
    try tree.write(".gitignore", "data.rs/\nout/\n")
    try tree.write("data.rs/inner.rs")
    try tree.write("other/data.rs")  // a file: not matched by "data.rs/"
    try tree.write("out/x.rs")
    try tree.write("deep/out/y.rs")
    #expect(files(try walk(tree)) == ["other/data.rs"])
  }

  @Test func noIgnoreWalksEverythingButGit() throws {
    let tree = try TempTree()
    try tree.write(".gitignore", "target/\n*.gen.rs\n")
    try tree.write("target/out.rs")
    try tree.write("a.gen.rs")
    try tree.write(".git/hooks/hook.rs")
    try tree.write(".git/info/exclude", "b.rs\n")
    try tree.write("b.rs")
    let result = try walk(tree) { $0.respectIgnoreFiles = false }
    #expect(files(result) == ["a.gen.rs", "b.rs", "target/out.rs"])
  }

  @Test func gitDirectoryAndInfoExclude() throws {
    let tree = try TempTree()
    try tree.write(".git/hooks/hook.rs")
    try tree.write(".git/info/exclude", "secret.rs\n")
    try tree.write("secret.rs")
    try tree.write("sub/.git", "gitdir: ../.git/modules/sub\n")  // a submodule's .git file
    try tree.write("sub/lib.rs")
    #expect(files(try walk(tree)) == ["sub/lib.rs"])
  }

  @Test func conventionalFoldersAreNotSkipped() throws {
    let tree = try TempTree()
    let paths = ["tests/t.rs", "test/t.c", "ci/c.cs", "eng/e.cs", "vendor/v.h", "benches/b.rs", ".hidden/h.rs", "src/s.rs"]
    for path in paths { try tree.write(path) }
    #expect(files(try walk(tree)) == paths.sorted())
  }

  @Test func includeAndExcludeGlobs() throws {
    let tree = try TempTree()
    for path in ["src/lib.rs", "src/gen/out.rs", "src/x.c", "tests/t.rs", "crates/a/tests/u.rs", "crates/a/src/m.rs",
      "crates/b/n.rs"]
    {
      try tree.write(path)
    }
    #expect(files(try walk(tree) { $0.includes = ["*.rs"] }).count == 6)
    #expect(files(try walk(tree) { $0.includes = ["*.c"] }) == ["src/x.c"])
    #expect(
      files(try walk(tree) { $0.excludes = ["tests", "src/gen/**"] }) == ["crates/a/src/m.rs", "crates/b/n.rs", "src/lib.rs", "src/x.c"])
    #expect(files(try walk(tree) { $0.includes = ["crates/a"] }) == ["crates/a/src/m.rs", "crates/a/tests/u.rs"])
    #expect(
      files(try walk(tree) { $0.includes = ["crates/**/*.rs"]; $0.excludes = ["tests/"] }) == [
        "crates/a/src/m.rs", "crates/b/n.rs",
      ])
  }

  @Test func symlinkLoopTerminates() throws {
    let tree = try TempTree()
    try tree.write("a/x.rs")
    try tree.symlink("a/loop", to: "..")  // back to the root
    try tree.symlink("a/self", to: "self")  // resolves to itself
    try tree.symlink("a/self.rs", to: "self.rs")
    let result = try walk(tree) { $0.followSymlinks = true }
    #expect(files(result) == ["a/x.rs"])
    #expect(result.skipped.contains(SkippedFile(path: "a/loop", reason: "symbolic link loop")))
    #expect(result.skipped.contains(SkippedFile(path: "a/self.rs", reason: "symbolic link loop")))
  }

  /// The default (issue 10): like ripgrep and git, links met in the walk are not followed; a
  /// file link is reported, a folder link is not entered.
  @Test func symlinksAreNotFollowedByDefault() throws {
    let tree = try TempTree()
    let outside = try TempTree()
    try outside.write("lib/ext.rs")
    try outside.write("single.c")
    try tree.write("real/r.rs")
    try tree.symlink("alias", to: "real")
    try tree.symlink("external", to: outside.path("lib"))
    try tree.symlink("linked.c", to: outside.path("single.c"))
    let result = try walk(tree)
    #expect(files(result) == ["real/r.rs"])
    #expect(result.skipped == [SkippedFile(path: "linked.c", reason: "symbolic link, not followed (--follow follows links)")])
  }

  /// `--follow`.
  @Test func symlinksAreFollowed() throws {
    let tree = try TempTree()
    let outside = try TempTree()
    try outside.write("lib/ext.rs")
    try outside.write("single.c")
    try tree.write("real/r.rs")
    try tree.symlink("alias", to: "real")  // in-tree: reported once, under its real path
    try tree.symlink("external", to: outside.path("lib"))
    try tree.symlink("linked.c", to: outside.path("single.c"))
    let result = try walk(tree) { $0.followSymlinks = true }
    #expect(files(result) == ["external/ext.rs", "linked.c", "real/r.rs"])
    #expect(result.files.first { $0.relativePath == "linked.c" }?.absolutePath == tree.path("linked.c"))
    #expect(result.skipped == [SkippedFile(path: "alias", reason: "symbolic link to a directory already walked")])
  }

  @Test func brokenSymlinkIsReported() throws {
    let tree = try TempTree()
    try tree.write("ok.rs")
    try tree.symlink("dangling.rs", to: "nowhere.rs")
    try tree.symlink("dangling.txt", to: "nowhere.txt")  // not a candidate: not reported
    let result = try walk(tree)
    #expect(files(result) == ["ok.rs"])
    #expect(result.skipped == [SkippedFile(path: "dangling.rs", reason: "broken symbolic link")])
    // Given explicitly, it exists (as a link): reported, not thrown.
    let explicit = try walk(tree, [tree.path("dangling.rs")])
    #expect(explicit.skipped == [SkippedFile(path: "dangling.rs", reason: "broken symbolic link")])
  }

  @Test func explicitFileIsIncludedEvenIfIgnored() throws {
    let tree = try TempTree()
    try tree.write(".gitignore", "ignored.rs\nbuild/\n")
    try tree.write("ignored.rs")
    try tree.write("build/gen.rs")
    try tree.write("notes.txt")
    let result = try walk(tree, [tree.path("ignored.rs"), tree.path("build"), tree.path("notes.txt")])
    #expect(files(result) == ["build/gen.rs", "ignored.rs"])
  }

  @Test func subdirectoryWalkHonoursParentGitignore() throws {
    let tree = try TempTree()
    try tree.write(".gitignore", "*.gen.rs\n/sub/skip/\n")
    try tree.write("sub/a.gen.rs")
    try tree.write("sub/b.rs")
    try tree.write("sub/skip/c.rs")
    #expect(files(try walk(tree, [tree.path("sub")])) == ["sub/b.rs"])
  }

  @Test func nestedRepositoryUsesItsOwnRules() throws {
    let tree = try TempTree()
    try tree.mkdir(".git")
    try tree.write(".gitignore", "*.gen.rs\n")
    try tree.mkdir("vendor/dep/.git")
    try tree.write("vendor/dep/.gitignore", "old.rs\n")
    for path in ["a.gen.rs", "vendor/dep/b.gen.rs", "vendor/dep/old.rs", "vendor/dep/new.rs"] { try tree.write(path) }
    #expect(files(try walk(tree)) == ["vendor/dep/b.gen.rs", "vendor/dep/new.rs"])
  }

  /// The size limit is enforced by the reader (one fstat on the open file) rather than by a
  /// stat per file during the walk: checked through the scanner.
  @Test func maxFileSize() throws {
    let tree = try TempTree()
    try tree.write("small.rs", String(repeating: "x", count: 10))
    try tree.write("big.rs", String(repeating: "x", count: 11))
    try tree.write("huge.rs", String(repeating: "x", count: (1 << 20) + 1))
    func scan(_ limit: Int?) throws -> ScanResult {
      var options = ScanOptions()
      options.paths = [tree.root]
      if let limit { options.walk.maxFileSize = limit }
      return try Scanner(options: options).scan()
    }
    let result = try scan(10)
    #expect(result.filesScanned == 1)
    #expect(result.skipped.map(\.path) == ["big.rs", "huge.rs"])
    #expect(result.skipped[0].reason == "larger than 10 bytes (--max-file-size)")
    #expect(try scan(1 << 20).skipped == [SkippedFile(path: "huge.rs", reason: "larger than 1 MiB (--max-file-size)")])
    #expect(try scan(nil).skipped.isEmpty)  // default 8 MiB
  }

  @Test func pathNotFoundThrows() throws {
    let tree = try TempTree()
    try tree.write("a.rs")
    let missing = tree.path("missing")
    #expect(throws: WalkError.self) { try walk(tree, [tree.path("a.rs"), missing]) }
    #expect(WalkError.pathNotFound(missing).description == "\(missing): no such file or directory")
  }

  @Test func specialFileIsReportedNotOpened() throws {
    let tree = try TempTree()
    #expect(mkfifo(tree.path("pipe.rs"), 0o644) == 0)
    let result = try walk(tree)
    #expect(result.files.isEmpty)
    #expect(result.skipped == [SkippedFile(path: "pipe.rs", reason: "not a regular file")])
  }

  /// Entry names are decoded by an ASCII fast path; other names are still validated: a
  /// UTF-8 name keeps its characters, an invalid one is reported, not guessed at.
  @Test func nonASCIIAndInvalidUTF8Names() throws {
    let tree = try TempTree()
    try tree.write("café/naïve.rs")
    try tree.write("plain/a.rs")
    let invalid = Array(tree.path("plain").utf8) + Array("/bad".utf8) + [0xFF] + Array(".rs".utf8) + [0]
    let fd = invalid.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
    #expect(fd >= 0)
    close(fd)
    let result = try walk(tree)
    #expect(files(result).sorted() == ["café/naïve.rs", "plain/a.rs"])
    #expect(result.files.map(\.absolutePath).sorted() == [tree.path("café/naïve.rs"), tree.path("plain/a.rs")])
    #expect(result.skipped == [SkippedFile(path: "plain/<non-UTF-8 name>", reason: "file name is not valid UTF-8")])
  }

  /// chmod 000 only denies access to non-root users; as root (CI containers) this checks nothing
  /// beyond "the walk completes".
  @Test func unreadableFileAndDirectory() throws {
    let tree = try TempTree()
    try tree.write("ok.rs")
    try tree.write("locked/inner.rs")
    try tree.write("secret.rs")
    chmod(tree.path("locked"), 0)
    chmod(tree.path("secret.rs"), 0)
    defer {
      chmod(tree.path("locked"), 0o755)
      chmod(tree.path("secret.rs"), 0o644)
    }
    let result = try walk(tree)
    if getuid() != 0 {
      #expect(files(result) == ["ok.rs"])
      #expect(
        result.skipped == [
          SkippedFile(path: "locked", reason: "permission denied"),
          SkippedFile(path: "secret.rs", reason: "permission denied"),
        ])
    } else {
      #expect(files(result).contains("ok.rs"))
    }
  }

  @Test func pathsOutsideRootAndDeduplication() throws {
    let tree = try TempTree()
    try tree.write("inside/a.rs")
    try tree.write("outside/b.rs")
    let root = tree.path("inside")
    let result = try walk(tree, [root, root, tree.path("inside/a.rs"), tree.path("outside")], root: root)
    #expect(files(result) == [tree.path("outside/b.rs"), "a.rs"].sorted())
  }

  @Test func repositoryAboveRootAppliesItsIgnoreFiles() throws {
    let tree = try TempTree()
    try tree.mkdir(".git/info")
    try tree.write(".git/info/exclude", "*.local.rs\n")
    try tree.write(".gitignore", "/crates/foo/gen/\n")
    try tree.write("crates/.gitignore", "*.bak.rs\n")
    for path in ["crates/foo/gen/g.rs", "crates/foo/lib.rs", "crates/foo/x.bak.rs", "crates/foo/y.local.rs"] {
      try tree.write(path)
    }
    let root = tree.path("crates/foo")
    #expect(files(try walk(tree, [root], root: root)) == ["lib.rs"])
  }

  @Test func relativePathsAreResolvedAgainstTheWorkingDirectory() throws {
    let tree = try TempTree()
    try tree.write("inside/a.rs")
    try tree.write("outside/b.rs")
    // A relative spelling of the tree, whatever the working directory is.
    let cwd = FileManager.default.currentDirectoryPath
    let up = String(repeating: "../", count: cwd.split(separator: "/").count)
    let relativeTree = up + tree.root.dropFirst()
    let result = try walk(tree, [relativeTree + "/inside/./", relativeTree + "/outside"], root: tree.path("inside"))
    #expect(files(result) == [relativeTree + "/outside/b.rs", "a.rs"].sorted())
    #expect(result.files.first { $0.relativePath == "a.rs" }?.absolutePath == tree.path("inside/a.rs"))
  }
}
