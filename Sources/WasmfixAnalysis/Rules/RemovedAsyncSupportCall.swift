import WasmfixEvaluation

/// WF008: a call to `wasmtime_config_async_support_set`, which the C API removed in 42.0.0
/// (#12371): the program no longer links (C, C++) or loads the symbol (Go, Python).
enum RemovedAsyncSupportCall: Rule {
  static let id = RuleID(code: "WF008", name: "removed-async-support-call")
  static let severity = Severity.error
  static let fixable = true
  static let explanation = """
    # WF008 removed-async-support-call (error)

    ## What it checks
    A call to `wasmtime_config_async_support_set` on a Wasmtime C API of 42.0 or later.

    ## Why it matters
    Wasmtime 42.0.0 removed the async support knob (#12371): async support is built in and
    always available, and the C function is gone, so the program fails to link (or to load
    the symbol through a binding). The stack check it used to gate now always runs.

    ## How the fix works
    The call is deleted (its whole line when it is alone on it). The configuration's stack
    values are judged as always checked, so a max_wasm_stack above the async stack is WF001.
    """
  static let examples: [RuleExample] = [
    .triggers(.c, "wasmtime_config_async_support_set(config, true);\nwasmtime_config_max_wasm_stack_set(config, 1 << 20);\nwasmtime_config_async_stack_size_set(config, 2 << 20);\n",
              fixed: "wasm_config_t *config = wasm_config_new();\nwasmtime_config_max_wasm_stack_set(config, 1 << 20);\n", version: "42.0.0"),
    .passes(.c, "wasmtime_config_async_support_set(config, true);\nwasmtime_config_max_wasm_stack_set(config, 1 << 20);\n", version: "41.0.0"),
    .triggers(.cpp, "wasmtime_config_async_support_set(config.capi(), true);\nconfig.max_wasm_stack(1 << 20);\n", version: "42.0.0"),
  ]

  static func calls(in group: EngineGroup, _ sites: [Site]) -> [Int] {
    guard group.binding == .cAPI, group.version.version >= WasmtimeVersion(42, 0) else { return [] }
    return group.siteIndexes.filter { sites[$0].setting == .asyncSupport && sites[$0].apiName == "wasmtime_config_async_support_set" }
  }

  static func check(_ group: EngineGroup, in context: RuleContext) -> [Finding] {
    calls(in: group, context.sites).map { index in
      finding(group, at: index, in: context, message: "wasmtime_config_async_support_set was removed from the C API in Wasmtime 42.0.0 (#12371); with Wasmtime \(group.version.version) the program fails to link\(ValueDescription.versionNote(group))")
    }
  }

  static func fix(_ context: inout FixContext) -> FixOutcome {
    for index in calls(in: context.group, context.result.sites) {
      let site = context.result.sites[index]
      guard let statement = site.statementRange, let source = context.source(of: site) else { return .refused("cannot delete this call here") }
      // The call may span lines (`(config,\n    true);`): what precedes it on its first line
      // and follows it on its last (that the first line's end was used as the last's trapped
      // on such a call: found by `make fuzz`).
      let first = source.lineRange(containing: statement.lowerBound)
      let last = source.lineRange(containing: Swift.max(statement.lowerBound, statement.upperBound - 1))
      let before = source.text(first.lowerBound..<statement.lowerBound).trimmingCharacters(in: .whitespaces)
      let after = source.text(Swift.min(statement.upperBound, last.upperBound)..<last.upperBound).trimmingCharacters(in: .whitespacesAndNewlines)
      // The whole lines, the last line break included, when the call is alone on them.
      let range = before.isEmpty && after.isEmpty
        ? first.lowerBound..<source.lineRangeWithBreak(containing: last.lowerBound).upperBound : statement
      context.edits.append(.replacement("", of: range, in: context.fileRef(site)))
    }
    return .fixed("delete the wasmtime_config_async_support_set call")
  }
}
