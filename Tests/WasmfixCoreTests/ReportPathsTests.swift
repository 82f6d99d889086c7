import Foundation
import Testing
@testable import WasmfixReporting

/// Issue 11: the mapping from scan-root-relative paths to printed ones.
@Suite struct ReportPathsTests {
  @Test func pathsBelowTheBaseAreRelativeOthersAbsolute() {
    let paths = OutputPaths(root: "/repo/sub", base: "/repo")
    #expect(paths.display("src/a.rs") == "sub/src/a.rs")
    #expect(paths.display("../other/b.rs") == "other/b.rs")
    #expect(OutputPaths(root: "/repo/sub", base: "/repo/sub/src").display("../x.rs") == "/repo/x.rs")
    #expect(OutputPaths(root: "/elsewhere", base: "/repo").display("a.rs") == "/elsewhere/a.rs")
    #expect(OutputPaths(root: "/repo", base: "/repo").display("a.rs") == "a.rs")
  }

  @Test func messagesRewriteWholePathReferencesOnly() {
    let paths = OutputPaths(root: "/repo/sub", base: "/repo")
    let text = paths.text("MAX at src/a.rs:3 (also xsrc/a.rs:4, src/a.rs:5)", paths: ["src/a.rs"])
    #expect(text == "MAX at sub/src/a.rs:3 (also xsrc/a.rs:4, sub/src/a.rs:5)")
    // Names with spaces, commas and colons, and the longest known path winning.
    let odd = paths.text("A at src/odd name,v2:x.rs:3 and b.rs:1 and x/b.rs:2", paths: ["src/odd name,v2:x.rs", "b.rs", "x/b.rs", "v2"])
    #expect(odd == "A at sub/src/odd name,v2:x.rs:3 and sub/b.rs:1 and sub/x/b.rs:2")
    // Thousands of known paths cost nothing more per message (a scan from a parent folder).
    let many = Set((0..<5000).map { "dir\($0)/file.rs" }).union(["src/a.rs"])
    #expect(paths.text("MAX at src/a.rs:3", known: many) == "MAX at sub/src/a.rs:3")
  }

  @Test func repositoryRootIsTheNearestAncestorWithGit() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-repo-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: root.appendingPathComponent("a/b"), withIntermediateDirectories: true)
    #expect(OutputPaths.repositoryRoot(from: root.appendingPathComponent("a/b").path) == OutputPaths.standardized(root.path))
  }
}
