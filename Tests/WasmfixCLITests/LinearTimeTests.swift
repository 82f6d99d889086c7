import Foundation
import Testing

/// Issue 10, item 3: repository content whose cost grew with the square of its size (or
/// exponentially). Each input is generated here and must be scanned within a generous CPU
/// budget in a debug build; the old code took 20 s to over a minute on each.
/// CPU time of the child, not wall time: the suite runs tests side by side.
@Suite struct LinearTimeTests {
  static let budget = 5.0

  /// Runs the binary under bash's `time`, returning the output and the child's CPU seconds.
  static func timed(_ arguments: [String], in tree: URL) throws -> (output: WasmfixBinary.Output, cpu: Double) {
    let script = "TIMEFORMAT='cpu %3U %3S'; time \"$0\" \"$@\" 2> wasmfix.err"
    let output = try ProcessRunner.run("/bin/bash", ["-c", script, WasmfixBinary.path] + arguments, in: tree, environment: ["NO_COLOR": "1"])
    let line = try #require(output.stderr.split(separator: "\n").last { $0.hasPrefix("cpu ") })
    let cpu = line.split(separator: " ").dropFirst().compactMap { Double($0) }.reduce(0, +)
    return (output, cpu)
  }

  static func tree(_ files: [String: String]) throws -> URL {
    let tree = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-linear-\(UUID().uuidString)")
    for (path, text) in files.merging(["wasmtime-version.txt": "25.0.0\n"], uniquingKeysWith: { a, _ in a }) {
      let url = tree.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return tree
  }

  /// The diff applies with `git apply` to a copy of the tree.
  static func expectApplies(_ diff: String, to tree: URL) throws {
    try Data(diff.utf8).write(to: tree.appendingPathComponent("fix.diff"))
    _ = try ProcessRunner.run("/usr/bin/env", ["git", "init", "-q", "."], in: tree)
    let check = try ProcessRunner.run("/usr/bin/env", ["git", "apply", "--check", "fix.diff"], in: tree)
    #expect(check.status == 0, "git apply: \(check.stderr)")
  }

  static let rustEngine = "let mut config = Config::new(); config.async_support(true); config.max_wasm_stack(8 << 20);"

  /// 5,000 nested blocks: 27 s to scan and over 60 s with --diff (ts_node_parent searches from
  /// the root, and every site climbed to the root parent by parent).
  @Test func fiveThousandNestedBraces() throws {
    let c = "wasm_config_t *c = wasm_config_new(); wasmtime_config_async_support_set(c, true); wasmtime_config_max_wasm_stack_set(c, 8 << 20);"
    let tree = try Self.tree([
      "src/a.rs": "fn f() {\n" + String(repeating: "{\n", count: 5000) + Self.rustEngine + "\n" + String(repeating: "}\n", count: 5000) + "}\n",
      "src/b.c": "void f(void) {\n" + String(repeating: "{\n", count: 5000) + c + "\n" + String(repeating: "}\n", count: 5000) + "}\n",
    ])
    defer { try? FileManager.default.removeItem(at: tree) }
    let scan = try Self.timed(["scan", ".", "--format", "json"], in: tree)
    #expect(scan.output.status == 1 && scan.output.stdout.components(separatedBy: "\"WF001\"").count - 1 == 2)
    #expect(scan.cpu < Self.budget, "scan: \(scan.cpu) s")
    let diff = try Self.timed(["scan", ".", "--diff"], in: tree)
    #expect(diff.cpu < Self.budget, "--diff: \(diff.cpu) s")
    try Self.expectApplies(diff.output.stdout, to: tree)
  }

  /// 2,000 configurations in one file with --diff (5,000 took 50 s: every finding searched
  /// every site, every fix re-read the file, every group searched every finding).
  @Test func twoThousandConfigurationsInOneFileWithDiff() throws {
    let body = (0..<2000).map { "fn f\($0)() { let mut c = Config::new(); c.async_support(true); c.max_wasm_stack(8 << 20); }\n" }.joined()
    let tree = try Self.tree(["src/a.rs": body])
    defer { try? FileManager.default.removeItem(at: tree) }
    let diff = try Self.timed(["scan", ".", "--diff"], in: tree)
    #expect(diff.output.status == 1)
    #expect(diff.output.stdout.components(separatedBy: "\n+c.async_stack_size(").count - 1 == 2000)
    #expect(diff.cpu < Self.budget, "--diff: \(diff.cpu) s")
    try Self.expectApplies(diff.output.stdout, to: tree)
  }

  /// 5,000 small functions in one file, each a pass-through setter (44 s: each site walked
  /// the whole file's scope facts again).
  @Test func fiveThousandSmallFunctionsInOneFile() throws {
    let body = (0..<5000).map { "fn f\($0)(c: &mut Config) { c.max_wasm_stack(1); }\n" }.joined()
    let tree = try Self.tree(["src/a.rs": body])
    defer { try? FileManager.default.removeItem(at: tree) }
    let scan = try Self.timed(["scan", ".", "--format", "json"], in: tree)
    let report = try #require(try JSONSerialization.jsonObject(with: Data(scan.output.stdout.utf8)) as? [String: Any])
    #expect((report["sites"] as? [Any])?.count == 5000)
    #expect(scan.cpu < Self.budget, "scan: \(scan.cpu) s")
  }

  /// 4,000 setting calls in one function (20 s: each walked the function for its bindings,
  /// parameters, fresh configurations and engine creations).
  @Test func fourThousandCallsInOneFunction() throws {
    let tree = try Self.tree(["src/a.rs": "fn f() { let mut config = Config::new(); config.async_support(true);\n"
      + String(repeating: "config.max_wasm_stack(8 << 20);\n", count: 4000) + "}\n"])
    defer { try? FileManager.default.removeItem(at: tree) }
    let scan = try Self.timed(["scan", ".", "--format", "json"], in: tree)
    #expect(scan.output.status == 1)
    #expect(scan.cpu < Self.budget, "scan: \(scan.cpu) s")
  }

  /// A `.gitignore` line with a dozen `**/` against a 40-deep path (over 60 s of backtracking).
  @Test func aDozenDoubleStarsInGitignore() throws {
    let deep = Array(repeating: "a", count: 40).joined(separator: "/")
    let tree = try Self.tree([
      ".gitignore": Array(repeating: "**/a", count: 12).joined(separator: "/") + "/b\n",
      "\(deep)/x.rs": "fn f() { \(Self.rustEngine) }\n",
      "\(deep)/b/y.rs": "fn f() { \(Self.rustEngine) }\n",
    ])
    defer { try? FileManager.default.removeItem(at: tree) }
    _ = try ProcessRunner.run("/usr/bin/env", ["git", "init", "-q", "."], in: tree)
    let scan = try Self.timed(["scan", ".", "--format", "json"], in: tree)
    // As git decides: x.rs is scanned, b/ is ignored.
    #expect(scan.output.stdout.contains("x.rs") && !scan.output.stdout.contains("y.rs"))
    #expect(scan.cpu < Self.budget, "scan: \(scan.cpu) s")
  }

  /// 4,000 functions in one file, each with its own `S` (about 60 s: every site's name was
  /// compared with every same-named definition, and all were "ambiguous"). Each site has its
  /// own function's value: function `i` (line `i + 1`) says `(i + 1) << 3` (small values:
  /// notes, no fixes to plan).
  @Test func fourThousandFunctionsEachWithItsOwnConstant() throws {
    let rust = (0..<4000).map { "fn f\($0)() { const S: usize = \($0 + 1) << 3; let mut config = Config::new(); config.max_wasm_stack(S); }\n" }
    // C: a local `static const` and a local `enum` in turn.
    let c = (0..<4000).map { i in
      let definition = i % 2 == 0 ? "static const size_t S = \(i + 1) << 3;" : "enum { S = \(i + 1) << 3 };"
      return "void f\(i)(void) { \(definition) wasm_config_t *c = wasm_config_new(); wasmtime_config_max_wasm_stack_set(c, S); }\n"
    }
    let tree = try Self.tree(["src/a.rs": rust.joined(), "src/b.c": c.joined()])
    defer { try? FileManager.default.removeItem(at: tree) }
    let scan = try Self.timed(["scan", ".", "--format", "json"], in: tree)
    let report = try #require(try JSONSerialization.jsonObject(with: Data(scan.output.stdout.utf8)) as? [String: Any])
    let sites = try #require(report["sites"] as? [[String: Any]])
    #expect(sites.count == 8000)
    let wrong = sites.filter { site in
      guard let line = site["line"] as? Int, let value = site["value"] as? Int else { return true }
      return value != line << 3
    }
    #expect(wrong.isEmpty, "\(wrong.count) sites without their own function's value, first: \(wrong.first.map { "\($0)" } ?? "")")
    #expect(scan.cpu < Self.budget, "scan: \(scan.cpu) s")
  }

  /// 4,000 functions each with their own constant, most above the async stack: each finding's
  /// message said which other sites share the definition by searching every site, and each
  /// fix looked up the definition's file through every site (over 10 s; now about 2.5).
  @Test func fourThousandFunctionsEachWithItsOwnViolatingConstant() throws {
    let rust = (0..<4000).map { "fn f\($0)() { const S: usize = \($0 + 1) << 11; let mut config = Config::new(); config.max_wasm_stack(S); }\n" }
    let tree = try Self.tree(["src/a.rs": rust.joined()])
    defer { try? FileManager.default.removeItem(at: tree) }
    let scan = try Self.timed(["scan", ".", "--format", "json"], in: tree)
    // Above 2 MiB from function 1,024 on: a latent mismatch each, with a fix raising the async stack.
    #expect(scan.output.stdout.components(separatedBy: "exceeds async_stack_size").count - 1 == 2976)
    #expect(!scan.output.stdout.contains("also used at"))
    #expect(scan.cpu < Self.budget, "scan: \(scan.cpu) s")
  }
}
