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
}
