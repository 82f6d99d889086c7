import Testing
@testable import WasmfixCore

/// Partial parsing relies on these ranges: each must be whole top-level items, and any doubt
/// must give nil (parse the whole file).
@Suite struct ItemRangesTests {
  func ranges(_ source: String, _ language: SourceLanguage = .rust) -> [String]? {
    let bytes = Array(source.utf8)
    let hits = ByteSearch.occurrences(of: Array("HIT".utf8), in: bytes)
    return bytes.withUnsafeBytes { raw in
      ItemRanges.enclosing(hits, in: raw, language: language)?.map { String(decoding: bytes[$0], as: UTF8.self) }
    }
  }

  @Test func takesTheWholeFunctionAroundAHit() {
    let source = "use a::b;\n\nfn one() { x(); }\n\n/// Doc.\nfn two() {\n    c.HIT(1);\n}\nfn three() {}\n"
    #expect(ranges(source) == ["\n\n/// Doc.\nfn two() {\n    c.HIT(1);\n}"])
  }

  @Test func mergesAdjacentItemsAndKeepsOrder() {
    let source = "fn a() { HIT(); }\nfn b() { HIT(); }\nfn c() {}\n"
    #expect(ranges(source) == ["fn a() { HIT(); }\nfn b() { HIT(); }"])
  }

  @Test func bracesInStringsCommentsAndCharsDoNotCount() {
    let source = "fn a() { let s = \"}\"; let c = '}'; /* } */ // }\n HIT(); }\nfn b() {}\n"
    #expect(ranges(source) == ["fn a() { let s = \"}\"; let c = '}'; /* } */ // }\n HIT(); }"])
  }

  @Test func semicolonsInsideBracketsDoNotEndAnItem() {
    let source = "static A: [u8; 2] = [1, 2];\nfn f() { HIT(); }\n"
    #expect(ranges(source) == ["\nfn f() { HIT(); }"])
  }

  @Test func cPreprocessorLinesAreTheirOwnItems() {
    let source = "#define OPEN {\nvoid f(void) {\n  wasmtime_HIT(c, 1);\n}\n"
    #expect(ranges(source, .c) == ["\nvoid f(void) {\n  wasmtime_HIT(c, 1);\n}"])
  }

  @Test func doubtMeansNil() {
    #expect(ranges("fn f() { HIT(); \n") == nil)         // unbalanced
    #expect(ranges("fn f() {}\nHIT") == nil)             // hit after the last item
    #expect(ranges("class A { void M() { c.HIT(1); } }", .csharp) == nil)  // C# nests members
  }
}
