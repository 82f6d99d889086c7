import WasmfixEvaluation
/// A finding's identity that survives edits elsewhere in its file: rule + path + the anchor
/// site's normalised text (setting, API name, receiver and argument with whitespace removed),
/// plus an occurrence number when the same text appears more than once in the file. Line
/// numbers are deliberately left out, so inserting lines above a finding keeps its
/// fingerprint; this is the baseline's key and SARIF's `partialFingerprints` value.
public enum Fingerprint {
  public static let sarifKey = "wasmfixFinding/v1"

  /// Sets `fingerprint` on every finding, given the sites they are anchored at. `pathKey`
  /// turns a finding's path (relative to the scan root) into the path the fingerprint uses:
  /// relative to the repository root, so that scanning `.` or `sub`, from the root or from
  /// a subfolder, gives one finding one fingerprint (baselines, code scanning, GitLab).
  public static func assign(to findings: inout [Finding], sites: [Site], pathKey: (String) -> String = { $0 }) {
    var seen: [String: Int] = [:]
    let locator = SiteLocator(sites)
    for i in findings.indices {
      let finding = findings[i]
      let site = locator.index(of: finding).map { sites[$0] }
      let text = site.map { normalised("\($0.setting.rawValue)|\($0.apiName)|\($0.receiverText)|\($0.argumentText)") } ?? ""
      let key = "\(finding.rule.code)|\(pathKey(finding.path))|\(text)"
      let occurrence = seen[key, default: 0]
      seen[key] = occurrence + 1
      findings[i].fingerprint = hex(ContentHash.fnv1a(Array("\(key)|\(occurrence)".utf8)))
    }
  }

  static func normalised(_ text: String) -> String {
    String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
  }

  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
