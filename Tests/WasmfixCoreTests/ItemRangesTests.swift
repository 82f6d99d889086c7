import Testing
@testable import WasmfixCore
@testable import WasmfixSupport
@testable import WasmfixWorkspace
@testable import WasmfixSurfaces
@testable import WasmfixEvaluation
@testable import WasmfixAnalysis
@testable import WasmfixFixing
@testable import WasmfixReporting

/// Partial parsing relies on these ranges: each must be whole items (or a container's header
/// and closing brace), and any doubt must give nil (parse the whole file).
@Suite struct ItemRangesTests {
  func ranges(_ source: String, _ language: SurfaceID = .rust) -> [String]? {
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
    #expect(ranges("fn f() {}\nfn g() { \"HIT }\n") == nil)  // unterminated literal
    #expect(ranges("class A { void M() { c.HIT(1); }", .csharp) == nil)  // unbalanced inside a container
  }

  @Test func entersCSharpNamespacesAndClassesKeepingTheirHeaders() {
    let source = """
      using System;
      namespace App.Host {
          [Serializable]
          public static partial class Setup : Base<int> {
              const long Other = 1;
              static void Before() { }
              public static void Run() { c.HIT(1); }
              int After => 2;
          }
      }

      """
    // Siblings are left out; the closing braces are kept (the parse sees `{ ... }}}`).
    #expect(ranges(source, .csharp)?.joined()
      == "\nnamespace App.Host {\n    [Serializable]\n    public static partial class Setup : Base<int> {\n        public static void Run() { c.HIT(1); }}}")
  }

  @Test func keepsAFileScopedNamespace() {
    let source = "namespace App;\nclass A {\n  void M() { c.HIT(1); }\n  void N() { }\n}\n"
    #expect(ranges(source, .csharp) == ["namespace App;\nclass A {\n  void M() { c.HIT(1); }", "}"])
  }

  @Test func aKeywordInsideAHeaderDoesNotMakeAContainer() {
    // A generic constraint `class`, a Rust `impl Trait` return type: these are functions, taken whole.
    let csharp = "class A {\n  void M<T>() where T : class {\n    int x = 1;\n    c.HIT(x);\n  }\n}\n"
    #expect(ranges(csharp, .csharp) == ["class A {\n  void M<T>() where T : class {\n    int x = 1;\n    c.HIT(x);\n  }", "}"])
    let rust = "fn f() -> impl Iterator<Item = u8> {\n    let x = 1;\n    c.HIT(x);\n    None.into_iter()\n}\n"
    #expect(ranges(rust) == ["fn f() -> impl Iterator<Item = u8> {\n    let x = 1;\n    c.HIT(x);\n    None.into_iter()\n}"])
  }

  @Test func entersRustModulesAndImplBlocks() {
    let source = "mod host {\n    const A: u32 = 1;\n    #[cfg(test)]\n    pub(crate) impl<T> Runner<T> {\n        fn skip() {}\n        fn run() { c.HIT(A); }\n    }\n}\n"
    #expect(ranges(source)?.joined() == "mod host {\n    #[cfg(test)]\n    pub(crate) impl<T> Runner<T> {\n        fn run() { c.HIT(A); }}}")
  }

  @Test func aHitInAContainerHeaderTakesTheContainerWhole() {
    let source = "class HIT { void M() { } }\nclass B { }\n"
    #expect(ranges(source, .csharp) == ["class HIT { void M() { } }"])
  }
}
