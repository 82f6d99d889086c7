import Foundation
import Testing

/// One folder under Tests/Fixtures: `before/` (the input tree), optional `args` (extra flags,
/// whitespace-separated), and the golden `report.json`, `exit-code` and `stderr.txt`.
/// Re-record with WASMFIX_RECORD=1; a recording run fails so it cannot pass by accident.
struct Fixture: CustomTestStringConvertible, Sendable {
  let name: String
  var directory: URL { PackagePaths.fixtures.appendingPathComponent(name) }
  var testDescription: String { name }

  static var all: [Fixture] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: PackagePaths.fixtures.path)) ?? []
    return names.sorted().filter {
      FileManager.default.fileExists(atPath: PackagePaths.fixtures.appendingPathComponent("\($0)/before").path)
    }.map(Fixture.init)
  }

  var extraArguments: [String] {
    guard let text = try? String(contentsOf: directory.appendingPathComponent("args"), encoding: .utf8) else { return [] }
    return text.split(whereSeparator: \.isWhitespace).map(String.init)
  }

  func golden(_ file: String) -> String? { try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) }
}

var isRecording: Bool { ProcessInfo.processInfo.environment["WASMFIX_RECORD"] == "1" }

@Suite("Fixtures") struct FixtureTests {
  @Test("there are at least 30 fixture cases") func enoughFixtures() {
    #expect(Fixture.all.count >= 30)
  }

  @Test("scan report", arguments: Fixture.all)
  func scanReport(_ fixture: Fixture) throws {
    let tree = try temporaryCopy(of: fixture.directory.appendingPathComponent("before"))
    defer { try? FileManager.default.removeItem(at: tree) }
    let output = try WasmfixBinary.run(["scan", ".", "--format", "json"] + fixture.extraArguments, in: tree)
    let stderr = output.stderr
    if isRecording {
      try output.stdout.write(to: fixture.directory.appendingPathComponent("report.json"), atomically: true, encoding: .utf8)
      try "\(output.status)\n".write(to: fixture.directory.appendingPathComponent("exit-code"), atomically: true, encoding: .utf8)
      try stderr.write(to: fixture.directory.appendingPathComponent("stderr.txt"), atomically: true, encoding: .utf8)
      Issue.record("recorded \(fixture.name); unset WASMFIX_RECORD and review the diff")
      return
    }
    let expected = try #require(fixture.golden("report.json"), "missing report.json; record with WASMFIX_RECORD=1")
    #expect(output.stdout == expected, "report differs from \(fixture.name)/report.json")
    #expect("\(output.status)" == fixture.golden("exit-code")?.trimmingCharacters(in: .whitespacesAndNewlines))
    #expect(stderr == (fixture.golden("stderr.txt") ?? ""))
  }

  /// `--write` produces the golden `after/` tree; a second `--write` changes no byte; the
  /// `--diff` output applied with `git apply` to a pristine copy equals the `--write` result.
  @Test("fix: --write, idempotency, --diff applies", arguments: Fixture.all)
  func fix(_ fixture: Fixture) throws {
    let before = fixture.directory.appendingPathComponent("before")
    let written = try temporaryCopy(of: before)
    let patched = try temporaryCopy(of: before)
    defer { try? FileManager.default.removeItem(at: written); try? FileManager.default.removeItem(at: patched) }

    let diff = try WasmfixBinary.run(["scan", ".", "--diff"] + fixture.extraArguments, in: written)
    #expect(diff.status != 2, "--diff failed: \(diff.stderr)")
    let write = try WasmfixBinary.run(["scan", ".", "--write", "--format", "json"] + fixture.extraArguments, in: written)
    #expect(write.status != 2, "--write failed: \(write.stderr)")

    let afterGolden = fixture.directory.appendingPathComponent("after")
    if isRecording {
      try? FileManager.default.removeItem(at: afterGolden)
      try FileManager.default.copyItem(at: written, to: afterGolden)
      return
    }
    #expect(try TreeSnapshot(written) == TreeSnapshot(afterGolden), "--write result differs from \(fixture.name)/after")

    // Idempotent: a second run finds nothing to change.
    let snapshot = try TreeSnapshot(written)
    let again = try WasmfixBinary.run(["scan", ".", "--write"] + fixture.extraArguments, in: written)
    #expect(again.status != 2)
    #expect(try TreeSnapshot(written) == snapshot, "a second --write changed files")
    let secondDiff = try WasmfixBinary.run(["scan", ".", "--diff"] + fixture.extraArguments, in: written)
    #expect(secondDiff.stdout.isEmpty, "a second --diff is not empty:\n\(secondDiff.stdout)")

    // What --diff shows is exactly what --write does.
    if !diff.stdout.isEmpty {
      let patch = patched.appendingPathComponent(".wasmfix-test.patch")
      try diff.stdout.write(to: patch, atomically: true, encoding: .utf8)
      let apply = try ProcessRunner.run("/usr/bin/git", ["apply", "--unsafe-paths", "--whitespace=nowarn", patch.path], in: patched)
      #expect(apply.status == 0, "git apply failed: \(apply.stderr)")
      try FileManager.default.removeItem(at: patch)
    }
    #expect(try TreeSnapshot(patched) == TreeSnapshot(written), "--diff applied with git apply differs from --write")
  }
}

/// Every file's bytes and permission bits under a folder, by relative path.
struct TreeSnapshot: Equatable {
  var files: [String: Data] = [:]
  var modes: [String: Int] = [:]

  init(_ root: URL) throws {
    let base = root.resolvingSymlinksInPath().path
    guard let enumerator = FileManager.default.enumerator(atPath: base) else { return }
    while let relative = enumerator.nextObject() as? String {
      let path = base + "/" + relative
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
      files[relative] = FileManager.default.contents(atPath: path)
      modes[relative] = (attributes[.posixPermissions] as? Int) ?? 0
    }
  }
}
