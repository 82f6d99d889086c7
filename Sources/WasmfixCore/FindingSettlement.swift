import WasmfixAnalysis
import Foundation

extension Scanner {
  /// The last steps over a scan's findings, in the order they depend on each other: inline
  /// suppressions (which add WF009 findings), a deterministic order, fingerprints (which
  /// number repeated texts in that order), then the baseline (which matches fingerprints).
  /// Returns how many findings the baseline dropped, nil without a baseline.
  static func settle(_ findings: inout [Finding], sites: [Site], suppressions: [String: [SuppressionComment]],
                     baseline: Set<String>?, root: String) -> Int? {
    Suppressions.apply(suppressions, to: &findings)
    findings.sort { ($0.path, $0.line, $0.column, $0.rule.code) < ($1.path, $1.line, $1.column, $1.rule.code) }
    let repository = WalkPath.repositoryRoot(containing: root) ?? root
    Fingerprint.assign(to: &findings, sites: sites) { path in
      let absolute = WalkPath.join(root, path)
      return WalkPath.isInside(absolute, repository) ? WalkPath.relative(absolute, to: repository) : path
    }
    guard let baseline else { return nil }
    let before = findings.count
    findings.removeAll { baseline.contains($0.fingerprint) }
    return before - findings.count
  }
}
