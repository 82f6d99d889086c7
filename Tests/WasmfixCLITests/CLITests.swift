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

/// The real binary as a user runs it: exit codes, stderr lines, the example project.
@Suite struct CLITests {
  func tree(_ files: [String: String]) throws -> URL { try TemporaryTree.make(files, prefix: "wasmfix-cli") }

  static let failing = """
    use wasmtime::{Config, Engine};

    fn main() -> anyhow::Result<()> {
        let mut config = Config::new();
        config.async_support(true);
        config.max_wasm_stack(8 << 20);
        let _engine = Engine::new(&config)?;
        Ok(())
    }

    """

  @Test func exitCodesFollowTheContract() throws {
    let root = try tree(["src/main.rs": Self.failing])
    #expect(try WasmfixBinary.run(["scan", "."], in: root).status == 1)
    #expect(try WasmfixBinary.run(["scan", "--no-such-flag"], in: root).status == 2)
    let missing = try WasmfixBinary.run(["scan", "does-not-exist"], in: root)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("does-not-exist"))
    #expect(try WasmfixBinary.run(["--help"], in: root).status == 0)
    #expect(try WasmfixBinary.run(["--version"], in: root).stdout == RulesCommandTests.expectedVersionLine)
    let write = try WasmfixBinary.run(["scan", ".", "--write"], in: root)
    #expect(write.status == 0)
    #expect(write.stdout.contains("; fixed 2, 0 errors remain;"), "summary after --write: \(write.stdout)")
    #expect(try WasmfixBinary.run(["scan", "."], in: root).status == 0)
  }

  @Test func findingLineNamesBothValues() throws {
    let root = try tree(["src/main.rs": Self.failing])
    let output = try WasmfixBinary.run(["scan", "."], in: root)
    #expect(output.stdout.hasPrefix("src/main.rs:6:12: error[WF001]: max_wasm_stack 8 MiB (8388608) exceeds async_stack_size 2 MiB (2097152, Wasmtime 50.0.1 default)"))
    #expect(!output.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
  }

  @Test func explainPrintsTheRule() throws {
    let output = try WasmfixBinary.run(["explain", "WF001"], in: FileManager.default.temporaryDirectory)
    #expect(output.status == 0)
    #expect(output.stdout.contains("max_wasm_stack size cannot exceed the async_stack_size"))
    #expect(try WasmfixBinary.run(["explain", "WF999"], in: FileManager.default.temporaryDirectory).status == 2)
  }

  @Test func badFilesGetOneLineAndTheScanGoesOn() throws {
    let root = try tree(["src/main.rs": Self.failing])
    // Binary (a NUL byte): skipped with one line. (Not-UTF-8 text is scanned as bytes since
    // issue 10: EncodingTests.)
    try Data([0x63, 0x2E, 0x6D, 0x61, 0x78, 0x5F, 0x77, 0x61, 0x73, 0x6D, 0x5F, 0x73, 0x74, 0x61, 0x63, 0x6B, 0x00, 0xFE, 0x0A])
      .write(to: root.appendingPathComponent("src/bad.rs"))
    let output = try WasmfixBinary.run(["scan", ".", "--format", "json"], in: root)
    #expect(output.status == 1)
    #expect(output.stderr == "wasmfix: src/bad.rs: binary file (contains NUL bytes)\n")
    let report = try JSONDecoder().decode(JSONReport.self, from: Data(output.stdout.utf8))
    #expect(report.skipped == [SkippedFile(path: "src/bad.rs", reason: "binary file (contains NUL bytes)")])
    // It names max_wasm_stack: a WF010 warning says its settings went unchecked (issue 10).
    #expect(report.findings.map(\.rule) == ["WF010", "WF001", "WF003"])
  }

  /// Regression (found by bench/generate.py's `c_comment_in_args` shape): a comment inside the
  /// argument list is a named child in tree-sitter and hid the call.
  @Test func commentsInsideArgumentListsDoNotHideSites() throws {
    let root = try tree([
      "run.c": "void f(wasm_config_t *cfg) {\n  wasmtime_config_max_wasm_stack_set(cfg, /* deep */ 8u << 20);\n}\n",
      "lib.rs": "fn f(c: &mut Config) {\n    c.max_wasm_stack(/* deep */ 8 << 20);\n}\n",
      "App.cs": "class P { void M(Config c) { c.WithMaximumStackSize(/* deep */ 8 << 20); } }\n",
    ])
    let output = try WasmfixBinary.run(["scan", ".", "--format", "json"], in: root)
    let report = try JSONDecoder().decode(JSONReport.self, from: Data(output.stdout.utf8))
    #expect(report.sites.map(\.path) == ["App.cs", "lib.rs", "run.c"])
    #expect(report.sites.allSatisfy { $0.value == .integer(8 << 20) })
  }

  // MARK: - Safety with files

  @Test func crlfAndBOMSurviveTheFix() throws {
    let crlf = "\u{FEFF}" + Self.failing.replacingOccurrences(of: "\n", with: "\r\n")
    let root = try tree(["src/main.rs": crlf])
    #expect(try WasmfixBinary.run(["scan", ".", "--write"], in: root).status == 0)
    let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent("src/main.rs")))
    #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ending is still CRLF")
    #expect(text.contains("    config.max_wasm_stack(8 << 20);\r\n    config.async_stack_size(8704 << 10);\r\n"))
  }

  @Test func noTrailingNewlineStaysThatWay() throws {
    let root = try tree(["src/main.rs": String(Self.failing.dropLast())])
    #expect(try WasmfixBinary.run(["scan", ".", "--write"], in: root).status == 0)
    let text = try String(contentsOf: root.appendingPathComponent("src/main.rs"), encoding: .utf8)
    #expect(text.hasSuffix("Ok(())\n}"))
  }

  @Test func executableBitIsKept() throws {
    let root = try tree(["run.c": "#include <stdlib.h>\nint main(void) {\n  wasm_config_t *c = wasm_config_new();\n  wasmtime_config_max_wasm_stack_set(c, 4u << 20);\n  return 0;\n}\n"])
    let file = root.appendingPathComponent("run.c").path
    try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: file)
    #expect(try WasmfixBinary.run(["scan", ".", "--write"], in: root).status == 0)
    #expect(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int == 0o750)
    #expect(try String(contentsOfFile: file, encoding: .utf8).contains("wasmtime_config_async_stack_size_set(c, 4608 << 10);"))
  }

  @Test func aFileModifiedBetweenScanAndWriteIsLeftAlone() throws {
    let root = try tree(["src/main.rs": Self.failing])
    var options = ScanOptions()
    options.paths = [root.path]
    let result = try Scanner(options: options).scan()
    let file = root.appendingPathComponent("src/main.rs")
    let edited = Self.failing.replacingOccurrences(of: "fn main", with: "// edited meanwhile\nfn main")
    try edited.write(to: file, atomically: true, encoding: .utf8)
    let fixer = Fixer(result: result, options: FixOptions())
    let outcome = fixer.write(fixer.prepare())
    #expect(try String(contentsOf: file, encoding: .utf8) == edited)
    #expect(outcome.messages.contains { $0.contains("changed since it was scanned") })
    #expect(!outcome.result.findings.contains { $0.fixed })
  }

  @Test func aFileModifiedAfterPreparingIsNotOverwritten() throws {
    let root = try tree(["src/main.rs": Self.failing])
    var options = ScanOptions()
    options.paths = [root.path]
    let fixer = Fixer(result: try Scanner(options: options).scan(), options: FixOptions())
    let prepared = fixer.prepare()
    #expect(prepared.changes.count == 1)
    let file = root.appendingPathComponent("src/main.rs")
    try (Self.failing + "// later\n").write(to: file, atomically: true, encoding: .utf8)
    let outcome = fixer.write(prepared)
    #expect(try String(contentsOf: file, encoding: .utf8) == Self.failing + "// later\n")
    #expect(outcome.messages.contains { $0.contains("changed on disk since it was read") })
  }

  // MARK: - The bundled example project (acceptance: issue 2, point 4)

  @Test func examplesReportTheirViolations() throws {
    let output = try WasmfixBinary.run(["scan", "examples"], in: PackagePaths.root)
    #expect(output.status == 1)
    #expect(output.stdout.contains("error[WF001]"))
    #expect(output.stdout.contains("warning[WF002]"))
    let json = try WasmfixBinary.run(["scan", "examples", "--format", "json"], in: PackagePaths.root)
    #expect(json.status == 1)
    try JSONSchemaCheck.validate(Data(json.stdout.utf8))
    let report = try JSONDecoder().decode(JSONReport.self, from: Data(json.stdout.utf8))
    #expect(report.summary.errors > 0)
    #expect(report.findings.allSatisfy { !$0.fixed })
  }

  @Test func examplesAreFixedByWrite() throws {
    let copy = try temporaryCopy(of: PackagePaths.examples)
    defer { try? FileManager.default.removeItem(at: copy) }
    #expect(try WasmfixBinary.run(["scan", ".", "--write"], in: copy).status == 0)
    let snapshot = try TreeSnapshot(copy)
    #expect(try WasmfixBinary.run(["scan", ".", "--write"], in: copy).status == 0)
    #expect(try TreeSnapshot(copy) == snapshot)
  }
}

/// Checks a JSON report against CONTRACT.md's schema: exact key sets and value types.
enum JSONSchemaCheck {
  struct Mismatch: Error, CustomStringConvertible { let description: String }

  static func validate(_ data: Data) throws {
    guard let top = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw Mismatch(description: "not an object") }
    // `fixes` is additive (issue 11): version stays 1.
    try keys(top, ["version", "tool", "wasmtime", "sites", "groups", "findings", "fixes", "skipped", "summary"], "top level")
    guard top["version"] as? Int == 1 else { throw Mismatch(description: "version is not 1") }
    try keys(top["tool"], ["name", "version"], "tool")
    // `versions` only when the configurations use more than one version (VersionListTests).
    try keys(top["wasmtime"], ["version", "source", "assumed"], "wasmtime", optional: ["versions"])
    if let versions = (top["wasmtime"] as? [String: Any])?["versions"] {
      guard let list = versions as? [Any], list.count > 1 else { throw Mismatch(description: "versions is not a list of two or more") }
      for use in list { try keys(use, ["version", "source", "groups"], "wasmtime.versions") }
    }
    for site in top["sites"] as? [Any] ?? [] {
      try keys(site, ["path", "line", "column", "language", "setting", "expression", "value", "group"], "site")
      let s = site as! [String: Any]
      guard ["max_wasm_stack", "async_stack_size", "async_support"].contains(s["setting"] as? String ?? "") else { throw Mismatch(description: "bad setting") }
      guard ["rust", "c", "cpp", "csharp", "shell", "makefile", "yaml", "msbuild", "dockerfile", "powershell",
             "script-args", "js-args", "toml"].contains(s["language"] as? String ?? "") else { throw Mismatch(description: "bad language") }
    }
    for group in top["groups"] as? [Any] ?? [] {
      try keys(group, ["id", "path", "line", "max_wasm_stack", "async_stack_size", "async", "wasmtime_version"], "group")
      let g = group as! [String: Any]
      for key in ["max_wasm_stack", "async_stack_size"] {
        try keys(g[key], ["value", "source"], "group.\(key)")
        guard ["explicit", "default", "unresolved", "derived"].contains((g[key] as! [String: Any])["source"] as? String ?? "") else { throw Mismatch(description: "bad source") }
      }
    }
    for finding in top["findings"] as? [Any] ?? [] {
      try keys(finding, ["rule", "severity", "path", "line", "column", "group", "message", "fixable", "fixed"], "finding",
               optional: ["suppressed"])
      if let suppressed = (finding as! [String: Any])["suppressed"], suppressed as? Bool != true { throw Mismatch(description: "suppressed is not true") }
      guard ["error", "warning", "note"].contains((finding as! [String: Any])["severity"] as? String ?? "") else { throw Mismatch(description: "bad severity") }
    }
    let findingCount = (top["findings"] as? [Any])?.count ?? 0
    for fix in top["fixes"] as? [Any] ?? [] {
      try keys(fix, ["group", "title", "applicability", "unsafe_reason", "findings", "edits"], "fix")
      let f = fix as! [String: Any]
      guard ["safe", "unsafe"].contains(f["applicability"] as? String ?? "") else { throw Mismatch(description: "bad applicability") }
      guard (f["applicability"] as? String == "unsafe") == (f["unsafe_reason"] is String) else { throw Mismatch(description: "unsafe_reason without unsafe") }
      guard let indexes = f["findings"] as? [Int], indexes.allSatisfy({ (0..<findingCount).contains($0) }) else { throw Mismatch(description: "bad finding index") }
      for edit in f["edits"] as? [Any] ?? [] {
        try keys(edit, ["path", "start_line", "start_column", "end_line", "end_column", "replacement"], "fix.edit")
      }
    }
    for skipped in top["skipped"] as? [Any] ?? [] { try keys(skipped, ["path", "reason"], "skipped") }
    try keys(top["summary"], ["files_scanned", "sites", "groups", "findings", "errors", "fixed"], "summary", optional: ["baselined"])
  }

  /// `optional` keys may be present (`suppressed` only when true, `baselined` only with --baseline).
  static func keys(_ value: Any?, _ expected: Set<String>, _ what: String, optional: Set<String> = []) throws {
    guard let object = value as? [String: Any] else { throw Mismatch(description: "\(what) is not an object") }
    guard Set(object.keys).subtracting(optional) == expected else { throw Mismatch(description: "\(what) keys \(object.keys.sorted()) != \(expected.sorted())") }
  }
}
