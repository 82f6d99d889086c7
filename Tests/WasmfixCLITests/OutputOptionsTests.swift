import Foundation
import Testing
@testable import WasmfixReporting

/// Issue 11: `--statistics`, `--output-file`, `--color` with FORCE_COLOR / NO_COLOR, `-q`.
@Suite struct OutputOptionsTests {
  func project() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-options-\(UUID().uuidString)")
    let file = root.appendingPathComponent("src/main.rs")
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(CLITests.failing.utf8).write(to: file)
    return root
  }

  @Test func statisticsCountPerRule() throws {
    let root = try project()
    defer { try? FileManager.default.removeItem(at: root) }
    let text = try WasmfixBinary.run(["scan", ".", "--statistics"], in: root)
    #expect(text.status == 1, "the exit code is a plain scan's")
    #expect(text.stdout == "1  WF001  stack-exceeds-async     1 fixable\n1  WF003  implicit-stack-default  1 fixable\n", "\(text.stdout)")
    let json = try WasmfixBinary.run(["scan", ".", "--statistics", "--format", "json"], in: root)
    let rows = try JSONDecoder().decode([RuleStatistics.Row].self, from: Data(json.stdout.utf8))
    #expect(rows == [.init(code: "WF001", name: "stack-exceeds-async", count: 1, fixable: 1),
                     .init(code: "WF003", name: "implicit-stack-default", count: 1, fixable: 1)])
    let after = try WasmfixBinary.run(["scan", ".", "--statistics", "--write"], in: root)
    #expect(after.status == 0)
    #expect(after.stdout.isEmpty, "nothing remains after --write: \(after.stdout)")
    let sarif = try WasmfixBinary.run(["scan", ".", "--statistics", "--format", "sarif"], in: root)
    #expect(sarif.status == 2 && sarif.stderr.split(separator: "\n").count == 1)
  }

  @Test func outputFileTakesTheReport() throws {
    let root = try project()
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try WasmfixBinary.run(["scan", ".", "--format", "json", "--output-file", "report.json"], in: root)
    #expect(run.status == 1)
    #expect(run.stdout.isEmpty)
    let written = try String(contentsOf: root.appendingPathComponent("report.json"), encoding: .utf8)
    #expect(written == (try WasmfixBinary.run(["scan", ".", "--format", "json", "--exclude", "report.json"], in: root)).stdout)
    let diff = try WasmfixBinary.run(["scan", ".", "--diff", "--output-file", "fix.diff"], in: root)
    #expect(diff.stdout.isEmpty)
    #expect(try String(contentsOf: root.appendingPathComponent("fix.diff"), encoding: .utf8).hasPrefix("diff --git a/src/main.rs b/src/main.rs\n"))
    let failed = try WasmfixBinary.run(["scan", ".", "--output-file", "missing-dir/report.txt"], in: root)
    #expect(failed.status == 2)
    #expect(failed.stderr.contains("missing-dir/report.txt"))
  }

  @Test func colourFollowsTheFlagAndTheEnvironment() throws {
    let root = try project()
    defer { try? FileManager.default.removeItem(at: root) }
    let escape = "\u{1B}["
    // The helper sets NO_COLOR=1; "" unsets it for these runs.
    #expect(try WasmfixBinary.run(["scan", "."], in: root, environment: ["NO_COLOR": ""]).stdout.contains(escape) == false, "a pipe is not a terminal")
    #expect(try WasmfixBinary.run(["scan", ".", "--color", "always"], in: root).stdout.contains(escape), "always beats NO_COLOR")
    #expect(try WasmfixBinary.run(["scan", "."], in: root, environment: ["NO_COLOR": "", "FORCE_COLOR": "1"]).stdout.contains(escape))
    #expect(!(try WasmfixBinary.run(["scan", "."], in: root, environment: ["NO_COLOR": "", "FORCE_COLOR": "0"]).stdout.contains(escape)))
    #expect(!(try WasmfixBinary.run(["scan", "."], in: root, environment: ["NO_COLOR": "1", "FORCE_COLOR": "1"]).stdout.contains(escape)),
            "NO_COLOR, the user's opt-out, wins over FORCE_COLOR")
    #expect(!(try WasmfixBinary.run(["scan", ".", "--color", "never"], in: root, environment: ["NO_COLOR": "", "FORCE_COLOR": "1"]).stdout.contains(escape)))
    #expect(try WasmfixBinary.run(["scan", ".", "--color", "sometimes"], in: root).status == 2)
  }

  @Test func quietHasNoProgressLine() throws {
    // The progress line needs a terminal on stderr (script(1) gives one) and a scan longer than
    // a second: 40,000 files that pass the prefilter. Without -q it shows, with -q it does not.
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-progress-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    // Python writes them in about a second; Foundation takes far longer.
    let make = "for i in range(40000): open(f'f{i}.rs', 'w').write(f'fn f{i}() {{ let x = max_wasm_stack; }}\\n')"
    try #require(try ProcessRunner.run("/usr/bin/env", ["python3", "-c", make], in: root).status == 0)
    let loud = try ProcessRunner.run("/usr/bin/script", ["-qec", "\(WasmfixBinary.path) scan . > /dev/null", "/dev/null"], in: root)
    try #require(loud.stdout.contains("files/s"), "no progress line without -q either; the check below would prove nothing")
    let quiet = try ProcessRunner.run("/usr/bin/script", ["-qec", "\(WasmfixBinary.path) scan . -q > /dev/null", "/dev/null"], in: root)
    #expect(!quiet.stdout.contains("files/s"), "\(quiet.stdout)")
  }
}
