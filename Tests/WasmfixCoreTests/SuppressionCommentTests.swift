import Testing
@testable import WasmfixSurfaces
@testable import WasmfixAnalysis
@testable import WasmfixCore

/// Issue 11: `wasmfix: ignore` comments are read only inside real comments of each surface's
/// syntax, bare or with bracketed codes; the text of a string literal never suppresses.
@Suite struct SuppressionCommentTests {
  struct Row: Sendable, CustomTestStringConvertible {
    let surface: String
    let line: String
    /// The directives expected: nil codes for the bare form; empty for "none".
    let expected: [[String]?]
    var testDescription: String { "\(surface): \(line)" }
  }

  static let rows: [Row] = [
    // Rust / C family: // and /* */, strings skipped.
    Row(surface: "rust", line: "config.max_wasm_stack(1); // wasmfix: ignore", expected: [nil]),
    Row(surface: "rust", line: "// wasmfix: ignore[WF001]", expected: [["WF001"]]),
    Row(surface: "rust", line: "x(); // wasmfix:ignore[wf001, WF003 ]", expected: [["WF001", "WF003"]]),
    Row(surface: "rust", line: "let s = \"// wasmfix: ignore\";", expected: []),
    Row(surface: "rust", line: "let s = \"a \\\" // wasmfix: ignore\";", expected: []),
    Row(surface: "rust", line: "fn f<'a>(x: &'a str) {} // wasmfix: ignore", expected: [nil]),
    Row(surface: "c", line: "f(c, 1); /* wasmfix: ignore */", expected: [nil]),
    Row(surface: "c", line: "/* wasmfix: ignore[WF003] */ f(c, 1);", expected: [["WF003"]]),
    Row(surface: "c", line: "f(\"/* wasmfix: ignore */\");", expected: []),
    Row(surface: "c", line: "f(c, 1); wasmfix: ignore", expected: []),
    Row(surface: "cpp", line: "// wasmfix: ignored for now", expected: []),
    Row(surface: "cpp", line: "// mywasmfix: ignore", expected: []),
    Row(surface: "cpp", line: "// wasmfix: ignore[WF001", expected: []),
    Row(surface: "csharp", line: "config.WithMaximumStackSize(1); // wasmfix: ignore -- measured", expected: [nil]),
    // TOML and Python: # anywhere outside a string.
    Row(surface: "toml", line: "max-wasm-stack = 0 # wasmfix: ignore[WF004]", expected: [["WF004"]]),
    Row(surface: "toml", line: "note = \"# wasmfix: ignore\"", expected: []),
    Row(surface: "toml", line: "note = '# wasmfix: ignore' # wasmfix: ignore", expected: [nil]),
    Row(surface: "script-args", line: "args = ['-W', 'max-wasm-stack=1'] # wasmfix: ignore", expected: [nil]),
    // Shell: # only at the start of a word.
    Row(surface: "shell", line: "wasmtime run -W max-wasm-stack=1 a.wasm # wasmfix: ignore", expected: [nil]),
    Row(surface: "shell", line: "echo $# wasmfix: ignore", expected: []),
    Row(surface: "shell", line: "echo \"# wasmfix: ignore\"", expected: []),
    Row(surface: "shell", line: "echo '# wasmfix: ignore'", expected: []),
    Row(surface: "yaml", line: "  run: wasmtime run a.wasm  # wasmfix: ignore[WF007]", expected: [["WF007"]]),
    // MSBuild: <!-- -->.
    Row(surface: "msbuild", line: "<!-- wasmfix: ignore[WF001] -->", expected: [["WF001"]]),
    Row(surface: "msbuild", line: "<Args>-W x=1</Args> <!-- wasmfix: ignore -->", expected: [nil]),
    Row(surface: "msbuild", line: "<Args>wasmfix: ignore</Args>", expected: []),
    // JavaScript: all three quotes.
    Row(surface: "js-args", line: "const a = '// wasmfix: ignore';", expected: []),
    Row(surface: "js-args", line: "spawn('wasmtime', args); // wasmfix: ignore", expected: [nil]),
  ]

  @Test("directives are found only in real comments", arguments: rows)
  func parse(_ row: Row) {
    let found = SuppressionComment.parse(line: row.line, number: 1, syntax: CommentSyntax.of(SurfaceID(row.surface)))
    #expect(found.map(\.codes) == row.expected)
  }

  @Test func lineColumnAndOwnLineFromBytes() {
    let text = "fn a() {}\n    // wasmfix: ignore[WF001]\n    x(); // wasmfix: ignore\nlet s = \"wasmfix: ignore\";\n"
    let found = Array(text.utf8).withUnsafeBytes { SuppressionComment.find(in: $0, syntax: CommentSyntax.of(.rust)) }
    #expect(found.map(\.line) == [2, 3])
    #expect(found.map(\.column) == [8, 13])
    #expect(found.map(\.ownLine) == [true, false])
    #expect(found[0].text == "wasmfix: ignore[WF001]")
  }

  @Test func columnsCountUnicodeScalars() {
    let text = "let é = 1; // wasmfix: ignore\n"
    let found = Array(text.utf8).withUnsafeBytes { SuppressionComment.find(in: $0, syntax: CommentSyntax.of(.rust)) }
    #expect(found.map(\.column) == [15])
  }

  @Test func fileWithoutTheMarkerHasNone() {
    let found = Array("// wasmfix ignore\n// WASMFIX: ignore\n".utf8).withUnsafeBytes { SuppressionComment.find(in: $0, syntax: CommentSyntax.of(.rust)) }
    #expect(found.isEmpty)
  }

  @Test func ownLineCommentsCoverTheNextLineTrailingOnesOnlyTheirOwn() {
    let own = SuppressionComment(line: 4, column: 5, codes: ["WF001"], ownLine: true, text: "")
    #expect(own.covers(line: 4, code: "WF001"))
    #expect(own.covers(line: 5, code: "WF001"))
    #expect(!own.covers(line: 6, code: "WF001"))
    #expect(!own.covers(line: 3, code: "WF001"))
    #expect(!own.covers(line: 5, code: "WF003"))
    let trailing = SuppressionComment(line: 4, column: 30, codes: nil, ownLine: false, text: "")
    #expect(trailing.covers(line: 4, code: "WF005"))
    #expect(!trailing.covers(line: 5, code: "WF005"))
  }
}

/// Issue 11: applying directives to findings marks them suppressed and reports the rest (WF009).
@Suite struct SuppressionApplyTests {
  func finding(_ code: String, line: Int, severity: Severity = .error) -> Finding {
    Finding(rule: RuleID(code: code, name: code), severity: severity, path: "a.rs", line: line, column: 5, groupID: "a.rs:\(line)",
            message: "m", fixable: true)
  }

  @Test func suppressedFindingsStayAndUnusedCodesAreReported() {
    var findings = [finding("WF001", line: 5), finding("WF003", line: 5, severity: .warning), finding("WF001", line: 9)]
    let comments = ["a.rs": [
      SuppressionComment(line: 4, column: 5, codes: ["WF001", "WF002"], ownLine: true, text: "wasmfix: ignore[WF001, WF002]"),
      SuppressionComment(line: 20, column: 5, codes: nil, ownLine: false, text: "wasmfix: ignore"),
      SuppressionComment(line: 9, column: 30, codes: ["WF00X"], ownLine: false, text: "wasmfix: ignore[WF00X]"),
    ]]
    Suppressions.apply(comments, to: &findings)
    #expect(findings[0].suppressed)
    #expect(!findings[1].suppressed)
    #expect(!findings[2].suppressed)
    let unused = findings.filter { $0.rule.code == "WF009" }
    #expect(unused.map(\.line) == [4, 20, 9])
    #expect(unused[0].message.contains("WF002"))
    #expect(unused[2].message.contains("WF00X, which is not a wasmfix rule code"))
    #expect(unused.allSatisfy { $0.severity == .warning && !$0.fixable && !$0.suppressed })
  }

  @Test func suppressedErrorsDoNotCountForTheExitCode() {
    var findings = [finding("WF001", line: 5)]
    Suppressions.apply(["a.rs": [SuppressionComment(line: 5, column: 30, codes: nil, ownLine: false, text: "wasmfix: ignore")]], to: &findings)
    #expect(findings.count == 1 && findings[0].suppressed)
  }

  @Test func unusedSuppressionIsRegistered() {
    let rule = Rules.named("WF009")
    #expect(rule?.id.name == "unused-suppression")
    #expect(rule?.fixable == false)
    #expect(Rules.named("unused-suppression")?.id.code == "WF009")
  }
}
