import Foundation
import Testing
@testable import WasmfixCore
@testable import WasmfixAnalysis
@testable import WasmfixFixing
@testable import WasmfixReporting

/// Issue 11: SARIF as GitHub code scanning takes it (its documented limits and fields).
@Suite struct ReportSARIFTests {
  static let engine = """
    use wasmtime::{Config, Engine};

    fn make_engine() -> Engine {
        let mut config = Config::new();
        config.async_support(true);
        config.max_wasm_stack(8 << 20);
        Engine::new(&config).unwrap()
    }

    """

  /// A scan of a repository (`.git`) whose tree holds `src/engine.rs`, with its fixes.
  static func scan() throws -> (root: String, result: ScanResult, fixes: [ReportedFix]) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-sarif-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url.appendingPathComponent("src"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: url.appendingPathComponent(".git"), withIntermediateDirectories: true)
    try engine.write(to: url.appendingPathComponent("src/engine.rs"), atomically: false, encoding: .utf8)
    var options = ScanOptions()
    options.paths = [url.path]
    options.root = url.path
    let result = try Scanner(options: options).scan()
    let fixes = Fixer(result: result, options: FixOptions(unsafeFixes: true)).prepare().fixes
    return (url.path, result, fixes)
  }

  static func run(_ text: String) throws -> [String: Any] {
    let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    return try #require((log["runs"] as? [[String: Any]])?.first)
  }

  @Test func rulesMeetGitHubsLimits() throws {
    let (root, result, _) = try Self.scan()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let run = try Self.run(SARIFReport.render(result))
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["informationUri"] as? String == RuleDocs.homepage)
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.count == Rules.all.count)
    for (rule, descriptor) in zip(rules, Rules.all) {
      let full = try #require((rule["fullDescription"] as? [String: Any])?["text"] as? String)
      #expect(full.count <= 1024, "\(descriptor.id.code): fullDescription has \(full.count) characters")
      #expect((rule["fullDescription"] as? [String: Any])?["markdown"] == nil)
      let short = try #require((rule["shortDescription"] as? [String: Any])?["text"] as? String)
      #expect(short.hasSuffix(".") && !short.dropLast().contains(". "), "\(descriptor.id.code): one sentence: \(short)")
      #expect((rule["help"] as? [String: Any])?["markdown"] as? String == descriptor.explanation)
      #expect(rule["helpUri"] as? String == "\(RuleDocs.homepage)#\(descriptor.id.code.lowercased())-\(descriptor.id.name)")
    }
    // WF001's explanation is longer than GitHub accepts: the limit is doing work.
    #expect(Rules.named("WF001")!.explanation.count > 1024)
  }

  @Test func everyRuleHasItsReadmeAnchor() throws {
    let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
    for rule in Rules.all {
      // GitHub's anchor for `### WF001 stack-exceeds-async` is `wf001-stack-exceeds-async`.
      #expect(readme.contains("\n### \(rule.id.code) \(rule.id.name)\n"), "README has no heading for \(rule.id.code)")
    }
  }

  @Test func resultsCarryEndPositionsFingerprintsAndFixes() throws {
    let (root, result, fixes) = try Self.scan()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let paths = OutputPaths(root: root, base: root)
    let run = try Self.run(SARIFReport.render(result, fixes: fixes, paths: paths))
    let base = (run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any]
    #expect(URL(string: base?["uri"] as? String ?? "")?.path == OutputPaths.standardized(root))
    let results = try #require(run["results"] as? [[String: Any]])
    let index = try #require(result.findings.firstIndex { $0.rule.code == "WF001" })
    let sarif = results[index]
    let physical = try #require((sarif["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    #expect((physical["artifactLocation"] as? [String: Any])?["uriBaseId"] as? String == "%SRCROOT%")
    #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "src/engine.rs")
    let region = try #require(physical["region"] as? [String: Any])
    // `config.max_wasm_stack(8 << 20);`: the name token is columns 12..<26 of line 6.
    #expect(region["startLine"] as? Int == 6 && region["startColumn"] as? Int == 12)
    #expect(region["endLine"] as? Int == 6 && region["endColumn"] as? Int == 26)
    #expect(sarif["partialFingerprints"] as? [String: String] == [Fingerprint.sarifKey: result.findings[index].fingerprint])
    #expect(!result.findings[index].fingerprint.isEmpty)
    #expect(sarif["suppressions"] == nil)

    let fix = try #require((sarif["fixes"] as? [[String: Any]])?.first)
    #expect((fix["properties"] as? [String: Any])?["applicability"] as? String == "safe")
    let change = try #require((fix["artifactChanges"] as? [[String: Any]])?.first)
    #expect((change["artifactLocation"] as? [String: Any])?["uri"] as? String == "src/engine.rs")
    let replacements = try #require(change["replacements"] as? [[String: Any]])
    let inserted = replacements.compactMap { ($0["insertedContent"] as? [String: Any])?["text"] as? String }
    #expect(inserted.contains { $0.contains("async_stack_size(") }, "replacements: \(replacements)")
    for replacement in replacements {
      let deleted = try #require(replacement["deletedRegion"] as? [String: Any])
      #expect(deleted["startLine"] is Int && deleted["endLine"] is Int && deleted["startColumn"] is Int && deleted["endColumn"] is Int)
    }
  }

  @Test func suppressedFindingsAndFailedWrites() throws {
    let (root, scanned, _) = try Self.scan()
    defer { try? FileManager.default.removeItem(atPath: root) }
    var result = scanned
    result.findings[0].suppressed = true
    let run = try Self.run(SARIFReport.render(result, executionSuccessful: false))
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results[0]["suppressions"] as? [[String: String]] == [["kind": "inSource"]])
    #expect(results.dropFirst().allSatisfy { $0["suppressions"] == nil })
    #expect((run["invocations"] as? [[String: Any]])?.first?["executionSuccessful"] as? Bool == false)
  }

  @Test func filesOutsideTheRepositoryGetAbsoluteURIs() throws {
    let (root, result, _) = try Self.scan()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let elsewhere = OutputPaths(root: root, base: "/nonexistent-repository")
    let run = try Self.run(SARIFReport.render(result, paths: elsewhere))
    let artifact = (((run["results"] as? [[String: Any]])?.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"]
      as? [String: Any])?["artifactLocation"] as? [String: Any]
    #expect(artifact?["uriBaseId"] == nil)
    #expect((artifact?["uri"] as? String)?.hasPrefix("file:///") == true)
  }

  @Test func descriptionsAreCutAtAWordUnderTheLimit() {
    let long = "# X\n\n## What it checks\n" + Array(repeating: "word `code` here.", count: 200).joined(separator: " ") + "\n\n## Why\nmore"
    let full = SARIFReport.fullDescription(of: long)
    #expect(full.count <= 1024 && full.hasSuffix("…") && !full.contains("`"))
    #expect(SARIFReport.firstSentence("A `b` c. D e.") == "A b c.")
  }
}
