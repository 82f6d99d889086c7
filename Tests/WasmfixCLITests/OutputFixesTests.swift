import Foundation
import Testing
@testable import WasmfixReporting

/// Issue 11: fixes carry an applicability; unsafe ones need `--unsafe-fixes`; JSON and SARIF
/// list them with their edits.
@Suite struct OutputFixesTests {
  /// Async stack set explicitly, max from the environment: the fix is a run-time assertion.
  static let assertion = """
    use wasmtime::{Config, Engine};

    fn main() {
        let stack: usize = std::env::var("STACK").unwrap().parse().unwrap();
        let mut config = Config::new();
        config.async_support(true);
        config.async_stack_size(4 << 20);
        config.max_wasm_stack(stack);
        let _engine = Engine::new(&config).unwrap();
    }

    """

  static let raise = CLITests.failing

  func tree(_ files: [String: String]) throws -> URL {
    try TemporaryTree.make(files.merging(["wasmtime-version.txt": "25.0.0\n"]) { _, pinned in pinned }, prefix: "wasmfix-fixes")
  }

  @Test func unsafeFixesAreRefusedWithoutTheFlag() throws {
    let root = try tree(["src/main.rs": Self.assertion])
    defer { try? FileManager.default.removeItem(at: root) }
    let diff = try WasmfixBinary.run(["scan", ".", "--diff"], in: root)
    #expect(diff.stdout.isEmpty, "--diff shows only what --write would do: \(diff.stdout)")

    let write = try WasmfixBinary.run(["scan", ".", "--write"], in: root)
    #expect(try String(contentsOf: root.appendingPathComponent("src/main.rs"), encoding: .utf8) == Self.assertion)
    #expect(write.stdout.contains("[not fixed: the fix is unsafe (inserts a run-time check that aborts when max_wasm_stack > async_stack_size); pass --unsafe-fixes to apply it]"),
            "\(write.stdout)")

    let unsafeDiff = try WasmfixBinary.run(["scan", ".", "--diff", "--unsafe-fixes"], in: root)
    #expect(unsafeDiff.stdout.contains("+    assert!(stack <= "), "\(unsafeDiff.stdout)")
    let unsafeWrite = try WasmfixBinary.run(["scan", ".", "--write", "--unsafe-fixes"], in: root)
    #expect(unsafeWrite.status == 0)
    #expect(try String(contentsOf: root.appendingPathComponent("src/main.rs"), encoding: .utf8).contains("assert!(stack <= "))
  }

  @Test func loweringIsUnsafe() throws {
    let root = try tree(["src/main.rs": Self.raise])
    defer { try? FileManager.default.removeItem(at: root) }
    let refused = try WasmfixBinary.run(["scan", ".", "--write", "--strategy", "lower-max"], in: root)
    #expect(refused.status == 1, "the error remains: \(refused.stdout)")
    #expect(refused.stdout.contains("the fix is unsafe (lowers max_wasm_stack from 8 MiB (8388608) to 1536 KiB (1572864)); pass --unsafe-fixes"))
    #expect(try String(contentsOf: root.appendingPathComponent("src/main.rs"), encoding: .utf8) == Self.raise)
    let applied = try WasmfixBinary.run(["scan", ".", "--write", "--strategy", "lower-max", "--unsafe-fixes"], in: root)
    #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
  }

  @Test func safeFixesNeedNoFlag() throws {
    let root = try tree(["src/main.rs": Self.raise])
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(try WasmfixBinary.run(["scan", ".", "--write"], in: root).status == 0)
  }

  @Test func jsonListsEveryFixWithItsApplicabilityAndEdits() throws {
    let root = try tree(["src/main.rs": Self.raise, "tests/harness.rs": Self.assertion])
    defer { try? FileManager.default.removeItem(at: root) }
    let output = try WasmfixBinary.run(["scan", ".", "--format", "json"], in: root)
    try JSONSchemaCheck.validate(Data(output.stdout.utf8))
    let report = try JSONDecoder().decode(JSONReport.self, from: Data(output.stdout.utf8))
    #expect(report.version == 1)
    let safe = try #require(report.fixes.first { $0.group.hasPrefix("src/main.rs") })
    #expect(safe.applicability == "safe" && safe.unsafe_reason == nil)
    #expect(safe.findings.allSatisfy { report.findings[$0].path == "src/main.rs" })
    // The inserted async_stack_size call goes after `config.max_wasm_stack(8 << 20);` (line 6).
    let insert = try #require(safe.edits.first { $0.replacement.contains("async_stack_size(") })
    #expect(insert.path == "src/main.rs" && insert.start_line == 6 && insert.start_line == insert.end_line
            && insert.start_column == insert.end_column)
    let unsafe = try #require(report.fixes.first { $0.group.hasPrefix("tests/harness.rs") })
    #expect(unsafe.applicability == "unsafe")
    #expect(unsafe.unsafe_reason?.contains("aborts") == true)
    #expect(unsafe.edits.contains { $0.replacement.contains("assert!(stack <= ") })

    // The edits are exact: applied to the original text they give what --write writes.
    let original = try String(contentsOf: root.appendingPathComponent("src/main.rs"), encoding: .utf8)
    var lines = original.components(separatedBy: "\n")
    for edit in safe.edits.sorted(by: { ($0.start_line, $0.start_column) > ($1.start_line, $1.start_column) }) {
      #expect(edit.start_line == edit.end_line)
      var scalars = Array(lines[edit.start_line - 1].unicodeScalars)
      scalars.replaceSubrange((edit.start_column - 1)..<(edit.end_column - 1), with: Array(edit.replacement.unicodeScalars))
      lines[edit.start_line - 1] = String(String.UnicodeScalarView(scalars))
    }
    _ = try WasmfixBinary.run(["scan", ".", "--write"], in: root)
    #expect(lines.joined(separator: "\n") == (try String(contentsOf: root.appendingPathComponent("src/main.rs"), encoding: .utf8)))
  }

  @Test func textScansPlanNoFixes() throws {
    // Planning costs a verification re-scan: only JSON and SARIF list fixes.
    let root = try tree(["src/main.rs": Self.raise])
    defer { try? FileManager.default.removeItem(at: root) }
    let text = try WasmfixBinary.run(["scan", "."], in: root)
    #expect(!text.stdout.contains("async_stack_size("))
  }

  @Test func sarifListsFixesAndFailedWrites() throws {
    let root = try tree(["src/main.rs": Self.raise])
    defer { try? FileManager.default.removeItem(at: root) }
    let scan = try WasmfixBinary.run(["scan", ".", "--format", "sarif"], in: root)
    #expect(scan.stdout.contains("\"applicability\" : \"safe\""))
    #expect(scan.stdout.contains("\"executionSuccessful\" : true"))
    // A read-only directory makes the atomic write fail: exit 2 and executionSuccessful false.
    let src = root.appendingPathComponent("src")
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: src.path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: src.path) }
    let write = try WasmfixBinary.run(["scan", ".", "--write", "--format", "sarif"], in: root)
    guard getuid() != 0 else { return }  // root writes anyway
    #expect(write.status == 2, "\(write.stderr)")
    #expect(write.stdout.contains("\"executionSuccessful\" : false"), "\(write.stdout)")
  }
}

/// Issue 11: the SARIF of every fixture validates against the SARIF 2.1.0 schema.
@Suite struct OutputSARIFSchemaTests {
  static let schema = ProcessInfo.processInfo.environment["WASMFIX_SARIF_SCHEMA"] ?? "/work/shared/schemas/sarif-2.1.0.json"
  static let available: Bool = FileManager.default.fileExists(atPath: schema)
    && (try? ProcessRunner.run("/usr/bin/env", ["python3", "-c", "import jsonschema"], in: FileManager.default.temporaryDirectory).status) == 0

  static let script = """
    import json, sys
    import jsonschema
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    failed = 0
    for path in sys.argv[2:]:
        for e in validator.iter_errors(json.load(open(path, encoding="utf-8"))):
            failed = 1
            print(path + ": " + "/".join(str(p) for p in e.absolute_path) + ": " + e.message)
    sys.exit(failed)
    """

  @Test(.enabled(if: available, "needs python3 with jsonschema and the schema"))
  func everyFixtureValidates() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-sarif-all-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: out) }
    var files: [String] = []
    for fixture in Fixture.all {
      let tree = fixture.directory.appendingPathComponent("before")
      let output = try WasmfixBinary.run(["scan", ".", "--format", "sarif"] + fixture.extraArguments, in: tree)
      #expect(output.status != 2, "\(fixture.name): \(output.stderr)")
      let file = out.appendingPathComponent("\(fixture.name).sarif")
      try output.stdout.write(to: file, atomically: false, encoding: .utf8)
      files.append(file.path)
    }
    let check = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", Self.script, Self.schema] + files, in: out)
    #expect(check.status == 0, "SARIF does not validate:\n\(check.stdout)\(check.stderr)")
  }
}
