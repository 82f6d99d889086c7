import Foundation
import Testing

/// Proof against the real Wasmtime library for command-line surfaces (issue 8, acceptance 2).
/// The PyPI wheels hold the C library but no `wasmtime` executable, so
/// `Tests/Runtime/cli_engine_check.py` (written independently of wasmfix: shlex, xml.etree,
/// ast, tomllib, and the CLI's rules per version written again from Wasmtime's source) finds
/// the command lines in a fixture's files, works out what that CLI version would hand to the
/// engine (`+ 512 KiB` from 25.0.1, flags over TOML keys, flags the version rejects), and
/// creates the engine through the real C library. Each fixture's `before/` tree must be
/// rejected (or accepted, for the valid ones), and accepted after `wasmfix scan . --write`.
/// The engine's rule is the same in every CLI version used here from 12.0 to 41.x (checked
/// when async is on), so those run on the pinned 25.0.0 library.
@Suite("CLI command lines against the real engine") struct CLIEngineTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let fixture: String
    let cliVersion: String
    let library: String
    let files: [String]
    let rejectedBefore: Bool
    var testDescription: String { fixture }
  }

  static let cases: [Case] = [
    Case(fixture: "cli-dotnet-harness-v25.0.0", cliVersion: "25.0.0", library: "25.0.0",
         files: ["eng/testing/tests.wasi.targets"], rejectedBefore: true),
    Case(fixture: "cli-dotnet-harness-v25.0.1-explicit-async", cliVersion: "25.0.1", library: "25.0.0",
         files: ["eng/testing/tests.wasi.targets"], rejectedBefore: true),
    Case(fixture: "cli-dotnet-harness-v25.0.1-derived-valid", cliVersion: "25.0.1", library: "25.0.0",
         files: ["eng/testing/tests.wasi.targets"], rejectedBefore: false),
    Case(fixture: "cli-github-workflow-setup-version", cliVersion: "27.0.0", library: "25.0.0",
         files: [".github/workflows/wasi.yml"], rejectedBefore: true),
    Case(fixture: "cli-makefile-recipe", cliVersion: "26.0.0", library: "25.0.0", files: ["Makefile"], rejectedBefore: true),
    Case(fixture: "cli-shell-wrapper-attached-w", cliVersion: "30.0.0", library: "25.0.0",
         files: ["scripts/run-wasi.sh"], rejectedBefore: true),
    Case(fixture: "cli-python-argument-list", cliVersion: "25.0.1", library: "25.0.0",
         files: ["tools/wasi_runner.py"], rejectedBefore: true),
    Case(fixture: "cli-old-flag-v22-obsolete", cliVersion: "22.0.0", library: "25.0.0",
         files: ["scripts/wasmtime-wrapper.sh"], rejectedBefore: true),
    Case(fixture: "cli-old-flag-v13-fine", cliVersion: "13.0.0", library: "25.0.0",
         files: ["scripts/wasmtime-wrapper.sh"], rejectedBefore: false),
    Case(fixture: "cli-toml-overridden-by-flag", cliVersion: "30.0.0", library: "25.0.0",
         files: ["ci/run-tests.sh"], rejectedBefore: true),
  ]

  static func check(_ c: Case, in tree: URL) throws -> RuntimeCommand.Result {
    let library = try RuntimeToolchain.libraryFolder(c.library).appendingPathComponent("libwasmtime.so").path
    let script = RuntimeToolchain.runtimeFolder.appendingPathComponent("cli_engine_check.py").path
    return try RuntimeCommand.run("/usr/bin/env", ["python3", script, "--library", library, "--cli-version", c.cliVersion] + c.files,
                                  in: tree)
  }

  @Test("rejected before, accepted after wasmfix scan --write", arguments: cases)
  func fixedCommandLinesStart(_ c: Case) throws {
    let tree = try temporaryCopy(of: PackagePaths.fixtures.appendingPathComponent("\(c.fixture)/before"))
    defer { try? FileManager.default.removeItem(at: tree) }
    let before = try Self.check(c, in: tree)
    #expect(before.status == (c.rejectedBefore ? 1 : 0), "before: \(before.output)")
    let write = try WasmfixBinary.run(["scan", ".", "--write"], in: tree)
    #expect(write.status == 0, "wasmfix --write: \(write.stdout)\(write.stderr)")
    let after = try Self.check(c, in: tree)
    #expect(after.status == 0, "after: \(after.output)")
  }
}
