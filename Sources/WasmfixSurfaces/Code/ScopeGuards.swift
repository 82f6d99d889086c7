import Foundation

/// `smaller <= larger` holds wherever the code after a guard runs: an `if` that leaves the
/// scope when the comparison fails (`if stack > fiber { return Err(..) }`,
/// `if (stack > fiber) { ...; return 1; }`) or an assertion that is never compiled out
/// (`assert!(stack <= fiber)`, anyhow's `ensure!`). Names as written (`limits.stack`).
package struct ScopeGuard: Hashable, Sendable {
  package var smaller: String
  package var larger: String

  package init(smaller: String, larger: String) {
    self.smaller = smaller
    self.larger = larger
  }
}

enum ScopeGuards {
  private static let operand = #"([A-Za-z_][A-Za-z0-9_]*(?:(?:\.|->)[A-Za-z_][A-Za-z0-9_]*)*)"#
  private static let comparison = operand + #"\s*(<=|>=|<|>)\s*"# + operand
  /// `if a > b { … }` / `if (a > b) { … }` / `if (a > b) return 1;`: the body is group 4.
  private static let exitingIf = try! NSRegularExpression(
    pattern: #"\bif\s*\(?\s*"# + comparison + #"\s*\)?\s*(\{[^{}]*\}|[^;{}]*;)"#)
  /// Assertions that stay in release builds (C's `assert` and C#'s `Debug.Assert` do not).
  private static let assertion = try! NSRegularExpression(
    pattern: #"(?:\bassert!|\bensure!)\s*\(\s*"# + comparison + #"\s*[,)]"#)
  private static let exits = try! NSRegularExpression(
    pattern: #"\breturn\b|\bthrow\b|\babort\s*\(|\bexit\s*\(|\bpanic!|\bbail!|\bunreachable!|\bErr\s*\("#)

  /// The guards in `text` (the scope up to the call).
  static func guards(in text: String) -> [ScopeGuard] {
    guard text.contains("if") || text.contains("assert!") || text.contains("ensure!") else { return [] }
    let range = NSRange(text.startIndex..., in: text)
    func group(_ match: NSTextCheckingResult, _ index: Int) -> String {
      Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
    }
    var result: [ScopeGuard] = []
    for match in exitingIf.matches(in: text, range: range) {
      let body = group(match, 4)
      guard exits.firstMatch(in: body, range: NSRange(body.startIndex..., in: body)) != nil else { continue }
      // Leaving when `a > b` (or `a >= b`) means `a <= b` afterwards.
      let (a, op, b) = (group(match, 1), group(match, 2), group(match, 3))
      result.append(op.hasPrefix(">") ? ScopeGuard(smaller: a, larger: b) : ScopeGuard(smaller: b, larger: a))
    }
    for match in assertion.matches(in: text, range: range) {
      let (a, op, b) = (group(match, 1), group(match, 2), group(match, 3))
      result.append(op.hasPrefix("<") ? ScopeGuard(smaller: a, larger: b) : ScopeGuard(smaller: b, larger: a))
    }
    return result
  }
}
