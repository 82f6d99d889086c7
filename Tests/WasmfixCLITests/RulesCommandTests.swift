import Foundation
import Testing
@testable import WasmfixAnalysis
@testable import WasmfixReporting
@testable import WasmfixSupport

/// What the binary says about itself (issue 11): `rules`, `explain` with an unknown code,
/// `--version` with the commit, and `--help` agreeing with the README.
@Suite struct RulesCommandTests {
  static let anywhere = FileManager.default.temporaryDirectory

  @Test func rulesListsEveryRuleWithSeverityAndFixability() throws {
    let output = try WasmfixBinary.run(["rules"], in: Self.anywhere)
    #expect(output.status == 0)
    let lines = output.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    #expect(lines.first == ["code", "name", "severity", "fixable"])
    #expect(lines.dropFirst().map { $0 } == Rules.all.map { [$0.id.code, $0.id.name, $0.severity.rawValue, $0.fixable ? "yes" : "no"] })
  }

  @Test func rulesFormatJSONIsTheSameTable() throws {
    let output = try WasmfixBinary.run(["rules", "--format", "json"], in: Self.anywhere)
    #expect(output.status == 0)
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
    #expect(entries.count == Rules.all.count)
    for (entry, rule) in zip(entries, Rules.all) {
      #expect(entry["code"] as? String == rule.id.code)
      #expect(entry["name"] as? String == rule.id.name)
      #expect(entry["severity"] as? String == rule.severity.rawValue)
      #expect(entry["fixable"] as? Bool == rule.fixable)
    }
    #expect(try WasmfixBinary.run(["rules", "--format", "xml"], in: Self.anywhere).status == 2)
  }

  /// Before issue 11 an unknown code printed explain's usage, which never said what was wrong.
  @Test func explainUnknownCodeNamesItAndListsTheCodes() throws {
    let output = try WasmfixBinary.run(["explain", "WF999"], in: Self.anywhere)
    #expect(output.status == 2)
    #expect(output.stdout.isEmpty)
    #expect(output.stderr.hasPrefix("wasmfix: unknown rule 'WF999'"))
    for rule in Rules.all { #expect(output.stderr.contains(rule.id.code)) }
    #expect(!output.stderr.contains("USAGE"), "no usage dump: \(output.stderr)")
    #expect(output.stderr.split(separator: "\n").count == 1)
  }

  @Test func versionNamesTheCommitItWasBuiltFrom() throws {
    let output = try WasmfixBinary.run(["--version"], in: Self.anywhere)
    #expect(output.status == 0)
    #expect(output.stdout == Self.expectedVersionLine)
  }

  /// `0.1.0 (abc1234)` in a git checkout (the tests build from one), the bare version without.
  static var expectedVersionLine: String {
    let head = try? ProcessRunner.run("/usr/bin/env", ["git", "rev-parse", "--short=7", "HEAD"], in: PackagePaths.root)
    guard let head, head.status == 0 else { return "\(WasmfixVersion.current)\n" }
    return "\(WasmfixVersion.current) (\(head.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))\n"
  }

  /// `--help` states the exit codes, the headroom default and where versions come from, in
  /// the README's words (whitespace and backticks aside), so the two cannot drift apart.
  @Test func helpStatesExitCodesHeadroomAndVersionSourcesAsTheReadmeDoes() throws {
    let help = try WasmfixBinary.run(["--help"], in: Self.anywhere)
    #expect(help.status == 0)
    let readme = try String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8)
    let shared = [
      "after --write: every error was fixed",
      "could not do what was asked (bad flag, bad config file, missing path, failed write)",
      "Cargo.lock, Cargo.toml, *.csproj / Directory.Packages.props, wasmtime-version.txt or vendored wasmtime.h",
      "a workflow's setup version:, a releases/download/vX.Y.Z URL",
      "the nearest wasmtime-version.txt",
      "--wasmtime-version",
      "default 512K",
    ]
    for phrase in shared {
      #expect(Self.flattened(help.stdout).contains(phrase), "--help lacks: \(phrase)")
      #expect(Self.flattened(readme).contains(phrase), "README lacks: \(phrase)")
    }
    for code in ["0", "1", "2"] { #expect(help.stdout.contains("\n  \(code)  "), "--help lacks exit code \(code)") }
    #expect(help.stdout.contains("(\(WasmtimeVersion.newestKnown))"))
    let scanHelp = try WasmfixBinary.run(["scan", "--help"], in: Self.anywhere)
    #expect(scanHelp.stdout.contains("(default: 512K)"))
  }

  /// One line per paragraph, single spaces, no Markdown backticks.
  static func flattened(_ text: String) -> String {
    text.replacingOccurrences(of: "`", with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
