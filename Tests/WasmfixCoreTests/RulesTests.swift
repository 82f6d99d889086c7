import Testing
@testable import WasmfixCore
@testable import WasmfixSupport
@testable import WasmfixWorkspace
@testable import WasmfixSurfaces
@testable import WasmfixEvaluation
@testable import WasmfixAnalysis
@testable import WasmfixFixing
@testable import WasmfixReporting

/// The rule registry must match CONTRACT.md's table, and every rule must document itself.
@Suite struct RulesTests {
  @Test func idsMatchTheContract() {
    let expected: [(String, String, Severity)] = [
      ("WF001", "stack-exceeds-async", .error), ("WF002", "unresolved-stack-value", .warning),
      ("WF003", "implicit-stack-default", .warning), ("WF004", "zero-wasm-stack", .error),
      ("WF005", "latent-stack-mismatch", .warning), ("WF006", "undocumented-stack-invariant", .note),
      ("WF007", "unsupported-cli-flag", .error), ("WF008", "removed-async-support-call", .error),
      ("WF009", "unused-suppression", .warning), ("WF010", "unscanned-setting", .warning),
    ]
    #expect(Rules.all.map(\.id.code) == expected.map(\.0))
    #expect(Rules.all.map(\.id.name) == expected.map(\.1))
    #expect(Rules.all.map(\.severity) == expected.map(\.2))
    #expect(Set(Rules.all.map(\.id.code)).count == Rules.all.count)
  }

  @Test func everyRuleExplainsItselfWithExamples() {
    for rule in Rules.all {
      #expect(rule.explanation.hasPrefix("# \(rule.id.code) \(rule.id.name)"))
      #expect(rule.explanation.contains("## What it checks"))
      #expect(rule.examples.contains { $0.triggers }, "\(rule.id.code) has no triggering example")
      #expect(rule.examples.contains { !$0.triggers }, "\(rule.id.code) has no passing example")
      if rule.fixable { #expect(rule.examples.contains { $0.fixed != nil }, "\(rule.id.code) has no fixed example") }
    }
  }

  @Test func lookUpByCodeOrName() {
    #expect(Rules.named("wf001")?.id.code == "WF001")
    #expect(Rules.named("zero-wasm-stack")?.id.code == "WF004")
    #expect(Rules.named("WF999") == nil)
  }

  @Test func sizesAreDescribedInHumanUnitsAndBytes() {
    #expect(ValueDescription.bytes(8 << 20) == "8 MiB (8388608)")
    #expect(ValueDescription.bytes(512 << 10) == "512 KiB (524288)")
    #expect(ValueDescription.bytes(1000) == "1000 B")
    #expect(ValueDescription.bytes(0) == "0 B")
  }
}
