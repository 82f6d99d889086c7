import WasmfixEvaluation
/// WF001: the effective max_wasm_stack is larger than the async stack, and this Wasmtime checks it.
enum StackExceedsAsync: Rule {
  static let id = RuleID(code: "WF001", name: "stack-exceeds-async")
  static let severity = Severity.error
  static let fixable = true
  static let explanation = """
    # WF001 stack-exceeds-async (error)

    ## What it checks
    A Wasmtime engine configuration whose effective `max_wasm_stack` is greater than its
    effective `async_stack_size`, on a Wasmtime version where `Engine::new` checks it.
    Values left implicit take the version's defaults: `max_wasm_stack` 512 KiB (1 MiB before
    0.35), `async_stack_size` 2 MiB.

    ## Why Wasmtime rejects it
    With async support, WebAssembly runs on a fiber stack of `async_stack_size` bytes, and
    `max_wasm_stack` is how much of it wasm may use; the rest is for host code. A limit larger
    than the stack itself cannot be honoured, so `Config::validate` fails with
    `max_wasm_stack size cannot exceed the async_stack_size` (through the C API, .NET, Go
    and Python this is an abort). The check runs when async support is on (12.0-41.x), whenever
    the `async` feature is compiled in (0.39-11.x, 42-46.x), and unconditionally from 47.0.

    ## How the fix works
    `--strategy raise-async` (default) sets `async_stack_size` to `max_wasm_stack + headroom`
    (`--headroom`, 512 KiB by default, the value Wasmtime's own CLI uses), inserting the call
    when it is missing. `--strategy lower-max` sets `max_wasm_stack` to
    `async_stack_size - headroom`. Bindings that cannot set the async stack (wasmtime-dotnet's
    `WithMaximumStackSize`) always lower. Constants are edited where they are defined.
    """
  static let examples: [RuleExample] = [
    .triggers(.rust, "let mut config = Config::new();\nconfig.async_support(true);\nconfig.max_wasm_stack(8 << 20);\n",
              fixed: "config.max_wasm_stack(8 << 20);\nconfig.async_stack_size(8704 << 10);\n"),
    .passes(.rust, "let mut config = Config::new();\nconfig.async_support(true);\nconfig.max_wasm_stack(1 << 20);\n"),
    .triggers(.c, "wasmtime_config_async_support_set(config, true);\nwasmtime_config_max_wasm_stack_set(config, 8 << 20);\nwasmtime_config_async_stack_size_set(config, 2 << 20);\n",
              fixed: "wasmtime_config_async_stack_size_set(config, 8704 << 10);\n"),
    .triggers(.cpp, "wasmtime_config_async_support_set(config.capi(), true);\nconfig.max_wasm_stack(8 << 20);\n",
              fixed: "config.max_wasm_stack(8 << 20);\nwasmtime_config_async_stack_size_set(config.capi(), 8704 << 10);\n"),
    .triggers(SurfaceID("shell"), "wasmtime run -W max-wasm-stack=8388608,async-stack-size=4194304 app.wasm\n",
              fixed: "wasmtime run -W max-wasm-stack=8388608,async-stack-size=8912896 app.wasm\n", version: "27.0.0"),
    .triggers(SurfaceID("shell"), "wasmtime run -W max-wasm-stack=8388608 app.wasm\n",
              fixed: "wasmtime run -W max-wasm-stack=1572864 app.wasm\n", version: "25.0.0"),
    .passes(SurfaceID("shell"), "wasmtime run -W max-wasm-stack=8388608 app.wasm\n", version: "25.0.1"),
    .triggers(.csharp, "config.WithAsync(true);\nconfig.WithMaxWasmStack(8 << 20);\nconfig.WithAsyncStackSize(2 << 20);\n",
              fixed: "config.WithAsyncStackSize(8704 << 10);\n"),
    .triggers(SurfaceID("msbuild"), "<Project><PropertyGroup>\n<Args>$(Args) --engine-arg=-W --engine-arg=max-wasm-stack=8388608 --engine-arg=-W --engine-arg=async-stack-size=4194304</Args>\n</PropertyGroup></Project>\n",
              fixed: "<Args>$(Args) --engine-arg=-W --engine-arg=max-wasm-stack=8388608 --engine-arg=-W --engine-arg=async-stack-size=8912896</Args>\n", version: "27.0.0"),
    .triggers(SurfaceID("yaml"), "jobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: wasmtime run -W max-wasm-stack=8388608,async-stack-size=4194304 app.wasm\n",
              fixed: "- run: wasmtime run -W max-wasm-stack=8388608,async-stack-size=8912896 app.wasm\n", version: "27.0.0"),
  ]

  static func check(_ group: EngineGroup, in context: RuleContext) -> [Finding] {
    // 0.25-0.38: the final values may be fine while a call fails on the way.
    if group.checkApplies, let failure = group.setterOrderFailure, let max = group.maxWasmStack.value,
       let async = group.asyncStackSize.value, max <= async {
      return [finding(group, at: failure.site, in: context, message: failure.why + "; call async_stack_size first")]
    }
    guard group.checkApplies, let max = group.maxWasmStack.value, let async = group.asyncStackSize.value,
          max > async, max != 0 else { return [] }
    let message = "max_wasm_stack \(ValueDescription.effective(group.maxWasmStack, setting: .maxWasmStack, group: group, context: context)) exceeds async_stack_size \(ValueDescription.effective(group.asyncStackSize, setting: .asyncStackSize, group: group, context: context)); \(group.checkReason)\(ValueDescription.versionNote(group))"
    var advice = ""
    if group.binding == .cli, !group.canSetAsyncStack {
      // 25.0.0: `run` turned async with no flag to size the stack (wasmtime#9298).
      advice = "; this CLI has no async-stack-size flag: upgrade to Wasmtime >= \(WasmtimeCLI.asyncFlagAdded) (it sizes the async stack from max-wasm-stack) or lower max-wasm-stack to <= \(ValueDescription.bytes(async))"
    }
    var alternatives = [group.maxWasmStack.alternative, group.asyncStackSize.alternative].compactMap { $0 }
    if alternatives.count == 2, alternatives[0] == alternatives[1] { alternatives.removeLast() }
    let which = alternatives.isEmpty ? "" : " (in the build selected by \(alternatives.joined(separator: " and ")))"
    return [finding(group, at: anchor(group), in: context, message: message + which + advice)]
  }

  static func fix(_ context: inout FixContext) -> FixOutcome {
    if context.group.setterOrderFailure != nil, let max = context.plannedMax, let async = context.plannedAsync, max <= async {
      return context.moveAsyncSetterFirst() ? .fixed("call async_stack_size before max_wasm_stack") : .refused("cannot reorder these calls here")
    }
    return StackMismatchFix.apply(&context, isError: true)
  }
}
