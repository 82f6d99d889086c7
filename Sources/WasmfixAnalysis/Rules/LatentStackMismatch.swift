import WasmfixEvaluation
/// WF005: max > async, but this Wasmtime does not check it for this configuration today.
enum LatentStackMismatch: Rule {
  static let id = RuleID(code: "WF005", name: "latent-stack-mismatch")
  static let severity = Severity.warning
  static let fixable = true
  static let explanation = """
    # WF005 latent-stack-mismatch (warning)

    ## What it checks
    The effective `max_wasm_stack` is greater than the effective `async_stack_size`, but the
    Wasmtime version in use does not check it for this configuration: on 12.0-41.x the check
    runs only with `async_support(true)`; on 42-46.x only when the `async` (or
    `stack-switching`) Cargo feature is compiled in.

    ## Why it matters
    It fails as soon as async is enabled (often only in CI, or pulled in by another crate's
    features) or on the upgrade to Wasmtime 47, where the check became unconditional
    (dfinity/ic hit exactly this on 46 -> 47).

    ## How the fix works
    Like WF001: raise `async_stack_size` to `max_wasm_stack + headroom`. It never lowers
    `max_wasm_stack`, not even with `--strategy lower-max`: the guest would lose stack it runs
    with today for a check that does not run.
    """
  static let examples: [RuleExample] = [
    // Wasmtime 25 with async off: not checked today.
    .triggers(.rust, "config.max_wasm_stack(4 << 20);\n",
              fixed: "config.max_wasm_stack(4 << 20);\nconfig.async_stack_size(4608 << 10);\n"),
    .passes(.rust, "config.max_wasm_stack(1 << 20);\n"),
    .triggers(.c, "wasmtime_config_max_wasm_stack_set(config, 4 << 20);\n",
              fixed: "wasmtime_config_async_stack_size_set(config, 4608 << 10);\n"),
  ]

  static func check(_ group: EngineGroup, in context: RuleContext) -> [Finding] {
    // The CLI before 25.0.0 never checks it, and from 25.0.1 derives the async stack from
    // max-wasm-stack: a max-only command line is not latent there (only 25.0.0 fails, WF001).
    guard group.binding != .cli, !group.checkApplies, let max = group.maxWasmStack.value, let async = group.asyncStackSize.value,
          max > async, max != 0 else { return [] }
    // Where async is compiled in (the C API, wasmtime-dotnet over it, a crate with the default
    // features) the check runs from 42.0.0, when async_support stopped gating it; a crate or C
    // API build without the async feature meets it at 47.0.0, when the cfg gate went.
    let upgrade = group.version.cargoAsyncFeature == false ? "47" : "42"
    let message = "max_wasm_stack \(ValueDescription.effective(group.maxWasmStack, setting: .maxWasmStack, group: group, context: context)) exceeds async_stack_size \(ValueDescription.effective(group.asyncStackSize, setting: .asyncStackSize, group: group, context: context)); not checked today (\(group.checkReason)), but rejected once async is enabled or on Wasmtime \(upgrade)+"
    var result = finding(group, at: anchor(group), in: context, message: message)
    // The fix only raises (a warning never lowers), so a binding with no async setter gets
    // nothing written: say so rather than claim a fix (wasmtime-dotnet said `fixable: true`).
    if result.fixable, !group.canSetAsyncStack {
      result.fixable = false
      result.message += "; not fixed: \(group.bindingName) cannot set the async stack and a warning never lowers max_wasm_stack (lower it by hand before a version or build that checks it)"
    }
    return [result]
  }

  /// Fixed like WF001: it fails as soon as async is enabled or Wasmtime is upgraded.
  static func fix(_ context: inout FixContext) -> FixOutcome { StackMismatchFix.apply(&context, isError: false) }
}
