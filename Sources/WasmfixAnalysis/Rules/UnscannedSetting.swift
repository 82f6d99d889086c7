import WasmfixEvaluation
import WasmfixSurfaces

/// WF010: a file names a stack setting but could not be scanned (binary, unparsable, over
/// `--max-file-size`). Skipped files used to be only a stderr line and a JSON `skipped` entry,
/// so a configuration in one was silently unchecked (issue 10). It is not judged per engine
/// configuration: the scanner reports it from the skipped file's `SettingMention`.
package enum UnscannedSetting: Rule {
  static let id = RuleID(code: "WF010", name: "unscanned-setting")
  static let severity = Severity.warning
  static let fixable = false
  static let explanation = """
    # WF010 unscanned-setting (warning)

    ## What it checks
    A file that contains a stack setting's name (`max_wasm_stack`, `async_stack_size`,
    `wasmtime_config_max_wasm_stack_set`, `WithMaximumStackSize`, `--max-wasm-stack`, ...) but
    that wasmfix could not scan: it has NUL bytes in its first 8 KiB (binary), its surface could
    not parse it, or it is larger than `--max-file-size`. The finding points at the first name;
    its column counts bytes, since the file was never decoded.

    ## Why it matters
    A skipped file is listed under `skipped` and on stderr, but its settings are not evaluated:
    a violation there would pass silently, and the scan would exit 0. Reporting the file as a
    finding keeps that gap visible in every output format, including SARIF and CI annotations.
    Files that cannot be read at all (permissions) are still only listed as skipped: wasmfix
    cannot tell what they contain.

    ## How the fix works
    There is no automatic fix. Check the file's stack settings by hand, raise
    `--max-file-size` for a large generated file, or exclude the file (`--exclude`, or
    `exclude` in `wasmfix.toml`) if it is not source.
    """
  static let examples: [RuleExample] = [
    .triggers(.rust, "config.max_wasm_stack(8 << 20); // \u{0}\n"),
    .passes(.rust, "let bytes = [0u8; 4]; // \u{0}\n"),
  ]

  static func check(_ group: EngineGroup, in context: RuleContext) -> [Finding] { [] }

  static func fix(_ context: inout FixContext) -> FixOutcome { .refused("check the file's stack settings by hand") }

  /// `reason`: why the file was skipped, as its `skipped` entry says.
  package static func finding(_ mention: SettingMention, path: String, reason: String) -> Finding {
    Finding(rule: id, severity: severity, path: path, line: mention.line, column: mention.column, groupID: "",
            message: "`\(mention.name)` is named in this file, but the file was not scanned (\(reason)): its stack settings are not checked",
            fixable: fixable)
  }
}
