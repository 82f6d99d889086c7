import Foundation
import Testing

/// `wasmfix scan - --stdin-filename PATH` (issue 11, what editor plugins call): the text on
/// standard input is scanned as PATH, with constants and the Wasmtime version from the project
/// around PATH, and only PATH is reported.
@Suite struct StandardInputTests {
  static let manifest = """
    [package]
    name = "host"
    version = "0.1.0"

    [dependencies]
    wasmtime = "47.0.0"

    """
  static let limits = "pub const MAX_STACK: usize = 4 << 20;\npub const FIBER_STACK: usize = 8 << 20;\n"
  static let valid = """
    use crate::limits::{FIBER_STACK, MAX_STACK};
    use wasmtime::{Config, Engine};

    pub fn engine() -> Engine {
        let mut config = Config::new();
        config.max_wasm_stack(MAX_STACK);
        config.async_stack_size(FIBER_STACK);
        Engine::new(&config).unwrap()
    }

    """
  /// The editor's unsaved buffer: the async stack now comes out smaller than max.
  static let edited = valid.replacingOccurrences(of: "config.async_stack_size(FIBER_STACK);", with: "config.async_stack_size(FIBER_STACK / 4);")
  /// Another file of the project with its own finding, which a stdin scan must not report.
  static let other = """
    use wasmtime::Config;
    pub fn other(config: &mut Config) {
        let mut config = Config::new();
        config.max_wasm_stack(0);
    }

    """

  func project() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-stdin-\(UUID().uuidString)")
    for (path, text) in [("Cargo.toml", Self.manifest), ("src/limits.rs", Self.limits), ("src/engine.rs", Self.valid), ("src/other.rs", Self.other)] {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
    return root
  }

  /// Pipes `input` into the binary with `arguments`, from `directory`.
  func run(_ arguments: String, input: String, in directory: URL) throws -> WasmfixBinary.Output {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-stdin-input-\(UUID().uuidString)")
    try Data(input.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    return try ProcessRunner.run("/usr/bin/env", ["bash", "-c", "'\(WasmfixBinary.path)' \(arguments) < '\(file.path)'"], in: directory,
                                 environment: ["NO_COLOR": "1"])
  }

  @Test func theBufferIsScannedAsItsPathWithTheProjectsConstants() throws {
    let root = try project()
    // On disk the file is valid; the buffer is not. Only the buffer's file is reported.
    let output = try run("scan - --stdin-filename src/engine.rs --format json", input: Self.edited, in: root)
    #expect(output.status == 1, "\(output.stderr)")
    let json = try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    let findings = try #require(json["findings"] as? [[String: Any]])
    #expect(findings.map { $0["rule"] as? String } == ["WF001"])
    #expect(findings.map { $0["path"] as? String } == ["src/engine.rs"])
    #expect((findings.first?["message"] as? String ?? "").contains("MAX_STACK at src/limits.rs:1"), "\(findings)")
    let summary = try #require(json["summary"] as? [String: Any])
    #expect(summary["files_scanned"] as? Int == 1)
    // The same buffer, valid: nothing to report, though src/other.rs has an error.
    #expect(try run("scan - --stdin-filename src/engine.rs", input: Self.valid, in: root).status == 0)
  }

  @Test func diffIsAgainstTheBufferAndNothingIsWritten() throws {
    let root = try project()
    let output = try run("scan - --stdin-filename src/engine.rs --diff", input: Self.edited, in: root)
    #expect(output.stdout.contains("--- a/src/engine.rs"), "\(output.stdout) \(output.stderr)")
    #expect(output.stdout.contains("-    config.async_stack_size(FIBER_STACK / 4);"), "\(output.stdout)")
    #expect(output.stdout.contains("+    config.async_stack_size(MAX_STACK + 512 * 1024);"), "\(output.stdout)")
    #expect(try String(contentsOf: root.appendingPathComponent("src/engine.rs"), encoding: .utf8) == Self.valid)
  }

  @Test func aNewFileNotYetOnDiskAndFromASubfolder() throws {
    let root = try project()
    let output = try run("scan - --stdin-filename new.rs", input: Self.edited, in: root.appendingPathComponent("src"))
    #expect(output.status == 1, "\(output.stdout) \(output.stderr)")
    #expect(output.stdout.contains("new.rs:6:"), "\(output.stdout)")
    #expect(!output.stdout.contains("other.rs"), "\(output.stdout)")
  }

  @Test func misuseIsAnErrorNotAScan() throws {
    let root = try project()
    for arguments in ["scan -", "scan - --stdin-filename src/engine.rs --write", "scan . --stdin-filename src/engine.rs",
                      "scan - src --stdin-filename src/engine.rs"] {
      let output = try run(arguments, input: Self.edited, in: root)
      #expect(output.status == 2, "\(arguments): \(output.stderr)")
    }
    #expect(try String(contentsOf: root.appendingPathComponent("src/engine.rs"), encoding: .utf8) == Self.valid)
  }

  /// `scan /dev/stdin`, `scan /dev/null` or `scan notes.txt` name inputs wasmfix does not read:
  /// each is said on stderr and listed as skipped, never dropped in silence.
  @Test func nonRegularAndUnknownInputsSayWhatHappened() throws {
    let root = try project()
    try Data("notes".utf8).write(to: root.appendingPathComponent("notes.txt"))
    for (argument, reason) in [("/dev/stdin", "a pipe, not a source file"), ("/dev/null", "a character device"),
                               ("notes.txt", "not a kind of file wasmfix reads")] {
      // Through a pipe, as `echo ... | wasmfix scan /dev/stdin` runs (a redirected file would be
      // a regular file on /dev/stdin).
      let output = try ProcessRunner.run("/usr/bin/env", ["bash", "-c", "echo x | '\(WasmfixBinary.path)' scan \(argument) --format json"],
                                         in: root, environment: ["NO_COLOR": "1"])
      #expect(output.status == 0, "\(argument): \(output.stderr)")
      #expect(output.stderr.contains("\(argument): \(reason)"), "\(argument): \(output.stderr)")
      let json = try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
      let skipped = json["skipped"] as? [[String: Any]] ?? []
      #expect(skipped.contains { ($0["reason"] as? String ?? "").contains(reason) }, "\(argument): \(skipped)")
    }
  }
}
