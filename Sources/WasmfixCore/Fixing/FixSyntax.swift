/// How each language writes the code a fix inserts: calls, assertions, comments, bindings.
struct FixSyntax {
  let language: SourceLanguage

  static let commentLines = [
    "Wasmtime requires max_wasm_stack <= async_stack_size.",
    "Keep these values aligned when upgrading runtime dependencies.",
  ]

  func comment(indent: String) -> String {
    Self.commentLines.map { "\(indent)// \($0)\n" }.joined()
  }

  /// The setter for a setting, as a statement on `receiver` (suffix: `?`, `.unwrap()` of old APIs).
  func statement(_ setting: Setting, value: String, receiver: String, suffix: String, apiStyleOf anchor: Site) -> String {
    switch language {
    case .c, .cpp:
      let function = setting == .maxWasmStack ? "wasmtime_config_max_wasm_stack_set" : "wasmtime_config_async_stack_size_set"
      return "\(function)(\(receiver), \(value));"
    case .rust, .csharp:
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
  func runtimeAssertion(max: String, async: String, indent: String) -> String {
    switch language {
    case .rust:
      return "\(indent)assert!(\(max) <= \(async), \"\(assertionMessage)\");\n"
    case .c, .cpp:
      // Not assert(): NDEBUG removes it from release builds, exactly where this fails.
      return "\(indent)if (\(max) > \(async)) {\n\(indent)    fprintf(stderr, \"\(assertionMessage)\\n\");\n\(indent)    abort();\n\(indent)}\n"
    case .csharp:
      return "\(indent)if (\(max) > \(async)) throw new System.InvalidOperationException(\"\(assertionMessage)\");\n"
    }
  }

  /// A compile-time check of two named constants, placed after the later definition.
  func staticAssertion(max: String, async: String) -> String? {
    switch language {
    case .rust: return "const _: () = assert!(\(max) <= \(async), \"\(assertionMessage)\");"
    case .c: return "_Static_assert(\(max) <= \(async), \"\(assertionMessage)\");"
    case .cpp: return "static_assert(\(max) <= \(async), \"\(assertionMessage)\");"
    case .csharp: return nil  // C# has no static assertion over const fields.
    }
  }

  /// Binds an expression to a local so the assertion does not evaluate it twice.
  func binding(name: String, expression: String, indent: String) -> String {
    switch language {
    case .rust: return "\(indent)let \(name): usize = \(expression);\n"
    case .c, .cpp: return "\(indent)size_t \(name) = \(expression);\n"
    case .csharp: return "\(indent)var \(name) = \(expression);\n"
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
