import Foundation
import Testing
@testable import WasmfixReporting

/// Issue 11: every format prints paths relative to the current directory, so what wasmfix
/// prints opens (and `--diff` applies) from where it ran, not only from the scan root.
@Suite struct OutputPathsTests {
  static let engine = """
    use wasmtime::{Config, Engine};

    fn main() {
        let mut config = Config::new();
        config.async_support(true);
        config.max_wasm_stack(8 << 20);
        let _engine = Engine::new(&config).unwrap();
    }

    """

  /// `parent/` with `sub/src/main.rs`, a git repository at `parent/`.
  func parent() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-paths-\(UUID().uuidString)")
    let file = root.appendingPathComponent("sub/src/main.rs")
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(Self.engine.utf8).write(to: file)
    return root
  }

  @Test func diffFromTheParentDirectoryApplies() throws {
    let root = try parent()
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(try ProcessRunner.run("/usr/bin/git", ["init", "-q"], in: root).status == 0)
    let diff = try WasmfixBinary.run(["scan", "sub", "--diff"], in: root)
    #expect(diff.stdout.contains("--- a/sub/src/main.rs\n+++ b/sub/src/main.rs\n"), "diff headers: \(diff.stdout)")
    let patch = root.appendingPathComponent("fix.patch")
    try diff.stdout.write(to: patch, atomically: true, encoding: .utf8)
    let apply = try ProcessRunner.run("/usr/bin/git", ["apply", "fix.patch"], in: root)
    #expect(apply.status == 0, "git apply from the parent failed: \(apply.stderr)")
    #expect(try WasmfixBinary.run(["scan", "sub"], in: root).status == 0, "the applied diff fixed the scan")
  }

  @Test func textJSONAndGitHubPathsOpenFromTheCurrentDirectory() throws {
    let root = try parent()
    defer { try? FileManager.default.removeItem(at: root) }
    let text = try WasmfixBinary.run(["scan", "sub"], in: root)
    #expect(text.stdout.hasPrefix("sub/src/main.rs:6:12: error[WF001]"), "text: \(text.stdout)")
    #expect(text.stdout.contains("    sub/src/main.rs:6:12: max_wasm_stack(8 << 20)"))

    let json = try WasmfixBinary.run(["scan", "sub", "--format", "json"], in: root)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let findings = try #require(object["findings"] as? [[String: Any]])
    let sites = try #require(object["sites"] as? [[String: Any]])
    let groups = try #require(object["groups"] as? [[String: Any]])
    for path in findings.map({ $0["path"] as? String }) + sites.map({ $0["path"] as? String }) + groups.map({ $0["path"] as? String }) {
      let path = try #require(path)
      #expect(path == "sub/src/main.rs")
      #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path))
    }
    #expect(groups.first?["id"] as? String == "sub/src/main.rs:5", "group ids name the printed path")
    #expect(findings.first?["group"] as? String == groups.first?["id"] as? String)

    let github = try WasmfixBinary.run(["scan", "sub", "--format", "github"], in: root)
    #expect(github.stdout.hasPrefix("::error file=sub/src/main.rs,line=6,col=12,"), "github: \(github.stdout)")
  }

  @Test func filesOutsideTheCurrentDirectoryAreAbsolute() throws {
    let root = try parent()
    defer { try? FileManager.default.removeItem(at: root) }
    let other = root.appendingPathComponent("other")
    try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
    let output = try WasmfixBinary.run(["scan", "../sub/src/main.rs"], in: other)
    let absolute = root.appendingPathComponent("sub/src/main.rs").resolvingSymlinksInPath().path
    #expect(output.stdout.hasPrefix("\(absolute):6:12: error[WF001]"), "a file outside the cwd: \(output.stdout)")
  }

  @Test func messagesNameDefinitionsFromTheCurrentDirectory() throws {
    let root = try parent()
    defer { try? FileManager.default.removeItem(at: root) }
    let limits = root.appendingPathComponent("sub/src/limits.rs")
    try Data("pub const STACK: usize = 8 << 20;\n".utf8).write(to: limits)
    let main = Self.engine.replacingOccurrences(of: "max_wasm_stack(8 << 20)", with: "max_wasm_stack(crate::limits::STACK)")
    try Data(("mod limits;\n" + main).utf8).write(to: root.appendingPathComponent("sub/src/main.rs"))
    let output = try WasmfixBinary.run(["scan", "sub"], in: root)
    #expect(output.stdout.contains("STACK at sub/src/limits.rs:1"), "message: \(output.stdout)")
  }

  @Test func diffWithAnotherFormatIsAnError() throws {
    let root = try parent()
    defer { try? FileManager.default.removeItem(at: root) }
    for format in ["json", "sarif", "github"] {
      let output = try WasmfixBinary.run(["scan", "sub", "--diff", "--format", format], in: root)
      #expect(output.status == 2)
      #expect(output.stdout.isEmpty)
      let lines = output.stderr.split(separator: "\n")
      #expect(lines.count == 1 && lines[0].contains("--diff") && lines[0].contains(format), "stderr: \(output.stderr)")
    }
  }
}
