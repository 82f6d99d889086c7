import WasmfixSurfaces
/// The result of evaluating an expression: a constant, or why it is not one.
public enum EvaluatedValue: Sendable, Hashable {
  case integer(Int128)
  case boolean(Bool)
  case unresolved(String)

  public var integer: Int128? { if case let .integer(v) = self { return v } else { return nil } }
  public var boolean: Bool? {
    switch self {
    case let .boolean(b): return b
    // C passes `1`/`0` for bool parameters.
    case let .integer(v): return v == 0 ? false : (v == 1 ? true : nil)
    case .unresolved: return nil
    }
  }
  public var isResolved: Bool { if case .unresolved = self { return false } else { return true } }
}
