import WasmfixEvaluation
/// WF003: one value of the pair is explicit, the other silently follows a version's default.
enum ImplicitStackDefault: Rule {
  static let id = RuleID(code: "WF003", name: "implicit-stack-default")
  static let severity = Severity.warning
  static let fixable = true
  static let explanation = """
    # WF003 implicit-stack-default (warning)

    ## What it checks
    A configuration that sets one of `max_wasm_stack` / `async_stack_size` and leaves the
    other to Wasmtime's default.

    ## Why it matters
    Defaults move between versions (`max_wasm_stack` went from 1 MiB to 512 KiB in 0.35) and
    whether the pair is checked moved several times (12.0, 42.0, 47.0). A harness that pins one
    value and leaves the other implicit is the classic way to hit
    `max_wasm_stack size cannot exceed the async_stack_size` on an upgrade.

    ## How the fix works
    The implicit value is written out explicitly, right after the explicit one, in the same
    style (statement or builder link), with the documenting comment.
    """
  static let examples: [RuleExample] = [
    // 1792 KiB leaves 256 KiB under the 2 MiB default: pinned with the 512 KiB headroom. (A max
    // the default leaves 512 KiB above, `1 << 20`, is a note and is not fixed.)
    .triggers(.rust, "config.max_wasm_stack(1792 << 10);\n",
              fixed: "config.max_wasm_stack(1792 << 10);\nconfig.async_stack_size(2304 << 10);\n"),
    .passes(.rust, "config.max_wasm_stack(1 << 20);\nconfig.async_stack_size(2 << 20);\n"),
    .triggers(.c, "wasmtime_config_max_wasm_stack_set(config, 1792 << 10);\n",
              fixed: "wasmtime_config_max_wasm_stack_set(config, 1792 << 10);\nwasmtime_config_async_stack_size_set(config, 2304 << 10);\n"),
    .triggers(.cpp, "config.max_wasm_stack(1792 << 10);\n",
              fixed: "config.max_wasm_stack(1792 << 10);\nwasmtime_config_async_stack_size_set(config.capi(), 2304 << 10);\n"),
  ]

  static func check(_ group: EngineGroup, in context: RuleContext) -> [Finding] {
    // A setter that forwards its parameter configures nothing itself: its callers are judged.
    guard !group.isPassThrough, !group.expectsFailure else { return [] }
    let max = group.maxWasmStack, async = group.asyncStackSize
    // Before 0.25, without the async Cargo feature, and in C# there is no async stack to pin.
    // The CLI computes what it is not told (async = max + 512 KiB from 25.0.1): nothing to pin.
    guard group.binding != .cli else { return [] }
    guard async.source != .default || (async.value != nil && group.canSetAsyncStack) else { return [] }
    let implicit: Setting
    switch (max.source, async.source) {
    case (.explicit, .default), (.unresolved, .default): implicit = .asyncStackSize
    case (.default, .explicit), (.default, .unresolved): implicit = .maxWasmStack
    default: return []
    }
    let value = implicit == .asyncStackSize ? async : max
    let message = "\(implicit.rawValue) is left to the Wasmtime \(group.version.version) default \(ValueDescription.bytes(value.value ?? 0)) while \(implicit == .asyncStackSize ? "max_wasm_stack" : "async_stack_size") is set explicitly; defaults change between versions, pin it"
    var result = finding(group, at: anchor(group), in: context, message: message)
    // The default already leaves the host headroom Wasmtime's CLI leaves (512 KiB): nothing
    // breaks today, so it is a note, not a warning; and notes are reported, not fixed (CONTRACT:
    // only WF006, with --harden, fixes a note): `--write` pinned it anyway.
    if implicit == .asyncStackSize, result.severity == .warning, let m = max.value, let a = async.value,
       a - m >= WasmtimeCLIFacts.hostStackHeadroom {
      result.severity = .note
      result.fixable = false
      result.message = "\(implicit.rawValue) is left to the Wasmtime \(group.version.version) default \(ValueDescription.bytes(a)), which leaves \(ValueDescription.bytes(a - m)) above max_wasm_stack for host calls: a note, not fixed (defaults change between versions; pin it by hand before an upgrade)"
    }
    if !group.configIsFresh {
      // Pinning a "default" in a config built elsewhere could overwrite a value set there.
      result.fixable = false
      result.message += " (the configuration is created outside this scope, where it may already be set; wasmfix does not pin it here)"
    }
    return [result]
  }

  /// Pins the implicit value to the default it has today (the seed article's advice), unless
  /// an earlier fix already set it.
  static func fix(_ context: inout FixContext) -> FixOutcome {
    let group = context.group
    let maxImplicit = group.maxWasmStack.source == .default, asyncImplicit = group.asyncStackSize.source == .default
    if !maxImplicit && !asyncImplicit { return .fixed(nil) }
    // An earlier fix that set async_stack_size pinned it; an implicit max is still to pin.
    if asyncImplicit && context.asyncPinned { return .fixed(nil) }
    // A run-time max: derive the async stack from it rather than pin a default it may exceed.
    if group.asyncStackSize.source == .default, group.maxWasmStack.source == .unresolved, context.deriveAsyncStack() {
      return .fixed("set async_stack_size to max_wasm_stack + headroom at run time")
    }
    if group.asyncStackSize.source == .default, let defaultValue = context.plannedAsync {
      // Never pin less than the headroom above max: host code runs on the rest of the stack.
      let value = Swift.max(defaultValue, (context.plannedMax ?? 0) + Int128(context.options.headroom))
      // A max near 2^64 (`usize::MAX`) plus headroom is a literal no setter takes (found by
      // `make fuzz`: the fix wrote 18_446_744_073_710_075_903, which rustc rejects).
      guard value <= Int128(UInt64.max) else {
        return .refused("max_wasm_stack + headroom does not fit in 64 bits; lower max_wasm_stack by hand")
      }
      // Exactly max + headroom from max's own constant: written in its name (issue 9, item 4).
      let derived = context.plannedMax == group.maxWasmStack.value && value == (context.plannedMax ?? 0) + Int128(context.options.headroom)
      guard context.setValue(.asyncStackSize, to: value, written: derived ? context.maxPlusHeadroom() : nil)
      else { return .refused("cannot place the async_stack_size call here") }
      return .fixed("pin async_stack_size")
    }
    if group.maxWasmStack.source == .default, let value = context.plannedMax {
      guard context.setValue(.maxWasmStack, to: value) else { return .refused("cannot place the max_wasm_stack call here") }
      return .fixed("pin max_wasm_stack")
    }
    return .refused("the implicit value is not known for this version")
  }
}
