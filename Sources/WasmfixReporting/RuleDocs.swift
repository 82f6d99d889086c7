import WasmfixAnalysis

/// Where wasmfix and its rules are documented on the web: SARIF's `informationUri` and each
/// rule's `helpUri`, which code-scanning UIs link from an alert.
public enum RuleDocs {
  /// The project's home page (its README).
  public static let homepage = "https://github.com/wasmfix/wasmfix"

  /// The README's `## Rules` heading for the rule, as GitHub makes anchors: `### WF001
  /// stack-exceeds-async` becomes `wf001-stack-exceeds-async`.
  public static func anchor(_ id: RuleID) -> String { "\(id.code)-\(id.name)".lowercased() }

  public static func url(_ id: RuleID) -> String { homepage + "#" + anchor(id) }
}
