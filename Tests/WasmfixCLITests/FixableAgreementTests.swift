import Foundation
import Testing

/// `fixable` is a promise about `--write` (issue 9's fix defects: a WF003 note and
/// wasmtime-dotnet's WF005 said `fixable: true` and nothing, or a pin nobody asked for, was
/// written). Over every fixture, with its flags: a finding that says `fixable: true` is fixed
/// by `--write` or the report says why not (`[not fixed: …]`); one that says `false` is never
/// fixed; a note is not fixable (except WF006, which exists only with `--harden`); and the
/// tree changes exactly when something was fixed.
@Suite struct FixableAgreementTests {
  @Test("fixable agrees with what --write does", arguments: Fixture.all)
  func agrees(_ fixture: Fixture) throws {
    let before = fixture.directory.appendingPathComponent("before")
    let jsonTree = try temporaryCopy(of: before), textTree = try temporaryCopy(of: before)
    defer { try? FileManager.default.removeItem(at: jsonTree); try? FileManager.default.removeItem(at: textTree) }
    let json = try WasmfixBinary.run(["scan", ".", "--write", "--format", "json"] + fixture.extraArguments, in: jsonTree)
    let text = try WasmfixBinary.run(["scan", ".", "--write"] + fixture.extraArguments, in: textTree)
    let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.stderr)")
    let findings = try #require(report["findings"] as? [[String: Any]])
    let textLines = text.stdout.split(separator: "\n")
    for finding in findings where finding["suppressed"] as? Bool != true {
      let rule = finding["rule"] as? String ?? "", severity = finding["severity"] as? String ?? ""
      let fixable = finding["fixable"] as? Bool ?? false, fixed = finding["fixed"] as? Bool ?? false
      let location = "\(finding["path"] as? String ?? ""):\(finding["line"] as? Int ?? 0):\(finding["column"] as? Int ?? 0)"
      let described = "\(location) \(rule) \(severity): \(finding["message"] as? String ?? "")"
      if severity == "note" && rule != "WF006" { #expect(!fixable, "a note says fixable: \(described)") }
      if !fixable { #expect(!fixed, "fixed although not fixable: \(described)") }
      if fixable && !fixed {
        let explained = textLines.contains { $0.hasPrefix("\(location): \(severity)[\(rule)]") && $0.contains("[not fixed: ") }
        #expect(explained, "fixable, not fixed, and no reason given: \(described)\n\(text.stdout)")
      }
    }
    let anyFixed = findings.contains { $0["fixed"] as? Bool == true }
    #expect((try TreeSnapshot(jsonTree) != TreeSnapshot(before)) == anyFixed, "files changed: \(!anyFixed), findings fixed: \(anyFixed)")
  }
}
