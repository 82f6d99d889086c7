import CScan
import Testing
@testable import WasmfixCore
@testable import WasmfixSupport
@testable import WasmfixWorkspace
@testable import WasmfixSurfaces
@testable import WasmfixEvaluation
@testable import WasmfixAnalysis
@testable import WasmfixFixing
@testable import WasmfixReporting

/// The byte scan that decides which files the constant index parses: it must list every
/// definition (a miss hides a constant) and should skip words that merely contain a keyword.
@Suite struct DefinitionScanTests {
  func names(_ source: String, _ language: SurfaceID) -> Set<UInt64> {
    let bytes = Array(source.utf8)
    return bytes.withUnsafeBytes { raw in
      var scratch: [wf_hit] = []
      let surface = Surfaces.surface(language)!
      return Set(Prefilter.scan(surface.search, raw, language: language, scratch: &scratch).definedNames)
    }
  }

  @Test func rustConstsAndStatics() {
    let found = names("pub const MAX: usize = 1;\nstatic mut COUNT: u32 = 0;\nconst  SPACED: u8 = 2;\n", .rust)
    #expect(found.isSuperset(of: ["MAX", "COUNT", "SPACED"].map(NameHash.of)))
  }

  @Test func cDefinesConstsAndEnumerators() {
    let found = names("#define STACK (8 << 20)\n#  define\tTABBED 1\nstatic const size_t LIMIT = 4;\nenum { A = 1, B, C };\n", .c)
    #expect(found.isSuperset(of: ["STACK", "TABBED", "LIMIT", "A", "B", "C"].map(NameHash.of)))
  }

  @Test func csharpConstFields() {
    let found = names("class L { public const int MaxStack = 8 << 20; private const long Other = 1; }", .csharp)
    #expect(found.isSuperset(of: ["MaxStack", "Other"].map(NameHash.of)))
  }

  @Test func keywordsInsideOtherWordsStartNothing() {
    #expect(names("int enumerate(void) { return is_const_x = 1; }\n", .c).isEmpty)
  }

  /// The byte readers skip ahead in tight loops: the name before `=` is found backwards from
  /// it (past `[4]`, not a number), and enumerators after commas nested in calls are not names.
  @Test func arraysPointersAndNestedEnumeratorValues() {
    let found = names("static const int *const TABLE[4] = {0};\nconst size_t\n  WRAPPED\n  = 1;\nenum E {\n  A = F(1, 2),\n  /* c */ B,\n  C = (3),\n};\n", .c)
    #expect(found.isSuperset(of: ["TABLE", "WRAPPED", "A", "B", "C"].map(NameHash.of)))
    #expect(!found.contains(NameHash.of("F")) && !found.contains(NameHash.of("int")))
    #expect(names("void f(const char *name);\nconst int x;\n", .c).isEmpty)
  }
}
