import Foundation
import Testing

/// Issue 10 (smaller defects): a file name with a newline ended the `--diff` header line and
/// broke the whole patch. Header paths are quoted as git quotes them, so `git apply` takes the
/// patch and fixes every file.
@Suite struct OddFileNameTests {
  @Test func namesWithANewlineOrAQuoteAreQuotedInDiffHeaders() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-oddnames-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let code = "use wasmtime::*;\nfn f() { let mut config = Config::new(); config.max_wasm_stack(0); }\n"
    let names = ["we\nird.rs", "q\"uote.rs", "plain.rs"]
    for name in names { try Data(code.utf8).write(to: root.appendingPathComponent(name)) }
    let diff = try WasmfixBinary.run(["scan", ".", "--diff"], in: root)
    #expect(diff.stdout.contains("diff --git \"a/we\\nird.rs\" \"b/we\\nird.rs\""), "\(diff.stdout)")
    #expect(diff.stdout.contains("--- \"a/q\\\"uote.rs\""), "\(diff.stdout)")
    #expect(diff.stdout.contains("diff --git a/plain.rs b/plain.rs"))
    let patch = root.appendingPathComponent("fix.patch")
    try Data(diff.stdout.utf8).write(to: patch)
    let apply = try ProcessRunner.run("/usr/bin/env", ["git", "apply", patch.path], in: root)
    #expect(apply.status == 0, "\(apply.stderr)")
    for name in names {
      let fixed = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
      #expect(fixed.contains("max_wasm_stack(512 * 1024)"), "\(name): \(fixed)")
    }
  }

  /// Issue 10 (smaller defects): an `--include`/`--exclude` pattern that cannot match or does
  /// not parse is an error (exit 2), not a scan of nothing that passes.
  @Test func globsThatCannotMatchOrDoNotParseAreErrors() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-globs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for (flag, pattern, reason) in [("--include", "[abc", "unclosed '['"), ("--exclude", "../vendor", "'..' cannot match"),
                                    ("--include", "", "an empty pattern")] {
      let output = try WasmfixBinary.run(["scan", ".", flag, pattern], in: root)
      #expect(output.status == 2, "\(flag) \(pattern)")
      #expect(output.stderr.contains("\(flag) '\(pattern)': \(reason)"), "\(output.stderr)")
    }
    for pattern in ["src/**", "[!a]*.rs", "\\[x", "*.{rs}"] {
      #expect(try WasmfixBinary.run(["scan", ".", "--include", pattern], in: root).status == 0, "\(pattern)")
    }
  }
}
