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
  /// Rust `if a > b { … }` and C/C++/C# `if (a > b) { … }` / `if (a > b) return 1;`, the
  /// comparison being the whole condition; the body is group 4.
  private static let exitingIf = try! NSRegularExpression(
    pattern: #"\bif\s+"# + comparison + #"\s*(\{[^{}]*\})|\bif\s*\(\s*"# + comparison + #"\s*\)\s*(\{[^{}]*\}|[^;{}]*;)"#)
  /// Assertions that stay in release builds (C's `assert` and C#'s `Debug.Assert` do not).
  private static let assertion = try! NSRegularExpression(
    pattern: #"(?:\bassert!|\bensure!)\s*\(\s*"# + comparison + #"\s*[,)]"#)
  private static let exits = try! NSRegularExpression(
    pattern: #"\breturn\b|\bthrow\b|\babort\s*\(|\bexit\s*\(|\bpanic!|\bbail!|\bunreachable!|\bErr\s*\("#)

  /// The words a guard starts with (also found inside longer words: a superset).
  static let firstWords = ["if", "assert!", "ensure!"]

  /// The guards in `text` (the scope from its opening brace up to the call) that hold at its end:
  /// at the end's block depth, not in a block closed before it, not an `else if`.
  static func guards(in text: String) -> [ScopeGuard] {
    guard text.contains("if") || text.contains("assert!") || text.contains("ensure!") else { return [] }
    let utf16 = Array(text.utf16)
    // Brace depth before each UTF-16 offset, and the lowest depth from each offset to the end.
    var depth = [Int](repeating: 0, count: utf16.count + 1)
    for (i, unit) in utf16.enumerated() {
      depth[i + 1] = depth[i] + (unit == 0x7B ? 1 : unit == 0x7D ? -1 : 0)
    }
    var lowestAfter = depth
    if utf16.count > 0 { for i in stride(from: utf16.count - 1, through: 0, by: -1) { lowestAfter[i] = min(depth[i], lowestAfter[i + 1]) } }
    let end = depth[utf16.count]
    func holdsAtEnd(_ match: NSTextCheckingResult) -> Bool {
      let start = match.range.location, after = match.range.location + match.range.length
      guard depth[start] == end, lowestAfter[after] >= end else { return false }
      let before = String(decoding: utf16[..<start], as: UTF16.self)
      return !before.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("else")
    }
    let range = NSRange(location: 0, length: utf16.count)
    func group(_ match: NSTextCheckingResult, _ index: Int) -> String? {
      guard match.range(at: index).location != NSNotFound, let r = Range(match.range(at: index), in: text) else { return nil }
      return String(text[r])
    }
    var result: [ScopeGuard] = []
    for match in exitingIf.matches(in: text, range: range) where holdsAtEnd(match) {
      // Groups 1-4: the Rust form; 5-8: the parenthesised form.
      let base = group(match, 1) != nil ? 1 : 5
      guard let a = group(match, base), let op = group(match, base + 1), let b = group(match, base + 2),
            let body = group(match, base + 3),
            exits.firstMatch(in: body, range: NSRange(body.startIndex..., in: body)) != nil else { continue }
      // Leaving when `a > b` (or `a >= b`) means `a <= b` afterwards.
      result.append(op.hasPrefix(">") ? ScopeGuard(smaller: a, larger: b) : ScopeGuard(smaller: b, larger: a))
    }
    for match in assertion.matches(in: text, range: range) where holdsAtEnd(match) {
      guard let a = group(match, 1), let op = group(match, 2), let b = group(match, 3) else { continue }
      result.append(op.hasPrefix("<") ? ScopeGuard(smaller: a, larger: b) : ScopeGuard(smaller: b, larger: a))
    }
    return result
  }
}
