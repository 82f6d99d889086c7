import Foundation
import Testing

// Proof for Wasmtime *CLI* configurations (flags in MSBuild files, shell scripts, Makefiles,
// workflows, argument lists, the CLI's TOML config). The PyPI wheels hold the C library but no
// `wasmtime` executable, so an independent oracle, Tests/Runtime/cli_oracle.py, reads the files,
// applies the CLI's semantics for the case's version (which flags exist, whether `run`/`serve`
// are async, the async stack the CLI derives) and creates the engine through the real C library.
//
// Each Tests/RuntimeFixtures/cli-<name>/ holds `before/` (the tree) and `case.json`:
//   {"language": "cli", "cliVersion": "25.0.1", "library": "25.0.0",
//    "files": ["eng/testing/tests.wasi.targets"], "before": "rejected", "after": "accepted",
//    "changes": true}
// `cliVersion` is the CLI the tree runs with (a workflow's wasmtime/setup version overrides it
// inside the oracle), `library` the pinned wheel (Tests/Runtime/wheels.lock) whose engine rule
// stands in for it, `files` what the oracle reads, `before`/`after` its verdicts on the tree and
// after `wasmfix scan . --write`, and `changes` whether the write changes the tree.

struct CLIRuntimeCase: CustomTestStringConvertible, Sendable {
  struct Spec: Decodable, Sendable {
    var language: String
    var cliVersion: String
    var library: String
    var files: [String]
    /// "accepted" or "rejected".
    var before: String
    var after: String
    /// Whether `--write` changes the tree (absent: changes exactly when before != after).
    var changes: Bool?
    /// A file of the tree naming the CLI version (`wasmtime-version.txt`): read before and
    /// after the fix, so a fix that bumps the pin is judged with the CLI it pins.
    var cliVersionFile: String?
  }

  let name: String
  var directory: URL { RuntimeCase.root.appendingPathComponent(name) }
  var testDescription: String { name }

  static var all: [CLIRuntimeCase] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: RuntimeCase.root.path)) ?? []
    return names.sorted().filter {
      $0.hasPrefix("cli-") && FileManager.default.fileExists(atPath: RuntimeCase.root.appendingPathComponent("\($0)/before").path)
    }.map(CLIRuntimeCase.init)
  }

  /// Extra wasmfix flags from an optional `args` file (`--unsafe-fixes` where the case's fix
  /// lowers a value), as for the other runtime cases.
  var extraArguments: [String] {
    guard let text = try? String(contentsOf: directory.appendingPathComponent("args"), encoding: .utf8) else { return [] }
    return text.split(whereSeparator: \.isWhitespace).map(String.init)
  }

  func spec() throws -> Spec {
    let data = try Data(contentsOf: directory.appendingPathComponent("case.json"))
    return try JSONDecoder().decode(Spec.self, from: data)
  }
}

/// Runs Tests/Runtime/cli_oracle.py.
enum CLIOracle {
  static let script = RuntimeToolchain.runtimeFolder.appendingPathComponent("cli_oracle.py")

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Exit 0: every command line accepted; 1: one rejected; anything else is no verdict.
    var verdict: String? {
      switch status {
      case 0: return "accepted"
      case 1: return "rejected"
      default: return nil
      }
    }
    var report: String { "cli_oracle.py: exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
  }

  static func python3() throws -> String {
    try RuntimeToolchain.tool("python3", install: "install Python 3.11+ (the oracle uses only its standard library)")
  }

  static func run(_ spec: CLIRuntimeCase.Spec, in tree: URL) throws -> Result {
    let library = try RuntimeToolchain.libraryFolder(spec.library).appendingPathComponent("libwasmtime.so").path
    var cliVersion = spec.cliVersion
    if let file = spec.cliVersionFile {
      let text = try String(contentsOf: tree.appendingPathComponent(file), encoding: .utf8)
      cliVersion = text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    var arguments = [script.path, "--cli-version", cliVersion, "--lib", library, "--root", "."]
    for file in spec.files { arguments += ["--file", file] }
    let output = try ProcessRunner.run(try python3(), arguments, in: tree, environment: ["RUST_BACKTRACE": "0"])
    return Result(status: output.status, stdout: output.stdout, stderr: output.stderr)
  }
}

@Suite("CLI runtime") struct CLIRuntimeTests {
  @Test("enough CLI runtime cases, each with a rejected before or a valid tree")
  func enoughCases() throws {
    let specs = try CLIRuntimeCase.all.map { try $0.spec() }
    #expect(specs.count >= 7)
    #expect(specs.filter { $0.before == "rejected" }.count >= 6)
    #expect(specs.contains { $0.before == "accepted" && $0.after == "accepted" })
  }

  @Test("the oracle's own semantics table passes")
  func oracleSelfTest() throws {
    let output = try ProcessRunner.run(try CLIOracle.python3(), [CLIOracle.script.path, "--self-test"], in: RuntimeToolchain.runtimeFolder)
    #expect(output.status == 0, "cli_oracle.py --self-test: exit \(output.status)\n\(output.stdout)\(output.stderr)")
  }

  @Test("the oracle rejects before and accepts after wasmfix scan --write", arguments: CLIRuntimeCase.all)
  func beforeAndAfter(_ fixture: CLIRuntimeCase) throws {
    let spec = try fixture.spec()
    #expect(spec.language == "cli", "\(fixture.name)/case.json: language must be \"cli\"")
    for verdict in [spec.before, spec.after] {
      #expect(["accepted", "rejected"].contains(verdict), "\(fixture.name)/case.json: verdicts are \"accepted\" or \"rejected\"")
    }
    let before = fixture.directory.appendingPathComponent("before")
    let tree = try temporaryCopy(of: before)
    defer { try? FileManager.default.removeItem(at: tree) }
    let original = try RuntimeTree.snapshot(tree)

    // 1. Before: the oracle's verdict on the untouched tree.
    let first = try CLIOracle.run(spec, in: tree)
    #expect(first.verdict == spec.before, "before: expected \(spec.before)\n\(first.report)")

    // 2. The fix.
    let write = try WasmfixBinary.run(["scan", ".", "--write"] + fixture.extraArguments, in: tree)
    let report = "wasmfix scan . --write: exit \(write.status)\nstdout:\n\(write.stdout)\nstderr:\n\(write.stderr)"
    if spec.after == "accepted" {
      #expect(write.status == 0, "\(report)")
    }
    let fixed = try RuntimeTree.snapshot(tree)
    let changed = RuntimeTree.differences(original, fixed)
    if spec.changes ?? (spec.before != spec.after) {
      #expect(!changed.isEmpty, "wasmfix changed nothing\n\(report)")
    } else {
      #expect(changed.isEmpty, "wasmfix changed an already-valid configuration: \(changed)\n\(RuntimeTree.diff(before, tree))")
    }

    // 3. After: the oracle's verdict on the written tree.
    let second = try CLIOracle.run(spec, in: tree)
    #expect(second.verdict == spec.after, "after: expected \(spec.after)\n\(second.report)\n\(report)\n\(RuntimeTree.diff(before, tree))")

    // 4. A second --write changes nothing.
    let again = try WasmfixBinary.run(["scan", ".", "--write"] + fixture.extraArguments, in: tree)
    if spec.after == "accepted" {
      #expect(again.status == 0, "second --write: exit \(again.status)\n\(again.stdout)\(again.stderr)")
    }
    let rewritten = RuntimeTree.differences(fixed, try RuntimeTree.snapshot(tree))
    #expect(rewritten.isEmpty, "second --write changed \(rewritten)\n\(again.stdout)\(again.stderr)")
  }
}
