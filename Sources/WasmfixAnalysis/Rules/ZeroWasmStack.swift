import WasmfixEvaluation
/// WF004: max_wasm_stack is zero, which Wasmtime rejects outright.
enum ZeroWasmStack: Rule {
  static let id = RuleID(code: "WF004", name: "zero-wasm-stack")
  static let severity = Severity.error
  static let fixable = true
  static let explanation = """
    # WF004 zero-wasm-stack (error)

    ## What it checks
    A `max_wasm_stack` that evaluates to 0.

    ## Why Wasmtime rejects it
    Wasm code needs some stack; `Config::validate` fails with
    `max_wasm_stack size cannot be zero` (0.39+; earlier the setter itself failed with
    `wasm stack size cannot be zero`), whatever the async settings.

    ## How the fix works
    The value is set to the version's default (512 KiB from 0.35, 1 MiB before), and the
    finding says so: if you meant "no limit", there is no such setting.
    """
  static let examples: [RuleExample] = [
    .triggers(.rust, "config.max_wasm_stack(0);\n", fixed: "config.max_wasm_stack(512 * 1024);\n"),
    .passes(.rust, "config.max_wasm_stack(512 * 1024);\n"),
    .triggers(SurfaceID("toml"), "[wasm]\nmax-wasm-stack = 0\n", fixed: "max-wasm-stack = 524288\n", version: "30.0.0"),
    .triggers(.c, "wasmtime_config_max_wasm_stack_set(config, 0);\n", fixed: "wasmtime_config_max_wasm_stack_set(config, 512 * 1024);\n"),
    .triggers(.csharp, "config.WithMaximumStackSize(0);\n", fixed: "config.WithMaximumStackSize(512 * 1024);\n"),
  ]

  static func check(_ group: EngineGroup, in context: RuleContext) -> [Finding] {
    guard group.maxWasmStack.source == .explicit, group.maxWasmStack.value == 0 else { return [] }
    let fallback = ValueDescription.bytes(Int128(WasmtimeFacts.defaultMaxWasmStack(group.version.version)))
    let message = "max_wasm_stack is 0, which Wasmtime rejects (max_wasm_stack size cannot be zero); the fix sets the Wasmtime \(group.version.version) default \(fallback)"
    return [finding(group, at: group.maxWasmStack.siteIndex, in: context, message: message)]
  }

  static func fix(_ context: inout FixContext) -> FixOutcome {
    let fallback = Int128(WasmtimeFacts.defaultMaxWasmStack(context.group.version.version))
    guard context.setValue(.maxWasmStack, to: fallback) else { return .refused("cannot rewrite this max_wasm_stack") }
    context.plannedMax = fallback
    return .fixed("set max_wasm_stack to the default")
  }
}
