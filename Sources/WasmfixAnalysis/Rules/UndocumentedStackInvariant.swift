import WasmfixEvaluation
/// WF006: a valid explicit pair without the comment and assertion that keep it valid (--harden).
enum UndocumentedStackInvariant: Rule {
  static let id = RuleID(code: "WF006", name: "undocumented-stack-invariant")
  static let severity = Severity.note
  static let fixable = true
  static let explanation = """
    # WF006 undocumented-stack-invariant (note, only with --harden)

    ## What it checks
    A configuration that sets both values explicitly and validly, but carries neither the
    documenting comment nor an assertion of `max_wasm_stack <= async_stack_size`.

    ## Why it matters
    The next person to raise `max_wasm_stack` (a deeper recursion, a new guest) will not know
    the async stack must follow.

    ## How the fix works
    `--harden` adds the documenting comment above the configuration and an assertion:
    compile-time where both values are named constants, run-time otherwise.
    """
  static let examples: [RuleExample] = [
    .triggers(.rust, "config.max_wasm_stack(1 << 20);\nconfig.async_stack_size(2 << 20);\n",
              fixed: "// Wasmtime requires max_wasm_stack <= async_stack_size.\n", arguments: ["--harden"]),
    .passes(.rust, "// Wasmtime requires max_wasm_stack <= async_stack_size.\n// Keep these values aligned when upgrading runtime dependencies.\nconfig.max_wasm_stack(1 << 20);\nconfig.async_stack_size(2 << 20);\n",
            arguments: ["--harden"]),
    .triggers(.c, "wasmtime_config_max_wasm_stack_set(config, 1 << 20);\nwasmtime_config_async_stack_size_set(config, 2 << 20);\n",
              fixed: "// Wasmtime requires max_wasm_stack <= async_stack_size.\n// Keep these values aligned when upgrading runtime dependencies.\n", arguments: ["--harden"]),
  ]

  static func check(_ group: EngineGroup, in context: RuleContext) -> [Finding] {
    guard context.harden, group.maxWasmStack.source == .explicit, group.asyncStackSize.source == .explicit,
          let max = group.maxWasmStack.value, let async = group.asyncStackSize.value, max <= async, max > 0,
          !group.isDocumented else { return [] }
    let message = "max_wasm_stack \(ValueDescription.bytes(max)) <= async_stack_size \(ValueDescription.bytes(async)) holds, but nothing says it must keep holding; --harden adds the comment and an assertion"
    return [finding(group, at: anchor(group), in: context, message: message)]
  }

  /// The comment is added for every edited group; a compile-time assertion where both values
  /// are named constants.
  static func fix(_ context: inout FixContext) -> FixOutcome {
    context.insertStaticAssertionIfConstants()
    return .fixed("document the invariant")
  }
}
