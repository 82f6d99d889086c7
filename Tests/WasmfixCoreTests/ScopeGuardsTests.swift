import Testing
@testable import WasmfixSurfaces

/// Issue 9 item 8: a guard before the configuration that already compares the two values makes
/// the relation hold. Only guards that really hold where the calls run count.
@Suite struct ScopeGuardsTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let text: String
    let guards: [ScopeGuard]
    var testDescription: String { text.replacingOccurrences(of: "\n", with: "⏎") }
  }

  static let stackAtMostFiber = [ScopeGuard(smaller: "stack", larger: "fiber")]

  static let cases: [Case] = [
    // Guards that leave the scope, in Rust, C and C# spellings, either comparison direction.
    Case(text: "{\n  if stack > fiber { return Err(Error::msg(\"too big\")); }\n  ", guards: stackAtMostFiber),
    Case(text: "{\n  if fiber < stack {\n    bail!(\"too big\");\n  }\n  ", guards: stackAtMostFiber),
    Case(text: "{\n    if (stack > fiber) {\n        fprintf(stderr, \"no\\n\");\n        return 1;\n    }\n    ", guards: stackAtMostFiber),
    Case(text: "{\n    if (stack >= fiber) abort();\n    ", guards: stackAtMostFiber),
    Case(text: "{\n    if (stack > fiber) throw new ArgumentException(\"stack\");\n    ", guards: stackAtMostFiber),
    Case(text: "{\n  if limits.stack > limits.fiber { panic!(\"no\") }\n  ",
         guards: [ScopeGuard(smaller: "limits.stack", larger: "limits.fiber")]),
    // Assertions that stay in release builds.
    Case(text: "{\n  assert!(stack <= fiber, \"fiber stack too small\");\n  ", guards: stackAtMostFiber),
    Case(text: "{\n  assert!(fiber >= stack);\n  ", guards: stackAtMostFiber),
    Case(text: "{\n  ensure!(stack < fiber, \"no\");\n  ", guards: stackAtMostFiber),
    // Not guards: the branch does not leave, leaves only with another condition, is an
    // `else if`, sits in a block closed before the calls, or the check is compiled out.
    Case(text: "{\n  if stack > fiber { eprintln!(\"big\"); }\n  ", guards: []),
    Case(text: "{\n    if (stack > fiber && strict) return 1;\n    ", guards: []),
    Case(text: "{\n  if stack > fiber && strict { return Err(e); }\n  ", guards: []),
    Case(text: "{\n  if quiet { x(); } else if stack > fiber { return Err(e); }\n  ", guards: []),
    Case(text: "{\n  if strict {\n    if stack > fiber { return Err(e); }\n  }\n  ", guards: []),
    Case(text: "{\n    assert(stack <= fiber);\n    ", guards: []),
    Case(text: "{\n    Debug.Assert(stack <= fiber);\n    ", guards: []),
    Case(text: "{\n  for s in sizes { if s > fiber { continue; } }\n  ", guards: []),
  ]

  @Test("guards that hold where the calls run", arguments: cases)
  func guards(_ c: Case) {
    #expect(ScopeGuards.guards(in: c.text) == c.guards)
  }
}
