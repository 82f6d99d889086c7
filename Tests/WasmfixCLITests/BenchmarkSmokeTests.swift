import Foundation
import Testing

/// The benchmark (`make bench`, issue 4) in miniature, so it cannot rot: `bench/generate.py`
/// writes a 200-file tree with every configuration shape, decoys and a git-ignored `target/`,
/// and `bench/check.py` requires the built binary to report exactly its ground truth.
/// No timing here: speed is the benchmark's business, not a unit test's.
@Suite struct BenchmarkSmokeTests {
  static let bench = PackagePaths.root.appendingPathComponent("bench")

  @Test func scanReportsExactlyTheGeneratedGroundTruth() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }

    let generate = try Self.python("generate.py", ["--files", "200", "--seed", "1", "--out", out.path])
    try #require(generate.status == 0, "generate.py failed: \(generate.stderr)")

    let tree = out.appendingPathComponent("tree")
    let scan = try WasmfixBinary.run(["scan", "--format", "json", tree.path], in: out)
    // The tree holds error-severity findings on purpose; 2 would mean wasmfix gave up.
    #expect(scan.status == 1, "wasmfix exited \(scan.status): \(scan.stderr)")
    let report = out.appendingPathComponent("report.json")
    try Data(scan.stdout.utf8).write(to: report)

    let check = try Self.python("check.py", [out.appendingPathComponent("ground-truth.json").path, report.path])
    #expect(check.status == 0, "bench/check.py found differences:\n\(check.stdout)\(check.stderr)")
  }

  /// Runs one of the benchmark's Python scripts (standard library only) with `python3`.
  static func python(_ script: String, _ arguments: [String]) throws -> WasmfixBinary.Output {
    try ProcessRunner.run("/usr/bin/env", ["python3", bench.appendingPathComponent(script).path] + arguments,
                          in: FileManager.default.temporaryDirectory)
  }
}
