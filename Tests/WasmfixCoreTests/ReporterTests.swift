import Foundation
import Testing

@testable import WasmfixCore
@testable import WasmfixSupport
@testable import WasmfixWorkspace
@testable import WasmfixSurfaces
@testable import WasmfixEvaluation
@testable import WasmfixAnalysis
@testable import WasmfixFixing
@testable import WasmfixReporting

// MARK: - Fixture

/// A small tree with one violating Rust file, one in a file whose name needs escaping, and a
/// `.rs` file that mentions `max_wasm_stack` but is not UTF-8 (skipped), scanned in-process.
private final class ReporterFixture {
  let root: String
  let result: ScanResult

  static let engine = """
    use wasmtime::{Config, Engine};

    fn make_engine() -> Engine {
        let mut config = Config::new();
        config.async_support(true);
        config.max_wasm_stack(8 << 20);
        Engine::new(&config).unwrap()
    }

    """

  init() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-reporter-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url.appendingPathComponent("src"), withIntermediateDirectories: true)
    root = url.path
    try Self.engine.write(toFile: root + "/src/engine.rs", atomically: false, encoding: .utf8)
    try Self.engine.write(toFile: root + "/src/odd name,v2:x.rs", atomically: false, encoding: .utf8)
    // A skipped file: binary (NUL bytes). (A file that is merely not UTF-8 is scanned as
    // bytes since issue 10; EncodingTests covers it.)
    var invalid = Array("fn f(config: &mut Config) { config.max_wasm_stack(1 << 20); } // ".utf8)
    invalid += [0x00, 0xFE, 0x0A]
    try Data(invalid).write(to: URL(fileURLWithPath: root + "/src/blob.rs"))
    var options = ScanOptions()
    options.paths = [root]
    options.root = root
    result = try Scanner(options: options).scan()
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }
}

private func jsonObject(_ text: String) throws -> [String: Any] {
  let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
  return try #require(object as? [String: Any])
}

// MARK: - SARIF

@Suite struct SARIFReportTests {
  @Test func fixtureHasFindingsAndASkippedFile() throws {
    let fixture = try ReporterFixture()
    #expect(fixture.result.skipped.map(\.path) == ["src/blob.rs"])
    #expect(fixture.result.findings.contains { $0.rule.code == "WF001" && $0.path == "src/engine.rs" })
    #expect(fixture.result.findings.contains { $0.rule.code == "WF001" && $0.path == "src/odd name,v2:x.rs" })
  }

  @Test func documentHasTheSARIFShape() throws {
    let fixture = try ReporterFixture()
    let text = SARIFReport.render(fixture.result)
    #expect(text.hasSuffix("}\n"))
    let log = try jsonObject(text)
    #expect(log["version"] as? String == "2.1.0")
    #expect((log["$schema"] as? String)?.contains("sarif") == true)
    let runs = try #require(log["runs"] as? [[String: Any]])
    #expect(runs.count == 1)
    let run = runs[0]
    #expect(run["columnKind"] as? String == "unicodeCodePoints")

    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "wasmfix")
    #expect(driver["version"] as? String == WasmfixVersion.current)
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.compactMap { $0["id"] as? String } == ["WF001", "WF002", "WF003", "WF004", "WF005", "WF006", "WF007", "WF008", "WF009", "WF010"])
    #expect(rules.compactMap { $0["name"] as? String } == Rules.all.map(\.id.name))
    for (rule, descriptor) in zip(rules, Rules.all) {
      let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
      #expect(level == descriptor.severity.rawValue)
      let short = (rule["shortDescription"] as? [String: Any])?["text"] as? String
      #expect(short?.isEmpty == false && short?.contains("\n") == false && short?.hasPrefix("#") == false)
      #expect((rule["help"] as? [String: Any])?["markdown"] as? String == descriptor.explanation)
      // Issue 11: GitHub code scanning takes at most 1,024 plain characters here; the
      // Markdown explanation lives in `help`.
      let full = try #require((rule["fullDescription"] as? [String: Any])?["text"] as? String)
      #expect(!full.isEmpty && full.count <= SARIFReport.fullDescriptionLimit && !full.contains("`"))
      #expect((rule["helpUri"] as? String) == RuleDocs.url(descriptor.id))
    }

    let base = (run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any]
    let baseURI = try #require(base?["uri"] as? String)
    #expect(baseURI.hasPrefix("file:///") && baseURI.hasSuffix("/"))
    #expect(URL(string: baseURI)?.path == fixture.result.root)

    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == fixture.result.findings.count)
    for (sarif, finding) in zip(results, fixture.result.findings) {
      #expect(sarif["ruleId"] as? String == finding.rule.code)
      let index = try #require(sarif["ruleIndex"] as? Int)
      #expect(rules[index]["id"] as? String == finding.rule.code)
      #expect(["error", "warning", "note"].contains(sarif["level"] as? String ?? ""))
      #expect(sarif["level"] as? String == finding.severity.rawValue)
      #expect((sarif["message"] as? [String: Any])?["text"] as? String == finding.message)
      #expect(sarif["properties"] == nil)  // nothing was fixed
      let locations = try #require(sarif["locations"] as? [[String: Any]])
      #expect(locations.count == 1)
      let physical = try #require(locations[0]["physicalLocation"] as? [String: Any])
      let artifact = try #require(physical["artifactLocation"] as? [String: Any])
      #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
      let uri = try #require(artifact["uri"] as? String)
      #expect(uri.removingPercentEncoding == finding.path)
      let region = try #require(physical["region"] as? [String: Any])
      #expect(region["startLine"] as? Int == finding.line)
      #expect(region["startColumn"] as? Int == finding.column)
      #expect((region["startLine"] as? Int ?? 0) >= 1 && (region["startColumn"] as? Int ?? 0) >= 1)
    }

    let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
    #expect(invocation["executionSuccessful"] as? Bool == true)
    let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
    #expect(notifications.count == 1)
    #expect(notifications[0]["level"] as? String == "warning")
    #expect((notifications[0]["message"] as? [String: Any])?["text"] as? String == "src/blob.rs: \(fixture.result.skipped[0].reason)")
  }

  @Test func resultsPointAtTheMaxSiteAndRelateTheGroupsOtherSites() throws {
    let fixture = try ReporterFixture()
    let run = try #require((try jsonObject(SARIFReport.render(fixture.result))["runs"] as? [[String: Any]])?.first)
    let results = try #require(run["results"] as? [[String: Any]])
    let index = try #require(fixture.result.findings.firstIndex { $0.rule.code == "WF001" && $0.path == "src/engine.rs" })
    // `config.max_wasm_stack(8 << 20);` is line 6; the name token starts at column 12.
    #expect(fixture.result.findings[index].line == 6 && fixture.result.findings[index].column == 12)
    let related = try #require(results[index]["relatedLocations"] as? [[String: Any]])
    let relatedLines = related.compactMap {
      (($0["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])?["startLine"] as? Int
    }
    #expect(relatedLines == [5])  // async_support(true), the group's other site
    #expect((related[0]["message"] as? [String: Any])?["text"] as? String == "async_support(true)")
    #expect(related[0]["id"] as? Int == 1)
  }

  @Test func pathsBecomeURIReferences() {
    #expect(SARIFReport.uriReference("src/engine.rs") == "src/engine.rs")
    #expect(SARIFReport.uriReference("src/odd name,v2:x.rs") == "src/odd%20name,v2%3Ax.rs")
    #expect(SARIFReport.uriReference("src/ü%.rs") == "src/%C3%BC%25.rs")
    #expect(SARIFReport.rootURI("/tmp/a b") == "file:///tmp/a%20b/")
    #expect(SARIFReport.rootURI("/") == "file:///")
  }

  @Test func fixedFindingsCarryAPropertyBag() throws {
    let fixture = try ReporterFixture()
    var result = fixture.result
    result.findings[0].fixed = true
    let run = try #require((try jsonObject(SARIFReport.render(result))["runs"] as? [[String: Any]])?.first)
    let results = try #require(run["results"] as? [[String: Any]])
    #expect((results[0]["properties"] as? [String: Any])?["fixed"] as? Bool == true)
    #expect(results.dropFirst().allSatisfy { $0["properties"] == nil })
  }

  @Test func outputIsStable() throws {
    let fixture = try ReporterFixture()
    #expect(SARIFReport.render(fixture.result) == SARIFReport.render(fixture.result))
  }

  /// Full validation against the SARIF 2.1.0 JSON schema with Python's `jsonschema`, when both
  /// are present. Once enabled, any schema violation fails the test.
  @Test(.enabled(if: SchemaValidator.isAvailable, "needs python3 with jsonschema and \(SchemaValidator.schemaPath)"))
  func validatesAgainstTheSARIFSchema() throws {
    let fixture = try ReporterFixture()
    var fixed = fixture.result
    fixed.findings[0].fixed = true
    fixed.findings[0].message = "a, b: c\nd \"quoted\" % done"
    var empty = fixture.result
    empty.findings = []
    empty.skipped = []
    for (name, result) in [("scan", fixture.result), ("fixed", fixed), ("empty", empty)] {
      let outcome = try SchemaValidator.validate(SARIFReport.render(result))
      #expect(outcome.status == 0, "\(name): SARIF does not validate:\n\(outcome.output)")
    }
  }
}

/// Runs `python3 -c <jsonschema check>` on a SARIF document.
private enum SchemaValidator {
  static let schemaPath = ProcessInfo.processInfo.environment["WASMFIX_SARIF_SCHEMA"] ?? "/work/shared/schemas/sarif-2.1.0.json"

  static let script = """
    import json, sys
    import jsonschema
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    document = json.load(open(sys.argv[2], encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for e in errors:
        print("/".join(str(p) for p in e.absolute_path) + ": " + e.message)
    sys.exit(1 if errors else 0)
    """

  static let isAvailable: Bool = {
    guard FileManager.default.fileExists(atPath: schemaPath) else { return false }
    return (try? run(["-c", "import jsonschema"]).status) == 0
  }()

  static func validate(_ sarif: String) throws -> (status: Int32, output: String) {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-\(UUID().uuidString).sarif")
    try sarif.write(to: file, atomically: false, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    return try run(["-c", script, schemaPath, file.path])
  }

  static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}

// MARK: - GitHub workflow commands

@Suite struct GitHubReportTests {
  @Test func oneCommandPerFindingThenASummary() throws {
    let fixture = try ReporterFixture()
    let lines = GitHubReport.render(fixture.result).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.last == "")  // trailing newline
    let commands = lines.dropLast()
    #expect(commands.count == fixture.result.findings.count + 1)
    // The skipped binary file names a setting: a WF010 warning, first in path order.
    #expect(lines[0].hasPrefix("::warning file=src/blob.rs,line=1,col=36,title=WF010 unscanned-setting::"))
    let first = try #require(fixture.result.findings.first { $0.rule.code == "WF001" })
    #expect(first.path == "src/engine.rs")
    #expect(lines[1] == "::error file=src/engine.rs,line=6,col=12,title=WF001 stack-exceeds-async::\(first.message)")
    #expect(!first.message.contains("\n") && !first.message.contains("%"))
    for (line, finding) in zip(commands, fixture.result.findings) {
      let command = finding.severity == .error ? "error" : (finding.severity == .warning ? "warning" : "notice")
      #expect(line.hasPrefix("::\(command) file="))
    }
    // The file whose name has a space, a comma and a colon.
    #expect(commands.contains { $0.hasPrefix("::error file=src/odd name%2Cv2%3Ax.rs,line=6,col=12,title=WF001 stack-exceeds-async::") })
    let summary = try #require(commands.last)
    #expect(!summary.hasPrefix("::"))
    #expect(summary.contains("1 skipped"))
  }

  @Test func messagesAndPropertiesAreEscaped() throws {
    let fixture = try ReporterFixture()
    var result = fixture.result
    result.findings = [try #require(result.findings.first { $0.rule.code == "WF001" })]
    result.findings[0].message = "100% sure, really: yes\r\nnext"
    result.findings[0].path = "a,b:c.rs"
    result.findings[0].severity = .note
    let first = GitHubReport.render(result).split(separator: "\n").first.map(String.init)
    #expect(first == "::notice file=a%2Cb%3Ac.rs,line=6,col=12,title=WF001 stack-exceeds-async::100%25 sure, really: yes%0D%0Anext")

    result.findings[0].severity = .warning
    result.findings[0].fixed = true
    let fixed = GitHubReport.render(result).split(separator: "\n").first.map(String.init)
    #expect(fixed?.hasPrefix("::warning file=a%2Cb%3Ac.rs,") == true)
    #expect(fixed?.hasSuffix("::100%25 sure, really: yes%0D%0Anext [fixed]") == true)
  }

  @Test func escapingFunctions() {
    #expect(GitHubReport.escapeData("a, b: 50%\nc\rd") == "a, b: 50%25%0Ac%0Dd")
    #expect(GitHubReport.escapeData("\r\n") == "%0D%0A")
    #expect(GitHubReport.escapeData("%0A") == "%250A")
    #expect(GitHubReport.escapeProperty("a, b: 50%\nc\rd") == "a%2C b%3A 50%25%0Ac%0Dd")
    #expect(GitHubReport.escapeProperty("WF001 stack-exceeds-async") == "WF001 stack-exceeds-async")
    #expect(GitHubReport.escapeProperty("ü::,,") == "ü%3A%3A%2C%2C")
  }

  @Test func noFindingsIsJustTheSummary() throws {
    let fixture = try ReporterFixture()
    var result = fixture.result
    result.findings = []
    let text = GitHubReport.render(result)
    #expect(text.split(separator: "\n").count == 1)
    #expect(text.hasPrefix("0 errors, 0 warnings"))
  }
}
