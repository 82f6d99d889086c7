import WasmfixEvaluation

/// WF009: a `wasmfix: ignore` comment that silences nothing (like ruff's RUF100 unused-noqa).
/// It is not judged per engine configuration: `Suppressions.apply` reports it once every
/// other rule has run, so `check` finds nothing.
enum UnusedSuppression: Rule {
  static let id = RuleID(code: "WF009", name: "unused-suppression")
  static let severity = Severity.warning
  static let fixable = false
  static let explanation = """
    # WF009 unused-suppression (warning)

    ## What it checks
    A `wasmfix: ignore` or `wasmfix: ignore[WF001,...]` comment that silences no finding: no
    finding of the named rules (any rule, for the bare form) is on the comment's line or, when
    the comment is alone on its line, on the line directly below. A code in the brackets that
    is not a wasmfix rule is reported too.

    ## Why it matters
    Suppressions outlive the code they were written for: once the configuration is fixed or
    moved, a stale `wasmfix: ignore` would silently hide the next real problem on that line.
    Reporting them (as ruff's RUF100 does for `# noqa`) keeps every suppression deliberate.
    A misspelled code would otherwise silence nothing while looking as if it did.

    ## How the fix works
    There is no automatic fix: delete the comment, or the unused code from its brackets, or
    move the comment onto the line of the finding it is meant for. Suppressed findings are
    still listed in JSON (`"suppressed": true`) and under `--verbose`.
    """
  static let examples: [RuleExample] = [
    .triggers(.rust, "// wasmfix: ignore[WF001]\nconfig.max_wasm_stack(1 << 20);\nconfig.async_stack_size(2 << 20);\n"),
    .triggers(.rust, "config.max_wasm_stack(8 << 20); // wasmfix: ignore[WF01]\nconfig.async_stack_size(2 << 20);\n"),
    .passes(.rust, "config.async_support(true);\n// wasmfix: ignore[WF001]\nconfig.max_wasm_stack(8 << 20);\nconfig.async_stack_size(2 << 20);\n"),
    .passes(.rust, "config.max_wasm_stack(8 << 20); // wasmfix: ignore\nconfig.async_stack_size(2 << 20);\n"),
    .triggers(SurfaceID("shell"), "# wasmfix: ignore[WF001]\nwasmtime run -W max-wasm-stack=1048576 app.wasm\n", version: "27.0.0"),
    .triggers(SurfaceID("msbuild"), "<Project><PropertyGroup>\n<!-- wasmfix: ignore -->\n<Args>--engine-arg=-W --engine-arg=max-wasm-stack=1048576</Args>\n</PropertyGroup></Project>\n", version: "27.0.0"),
  ]

  static func check(_ group: EngineGroup, in context: RuleContext) -> [Finding] { [] }

  static func fix(_ context: inout FixContext) -> FixOutcome { .refused("delete the unused suppression by hand") }

  static func finding(_ comment: SuppressionComment, path: String, message: String) -> Finding {
    Finding(rule: id, severity: severity, path: path, line: comment.line, column: comment.column, groupID: "",
            message: message, fixable: fixable)
  }
}
