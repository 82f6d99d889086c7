import Foundation
import Testing
import WasmfixCore

/// A temporary tree with the given files, for the baseline and suppression tests.
private func tree(_ files: [String: String]) throws -> URL { try TemporaryTree.make(files, prefix: "wasmfix-baseline") }

private let oldEngine = """
  use wasmtime::*;

  pub fn old() -> Result<Engine> {
      let mut config = Config::new();
      config.async_support(true);
      config.max_wasm_stack(8 << 20);
      config.async_stack_size(2 << 20);
      Engine::new(&config)
  }

  """

private let newEngine = """
  pub fn new() -> Result<Engine> {
      let mut config = Config::new();
      config.async_support(true);
      config.max_wasm_stack(4 << 20);
      config.async_stack_size(1 << 20);
      Engine::new(&config)
  }

  """

/// Issue 11: `--write-baseline` records today's findings; `--baseline` reports only new ones,
/// matching by fingerprint so that lines inserted above an old finding keep it hidden.
@Suite("Baseline") struct BaselineTests {
  @Test func writeBaselineRecordsFindingsAndExitsZero() throws {
    let root = try tree(["src/lib.rs": oldEngine, "wasmtime-version.txt": "25.0.0\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(try WasmfixBinary.run(["scan", "."], in: root).status == 1)
    let write = try WasmfixBinary.run(["scan", ".", "--write-baseline", "wasmfix-baseline.json"], in: root)
    #expect(write.status == 0, "\(write.stderr)")
    #expect(write.stderr.contains("wrote 1 finding(s) to the baseline wasmfix-baseline.json"))
    let data = try Data(contentsOf: root.appendingPathComponent("wasmfix-baseline.json"))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["version"] as? Int == 1)
    let findings = try #require(object["findings"] as? [[String: Any]])
    #expect(findings.count == 1)
    #expect(Set(findings[0].keys) == ["rule", "path", "fingerprint", "message"])
    #expect(findings[0]["rule"] as? String == "WF001")
    #expect(findings[0]["path"] as? String == "src/lib.rs")
    #expect((findings[0]["fingerprint"] as? String)?.count == 16)
  }

  @Test func baselineHidesOldFindingsAfterLineShiftsAndShowsNewOnes() throws {
    let root = try tree(["src/lib.rs": oldEngine, "wasmtime-version.txt": "25.0.0\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(try WasmfixBinary.run(["scan", ".", "--write-baseline", "base.json"], in: root).status == 0)

    // Unchanged tree: everything is baselined, the exit code is clean.
    let same = try WasmfixBinary.run(["scan", ".", "--baseline", "base.json", "--format", "json"], in: root)
    #expect(same.status == 0)
    let sameReport = try JSONDecoder().decode(JSONReport.self, from: Data(same.stdout.utf8))
    #expect(sameReport.findings.isEmpty)
    #expect(sameReport.summary.baselined == 1)
    #expect(sameReport.summary.errors == 0)
    try JSONSchemaCheck.validate(Data(same.stdout.utf8))

    // A new configuration inserted above the old one shifts its lines; only the new one shows.
    let shifted = oldEngine.replacingOccurrences(of: "use wasmtime::*;\n\n", with: "use wasmtime::*;\n\n" + newEngine)
    try Data(shifted.utf8).write(to: root.appendingPathComponent("src/lib.rs"))
    let json = try WasmfixBinary.run(["scan", ".", "--baseline", "base.json", "--format", "json"], in: root)
    #expect(json.status == 1)
    let report = try JSONDecoder().decode(JSONReport.self, from: Data(json.stdout.utf8))
    #expect(report.findings.map(\.rule) == ["WF001"])
    #expect(report.findings.map(\.line) == [6])  // new()'s max_wasm_stack, not old()'s (now line 14)
    #expect(report.summary.baselined == 1)
    let text = try WasmfixBinary.run(["scan", ".", "--baseline", "base.json"], in: root)
    #expect(text.stdout.contains("src/lib.rs:6:12: error[WF001]"))
    #expect(!text.stdout.contains("src/lib.rs:14:"))
    #expect(text.stdout.contains("1 baselined"))
  }

  /// One finding, one fingerprint: scanning the repository or a subfolder of it, from the
  /// root or from inside, gives the same value (it is relative to the repository root), so a
  /// baseline, GitLab's fingerprint and SARIF's partialFingerprints survive how CI invokes it.
  @Test func fingerprintDoesNotDependOnTheScannedFolderOrTheCurrentDirectory() throws {
    let root = try tree(["crates/host/src/lib.rs": oldEngine, "wasmtime-version.txt": "25.0.0\n", ".git/HEAD": "ref: refs/heads/main\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    func fingerprints(_ arguments: [String], in directory: URL) throws -> [String] {
      let output = try WasmfixBinary.run(arguments + ["--format", "gitlab"], in: directory)
      let issues = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]], "\(output.stderr)")
      return issues.compactMap { $0["fingerprint"] as? String }
    }
    let fromRoot = try fingerprints(["scan", "."], in: root)
    #expect(fromRoot.count == 1)
    #expect(try fingerprints(["scan", "crates/host"], in: root) == fromRoot)
    #expect(try fingerprints(["scan", "."], in: root.appendingPathComponent("crates/host")) == fromRoot)
    #expect(try fingerprints(["scan", "src/lib.rs"], in: root.appendingPathComponent("crates/host")) == fromRoot)
  }

  @Test func writeFixesOnlyFindingsOutsideTheBaseline() throws {
    let root = try tree(["src/lib.rs": oldEngine, "wasmtime-version.txt": "25.0.0\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(try WasmfixBinary.run(["scan", ".", "--write-baseline", "base.json"], in: root).status == 0)
    try Data((oldEngine + newEngine).utf8).write(to: root.appendingPathComponent("src/lib.rs"))
    let write = try WasmfixBinary.run(["scan", ".", "--baseline", "base.json", "--write"], in: root)
    #expect(write.status == 0, "\(write.stdout)\(write.stderr)")
    let after = try String(contentsOf: root.appendingPathComponent("src/lib.rs"), encoding: .utf8)
    #expect(after.contains("config.async_stack_size(2 << 20);"), "the baselined configuration was edited:\n\(after)")
    #expect(!after.contains("config.async_stack_size(1 << 20);"), "the new configuration was not fixed:\n\(after)")
  }

  @Test("a missing, unreadable or invalid baseline exits 2", arguments: [
    ("missing.json", nil, "no such file"),
    ("empty.json", "", "not a wasmfix baseline"),
    ("object.json", "{}", "not a wasmfix baseline"),
    ("future.json", "{\"version\": 2, \"findings\": []}", "version 2 is not supported"),
  ] as [(String, String?, String)])
  func invalidBaseline(_ name: String, _ contents: String?, _ reason: String) throws {
    var files = ["src/lib.rs": oldEngine, "wasmtime-version.txt": "25.0.0\n"]
    if let contents { files[name] = contents }
    let root = try tree(files)
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try WasmfixBinary.run(["scan", ".", "--baseline", name], in: root)
    #expect(run.status == 2)
    #expect(run.stderr.contains("baseline \(name): \(reason)"), "\(run.stderr)")
    #expect(run.stdout.isEmpty)
  }

  @Test func unreadableBaselineExits2() throws {
    guard getuid() != 0 else { return }  // root reads any file
    let root = try tree(["src/lib.rs": oldEngine, "base.json": "{\"version\": 1, \"findings\": []}"])
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: root.appendingPathComponent("base.json").path)
    let run = try WasmfixBinary.run(["scan", ".", "--baseline", "base.json"], in: root)
    #expect(run.status == 2)
    #expect(run.stderr.contains("baseline base.json: cannot be read"), "\(run.stderr)")
  }

  @Test("--write-baseline combines with neither --baseline, --diff nor --write", arguments: [
    ["--baseline", "b.json"], ["--diff"], ["--write"],
  ])
  func writeBaselineConflicts(_ extra: [String]) throws {
    let root = try tree(["src/lib.rs": oldEngine])
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try WasmfixBinary.run(["scan", ".", "--write-baseline", "a.json"] + extra, in: root)
    #expect(run.status == 2)
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("a.json").path))
  }

  @Test func withoutBaselineTheSummaryHasNoBaselinedKey() throws {
    let root = try tree(["src/lib.rs": oldEngine, "wasmtime-version.txt": "25.0.0\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try WasmfixBinary.run(["scan", ".", "--format", "json"], in: root)
    #expect(!run.stdout.contains("baselined"))
    #expect(!run.stdout.contains("suppressed"))
  }
}

/// Issue 11: suppressed findings in the text report (only under -v) and in JSON.
@Suite("Suppression output") struct BaselineSuppressionOutputTests {
  static let suppressed = oldEngine.replacingOccurrences(of: "config.max_wasm_stack(8 << 20);", with: "config.max_wasm_stack(8 << 20); // wasmfix: ignore[WF001]")

  @Test func textShowsSuppressedFindingsOnlyWhenVerbose() throws {
    let root = try tree(["src/lib.rs": Self.suppressed, "wasmtime-version.txt": "25.0.0\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    let plain = try WasmfixBinary.run(["scan", "."], in: root)
    #expect(plain.status == 0)
    #expect(!plain.stdout.contains("WF001"))
    #expect(plain.stdout.contains("0 errors, 0 warnings"))
    #expect(plain.stdout.contains("1 suppressed"))
    let verbose = try WasmfixBinary.run(["scan", ".", "-v"], in: root)
    #expect(verbose.status == 0)
    #expect(verbose.stdout.contains("src/lib.rs:6:12: error[WF001]: "))
    #expect(verbose.stdout.contains("[suppressed]"))
  }

  @Test func jsonMarksSuppressedFindingsAndWriteLeavesThem() throws {
    let root = try tree(["src/lib.rs": Self.suppressed, "wasmtime-version.txt": "25.0.0\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    let json = try WasmfixBinary.run(["scan", ".", "--format", "json"], in: root)
    #expect(json.status == 0)
    try JSONSchemaCheck.validate(Data(json.stdout.utf8))
    #expect(json.stdout.contains("\"suppressed\" : true"))
    let report = try JSONDecoder().decode(JSONReport.self, from: Data(json.stdout.utf8))
    #expect(report.findings.map(\.suppressed) == [true])
    #expect(report.summary.errors == 0)
    let write = try WasmfixBinary.run(["scan", ".", "--write"], in: root)
    #expect(write.status == 0)
    let after = try String(contentsOf: root.appendingPathComponent("src/lib.rs"), encoding: .utf8)
    #expect(after == Self.suppressed)
  }

  @Test func suppressedFindingsAreNotWrittenToTheBaseline() throws {
    let root = try tree(["src/lib.rs": Self.suppressed, "wasmtime-version.txt": "25.0.0\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(try WasmfixBinary.run(["scan", ".", "--write-baseline", "base.json"], in: root).status == 0)
    let baseline = try JSONDecoder().decode(Baseline.self, from: Data(contentsOf: root.appendingPathComponent("base.json")))
    #expect(baseline.findings.isEmpty)
  }
}
