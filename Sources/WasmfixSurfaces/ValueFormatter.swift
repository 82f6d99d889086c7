import WasmfixWorkspace
/// Writes sizes the way people write stack sizes (CONTRACT.md "The fix"): `9 * 1024 * 1024`,
/// `768 * 1024`, else a plain integer (`_`-grouped in Rust); shifts (`9 << 20`) where the value
/// being replaced or its neighbour is written with shifts.
enum ValueFormatter {
  static func format(_ value: Int128, language: SurfaceID, preferShifts: Bool) -> String {
    let mib: Int128 = 1 << 20, kib: Int128 = 1 << 10
    // C and C# integer literals are `int` unless suffixed: past INT_MAX the arithmetic would
    // overflow before the value reaches the size_t/uint64_t parameter.
    let suffix = value > Int128(Int32.max) ? (language == .csharp ? "UL" : (language == .rust ? "" : "ULL")) : ""
    if value > 0, value % mib == 0 { return preferShifts ? "\(value / mib)\(suffix) << 20" : "\(value / mib)\(suffix) * 1024 * 1024" }
    if value > 0, value % kib == 0 { return preferShifts ? "\(value / kib)\(suffix) << 10" : "\(value / kib)\(suffix) * 1024" }
    let plain = "\(value)\(suffix)"
    guard language == .rust, plain.count > 4 else { return plain }
    var grouped = ""
    for (i, ch) in plain.reversed().enumerated() {
      if i > 0, i % 3 == 0, ch != "-" { grouped.append("_") }
      grouped.append(ch)
    }
    return String(grouped.reversed())
  }

  /// Wraps a formatted value in parentheses where it replaces part of a larger expression.
  static func parenthesized(_ text: String) -> String {
    text.allSatisfy({ $0.isNumber || $0 == "_" || $0.isLetter }) ? text : "(\(text))"
  }
}
