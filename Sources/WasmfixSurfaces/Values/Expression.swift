import WasmfixWorkspace
/// A language-neutral form of an argument or constant initialiser, lowered from the syntax
/// tree so evaluation never needs the tree (trees are freed as soon as a file is scanned).
public indirect enum Expression: Sendable, Hashable {
  case integer(Int128)
  case boolean(Bool)
  /// A named value: `MAX`, `crate::limits::MAX`, `Limits.MaxStack`, `usize::MAX`.
  case name([String])
  case unary(UnaryOperator, Expression)
  case binary(BinaryOperator, Expression, Expression)
  /// A conversion to a named type: `x as usize`, `(size_t)x`, `(int)x`.
  case cast(String, Expression)
  /// A method call on a value: `a.saturating_add(b)`.
  case method(Expression, String, [Expression])
  /// A call of a function the tree defines with a constant body: a C++ literal operator
  /// (`8_MiB` calls `operator""_MiB`), later `const fn`s and function-like macros.
  case call([String], [Expression])
  /// Something that is not a compile-time constant; the text says what.
  case opaque(String)

  /// Replaces single-segment names bound at run time (parameters, locals) with `.opaque`.
  public func markingRuntimeBindings(_ bindings: Set<String>) -> Expression {
    guard !bindings.isEmpty else { return self }
    switch self {
    case .integer, .boolean, .opaque: return self
    case let .name(path):
      return path.count == 1 && bindings.contains(path[0]) ? .opaque("\(path[0]) is a variable") : self
    case let .unary(op, e): return .unary(op, e.markingRuntimeBindings(bindings))
    case let .cast(t, e): return .cast(t, e.markingRuntimeBindings(bindings))
    case let .binary(op, l, r): return .binary(op, l.markingRuntimeBindings(bindings), r.markingRuntimeBindings(bindings))
    case let .method(r, name, args):
      return .method(r.markingRuntimeBindings(bindings), name, args.map { $0.markingRuntimeBindings(bindings) })
    case let .call(path, args): return .call(path, args.map { $0.markingRuntimeBindings(bindings) })
    }
  }

  /// Replaces single-segment names by values: a function's parameters by its arguments.
  public func substituting(_ values: [String: Expression]) -> Expression {
    switch self {
    case .integer, .boolean, .opaque: return self
    case let .name(path): return path.count == 1 ? values[path[0]] ?? self : self
    case let .unary(op, e): return .unary(op, e.substituting(values))
    case let .cast(t, e): return .cast(t, e.substituting(values))
    case let .binary(op, l, r): return .binary(op, l.substituting(values), r.substituting(values))
    case let .method(r, name, args): return .method(r.substituting(values), name, args.map { $0.substituting(values) })
    case let .call(path, args): return .call(path, args.map { $0.substituting(values) })
    }
  }

  /// Every name this expression mentions, for the constant index to look up.
  public var referencedNames: [[String]] {
    switch self {
    case .integer, .boolean, .opaque: return []
    case let .name(path): return [path]
    case let .unary(_, e), let .cast(_, e): return e.referencedNames
    case let .binary(_, l, r): return l.referencedNames + r.referencedNames
    case let .method(r, _, args): return r.referencedNames + args.flatMap(\.referencedNames)
    case let .call(path, args): return [path] + args.flatMap(\.referencedNames)
    }
  }
}

public enum UnaryOperator: String, Sendable, Hashable { case negate = "-", plus = "+", bitNot = "~", logicalNot = "!" }

public enum BinaryOperator: String, Sendable, Hashable {
  case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
  case shiftLeft = "<<", shiftRight = ">>", bitAnd = "&", bitOr = "|", bitXor = "^"
}
