import Foundation
import Testing
import WasmfixCore

/// Issue 10 item 6: a skipped file that names a setting is a WF010 warning in every output,
/// not only a stderr line; skipping still does not change the exit code (CONTRACT).
@Suite("Unscanned settings (WF010)") struct UnscannedSettingTests {
  func tree(_ files: [String: [UInt8]]) throws -> URL { try TemporaryTree.make(bytes: files, prefix: "wasmfix-wf010") }

  @Test func binaryAndOversizedFilesWithSettingsAreFindings() throws {
    let big = String(repeating: "// filler line\n", count: 1_000) + "fn g(c: &mut wasmtime::Config) { c.max_wasm_stack(9 << 20); }\n"
    let root = try tree([
      "src/blob.rs": Array("fn f(config: &mut wasmtime::Config) {\n    config.max_wasm_stack(8 << 20); // \0\n}\n".utf8),
      "src/generated.rs": Array(big.utf8),
      "src/data.bin.rs": Array("no settings here \0\n".utf8),
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try WasmfixBinary.run(["scan", ".", "--format", "json", "--max-file-size", "4K"], in: root)
    #expect(run.status == 0, "skipped files do not change the exit code: \(run.stderr)")
    let report = try JSONDecoder().decode(JSONReport.self, from: Data(run.stdout.utf8))
    let wf010 = report.findings.filter { $0.rule == "WF010" }
    #expect(wf010.map(\.path) == ["src/blob.rs", "src/generated.rs"])
    #expect(wf010.map(\.line) == [2, 1_001])
    #expect(wf010.map(\.column) == [12, 36])
    #expect(wf010.allSatisfy { $0.severity == "warning" && !$0.fixable })
    #expect(wf010.first?.message.contains("binary file") == true)
    #expect(wf010.last?.message.contains("--max-file-size") == true)
    // Both are still listed as skipped, with the binary file that names nothing.
    #expect(report.skipped.map(\.path) == ["src/blob.rs", "src/generated.rs"])

    let text = try WasmfixBinary.run(["scan", ".", "--max-file-size", "4K"], in: root)
    #expect(text.stdout.contains("src/blob.rs:2:12: warning[WF010]"), "\(text.stdout)")
    // `--ignore WF010` turns them off as any rule.
    let ignored = try WasmfixBinary.run(["scan", ".", "--format", "json", "--max-file-size", "4K", "--ignore", "WF010"], in: root)
    let quiet = try JSONDecoder().decode(JSONReport.self, from: Data(ignored.stdout.utf8))
    #expect(quiet.findings.isEmpty)
  }
}
