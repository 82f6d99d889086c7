import Foundation
import Testing
@testable import WasmfixReporting

/// Issue 11: `--format gitlab` (GitLab code quality) and `--format json-lines`.
@Suite struct OutputFormatsTests {
  /// A repository at the top, the scanned project in `app/`, run from `app/`.
  func repository() throws -> (root: URL, app: URL) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-formats-\(UUID().uuidString)")
    let file = root.appendingPathComponent("app/src/main.rs")
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
    try Data(CLITests.failing.utf8).write(to: file)
    return (root, root.appendingPathComponent("app"))
  }

  @Test func gitlabCodeQualityFields() throws {
    let (root, app) = try repository()
    defer { try? FileManager.default.removeItem(at: root) }
    let output = try WasmfixBinary.run(["scan", ".", "--format", "gitlab"], in: app)
    #expect(output.status == 1)
    let issues = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
    #expect(issues.count == 2)  // WF001 and WF003
    let severities = ["info", "minor", "major", "critical", "blocker"]
    var fingerprints = Set<String>()
    for issue in issues {
      #expect(Set(issue.keys) == ["description", "check_name", "fingerprint", "severity", "location"])
      #expect((issue["description"] as? String)?.isEmpty == false)
      #expect(severities.contains(issue["severity"] as? String ?? ""))
      let fingerprint = try #require(issue["fingerprint"] as? String)
      #expect(!fingerprint.isEmpty)
      fingerprints.insert(fingerprint)
      let location = try #require(issue["location"] as? [String: Any])
      // Relative to the repository root, not to the current directory (`app/`).
      #expect(location["path"] as? String == "app/src/main.rs")
      #expect((location["lines"] as? [String: Any])?["begin"] as? Int == 6)
    }
    #expect(fingerprints.count == issues.count, "fingerprints are unique")
    let wf001 = try #require(issues.first { ($0["check_name"] as? String)?.hasPrefix("WF001") == true })
    #expect(wf001["check_name"] as? String == "WF001 stack-exceeds-async")
    #expect(wf001["severity"] as? String == "major")
    #expect(issues.first { ($0["check_name"] as? String)?.hasPrefix("WF003") == true }?["severity"] as? String == "minor")
    #expect(GitLabReport.severity(.note) == "info")
  }

  @Test func jsonLinesIsOneFindingPerLine() throws {
    let (root, app) = try repository()
    defer { try? FileManager.default.removeItem(at: root) }
    let output = try WasmfixBinary.run(["scan", "app", "--format", "json-lines"], in: root)
    #expect(output.status == 1)
    #expect(output.stdout.hasSuffix("\n"))
    let lines = output.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    for line in lines {
      let record = try JSONDecoder().decode(JSONReport.FindingRecord.self, from: Data(line.utf8))
      #expect(record.path == "app/src/main.rs")
    }
    let clean = try WasmfixBinary.run(["scan", "app", "--format", "json-lines", "--write"], in: root)
    #expect(clean.status == 0)
    let after = try WasmfixBinary.run(["scan", "app", "--format", "json-lines"], in: root)
    #expect(after.stdout.isEmpty, "no findings: no lines")
  }
}
