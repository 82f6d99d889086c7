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

/// Table-driven evaluator tests through the real pipeline: every row becomes one source file in
/// which its expression is the argument of a `max_wasm_stack` setting call; the whole table is
/// written into one temporary tree, scanned once with `Scanner`, and each row checks the value
/// of its own site. Rows with named constants put them in the row's preamble (same file) or in
/// the shared support files below (other files, modules, headers); constant names are unique per
/// row unless a row is about names that collide.
@Suite struct EvaluatorTableTests {
  @Test(arguments: EvaluatorTable.rows)
  func row(_ row: EvaluatorTable.Row) throws {
    let scan = try EvaluatorTable.scanned.get()
    let sites = scan.sites.filter { $0.path == row.path && $0.setting == .maxWasmStack }
    try #require(sites.count == 1, "\(row): expected one max_wasm_stack site in \(row.path), found \(sites.count)")
    let site = sites[0]
    #expect(site.language == row.language.sourceLanguage, "\(row)")
    switch row.expected {
    case let .value(expected):
      #expect(site.value == .integer(expected), "\(row): expected \(expected), got \(site.value)")
    case .unresolved:
      guard case let .unresolved(reason) = site.value else {
        Issue.record("\(row): expected unresolved, got \(site.value)")
        return
      }
      #expect(!reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(row): unresolved without a reason")
    }
    if row.expectsNote {
      #expect(!site.notes.isEmpty, "\(row): resolved by name without saying so")
    }
    if let definedIn = row.definedIn {
      #expect(site.definition?.path == definedIn, "\(row): definition \(site.definition?.location ?? "nil"), expected in \(definedIn)")
    }
  }

  /// The unsigned rows say why: overflow, not just "unresolved" (issue 10).
  @Test func unsignedUnderflowIsReportedAsOverflow() throws {
    let scan = try EvaluatorTable.scanned.get()
    let rows = EvaluatorTable.rows.filter { $0.id.hasPrefix("underflow_") }
    #expect(rows.count == 7)
    for row in rows {
      let site = scan.sites.first { $0.path == row.path && $0.setting == .maxWasmStack }
      guard case let .unresolved(reason)? = site?.value else {
        Issue.record("\(row): \(String(describing: site?.value))")
        continue
      }
      #expect(reason.contains("arithmetic overflow"), "\(row): \(reason)")
    }
  }

  @Test func tableCoversEveryLanguage() {
    let rows = EvaluatorTable.rows
    #expect(rows.count >= 70)
    for language in EvaluatorTable.Language.allCases {
      #expect(rows.filter { $0.language == language }.count >= 20, "\(language) has fewer than 20 rows")
    }
    #expect(Set(rows.map { "\($0.language)/\($0.id)" }).count == rows.count, "row ids must be unique per language")
    #expect(Set(rows.map(\.path)).count == rows.count, "row files must be distinct")
  }

  /// Support files hold no setting call; every site found belongs to exactly one row.
  @Test func everySiteBelongsToARow() throws {
    let scan = try EvaluatorTable.scanned.get()
    let rowPaths = Set(EvaluatorTable.rows.map(\.path))
    let stray = scan.sites.filter { !rowPaths.contains($0.path) }.map(\.location)
    #expect(stray.isEmpty, "sites outside the table's row files: \(stray)")
    #expect(scan.skipped.isEmpty, "skipped: \(scan.skipped.map(\.path))")
  }
}

enum EvaluatorTable {
  enum Language: String, CaseIterable, Sendable {
    case rust, c, csharp
    var sourceLanguage: SurfaceID {
      switch self {
      case .rust: return .rust
      case .c: return .c
      case .csharp: return .csharp
      }
    }
  }

  enum Expected: Sendable {
    case value(Int128)
    case unresolved
  }

  struct Row: Sendable, CustomStringConvertible, CustomTestStringConvertible {
    var id: String
    var language: Language
    var preamble: String
    var expression: String
    var expected: Expected
    /// The whole file with `{PRE}` and `{EXPR}` placeholders; nil uses the language's default.
    var template: String?
    /// Path relative to the scan root; nil puts the row at its language's default place.
    var file: String?
    /// For cross-file rows: the file the site's `definition` must name.
    var definedIn: String?
    /// Resolved by name among several definitions: the site must carry a note saying so.
    var expectsNote = false

    var path: String {
      if let file { return file }
      switch language {
      case .rust: return "rust/src/row_\(id).rs"
      case .c: return "c/src/row_\(id).c"
      case .csharp: return "csharp/Row_\(id).cs"
      }
    }

    var source: String {
      let template = self.template ?? EvaluatorTable.defaultTemplates[language]!
      return template.replacingOccurrences(of: "{PRE}", with: preamble).replacingOccurrences(of: "{EXPR}", with: expression)
    }

    func noted() -> Row {
      var row = self
      row.expectsNote = true
      return row
    }

    var description: String { "[\(language.rawValue)] \(id): `\(expression)`" }
    var testDescription: String { description }
  }

  static let defaultTemplates: [Language: String] = [
    .rust: "use wasmtime::Config;\n{PRE}\nfn f(c: &mut Config) { c.max_wasm_stack({EXPR}); }\n",
    .c: "#include <wasmtime.h>\n{PRE}\nvoid f(wasm_config_t *c) { wasmtime_config_max_wasm_stack_set(c, {EXPR}); }\n",
    .csharp: "using Wasmtime;\n\nclass P {\n{PRE}\n  void M(Config c) { c.WithMaximumStackSize({EXPR}); }\n}\n",
  ]

  static let u64Max = Int128(UInt64.max)

  static func rs(_ id: String, _ expression: String, _ expected: Expected, pre: String = "", template: String? = nil,
                 file: String? = nil, definedIn: String? = nil) -> Row {
    Row(id: id, language: .rust, preamble: pre, expression: expression, expected: expected, template: template,
        file: file, definedIn: definedIn)
  }

  static func c(_ id: String, _ expression: String, _ expected: Expected, pre: String = "", template: String? = nil,
                file: String? = nil, definedIn: String? = nil) -> Row {
    Row(id: id, language: .c, preamble: pre, expression: expression, expected: expected, template: template,
        file: file, definedIn: definedIn)
  }

  static func cs(_ id: String, _ expression: String, _ expected: Expected, pre: String = "", template: String? = nil,
                 file: String? = nil, definedIn: String? = nil) -> Row {
    Row(id: id, language: .csharp, preamble: pre, expression: expression, expected: expected, template: template,
        file: file, definedIn: definedIn)
  }

  // MARK: - Support files (constants defined outside the row files)

  static let supportFiles: [String: String] = [
    // rs_crate_path, rs_crate_path_chain, rs_use_path: `crate::limits::...`.
    "rust/src/limits.rs": """
      pub const KIB_L: usize = 1024;
      pub const MAX: usize = 7 << 20;
      pub const CHAIN_STACK: usize = 640 * KIB_L;
      pub const USED_STACK: usize = 3 * 1024 * 1024;
      """,
    // A second `MAX` in another module: qualified paths must pick the right one.
    "rust/src/other_limits.rs": "pub const MAX: usize = 1 << 20;\n",
    // rs_super: the row file is src/engine/setup.rs.
    "rust/src/engine/mod.rs": "pub mod setup;\npub const SUPER_STACK: usize = 9 << 20;\n",
    // rs_ambiguous_different / rs_ambiguous_equal.
    "rust/src/amb_one.rs": "pub const AMB_STACK: usize = 1 << 20;\npub const EQ_STACK: usize = 4 << 20;\n",
    "rust/src/amb_two.rs": "pub const AMB_STACK: usize = 2 << 20;\npub const EQ_STACK: usize = 4_194_304;\n",

    // c_header_define, c_header_chain, c_header_static_const: a header in another folder.
    "c/include/wasm_limits.h": """
      #ifndef WASM_LIMITS_H
      #define WASM_LIMITS_H
      #include <stdint.h>
      #define HDR_STACK (5u << 20)
      #define HDR_KIB 1024
      #define HDR_CHAIN (HDR_KIB * 768)
      static const uint64_t HDR_CONST = 2 * 1024 * 1024;
      #endif
      """,
    // c_ambiguous_different / c_ambiguous_equal.
    "c/include/amb_a.h": "#define AMB_C_STACK (1 << 20)\n#define EQ_C_STACK (4 << 20)\n",
    "c/include/amb_b.h": "#define AMB_C_STACK (2 << 20)\n#define EQ_C_STACK 4194304\n",

    // cs_other_file, cs_other_file_namespace: `Limits.MaxStack` defined via another const.
    "csharp/Limits.cs": """
      namespace App
      {
          public static class Limits
          {
              public const int KiB = 1024;
              public const int MaxStack = 768 * KiB;
          }
      }
      """,
    // Another `MaxStack`, so the class qualifier matters.
    "csharp/OtherLimits.cs": "namespace App.Other { public static class OtherLimits { public const int MaxStack = 1 << 20; } }\n",
    // cs_ambiguous_different / cs_ambiguous_equal / cs_qualified_amb.
    "csharp/AmbOne.cs": "static class AmbOne { public const int AmbStack = 1 << 20; public const int EqStack = 4 << 20; }\n",
    "csharp/AmbTwo.cs": "static class AmbTwo { public const int AmbStack = 2 << 20; public const int EqStack = 4194304; }\n",
  ]

  // MARK: - Rows

  static let rows: [Row] = rustRows + cRows + csharpRows

  static let rustRows: [Row] = [
    // Literals.
    rs("decimal", "8388608", .value(8_388_608)),
    rs("hex", "0x80_0000", .value(8_388_608)),
    rs("hex_suffix", "0x10_0000usize", .value(1_048_576)),
    rs("octal", "0o40000000", .value(8_388_608)),
    rs("binary", "0b1000_0000_0000_0000_0000_0000", .value(8_388_608)),
    rs("separators", "8_388_608", .value(8_388_608)),
    rs("suffix_usize", "4_194_304usize", .value(4_194_304)),
    rs("suffix_u64", "2097152u64 as usize", .value(2_097_152)),
    rs("suffix_u32_underscore", "1_048_576_u32 as usize", .value(1_048_576)),
    // Operators, precedence, parentheses.
    rs("arith", "2 * 1024 * 1024 + 512 * 1024 - 4096", .value(2_617_344)),
    rs("div_rem", "(10 << 20) / 3 % 4096", .value(1365)),
    rs("shift", "1 << 20", .value(1_048_576)),
    rs("shift_right", "(64 << 20) >> 3", .value(8_388_608)),
    rs("bit_precedence", "0x00F0_0000 & 0x0FF0_0000 | 0x1000 ^ 0x3000", .value(15_736_832)),
    rs("not_all_ones", "!0usize", .value(u64Max)),
    rs("not_mask", "((9 << 20) + 12345) & !0xFFF", .value(9_449_472)),
    rs("shift_below_add", "1 + 2 * 3 << 20", .value(7_340_032)),
    rs("parens", "(1 + 2) * (3 << 20)", .value(9_437_184)),
    // Casts and limits.
    rs("cast_usize", "(8 * 1024 * 1024) as usize", .value(8_388_608)),
    rs("cast_u32_wraps", "0x1_0000_1000u64 as u32 as usize", .value(4096)),
    rs("usize_max", "usize::MAX", .value(u64Max)),
    rs("u32_max", "u32::MAX as usize", .value(4_294_967_295)),
    rs("std_u32_max", "std::u32::MAX as usize", .value(4_294_967_295)),
    rs("u32_max_widened_plus_one", "u32::MAX as usize + 1", .value(4_294_967_296)),
    rs("not_u32", "!0u32 as usize", .value(4_294_967_295)),
    // Saturating arithmetic saturates at u64::MAX.
    rs("saturating_add_max", "usize::MAX.saturating_add(1)", .value(u64Max)),
    rs("saturating_mul_max", "(1usize << 40).saturating_mul(1 << 30)", .value(u64Max)),
    rs("saturating_mul_fits", "8usize.saturating_mul(1 << 20)", .value(8_388_608)),
    rs("saturating_add_const", "SAT_BASE.saturating_add(SAT_BASE)", .value(2_097_152),
       pre: "const SAT_BASE: usize = 1 << 20;"),
    // Named constants.
    rs("const_same_file", "STACK_A", .value(3_145_728), pre: "const STACK_A: usize = 3 << 20;"),
    rs("static_item", "STACK_S", .value(5_242_880), pre: "static STACK_S: usize = 5 * 1024 * 1024;"),
    rs("const_chain", "STACK_C", .value(6_291_456),
       pre: "const KIB_C: usize = 1024;\nconst MIB_C: usize = KIB_C * KIB_C;\nconst STACK_C: usize = 6 * MIB_C;"),
    rs("const_in_expression", "BASE_E * 2 + 4096", .value(2_101_248), pre: "const BASE_E: usize = 1 << 20;"),
    rs("const_in_fn", "LOCAL_FN", .value(12_582_912),
       template: "use wasmtime::Config;\nfn f(c: &mut Config) {\n    const LOCAL_FN: usize = 12 << 20;\n    c.max_wasm_stack({EXPR});\n}\n"),
    rs("crate_path", "crate::limits::MAX", .value(7_340_032), definedIn: "rust/src/limits.rs"),
    rs("crate_path_other_module", "crate::other_limits::MAX", .value(1_048_576), definedIn: "rust/src/other_limits.rs"),
    rs("crate_path_chain", "crate::limits::CHAIN_STACK", .value(655_360), definedIn: "rust/src/limits.rs"),
    rs("use_path", "USED_STACK", .value(3_145_728), pre: "use crate::limits::USED_STACK;", definedIn: "rust/src/limits.rs"),
    rs("self_path", "self::SELF_S", .value(2_097_152), pre: "const SELF_S: usize = 1 << 21;"),
    rs("inline_mod", "self::sizes::INNER", .value(1_572_864), pre: "mod sizes {\n    pub const INNER: usize = 3 << 19;\n}"),
    rs("super_path", "super::SUPER_STACK", .value(9_437_184), file: "rust/src/engine/setup.rs",
       definedIn: "rust/src/engine/mod.rs"),
    rs("impl_const", "Limits::MAX", .value(10_485_760),
       pre: "struct Limits;\nimpl Limits {\n    const MAX: usize = 10 << 20;\n}"),
    rs("impl_const_self", "Self::IMPL_SELF_STACK", .value(11_534_336),
       template: """
         use wasmtime::Config;
         struct Engine2;
         impl Engine2 {
             const IMPL_SELF_STACK: usize = 11 << 20;
             fn f(c: &mut Config) { c.max_wasm_stack({EXPR}); }
         }

         """),
    rs("cycle", "CYC_A", .unresolved, pre: "const CYC_A: usize = CYC_B;\nconst CYC_B: usize = CYC_A;"),
    rs("ambiguous_different", "AMB_STACK", .unresolved),
    rs("ambiguous_equal", "EQ_STACK", .value(4_194_304)).noted(),
    // Not compile-time constants, or not representable.
    rs("overflow_add", "usize::MAX + 1", .unresolved),
    rs("overflow_shift", "1usize << 64", .unresolved),
    rs("div_zero", "(8 << 20) / 0", .unresolved),
    // i64::MIN / -1 overflows 64-bit signed arithmetic; it is not 2^63 (issue 10).
    rs("div_min_by_minus_one", "(i64::MIN / -1) as usize", .unresolved),
    rs("rem_min_by_minus_one", "(i64::MIN % -1) as usize", .unresolved),
    // `1 - 2` where the type is unsigned is an overflow, not a wrapped value (issue 10).
    rs("underflow_argument", "1 - 2", .unresolved),
    rs("underflow_suffix", "1usize - 2", .unresolved),
    rs("underflow_usize_const", "UNDER_USIZE", .unresolved, pre: "const UNDER_USIZE: usize = 1 - 2;"),
    rs("underflow_u64_const", "UNDER_U64 as usize", .unresolved, pre: "const UNDER_U64: u64 = 4 - 8;"),
    rs("signed_const_negative_cast", "NEG_I64 as usize", .value(u64Max), pre: "const NEG_I64: i64 = 1 - 2;"),
    rs("rem_zero", "10 % 0", .unresolved),
    rs("param", "stack_param", .unresolved,
       template: "use wasmtime::Config;\nfn f(c: &mut Config, stack_param: usize) { c.max_wasm_stack({EXPR}); }\n"),
    rs("struct_field", "o.stack", .unresolved,
       template: "use wasmtime::Config;\nstruct Opts { stack: usize }\nfn f(c: &mut Config, o: &Opts) { c.max_wasm_stack({EXPR}); }\n"),
    rs("env_var", "std::env::var(\"WASM_STACK\").unwrap().parse::<usize>().unwrap()", .unresolved),
    rs("method_call", "opts.stack_size()", .unresolved,
       template: "use wasmtime::Config;\nfn f(c: &mut Config, opts: &Opts) { c.max_wasm_stack({EXPR}); }\n"),
    rs("fn_call", "default_stack()", .unresolved),
    rs("try_expr", "parse_size(\"8M\")?", .unresolved,
       template: "use wasmtime::Config;\nfn f(c: &mut Config) -> anyhow::Result<()> {\n    c.max_wasm_stack({EXPR});\n    Ok(())\n}\n"),
    rs("macro", "mb!(8)", .unresolved),
  ]

  static let cRows: [Row] = [
    // Literals.
    c("decimal", "8388608", .value(8_388_608)),
    c("zero", "0", .value(0)),
    c("hex", "0x800000", .value(8_388_608)),
    c("hex_upper", "0XA00000", .value(10_485_760)),
    c("octal", "040000000", .value(8_388_608)),
    c("binary", "0b100000000000000000000", .value(1_048_576)),
    c("digit_separators_c23", "1'048'576", .value(1_048_576)),
    c("suffix_u", "8u << 20", .value(8_388_608)),
    c("suffix_UL", "0x800000UL", .value(8_388_608)),
    c("suffix_ULL", "4ULL * 1024 * 1024", .value(4_194_304)),
    c("suffix_ull", "2ull << 20", .value(2_097_152)),
    c("suffix_lu", "1024lu * 1024", .value(1_048_576)),
    // Operators, precedence, parentheses.
    c("arith", "2 * 1024 * 1024 + 512 * 1024 - 4096", .value(2_617_344)),
    c("div_rem", "(10 << 20) / 3 % 4096", .value(1365)),
    c("shift", "1 << 20", .value(1_048_576)),
    c("bit_precedence", "0x00F00000 & 0x0FF00000 | 0x1000 ^ 0x3000", .value(15_736_832)),
    c("complement_ull", "~0ULL", .value(u64Max)),
    c("complement_mask", "((9 << 20) + 12345) & ~0xFFF", .value(9_449_472)),
    c("complement_unsigned_int", "~0u", .value(4_294_967_295)),
    c("shift_below_add", "1 + 2 * 3 << 20", .value(7_340_032)),
    c("parens", "(1 + 2) * (3 << 20)", .value(9_437_184)),
    c("negative_wraps_to_size_t", "-1", .value(u64Max)),
    c("minus_without_space", "8388608 -1", .value(8_388_607)),
    // Casts and limits.
    c("cast_size_t", "(size_t)8 << 20", .value(8_388_608)),
    c("cast_size_t_complement", "~(size_t)0", .value(u64Max)),
    c("cast_size_t_minus_one", "(size_t)-1", .value(u64Max)),
    c("cast_uint32_wraps", "(uint32_t)0x100001000ULL", .value(4096)),
    c("cast_int", "(int)(4 * 1024 * 1024)", .value(4_194_304)),
    c("size_max", "SIZE_MAX", .value(u64Max)),
    c("size_max_mask", "SIZE_MAX & ~0xFFF", .value(18_446_744_073_709_547_520)),
    c("uint32_max", "UINT32_MAX", .value(4_294_967_295)),
    // Named constants.
    c("define", "WASM_STACK_D", .value(8_388_608), pre: "#define WASM_STACK_D (8 << 20)"),
    c("define_chain", "STACK_D", .value(6_291_456),
      pre: "#define KIB_D 1024\n#define MIB_D (KIB_D * KIB_D)\n#define STACK_D (6 * MIB_D)"),
    c("define_in_expression", "BASE_D * BASE_D * 2", .value(2_097_152), pre: "#define BASE_D 1024"),
    c("define_cast_body", "U32_STACK", .value(1_048_576), pre: "#define U32_STACK ((uint32_t)(1u << 20))"),
    c("header_define", "HDR_STACK", .value(5_242_880), pre: "#include \"../include/wasm_limits.h\"",
      definedIn: "c/include/wasm_limits.h"),
    c("header_chain", "HDR_CHAIN", .value(786_432), pre: "#include \"../include/wasm_limits.h\"",
      definedIn: "c/include/wasm_limits.h"),
    c("header_static_const", "HDR_CONST", .value(2_097_152), pre: "#include \"../include/wasm_limits.h\"",
      definedIn: "c/include/wasm_limits.h"),
    c("static_const", "SC_STACK", .value(3_145_728), pre: "static const size_t SC_STACK = 3 * 1024 * 1024;"),
    c("enum_implicit_after_expr", "E_NEXT", .value(1_048_577),
      pre: "enum { E_SMALL = 1 << 20, E_NEXT, E_BIG = 4096, E_AFTER };"),
    c("enum_implicit_after_literal", "F_AFTER", .value(4097),
      pre: "enum { F_SMALL = 1 << 20, F_NEXT, F_BIG = 4096, F_AFTER };"),
    c("enum_from_zero", "S2 * (1 << 20)", .value(2_097_152), pre: "enum sizes { S0, S1, S2 };"),
    c("cycle", "CYC_X", .unresolved, pre: "#define CYC_X CYC_Y\n#define CYC_Y CYC_X"),
    c("ambiguous_different", "AMB_C_STACK", .unresolved),
    c("ambiguous_equal", "EQ_C_STACK", .value(4_194_304)).noted(),
    // Not compile-time constants, or not representable.
    c("overflow_add", "SIZE_MAX + 1", .unresolved),
    c("underflow_suffix", "1u - 2", .unresolved),
    c("underflow_size_t_const", "UNDER_SIZE_T", .unresolved, pre: "static const size_t UNDER_SIZE_T = 1 - 2;"),
    c("underflow_unsigned_const", "UNDER_UNSIGNED", .unresolved, pre: "const unsigned UNDER_UNSIGNED = 1 - 2;"),
    c("signed_const_negative_wraps", "NEG_INT", .value(u64Max), pre: "const int NEG_INT = 1 - 2;"),
    c("overflow_shift", "1ULL << 64", .unresolved),
    c("div_zero", "(8 << 20) / 0", .unresolved),
    c("param", "stack_param", .unresolved,
      template: "void f(wasm_config_t *c, size_t stack_param) { wasmtime_config_max_wasm_stack_set(c, {EXPR}); }\n"),
    c("struct_field", "o->stack", .unresolved,
      template: "struct opts { size_t stack; };\nvoid f(wasm_config_t *c, const struct opts *o) { wasmtime_config_max_wasm_stack_set(c, {EXPR}); }\n"),
    c("mutable_global", "g_stack", .unresolved, pre: "size_t g_stack = 1 << 20;"),
    c("getenv", "getenv(\"WASM_STACK\")", .unresolved),
    c("getenv_atoi", "(size_t)atoi(getenv(\"WASM_STACK\"))", .unresolved),
    c("fn_call", "default_stack()", .unresolved),
  ]

  static let csharpRows: [Row] = [
    // Literals.
    cs("decimal", "8388608", .value(8_388_608)),
    cs("hex", "0x80_0000", .value(8_388_608)),
    cs("hex_upper", "0X800000", .value(8_388_608)),
    cs("binary", "0b1000_0000_0000_0000_0000", .value(524_288)),
    cs("separators", "8_388_608", .value(8_388_608)),
    cs("suffix_L", "8L << 20", .value(8_388_608)),
    cs("suffix_UL", "0x80_0000UL", .value(8_388_608)),
    cs("suffix_u", "1024u * 1024", .value(1_048_576)),
    cs("suffix_lower_ul", "2ul << 20", .value(2_097_152)),
    // Operators, precedence, parentheses.
    cs("arith", "2 * 1024 * 1024 + 512 * 1024 - 4096", .value(2_617_344)),
    cs("div_rem", "(10 << 20) / 3 % 4096", .value(1365)),
    cs("shift", "1 << 20", .value(1_048_576)),
    cs("bit_precedence", "0x00F00000 & 0x0FF00000 | 0x1000 ^ 0x3000", .value(15_736_832)),
    cs("complement_mask", "((9 << 20) + 12345) & ~0xFFF", .value(9_449_472)),
    cs("complement_int", "~0", .value(-1)),
    cs("complement_uint", "~0u", .value(4_294_967_295)),
    cs("shift_below_add", "1 + 2 * 3 << 20", .value(7_340_032)),
    cs("parens", "(1 + 2) * (3 << 20)", .value(9_437_184)),
    // Casts and limits.
    cs("cast_int", "(int)(8L * 1024 * 1024)", .value(8_388_608)),
    cs("unchecked_cast_wraps", "unchecked((int)0x1_0000_1000L)", .value(4096)),
    cs("int_max", "int.MaxValue", .value(2_147_483_647)),
    cs("int32_max", "Int32.MaxValue", .value(2_147_483_647)),
    cs("system_int32_max", "System.Int32.MaxValue", .value(2_147_483_647)),
    cs("uint_max", "uint.MaxValue", .value(4_294_967_295)),
    cs("long_max", "long.MaxValue", .value(9_223_372_036_854_775_807)),
    // Named constants.
    cs("const_member", "StackC", .value(3_145_728), pre: "  const int StackC = 3 << 20;"),
    cs("const_chain", "StackChainC", .value(6_291_456),
       pre: "  const int KiBC = 1024;\n  const int MiBC = KiBC * KiBC;\n  const int StackChainC = 6 * MiBC;"),
    cs("const_long_cast", "(int)BigL", .value(16_777_216), pre: "  const long BigL = 16L << 20;"),
    cs("const_class_qualified", "P.StackQ", .value(2_097_152), pre: "  public const int StackQ = 2 << 20;"),
    cs("const_local", "LocalStack", .value(2_097_152),
       template: "using Wasmtime;\n\nclass P {\n  void M(Config c) {\n    const int LocalStack = 2 << 20;\n    c.WithMaximumStackSize({EXPR});\n  }\n}\n"),
    cs("other_file", "Limits.MaxStack", .value(786_432), definedIn: "csharp/Limits.cs"),
    cs("other_file_namespace", "App.Limits.MaxStack", .value(786_432), definedIn: "csharp/Limits.cs"),
    cs("other_file_other_class", "OtherLimits.MaxStack", .value(1_048_576), definedIn: "csharp/OtherLimits.cs"),
    cs("qualified_picks_class", "AmbTwo.AmbStack", .value(2_097_152), definedIn: "csharp/AmbTwo.cs"),
    cs("cycle", "CycA", .unresolved, pre: "  const int CycA = CycB;\n  const int CycB = CycA;"),
    cs("ambiguous_different", "AmbStack", .unresolved, pre: "  // using static AmbOne / AmbTwo elsewhere"),
    cs("ambiguous_equal", "EqStack", .value(4_194_304)).noted(),
    // Not compile-time constants, or not representable.
    cs("overflow_add", "ulong.MaxValue + 1", .unresolved),
    cs("div_zero", "(8 << 20) / 0", .unresolved),
    cs("param", "stackParam", .unresolved,
       template: "using Wasmtime;\n\nclass P {\n  void M(Config c, int stackParam) { c.WithMaximumStackSize({EXPR}); }\n}\n"),
    cs("static_readonly", "ReadonlyStack", .unresolved, pre: "  static readonly int ReadonlyStack = 1 << 20;"),
    cs("instance_field", "this.stack", .unresolved, pre: "  int stack = 1 << 20;"),
    cs("env_var", "int.Parse(Environment.GetEnvironmentVariable(\"WASM_STACK\"))", .unresolved),
    cs("env_var_bare", "Environment.GetEnvironmentVariable(\"WASM_STACK\")", .unresolved),
    cs("method_call", "GetStackSize()", .unresolved),
    cs("property", "settings.StackSize", .unresolved,
       template: "using Wasmtime;\n\nclass P {\n  void M(Config c, Settings settings) { c.WithMaximumStackSize({EXPR}); }\n}\n"),
  ]

  // MARK: - The shared scan

  /// Every row and support file written to one temporary tree, scanned once, the tree removed.
  static let scanned: Result<ScanResult, Error> = Result {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-eval-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    var files = supportFiles
    for row in rows {
      precondition(files[row.path] == nil, "duplicate file \(row.path)")
      files[row.path] = row.source
    }
    for (relative, contents) in files {
      let url = URL(fileURLWithPath: root + "/" + relative)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try contents.write(to: url, atomically: false, encoding: .utf8)
    }
    var options = ScanOptions()
    options.paths = [root]
    options.root = root
    return try Scanner(options: options).scan()
  }
}
