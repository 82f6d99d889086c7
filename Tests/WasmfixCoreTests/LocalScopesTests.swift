import Testing

@testable import WasmfixSurfaces
@testable import WasmfixEvaluation

/// `LocalScopes` finds the blocks around an offset, innermost first, with a binary search and
/// a walk up the enclosing ranges (issues 9/10: function-local constants).
@Suite struct LocalScopesTests {
  static func definition(_ value: Int, visible range: Range<Int>) -> ConstantDefinition {
    ConstantDefinition(name: "S", kind: .rustConst, path: "a.rs", line: 1, scope: [], value: .integer(Int128(value)),
                       valueText: "\(value)", valueRange: range.lowerBound..<range.lowerBound, itemRange: range.lowerBound..<range.lowerBound,
                       visibility: range)
  }

  static func values(_ groups: [[ConstantDefinition]]) -> [[String]] { groups.map { $0.map(\.valueText) } }

  @Test func innermostEnclosingBlockFirstAndNeverASiblingsOrAnotherFunctions() {
    var scopes = LocalScopes()
    scopes.add([
      Self.definition(1, visible: 0..<100),  // a function body
      Self.definition(2, visible: 10..<40),  // a block in it
      Self.definition(3, visible: 50..<90),  // a later block
      Self.definition(4, visible: 60..<90),  // a C local after the start of that block
      Self.definition(5, visible: 200..<300),  // another function
    ])
    scopes.add([Self.definition(6, visible: 0..<100)])  // a second round: the same body, another build
    #expect(Self.values(scopes.enclosing(5)) == [["1", "6"]])
    #expect(Self.values(scopes.enclosing(20)) == [["2"], ["1", "6"]])
    #expect(Self.values(scopes.enclosing(45)) == [["1", "6"]])
    #expect(Self.values(scopes.enclosing(55)) == [["3"], ["1", "6"]])
    #expect(Self.values(scopes.enclosing(70)) == [["4"], ["3"], ["1", "6"]])
    #expect(Self.values(scopes.enclosing(150)).isEmpty)
    #expect(Self.values(scopes.enclosing(250)) == [["5"]])
    #expect(Self.values(scopes.enclosing(300)).isEmpty)
  }
}
