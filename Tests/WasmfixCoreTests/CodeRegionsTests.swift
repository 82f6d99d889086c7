import Testing
@testable import WasmfixCore
@testable import WasmfixSupport
@testable import WasmfixWorkspace
@testable import WasmfixSurfaces
@testable import WasmfixEvaluation
@testable import WasmfixAnalysis
@testable import WasmfixFixing
@testable import WasmfixReporting

/// The comment/literal pass decides which files are parsed; a wrong "not code" would hide a
/// site, so every doubtful construct must come out as code. `HIT` marks the probed offset.
@Suite struct CodeRegionsTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let language: SurfaceID
    let source: String
    let inCode: Bool
    var testDescription: String { "[\(language)] \(source.replacingOccurrences(of: "\n", with: "⏎"))" }
  }

  static let cases: [Case] = [
    // Comments and strings hide the hit.
    Case(language: .rust, source: "// HIT\n", inCode: false),
    Case(language: .rust, source: "/* a /* nested */ HIT */", inCode: false),
    Case(language: .rust, source: "let s = \"HIT\";", inCode: false),
    Case(language: .rust, source: "let s = \"esc \\\" HIT\";", inCode: false),
    Case(language: .rust, source: "let s = r#\"raw \" HIT\"#;", inCode: false),
    Case(language: .rust, source: "let s = b\"HIT\";", inCode: false),
    Case(language: .rust, source: "let s = \"multi\nline HIT\";", inCode: false),
    Case(language: .c, source: "/* HIT */", inCode: false),
    Case(language: .c, source: "const char *s = \"HIT\";", inCode: false),
    Case(language: .csharp, source: "var s = @\"verbatim \"\" HIT\";", inCode: false),
    Case(language: .csharp, source: "var s = $\"interp HIT\";", inCode: false),
    Case(language: .csharp, source: "var s = \"\"\"raw HIT\"\"\";", inCode: false),
    // Code stays code, including after every kind of skipped region.
    Case(language: .rust, source: "config.HIT(1);", inCode: true),
    Case(language: .rust, source: "// c\nconfig.HIT(1);", inCode: true),
    Case(language: .rust, source: "/* c */ config.HIT(1);", inCode: true),
    Case(language: .rust, source: "let s = \"x\"; config.HIT(1);", inCode: true),
    Case(language: .rust, source: "fn f<'a>(x: &'a str) { config.HIT(1); }", inCode: true),
    Case(language: .rust, source: "'outer: loop { config.HIT(1); break 'outer; }", inCode: true),
    Case(language: .rust, source: "let c = '\"'; config.HIT(1);", inCode: true),
    Case(language: .rust, source: "let c = '\\''; config.HIT(1);", inCode: true),
    Case(language: .rust, source: "let c = 'é'; config.HIT(1);", inCode: true),
    Case(language: .rust, source: "let r = br\"x\"; let q = r#\"y\"#; config.HIT(1);", inCode: true),
    Case(language: .rust, source: "let s = \"unterminated; config.HIT(1);", inCode: true),
    Case(language: .rust, source: "/* unterminated config.HIT(1);", inCode: true),
    Case(language: .rust, source: "let b = a / b; config.HIT(1);", inCode: true),
    Case(language: .c, source: "char c = '\"'; wasmtime_HIT(cfg, 1);", inCode: true),
    Case(language: .c, source: "const char *s = \"a\\\"b\"; wasmtime_HIT(cfg, 1);", inCode: true),
    Case(language: .c, source: "#define X \"s\"\nwasmtime_HIT(cfg, 1);", inCode: true),
    Case(language: .c, source: "const char *s = \"unterminated\nwasmtime_HIT(cfg, 1);", inCode: true),
    Case(language: .csharp, source: "var s = @\"a\"; c.HIT(1);", inCode: true),
    Case(language: .csharp, source: "var at = @this; c.HIT(1);", inCode: true),
    Case(language: .csharp, source: "char q = '\\''; c.HIT(1);", inCode: true),
  ]

  @Test(arguments: cases)
  func classifies(_ c: Case) {
    let bytes = Array(c.source.utf8)
    let offset = ByteSearch.occurrences(of: Array("HIT".utf8), in: bytes)
    #expect(offset.count == 1)
    let result = bytes.withUnsafeBytes { CodeRegions.anyInCode($0, offsets: offset, language: c.language) }
    #expect(result == c.inCode)
  }

  @Test func anyOfSeveralHitsInCodeIsEnough() {
    let bytes = Array("// HIT\nconfig.HIT(1);".utf8)
    let offsets = ByteSearch.occurrences(of: Array("HIT".utf8), in: bytes)
    #expect(bytes.withUnsafeBytes { CodeRegions.anyInCode($0, offsets: offsets, language: .rust) })
    #expect(!bytes.withUnsafeBytes { CodeRegions.anyInCode($0, offsets: [offsets[0]], language: .rust) })
  }
}
