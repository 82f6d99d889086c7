import WasmfixSurfaces
/// Looks up a named value for the evaluator. Implemented by `ConstantIndex`; tests pass tables.
public protocol NameResolver {
  /// The value of `path` as seen from byte `offset` of `file` (nil: from outside every
  /// function), or nil when no constant of that name is known.
  func resolve(_ path: [String], language: SurfaceID, fromFile file: String, at offset: Int?, visiting: inout Set<String>) -> NameResolution?
  /// The function `path` names, when the tree defines it with a constant body.
  func function(_ path: [String], language: SurfaceID, fromFile file: String, at offset: Int?) -> ConstantDefinition?
}

extension NameResolver {
  public func function(_ path: [String], language: SurfaceID, fromFile file: String, at offset: Int?) -> ConstantDefinition? { nil }
}

/// What a name evaluated to, and the definition it came from.
public struct NameResolution: Sendable, Hashable {
  public var value: EvaluatedValue
  public var definition: ConstantDefinition?
  /// Set when the name matched several definitions and wasmfix chose by name; said in messages.
  public var note: String?
  public init(value: EvaluatedValue, definition: ConstantDefinition?, note: String? = nil) {
    self.value = value
    self.definition = definition
    self.note = note
  }
}

/// Integer constant folding with checked arithmetic: overflow, division by zero and
/// anything not constant become `.unresolved` with a reason, never a trap.
public struct ConstantEvaluator {
  public let language: SurfaceID
  public let file: String
  /// Where in `file` the expression is (a local constant is seen only from its own block).
  public let offset: Int?
  public let resolver: NameResolver?

  /// Definitions used while evaluating, in order of first use (for messages and fixes).
  public private(set) var definitionsUsed: [ConstantDefinition] = []
  public private(set) var notes: [String] = []

  public init(language: SurfaceID, file: String, offset: Int? = nil, resolver: NameResolver?) {
    self.language = language
    self.file = file
    self.offset = offset
    self.resolver = resolver
  }

  public mutating func evaluate(_ expression: Expression) -> EvaluatedValue {
    var visiting = Set<String>()
    return evaluate(expression, visiting: &visiting)
  }

  public mutating func evaluate(_ expression: Expression, visiting: inout Set<String>) -> EvaluatedValue {
    switch expression {
    case let .integer(v): return .integer(v)
    case let .boolean(b): return .boolean(b)
    case let .opaque(reason): return .unresolved(reason)
    case let .name(path):
      if let builtin = BuiltinLimits.value(of: path, language: language) { return .integer(builtin) }
      guard let resolver,
            let found = resolver.resolve(path, language: language, fromFile: file, at: offset, visiting: &visiting)
      else { return .unresolved("\(path.joined(separator: separator)) is not a constant wasmfix can find") }
      if let definition = found.definition, !definitionsUsed.contains(definition) { definitionsUsed.append(definition) }
      if let note = found.note, !notes.contains(note) { notes.append(note) }
      return found.value
    case let .unary(op, operand):
      let value = evaluate(operand, visiting: &visiting)
      // `!0u32` / `~0u`: the complement of an unsigned operand of known type stays in that type.
      if op == .bitNot, case let .cast(type, _) = operand, let integerType = IntegerType.named(type),
         !integerType.signed, case let .integer(v) = value {
        return .integer(integerType.convert(~v))
      }
      return Self.apply(op, value)
    case let .binary(op, lhs, rhs):
      let l = evaluate(lhs, visiting: &visiting)
      guard case let .integer(a) = l else { return l.isResolved ? .unresolved("non-integer operand") : l }
      let r = evaluate(rhs, visiting: &visiting)
      guard case let .integer(b) = r else { return r.isResolved ? .unresolved("non-integer operand") : r }
      let result = Self.apply(op, a, b)
      // An unsigned operand (`1u`, `2usize`, `x as u64`, `(size_t)x`) makes the arithmetic
      // unsigned: `1u - 2` goes below zero, an overflow Rust rejects and C wraps.
      if case let .integer(v) = result, v < 0, let type = Self.unsignedType(of: lhs) ?? Self.unsignedType(of: rhs) {
        return .unresolved("arithmetic overflow: \(a) \(op.rawValue) \(b) is negative in unsigned (\(type)) arithmetic")
      }
      return result
    case let .cast(type, operand):
      let value = evaluate(operand, visiting: &visiting)
      guard case let .integer(v) = value else { return value }
      return IntegerType.named(type).map { .integer($0.convert(v)) } ?? .integer(v)
    case let .method(receiver, name, arguments):
      let value = evaluate(receiver, visiting: &visiting)
      guard case let .integer(a) = value else { return value }
      var args: [Int128] = []
      for argument in arguments {
        let v = evaluate(argument, visiting: &visiting)
        guard case let .integer(i) = v else { return v }
        args.append(i)
      }
      return Self.applyMethod(name, a, args)
    case let .call(path, arguments):
      let written = path.joined(separator: separator)
      guard let function = resolver?.function(path, language: language, fromFile: file, at: offset),
            let parameters = function.parameters, parameters.count == arguments.count
      else { return .unresolved("call to \(written)()") }
      var values: [Expression] = []
      for argument in arguments {
        let v = evaluate(argument, visiting: &visiting)
        guard case let .integer(i) = v else { return v }
        values.append(.integer(i))
      }
      let key = "call \(function.location)"
      guard !visiting.contains(key) else { return .unresolved("\(written)() calls itself") }
      visiting.insert(key)
      defer { visiting.remove(key) }
      if !definitionsUsed.contains(function) { definitionsUsed.append(function) }
      var inner = ConstantEvaluator(language: language, file: function.path, offset: function.itemRange.lowerBound, resolver: resolver)
      return inner.evaluate(function.value.substituting(Dictionary(uniqueKeysWithValues: zip(parameters, values))), visiting: &visiting)
    }
  }

  /// The unsigned type an operand is written with (a suffix or a cast), nil otherwise.
  static func unsignedType(of expression: Expression) -> String? {
    guard case let .cast(type, _) = expression, let integer = IntegerType.named(type), !integer.signed else { return nil }
    return type
  }

  private var separator: String { language == .rust ? "::" : (language == .csharp ? "." : "::") }

  static func apply(_ op: UnaryOperator, _ value: EvaluatedValue) -> EvaluatedValue {
    switch (op, value) {
    case let (.negate, .integer(v)): return .integer(-v)
    case let (.plus, .integer(v)): return .integer(v)
    // Two's complement: ~v == -v - 1; wrapped to the parameter's width at the call.
    case let (.bitNot, .integer(v)): return .integer(~v)
    case let (.logicalNot, .boolean(b)): return .boolean(!b)
    case let (.logicalNot, .integer(v)): return .integer(v == 0 ? 1 : 0)
    case (_, .unresolved): return value
    default: return .unresolved("operator \(op.rawValue) on a non-integer")
    }
  }

  /// Values must fit in 64 bits (signed or unsigned) after every step, as in the languages.
  static let representable: ClosedRange<Int128> = Int128(Int64.min)...Int128(UInt64.max)

  static func checked(_ result: (partialValue: Int128, overflow: Bool)) -> EvaluatedValue {
    guard !result.overflow, representable.contains(result.partialValue) else {
      return .unresolved("arithmetic overflow")
    }
    return .integer(result.partialValue)
  }

  static func apply(_ op: BinaryOperator, _ a: Int128, _ b: Int128) -> EvaluatedValue {
    switch op {
    case .add: return checked(a.addingReportingOverflow(b))
    case .subtract: return checked(a.subtractingReportingOverflow(b))
    case .multiply: return checked(a.multipliedReportingOverflow(by: b))
    // The one signed quotient that does not fit: MIN / -1 (and MIN % -1, which traps too).
    case .divide where a == Int128(Int64.min) && b == -1, .remainder where a == Int128(Int64.min) && b == -1:
      return .unresolved("arithmetic overflow")
    case .divide: return b == 0 ? .unresolved("division by zero") : checked(a.dividedReportingOverflow(by: b))
    case .remainder: return b == 0 ? .unresolved("division by zero") : checked(a.remainderReportingOverflow(dividingBy: b))
    case .shiftLeft:
      guard b >= 0, b < 64 else { return .unresolved("shift by \(b) overflows") }
      let shifted = a << Int(b)
      guard shifted >> Int(b) == a else { return .unresolved("arithmetic overflow") }
      return checked((shifted, false))
    case .shiftRight:
      guard b >= 0, b < 128 else { return .unresolved("shift by \(b) overflows") }
      return .integer(a >> Int(b))
    case .bitAnd: return .integer(a & b)
    case .bitOr: return .integer(a | b)
    case .bitXor: return .integer(a ^ b)
    }
  }

  static func applyMethod(_ name: String, _ a: Int128, _ args: [Int128]) -> EvaluatedValue {
    let max = Int128(UInt64.max)
    switch (name, args.count) {
    case ("saturating_add", 1): return .integer(Swift.min(a + args[0], max))
    case ("saturating_mul", 1):
      let (v, o) = a.multipliedReportingOverflow(by: args[0])
      return .integer(o ? max : Swift.min(v, max))
    case ("saturating_sub", 1): return .integer(Swift.max(a - args[0], 0))
    case ("wrapping_add", 1): return .integer((a + args[0]) & max)
    case ("wrapping_mul", 1): return .integer(a.multipliedReportingOverflow(by: args[0]).partialValue & max)
    case ("max", 1): return .integer(Swift.max(a, args[0]))
    case ("min", 1): return .integer(Swift.min(a, args[0]))
    case ("pow", 1):
      guard args[0] >= 0, args[0] < 128 else { return .unresolved("arithmetic overflow") }
      var result: Int128 = 1
      for _ in 0..<Int(args[0]) {
        let (v, o) = result.multipliedReportingOverflow(by: a)
        if o || !representable.contains(v) { return .unresolved("arithmetic overflow") }
        result = v
      }
      return .integer(result)
    case ("into", 0), ("clone", 0), ("to_owned", 0): return .integer(a)
    default: return .unresolved("call to .\(name)()")
    }
  }
}

/// `usize::MAX`, `SIZE_MAX`, `int.MaxValue` and friends.
enum BuiltinLimits {
  static func value(of path: [String], language: SurfaceID) -> Int128? {
    var path = path
    while let first = path.first, ["std", "core", "System"].contains(first), path.count > 2 { path.removeFirst() }
    switch language {
    case .rust:
      guard path.count == 2, let type = IntegerType.named(path[0]), ["u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize"].contains(path[0]) else { return nil }
      return limit(type, max: path[1] == "MAX", ifMin: path[1] == "MIN")
    case .c, .cpp:
      guard path.count == 1 else { return nil }
      let table: [String: Int128] = [
        "SIZE_MAX": Int128(UInt64.max), "UINT64_MAX": Int128(UInt64.max), "UINTPTR_MAX": Int128(UInt64.max),
        "ULLONG_MAX": Int128(UInt64.max), "ULONG_MAX": Int128(UInt64.max), "UINT32_MAX": Int128(UInt32.max),
        "UINT_MAX": Int128(UInt32.max), "INT_MAX": Int128(Int32.max), "INT32_MAX": Int128(Int32.max),
        "INT64_MAX": Int128(Int64.max), "LONG_MAX": Int128(Int64.max), "LLONG_MAX": Int128(Int64.max),
        "SSIZE_MAX": Int128(Int64.max), "INTPTR_MAX": Int128(Int64.max),
      ]
      return table[path[0]]
    default:
      guard language == .csharp, path.count == 2, ["MaxValue", "MinValue"].contains(path[1]), let type = IntegerType.named(path[0]) else { return nil }
      return limit(type, max: path[1] == "MaxValue", ifMin: path[1] == "MinValue")
    }
  }

  private static func limit(_ type: IntegerType, max: Bool, ifMin: Bool) -> Int128? {
    if max { return type.signed ? (Int128(1) << (type.bits - 1)) - 1 : (Int128(1) << type.bits) - 1 }
    if ifMin { return type.signed ? -(Int128(1) << (type.bits - 1)) : 0 }
    return nil
  }
}
