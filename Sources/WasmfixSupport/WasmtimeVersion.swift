import Foundation

/// A Wasmtime release number, `major.minor.patch`.
///
/// Parsed leniently from what manifests write: plain versions (`25`, `25.0`, `25.0.1`, `0.35.0`),
/// Cargo requirements (`=25.0.0`, `^25`, `~25.1`, `>=25, <27`, `25.*`), NuGet ranges
/// (`[22.0.0, 23)`) and tags (`v25.0.0`). A requirement stands for the lowest version it admits,
/// as Cargo's resolver may pick any of them and the contract says "`25` means 25.0.0".
/// Pre-release and build suffixes (`25.0.0-rc1`, `25.0.0+build`) are ignored.
/// Encodes to JSON as the string `"X.Y.Z"`.
public struct WasmtimeVersion: Comparable, Hashable, Sendable, Codable, CustomStringConvertible {
  public var major: Int
  public var minor: Int
  public var patch: Int

  public init(_ major: Int, _ minor: Int = 0, _ patch: Int = 0) {
    self.major = major
    self.minor = minor
    self.patch = patch
  }

  /// Parses a version or version requirement; nil when the text names no lowest version
  /// (`*`, `<27`, garbage).
  public init?(_ text: String) {
    guard let lowest = WasmtimeVersionRange(parsing: text)?.lowest else { return nil }
    self = lowest
  }

  /// The newest Wasmtime release the facts (wasmtime-facts.md, probe up to 50.0.1) know about.
  /// Assumed when no manifest names a version: the check always applies there (47+).
  public static let newestKnown = WasmtimeVersion(50, 0, 1)

  public var description: String { "\(major).\(minor).\(patch)" }

  public static func < (lhs: WasmtimeVersion, rhs: WasmtimeVersion) -> Bool {
    (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let version = WasmtimeVersion(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "not a Wasmtime version: \(text)")
    }
    self = version
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

/// The set of versions a Cargo requirement (or NuGet range) admits, as one half-open interval
/// `[lower, upper)`. Comma-separated comparators intersect. Used to find a requirement's lowest
/// version and to check that a `Cargo.lock` entry satisfies a `Cargo.toml` requirement.
package struct WasmtimeVersionRange: Sendable, Equatable {
  /// Inclusive; nil = unbounded below.
  var lower: WasmtimeVersion?
  /// Exclusive; nil = unbounded above.
  var upper: WasmtimeVersion?

  /// The lowest admitted version, nil when unbounded below or empty.
  package var lowest: WasmtimeVersion? {
    guard let lower else { return nil }
    if let upper, upper <= lower { return nil }
    return lower
  }

  package func contains(_ version: WasmtimeVersion) -> Bool {
    if let lower, version < lower { return false }
    if let upper, version >= upper { return false }
    return true
  }

  init(lower: WasmtimeVersion?, upper: WasmtimeVersion?) {
    self.lower = lower
    self.upper = upper
  }

  package init?(parsing raw: String) {
    var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 {
      text = String(text.dropFirst().dropLast())
    }
    guard !text.isEmpty else { return nil }
    if let first = text.first, first == "[" || first == "(" {
      self.init(nugetRange: text)
      return
    }
    var range = WasmtimeVersionRange(lower: nil, upper: nil)
    var sawComparator = false
    for part in text.split(separator: ",") {
      let comparator = part.trimmingCharacters(in: .whitespaces)
      if comparator.isEmpty { continue }
      guard let interval = WasmtimeVersionRange(comparator: comparator) else { return nil }
      range = range.intersection(interval)
      sawComparator = true
    }
    guard sawComparator else { return nil }
    self = range
  }

  private func intersection(_ other: WasmtimeVersionRange) -> WasmtimeVersionRange {
    let newLower: WasmtimeVersion? =
      switch (lower, other.lower) {
      case let (a?, b?): max(a, b)
      case let (a, b): a ?? b
      }
    let newUpper: WasmtimeVersion? =
      switch (upper, other.upper) {
      case let (a?, b?): min(a, b)
      case let (a, b): a ?? b
      }
    return WasmtimeVersionRange(lower: newLower, upper: newUpper)
  }

  /// One Cargo comparator: `[op] major[.minor[.patch]][-pre][+build]`, with `*`/`x` wildcards.
  private init?(comparator: String) {
    var rest = Substring(comparator)
    var op = ""
    for candidate in [">=", "<=", ">", "<", "=", "^", "~"] where rest.hasPrefix(candidate) {
      op = candidate
      rest = rest.dropFirst(candidate.count)
      break
    }
    rest = Substring(rest.trimmingCharacters(in: .whitespaces))
    if rest.first == "v" || rest.first == "V" { rest = rest.dropFirst() }
    // Pre-release and build metadata are ignored (25.0.0-rc1 counts as 25.0.0).
    if let cut = rest.firstIndex(where: { $0 == "-" || $0 == "+" }) { rest = rest[..<cut] }
    var numbers: [Int] = []
    for component in rest.split(separator: ".", omittingEmptySubsequences: false) {
      if component == "*" || component == "x" || component == "X" { break }
      guard !component.isEmpty, component.allSatisfy(\.isASCII), let n = Int(component), n >= 0
      else { return nil }
      numbers.append(n)
    }
    guard numbers.count <= 3 else { return nil }
    if numbers.isEmpty {
      // `*` (any version); an operator in front of a bare wildcard is meaningless.
      guard op.isEmpty, rest == "*" || rest == "x" || rest == "X" else { return nil }
      self.init(lower: nil, upper: nil)
      return
    }
    let major = numbers[0]
    let minor = numbers.count > 1 ? numbers[1] : 0
    let patch = numbers.count > 2 ? numbers[2] : 0
    let base = WasmtimeVersion(major, minor, patch)
    /// The first version after everything the partial version names (`25` → 26.0.0, `25.1` → 25.2.0).
    let afterPartial: WasmtimeVersion =
      switch numbers.count {
      case 1: WasmtimeVersion(major + 1, 0, 0)
      case 2: WasmtimeVersion(major, minor + 1, 0)
      default: WasmtimeVersion(major, minor, patch + 1)
      }
    switch op {
    case "", "^":
      // Caret: the leftmost non-zero component may not change.
      let upper: WasmtimeVersion
      if major > 0 || numbers.count == 1 {
        upper = WasmtimeVersion(major + 1, 0, 0)
      } else if minor > 0 || numbers.count == 2 {
        upper = WasmtimeVersion(0, minor + 1, 0)
      } else {
        upper = WasmtimeVersion(0, 0, patch + 1)
      }
      self.init(lower: base, upper: upper)
    case "~":
      let upper = numbers.count == 1 ? WasmtimeVersion(major + 1, 0, 0) : WasmtimeVersion(major, minor + 1, 0)
      self.init(lower: base, upper: upper)
    case "=":
      self.init(lower: base, upper: afterPartial)
    case ">=":
      self.init(lower: base, upper: nil)
    case ">":
      self.init(lower: afterPartial, upper: nil)
    case "<":
      self.init(lower: nil, upper: base)
    case "<=":
      self.init(lower: nil, upper: afterPartial)
    default:
      return nil
    }
  }

  /// NuGet interval notation: `[1.0]` exact, `[1.0, 2.0)`, `(1.0,)`, `(,2.0]`.
  private init?(nugetRange text: String) {
    guard let open = text.first, let close = text.last, close == "]" || close == ")" else { return nil }
    let inner = text.dropFirst().dropLast()
    let bounds = inner.split(separator: ",", omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: .whitespaces) }
    func exact(_ s: String) -> WasmtimeVersion? {
      guard !s.isEmpty, let r = WasmtimeVersionRange(parsing: "=" + s) else { return nil }
      return r.lower
    }
    switch bounds.count {
    case 1:
      guard open == "[", close == "]", let v = exact(bounds[0]) else { return nil }
      self.init(lower: v, upper: WasmtimeVersion(v.major, v.minor, v.patch + 1))
    case 2:
      var lower = bounds[0].isEmpty ? nil : exact(bounds[0])
      var upper = bounds[1].isEmpty ? nil : exact(bounds[1])
      if !bounds[0].isEmpty, lower == nil { return nil }
      if !bounds[1].isEmpty, upper == nil { return nil }
      if open == "(", let l = lower { lower = WasmtimeVersion(l.major, l.minor, l.patch + 1) }
      if close == "]", let u = upper { upper = WasmtimeVersion(u.major, u.minor, u.patch + 1) }
      self.init(lower: lower, upper: upper)
    default:
      return nil
    }
  }
}
