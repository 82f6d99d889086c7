import Foundation
import Testing

/// The benchmark (`make bench`, issue 4) in miniature, so it cannot rot: `bench/generate.py`
/// writes a 200-file tree with every configuration shape (Rust, C, C#, C++, and the Wasmtime
/// command lines of scripts, Makefiles, workflows, MSBuild, Python and TOML files), decoys and a
/// git-ignored `target/`, and `bench/check.py` requires the built binary to report exactly its
/// ground truth. No timing here: speed is the benchmark's business, not a unit test's.
@Suite struct BenchmarkSmokeTests {
  static let bench = PackagePaths.root.appendingPathComponent("bench")

  @Test func scanReportsExactlyTheGeneratedGroundTruth() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }

    let generate = try Self.python("generate.py", ["--files", "200", "--seed", "1", "--out", out.path])
    try #require(generate.status == 0, "generate.py failed: \(generate.stderr)")

    let tree = out.appendingPathComponent("tree")
    // From inside the tree: the report's paths are relative to the current directory (issue 11)
    // and the ground truth's to the tree.
    let scan = try WasmfixBinary.run(["scan", "--format", "json", "."], in: tree)
    // The tree holds error-severity findings on purpose; 2 would mean wasmfix gave up.
    #expect(scan.status == 1, "wasmfix exited \(scan.status): \(scan.stderr)")
    let report = out.appendingPathComponent("report.json")
    try Data(scan.stdout.utf8).write(to: report)

    let truthFile = out.appendingPathComponent("ground-truth.json")
    let check = try Self.python("check.py", [truthFile.path, report.path])
    #expect(check.status == 0, "bench/check.py found differences:\n\(check.stdout)\(check.stderr)")

    // The generator keeps planting every surface: a site in each kind of file.
    let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: truthFile)) as? [String: Any]
    let sites = truth?["sites"] as? [[String: Any]] ?? []
    let kinds = Set(sites.compactMap { ($0["path"] as? String).map(Self.kind) })
    for expected in [".rs", ".c", ".cs", ".cc or .cpp", ".sh", "Makefile or .mk", ".yml", ".targets", ".py", ".toml"] {
      #expect(kinds.contains(expected), "the ground truth has no site in a \(expected) file (kinds: \(kinds.sorted()))")
    }
  }

  /// `crates/a/src/x.rs` → `.rs`; C++ sources and Makefiles under one name each.
  static func kind(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    if name == "Makefile" || name.hasSuffix(".mk") { return "Makefile or .mk" }
    guard let dot = name.lastIndex(of: ".") else { return name }
    let ext = String(name[dot...])
    return ext == ".cc" || ext == ".cpp" ? ".cc or .cpp" : ext
  }

  /// Runs one of the benchmark's Python scripts (standard library only) with `python3`.
  static func python(_ script: String, _ arguments: [String]) throws -> WasmfixBinary.Output {
    try ProcessRunner.run("/usr/bin/env", ["python3", bench.appendingPathComponent(script).path] + arguments,
                          in: FileManager.default.temporaryDirectory)
  }
}
