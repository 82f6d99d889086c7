import WasmfixEvaluation
/// WF002: a stack value is only known at run time, so the invariant cannot be checked statically.
enum UnresolvedStackValue: Rule {
  static let id = RuleID(code: "WF002", name: "unresolved-stack-value")
  static let severity = Severity.warning
  static let fixable = true
  static let explanation = """
    # WF002 unresolved-stack-value (warning)

    ## What it checks
    A `max_wasm_stack` or `async_stack_size` whose value is not a compile-time constant: an
    environment variable, a function parameter, a struct field, a config file value.

    ## Why it matters
    wasmfix cannot prove `max_wasm_stack <= async_stack_size`, and neither can a reviewer:
    the engine may fail to start only in the environment that sets the large value.

    ## How the fix works
    Where `max_wasm_stack` is a run-time value and `async_stack_size` is left to its default,
    the async stack is derived from it (`max + headroom`), as Wasmtime's CLI does. Otherwise no
    value is rewritten. On Wasmtime 0.25-0.38, where the setters check in call order, an
    `async_stack_size` call that follows a run-time max is moved before it. Where Wasmtime
    checks the pair (see WF001), a run-time assertion goes in before the engine is created, so a
    bad value fails with a clear message instead of a Wasmtime error or an abort: Rust
    `assert!(a <= b, ...)`, C `if (a > b) { fprintf(stderr, ...); abort(); }` (not `assert`,
    which `NDEBUG` removes), C# `if (a > b) throw new InvalidOperationException(...)`.
    """
  static let examples: [RuleExample] = [
    .triggers(.rust, "config.async_support(true);\nconfig.max_wasm_stack(stack_size);\nconfig.async_stack_size(2 << 20);\n",
              fixed: "assert!(stack_size <= 2 << 20, \"max_wasm_stack must be less than or equal to async_stack_size\");\n"),
    .passes(.rust, "config.max_wasm_stack(1 << 20);\nconfig.async_stack_size(2 << 20);\n"),
    .triggers(.c, "wasmtime_config_max_wasm_stack_set(config, strtoull(getenv(\"WASM_STACK\"), NULL, 10));\n",
              fixed: "size_t max_wasm_stack = strtoull(getenv(\"WASM_STACK\"), NULL, 10);\nwasmtime_config_max_wasm_stack_set(config, max_wasm_stack);\nwasmtime_config_async_stack_size_set(config, max_wasm_stack + 512 * 1024);\n"),
    .triggers(SurfaceID("shell"), "wasmtime run -W max-wasm-stack=$GUEST_STACK,async-stack-size=4194304 app.wasm\n", version: "27.0.0"),
  ]

  static func check(_ group: EngineGroup, in context: RuleContext) -> [Finding] {
    // A setter that forwards its parameter configures nothing itself: its callers are judged.
    guard !group.isPassThrough, !group.expectsFailure else { return [] }
    // Proved for every value (`x` and `x + 1 MiB`, `size / 2` and `size`): nothing to check at run time.
    guard !group.relationHolds else { return [] }
    // 0.25-0.38: the setters already check the pair at the call, in call order; only an order
    // that rejects values the final pair allows is worth a finding.
    guard !group.checksInSetters || group.setterOrderFailure != nil else { return [] }
    var unresolved: [String] = []
    for (setting, value) in [(Setting.maxWasmStack, group.maxWasmStack), (.asyncStackSize, group.asyncStackSize)]
    where value.source == .unresolved {
      guard let index = value.siteIndex else { continue }
      let site = context.sites[index]
      let reason: String
      if case let .unresolved(why) = site.value { reason = why } else { reason = "not a constant" }
      unresolved.append("\(setting.rawValue) `\(site.argumentText)` (\(reason))")
    }
    // An assertion of the invariant in the same scope (an earlier fix) settles it at run time.
    guard !unresolved.isEmpty, !group.siteIndexes.contains(where: { context.sites[$0].scopeHasAssertion }) else { return [] }
    let other = group.maxWasmStack.source == .unresolved
      ? (group.asyncStackSize.source == .unresolved ? "" : "; async_stack_size is \(ValueDescription.effective(group.asyncStackSize, setting: .asyncStackSize, group: group, context: context))")
      : "; max_wasm_stack is \(ValueDescription.effective(group.maxWasmStack, setting: .maxWasmStack, group: group, context: context))"
    let verb = unresolved.count > 1 ? "are not compile-time constants" : "is not a compile-time constant"
    var message = "\(unresolved.joined(separator: " and ")) \(verb)\(other); max_wasm_stack <= async_stack_size can only be checked at run time"
    // 0.25-0.38: the setters check in call order, so a run-time max set before the async stack
    // fails for values the final pair allows.
    if let failure = group.setterOrderFailure {
      message = "\(unresolved.joined(separator: " and ")) \(verb)\(other), and \(failure.why); call async_stack_size first"
    }
    var result = finding(group, at: anchor(group), in: context, message: message)
    if !group.checkApplies {
      // Wasmtime accepts every pair here today: an assertion would reject values it accepts.
      // Only deriving the async stack from max (where the setter exists) prepares the upgrade.
      // A configuration built elsewhere may enable async there: do not claim it is unchecked.
      result.message += group.configIsFresh || group.asyncSupportCalled
        ? "; not checked today (\(group.checkReason))"
        : "; the configuration comes from elsewhere, so whether it is checked depends on it (\(group.checkReason))"
      let derivable = group.asyncStackSize.source == .default && group.maxWasmStack.source == .unresolved
        && group.canSetAsyncStack && group.configIsFresh
      if !derivable { result.fixable = false }
    }
    // A value bound in a macro arm cannot be asserted outside it (see `fix`); only deriving
    // the async stack, chained to max's call in the arm, fixes it.
    let inMacroArm = [group.maxWasmStack, group.asyncStackSize].contains { value in
      value.source == .unresolved && value.siteIndex.map { context.sites[$0].isMacroArm } == true
    }
    if inMacroArm, !(group.asyncStackSize.source == .default && group.maxWasmStack.source == .unresolved && group.canSetAsyncStack) {
      result.fixable = false
    }
    return [result]
  }

  /// Asserts the invariant at run time, before the engine is created.
  static func fix(_ context: inout FixContext) -> FixOutcome {
    // 0.25-0.38, async set after a run-time max: with async first, max_wasm_stack's own setter
    // checks the final pair and fails with Wasmtime's message, which is the run-time check.
    if context.group.checkApplies, context.group.setterOrderFailure != nil {
      return context.moveAsyncSetterFirst() ? .fixed("call async_stack_size before max_wasm_stack") : .refused("cannot reorder these calls here")
    }
    // async_stack_size = max + headroom holds by construction: nothing left to check.
    if context.deriveAsyncStack() { return .fixed("set async_stack_size to max_wasm_stack + headroom at run time") }
    // An assertion where Wasmtime does not check the pair would abort on values it accepts.
    guard context.group.checkApplies else {
      return .refused("Wasmtime does not check the pair in this build (\(context.group.checkReason)); an assertion would reject values it accepts")
    }
    // `size => config.async_stack_size(size),` in a macro: `size` exists only in that arm, and
    // an assertion before the engine would not compile.
    if [context.group.maxWasmStack, context.group.asyncStackSize].contains(where: { value in
      value.source == .unresolved && value.siteIndex.map { context.result.sites[$0].isMacroArm } == true
    }) {
      return .refused("the run-time value is read inside a macro arm, whose names an assertion before the engine cannot use")
    }
    guard context.insertRuntimeAssertion(max: context.plannedMax, async: context.plannedAsync) else {
      return .refused("no statement to place a run-time assertion before")
    }
    return .fixed("assert the invariant at run time")
  }
}
