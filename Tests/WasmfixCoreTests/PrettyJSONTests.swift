import Foundation
import Testing

@testable import WasmfixAnalysis
@testable import WasmfixReporting
@testable import WasmfixWorkspace

/// `JSONReport.rendered()` is written by hand (`PrettyJSON`) for speed; `JSONEncoder` is the
/// reference it must match byte for byte, so that no report changes.
@Suite struct PrettyJSONTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures")

  @Test func everyFixtureReportRendersAsJSONEncoderWritesIt() throws {
    let cases = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).sorted()
    var compared = 0
    for name in cases {
      let url = Self.fixtures.appendingPathComponent(name).appendingPathComponent("report.json")
      guard let data = try? Data(contentsOf: url) else { continue }
      let report = try JSONDecoder().decode(JSONReport.self, from: data)
      #expect(report.rendered() == report.encodedByFoundation(), "\(name)")
      compared += 1
    }
    #expect(compared >= 60)
  }

  /// Every control character, quotes, backslashes, slashes, DEL and non-ASCII text in every
  /// string; the optionals both present and absent; empty and one-element arrays; the integer
  /// extremes a value can take.
  @Test(arguments: [false, true]) func edgeCasesRenderAsJSONEncoderWritesThem(optionalsPresent: Bool) {
    let nasty = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }) + "\"\\/\u{7F} é ✓ \u{2028} 𝄞 a/b"
    let site = JSONReport.SiteRecord(path: nasty, line: 1, column: 2, language: "rust", setting: nasty, expression: nasty,
                                     value: .integer(Int128(UInt64.max)), group: nasty)
    let negative = JSONReport.SiteRecord(path: "p", line: 3, column: 4, language: "c", setting: "s", expression: "-1",
                                         value: .integer(Int128(Int64.min)), group: "g")
    let flag = JSONReport.SiteRecord(path: "p", line: 3, column: 4, language: "c", setting: "s", expression: "true",
                                     value: optionalsPresent ? .boolean(true) : .null, group: "g")
    let group = JSONReport.GroupRecord(
      id: nasty, path: nasty, line: 9, max_wasm_stack: .init(value: .integer(8 << 20), source: "explicit"),
      async_stack_size: .init(value: .null, source: nasty), async: optionalsPresent ? false : nil, wasmtime_version: "25.0.1")
    let finding = JSONReport.FindingRecord(rule: "WF001", severity: "error", path: nasty, line: 1, column: 1, group: nasty,
                                           message: nasty, fixable: true, fixed: false, suppressed: optionalsPresent ? true : nil)
    let edit = JSONReport.EditRecord(path: nasty, start_line: 1, start_column: 1, end_line: 2, end_column: 3, replacement: nasty + "\n")
    let fix = JSONReport.FixRecord(group: nasty, title: nasty, applicability: "safe", unsafe_reason: optionalsPresent ? nasty : nil,
                                   findings: optionalsPresent ? [0, 1] : [], edits: optionalsPresent ? [edit, edit] : [])
    let report = JSONReport(
      tool: .init(name: "wasmfix", version: nasty),
      wasmtime: .init(version: "50.0.1", source: optionalsPresent ? nasty : nil, assumed: !optionalsPresent),
      sites: optionalsPresent ? [site, negative, flag] : [], groups: [group], findings: [finding], fixes: [fix],
      skipped: optionalsPresent ? [SkippedFile(path: nasty, reason: nasty)] : [],
      summary: .init(files_scanned: 0, sites: 3, groups: 1, findings: 1, errors: 1, fixed: 0, baselined: optionalsPresent ? 7 : nil))
    #expect(report.rendered() == report.encodedByFoundation())
  }
}

/// `ReportedFix.usesCRLF` decides the line breaks a fix's edits are reported with.
@Suite struct LineBreakStyleTests {
  @Test(arguments: [
    ("", false), ("no break", false), ("a\n", false), ("a\r\n", true), ("\n", false), ("\r\n", true),
    ("a\r\nb\r\nc\n", true), ("a\r\nb\nc\n", false), ("a\r\nb\n", false), ("\r\r\n\n", false), ("\r\n\r\n\n", true),
  ])
  func majorityOfBreaksDecides(text: String, crlf: Bool) {
    #expect(ReportedFix.usesCRLF(Array(text.utf8)) == crlf)
  }
}
