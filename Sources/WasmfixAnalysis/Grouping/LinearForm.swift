import WasmfixEvaluation

/// An expression as a sum of unknowns with rational coefficients plus a constant, to decide
/// `max_wasm_stack <= async_stack_size` between run-time values: `x` and `x + (1 << 20)`,
/// `size / 2` and `size`, `n` and `n.saturating_add(512 * 1024)` always hold. Unknowns are
/// stack sizes (unsigned), identified by how they are written; a call is a fresh unknown each
/// time (it may return something else), and anything non-linear makes the form unknown.
struct LinearForm: Equatable {
  /// A fraction with a positive denominator.
  struct Ratio: Equatable {
    var numerator: Int128
    var denominator: Int128
    static let zero = Ratio(numerator: 0, denominator: 1)
    init(numerator: Int128, denominator: Int128) {
      func gcd(_ a: Int128, _ b: Int128) -> Int128 { b == 0 ? Swift.max(a, 1) : gcd(b, a % b) }
      let g = gcd(numerator.magnitude > Int128.max.magnitude ? 1 : Int128(numerator.magnitude), denominator)
      self.numerator = numerator / g
      self.denominator = denominator / g
    }
    init(_ value: Int128) { self.init(numerator: value, denominator: 1) }
    static func + (a: Ratio, b: Ratio) -> Ratio {
      Ratio(numerator: a.numerator * b.denominator + b.numerator * a.denominator, denominator: a.denominator * b.denominator)
    }
    static func * (a: Ratio, b: Ratio) -> Ratio {
      Ratio(numerator: a.numerator * b.numerator, denominator: a.denominator * b.denominator)
    }
    var isNegative: Bool { numerator < 0 }
  }

  var terms: [String: Ratio] = [:]
  var constant = Ratio.zero

  /// Values beyond this are left unknown, so the arithmetic above cannot overflow.
  private static let limit: Int128 = 1 << 64

  /// Nil when the expression is not linear in its unknowns. `upperBound`: the form may round
  /// down a division (`x / 2` is at most `x/2`), which is sound on the max side only.
  init?(_ expression: Expression, upperBound: Bool) {
    var calls = 0
    guard let form = Self.make(expression, upperBound: upperBound, calls: &calls) else { return nil }
    self = form
  }

  private init(constant: Ratio) { self.constant = constant }
  private init(unknown: String) { terms = [unknown: Ratio(1)] }

  private static func make(_ e: Expression, upperBound: Bool, calls: inout Int) -> LinearForm? {
    switch e {
    case let .integer(v): return v.magnitude < limit.magnitude ? LinearForm(constant: Ratio(v)) : nil
    case .boolean: return nil
    case let .name(path): return LinearForm(unknown: "name " + path.joined(separator: "::"))
    case let .opaque(text):
      if text.hasPrefix("call to") {
        calls += 1
        return LinearForm(unknown: "\(text) #\(calls)")
      }
      return LinearForm(unknown: text)
    case let .cast(_, inner), let .unary(.plus, inner): return make(inner, upperBound: upperBound, calls: &calls)
    case let .method(receiver, "saturating_add", arguments) where arguments.count == 1:
      // min(a + b, usize::MAX) >= a for b >= 0, and no max exceeds usize::MAX.
      let argument = arguments[0]
      guard let a = make(receiver, upperBound: upperBound, calls: &calls), let b = make(argument, upperBound: upperBound, calls: &calls),
            b.terms.isEmpty, !b.constant.isNegative else { return nil }
      return a.adding(b, scale: Ratio(1))
    case let .binary(op, l, r):
      guard let a = make(l, upperBound: upperBound, calls: &calls), let b = make(r, upperBound: upperBound, calls: &calls) else { return nil }
      switch op {
      case .add: return a.adding(b, scale: Ratio(1))
      case .subtract: return a.adding(b, scale: Ratio(-1))
      case .multiply:
        if a.terms.isEmpty { return b.scaled(a.constant) }
        if b.terms.isEmpty { return a.scaled(b.constant) }
        return nil
      case .shiftLeft:
        guard b.terms.isEmpty, b.constant.denominator == 1, (0..<63).contains(b.constant.numerator) else { return nil }
        return a.scaled(Ratio(Int128(1) << b.constant.numerator))
      case .divide, .shiftRight:
        guard upperBound, b.terms.isEmpty, b.constant.denominator == 1, b.constant.numerator > 0 else { return nil }
        let divisor = op == .divide ? b.constant.numerator : (b.constant.numerator < 63 ? Int128(1) << b.constant.numerator : 0)
        guard divisor > 0 else { return nil }
        return a.scaled(Ratio(numerator: 1, denominator: divisor))
      default: return nil
      }
    default: return nil
    }
  }

  private func adding(_ other: LinearForm, scale: Ratio) -> LinearForm {
    var result = self
    for (key, value) in other.terms { result.terms[key] = (result.terms[key] ?? .zero) + value * scale }
    result.constant = result.constant + other.constant * scale
    return result
  }

  private func scaled(_ factor: Ratio) -> LinearForm {
    var result = self
    for key in result.terms.keys { result.terms[key] = result.terms[key]! * factor }
    result.constant = result.constant * factor
    return result
  }

  /// Whether `max <= async` for every value of the unknowns (all unsigned).
  static func provesAtMost(max: LinearForm, async: LinearForm) -> Bool {
    let difference = async.adding(max, scale: Ratio(-1))
    return !difference.constant.isNegative && difference.terms.values.allSatisfy { !$0.isNegative }
  }
}
