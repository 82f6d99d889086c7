/// How a surface writes the code a fix inserts: values, sibling settings, comments,
/// assertions, bindings. Each surface has one (`Surface.syntax`).
protocol EditSyntax: Sendable {
  /// The documenting comment, one line per `commentLines` entry, at `indent`.
  func comment(indent: String) -> String
  /// A size the way people write them here (`8 * 1024 * 1024`, `8 << 20`, `8388608`).
  func formatValue(_ value: Int128, preferShifts: Bool) -> String
  /// The setter for a setting, as a statement on `receiver` (suffix: `?`, `.unwrap()` of old APIs).
  func statement(_ setting: Setting, value: String, receiver: String, suffix: String, apiStyleOf anchor: Site) -> String
  /// A builder-chain link: `.async_stack_size(N)`.
  func link(_ setting: Setting, value: String, like anchor: Site) -> String
  func methodName(_ setting: Setting, like anchor: Site) -> String
  /// A run-time check placed before the engine is created; nil where the surface has none.
  func runtimeAssertion(max: String, async: String, indent: String) -> String?
  /// A compile-time check of two named constants, placed after the later definition.
  func staticAssertion(max: String, async: String) -> String?
  /// Binds an expression to a local so the assertion does not evaluate it twice.
  func binding(name: String, expression: String, indent: String) -> String
  func localName(_ setting: Setting) -> String
}

/// The documenting comment's text, the same in every surface.
enum InvariantComment {
  static let lines = [
    "Wasmtime requires max_wasm_stack <= async_stack_size.",
    "Keep these values aligned when upgrading runtime dependencies.",
  ]
  /// How wasmfix recognises the comment (or an assertion) already there.
  static let marker = "max_wasm_stack <= async_stack_size"
}

/// The brace languages' syntax (Rust, C, C++, C#).
struct CodeSyntax: EditSyntax {
  let language: SurfaceID

  func comment(indent: String) -> String {
    InvariantComment.lines.map { "\(indent)// \($0)\n" }.joined()
  }

  func formatValue(_ value: Int128, preferShifts: Bool) -> String {
    ValueFormatter.format(value, language: language, preferShifts: preferShifts)
  }

  /// The setter for a setting, as a statement on `receiver` (suffix: `?`, `.unwrap()` of old APIs).
  func statement(_ setting: Setting, value: String, receiver: String, suffix: String, apiStyleOf anchor: Site) -> String {
    switch language {
    case .c, .cpp:
      let function = setting == .maxWasmStack ? "wasmtime_config_max_wasm_stack_set" : "wasmtime_config_async_stack_size_set"
      return "\(function)(\(receiver), \(value));"
    default:
      return "\(receiver).\(methodName(setting, like: anchor))(\(value))\(suffix);"
    }
  }

  /// A builder-chain link: `.async_stack_size(N)`.
  func link(_ setting: Setting, value: String, like anchor: Site) -> String {
    ".\(methodName(setting, like: anchor))(\(value))"
  }

  func methodName(_ setting: Setting, like anchor: Site) -> String {
    switch (language, setting) {
    case (.csharp, .maxWasmStack): return anchor.setting == .maxWasmStack ? anchor.apiName : "WithMaximumStackSize"
    case (.csharp, .asyncStackSize): return "WithAsyncStackSize"
    default: return setting.rawValue
    }
  }

  /// A run-time check placed before the engine is created.
  func runtimeAssertion(max: String, async: String, indent: String) -> String? {
    switch language {
    case .rust:
      return "\(indent)assert!(\(max) <= \(async), \"\(assertionMessage)\");\n"
    case .c, .cpp:
      // Not assert(): NDEBUG removes it from release builds, exactly where this fails.
      return "\(indent)if (\(max) > \(async)) {\n\(indent)    fprintf(stderr, \"\(assertionMessage)\\n\");\n\(indent)    abort();\n\(indent)}\n"
    default:
      return "\(indent)if (\(max) > \(async)) throw new System.InvalidOperationException(\"\(assertionMessage)\");\n"
    }
  }

  /// A compile-time check of two named constants, placed after the later definition.
  func staticAssertion(max: String, async: String) -> String? {
    switch language {
    case .rust: return "const _: () = assert!(\(max) <= \(async), \"\(assertionMessage)\");"
    case .c: return "_Static_assert(\(max) <= \(async), \"\(assertionMessage)\");"
    case .cpp: return "static_assert(\(max) <= \(async), \"\(assertionMessage)\");"
    default: return nil  // C# has no static assertion over const fields.
    }
  }

  /// Binds an expression to a local so the assertion does not evaluate it twice.
  func binding(name: String, expression: String, indent: String) -> String {
    switch language {
    case .rust: return "\(indent)let \(name): usize = \(expression);\n"
    case .c, .cpp: return "\(indent)size_t \(name) = \(expression);\n"
    default: return "\(indent)var \(name) = \(expression);\n"
    }
  }

  func localName(_ setting: Setting) -> String {
    switch (language, setting) {
    case (.csharp, .maxWasmStack): return "maxWasmStack"
    case (.csharp, _): return "asyncStackSize"
    default: return setting.rawValue
    }
  }
}
