import WasmfixEvaluation
/// How serious a finding is; errors decide the exit code.
public enum Severity: String, Codable, Sendable, Comparable {
  case error, warning, note
  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
  private var rank: Int { switch self { case .error: 2; case .warning: 1; case .note: 0 } }
}

/// A rule's verdict on one group, anchored at one site.
public struct Finding: Sendable {
  public var rule: RuleID
  public var severity: Severity
  public var path: String
  public var line: Int
  public var column: Int
  public var groupID: String
  public var message: String
  public var fixable: Bool
  public var fixed: Bool = false
  /// Why a fixable finding was not fixed (refused edit, value too small); nil otherwise.
  public var unfixedReason: String?
  /// What the fix did, when it was fixed (`raise async_stack_size to ...`), for the text report.
  public var fixDescription: String?
  /// Silenced by an inline `wasmfix: ignore` comment (or the baseline): reported, never fixed,
  /// and not counted for the exit code.
  public var suppressed: Bool = false
  /// Identifies the finding across line shifts (see `Fingerprint`): the baseline's key and
  /// SARIF's `partialFingerprints`. Set by the scanner once all findings are known.
  public var fingerprint: String = ""
}
