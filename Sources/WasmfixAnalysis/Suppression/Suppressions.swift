import WasmfixEvaluation

/// Applies inline `wasmfix: ignore` comments to a scan's findings. A comment covers a finding
/// when it is on the finding's line, or alone on the line directly above it; the finding's
/// line is its anchor site's (CONTRACT.md "Where a finding points": the `max_wasm_stack` call
/// of its group), not the lines of the group's other sites, so one place decides and a comment
/// next to an `async_stack_size` call does not silence a finding reported elsewhere.
/// Suppressed findings stay in the result (`suppressed = true`): never fixed, no exit code.
/// Comments that silence nothing, or name an unknown rule, become WF009 findings.
public enum Suppressions {
  /// Marks covered findings as suppressed and appends the WF009 findings.
  /// `comments` holds each file's directives by relative path.
  package static func apply(_ comments: [String: [SuppressionComment]], to findings: inout [Finding]) {
    guard !comments.isEmpty else { return }
    // (path, comment index, code or "*") that silenced at least one finding.
    var used = Set<String>()
    func key(_ path: String, _ index: Int, _ code: String) -> String { "\(path)#\(index)#\(code)" }
    for i in findings.indices {
      let finding = findings[i]
      guard let inFile = comments[finding.path] else { continue }
      for (index, comment) in inFile.enumerated() where comment.covers(line: finding.line, code: finding.rule.code) {
        findings[i].suppressed = true
        used.insert(key(finding.path, index, comment.codes == nil ? "*" : finding.rule.code))
      }
    }
    for path in comments.keys.sorted() {
      for (index, comment) in comments[path]!.enumerated() {
        guard let codes = comment.codes else {
          if !used.contains(key(path, index, "*")) {
            findings.append(UnusedSuppression.finding(comment, path: path, message: "unused suppression: `\(comment.text)` silences no finding on this line\(comment.ownLine ? " or the next" : ""); remove it"))
          }
          continue
        }
        for code in codes where !used.contains(key(path, index, code)) {
          if let rule = Rules.named(code), rule.id.code == code {
            findings.append(UnusedSuppression.finding(comment, path: path, message: "unused suppression: no \(code) (\(rule.id.name)) finding on this line\(comment.ownLine ? " or the next" : "") for `\(comment.text)` to silence; remove \(code) from it"))
          } else {
            findings.append(UnusedSuppression.finding(comment, path: path, message: "`\(comment.text)` names \(code), which is not a wasmfix rule code (known: \(Rules.all.map(\.id.code).joined(separator: ", ")))"))
          }
        }
      }
    }
  }
}
