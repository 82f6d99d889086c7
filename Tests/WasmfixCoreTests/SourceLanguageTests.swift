import Testing
@testable import WasmfixCore

/// The walker decides by `SourceLanguage(path:)` which files it hands out; it must agree with
/// the extension rule everywhere else (`SourceLanguage(pathExtension:)`).
@Suite struct SourceLanguageTests {
  @Test(arguments: [
    ("src/main.rs", SourceLanguage.rust), ("a.c", .c), ("include/wasmtime.h", .c), ("App/Program.cs", .csharp),
    ("main.rs.bak", nil), ("Makefile", nil), ("dir.rs/file", nil), (".rs", .rust), ("x.cc", nil), ("x.hpp", nil),
    ("x.RS", nil), ("rs", nil), ("", nil), ("a.", nil), ("ünïcode/ß.cs", .csharp), ("a/.c", .c), ("x.csx", nil),
  ] as [(String, SourceLanguage?)])
  func languageByPath(_ path: String, _ expected: SourceLanguage?) {
    #expect(SourceLanguage(path: path) == expected)
    #expect(SourceLanguage(pathExtension: Self.pathExtension(path)) == expected)
  }

  /// The extension as a String: the simple rule `SourceLanguage(path:)` must agree with.
  static func pathExtension(_ path: String) -> String {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains(Character("/")) else { return "" }
    return String(path[path.index(after: dot)...])
  }
}
