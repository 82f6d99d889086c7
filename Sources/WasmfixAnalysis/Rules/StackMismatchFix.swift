import WasmfixEvaluation
/// The fix of WF001 and WF005 (max_wasm_stack > async_stack_size): raise the async stack to
/// `max + headroom` where the binding can set it and the strategy allows, else lower max to
/// `async - headroom`, never below 64 KiB.
enum StackMismatchFix {
  static let minimumMaxWasmStack: Int128 = 64 << 10

  /// `isError`: WF001. A warning (WF005: not checked today) never lowers a value, whatever the
  /// strategy: that would cost the guest stack it runs with now, for a failure that may never come.
  static func apply(_ context: inout FixContext, isError: Bool) -> FixOutcome {
    guard let maxValue = context.plannedMax, let asyncValue = context.plannedAsync else {
      return .refused("a value is not known until run time")
    }
    let options = context.options
    let canRaise = context.group.canSetAsyncStack
    if options.strategy == .raiseAsync && canRaise {
      let unchanged = context
      let target = Swift.max(maxValue + Int128(options.headroom), asyncValue)
      guard target <= Int128(UInt64.max) else {
        return .refused("max_wasm_stack + headroom does not fit in 64 bits; lower max_wasm_stack by hand")
      }
      // Tied to max's constant when the new value is exactly max + headroom.
      let written = target == maxValue + Int128(options.headroom) ? context.maxPlusHeadroom() : nil
      guard context.setValue(.asyncStackSize, to: target, written: written) else { return .refused("cannot place the async_stack_size call here") }
      context.plannedAsync = target
      context.asyncPinned = true
      // Other alternative builds that fail too (a `cfg_if!` with three branches): each is
      // raised in its own branch; one whose async comes from outside the branches is not.
      for build in context.group.otherFailingBuilds {
        guard build.async.siteIndex == nil || build.async.alternative != nil,
              let max = build.max.value, let async = build.async.value,
              context.raiseAsync(in: build, to: Swift.max(max + Int128(options.headroom), async))
        else {
          context = unchanged
          return .refused("another build (\(build.max.alternative ?? "without the alternatives")) fails too and cannot be raised in its own branch")
        }
      }
      return .fixed("raise async_stack_size to max_wasm_stack + headroom")
    }
    // The CLI that became async without an async-stack-size flag (25.0.0): its next release
    // sizes the async stack from max-wasm-stack, so upgrading fixes it without shrinking the
    // guest's stack (what dotnet/runtime did). Only on request: it changes a dependency.
    if options.bumpVersionPin, context.group.binding == .cli,
       context.group.version.version < WasmtimeCLI.asyncFlagAdded, context.group.version.version >= WasmtimeVersion(25, 0, 0),
       context.group.asyncStackSize.source != .explicit,
       context.bumpVersionPin(to: WasmtimeCLI.asyncFlagAdded) {
      return .fixed("bump the Wasmtime CLI version pin from \(context.group.version.version) to \(WasmtimeCLI.asyncFlagAdded) (it sizes the async stack from max-wasm-stack + 512 KiB)")
    }
    let target = asyncValue - Int128(options.headroom)
    // Not even with --strategy lower-max, which is about errors (issue 9, item 2): the guest
    // would lose stack it runs with today for a check that does not run.
    if !isError {
      let how = canRaise ? "raise async_stack_size (the default strategy)" : "lower max_wasm_stack by hand if the check is coming"
      return .refused("the check does not run today; lowering max_wasm_stack from \(ValueDescription.bytes(maxValue)) to \(ValueDescription.bytes(target)) would shrink the guest's stack for it, so wasmfix leaves it: \(how)")
    }
    let why = canRaise ? "" : " (\(context.bindingName) cannot set the async stack, so wasmfix lowers max_wasm_stack)"
    guard target >= minimumMaxWasmStack else {
      return .refused("lowering max_wasm_stack to async_stack_size - headroom would leave \(ValueDescription.bytes(target)), below 64 KiB\(why)")
    }
    guard context.setValue(.maxWasmStack, to: target) else { return .refused("cannot rewrite this max_wasm_stack") }
    context.plannedMax = target
    return .fixed("lower max_wasm_stack from \(ValueDescription.bytes(maxValue)) to \(ValueDescription.bytes(target)) (async_stack_size - headroom)\(why); the guest's stack shrinks by \(ValueDescription.bytes(maxValue - target))")
  }
}
