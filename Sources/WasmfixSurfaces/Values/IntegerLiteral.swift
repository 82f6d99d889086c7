import WasmfixWorkspace
/// Parses integer literals of Rust, C and C#: bases, `_`/`'` separators and type suffixes.
enum IntegerLiteral {
  static func parse(_ raw: String, language: SurfaceID) -> Expression {
    var text = Substring(raw.filter { $0 != "_" && $0 != "'" })
    // tree-sitter-c's number_literal takes a leading sign (`-1` in `(size_t)-1` is one token).
    var negative = false
    if let sign = text.first, sign == "-" || sign == "+" {
      negative = sign == "-"
      text = text.dropFirst()
    }
    var radix = 10
    let lower = text.lowercased()
    if lower.hasPrefix("0x") { radix = 16; text = text.dropFirst(2) }
    else if lower.hasPrefix("0b") { radix = 2; text = text.dropFirst(2) }
    else if lower.hasPrefix("0o") { radix = 8; text = text.dropFirst(2) }
    // Suffixes: Rust u8..usize/i8..isize; C u, l, ll, z combos; C# u, l, ul, lu.
    let digits = text.prefix { $0.isHexDigit && (radix == 16 || $0.isNumber) }
    let suffix = text.dropFirst(digits.count).lowercased()
    let validSuffixes: Set<String> = language == .rust
      ? ["", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize"]
      : ["", "u", "l", "ul", "lu", "ll", "ull", "llu", "z", "uz", "zu"]
    guard !digits.isEmpty, validSuffixes.contains(suffix) else { return .opaque("literal \(raw)") }
    if radix == 10, language != .rust, language != .csharp, digits.count > 1, digits.first == "0" { radix = 8 }
    guard let value = UInt64(digits, radix: radix) else { return .opaque("literal \(raw) overflows 64 bits") }
    // A suffix gives the literal a type (`0u32`, `0u`), which `!`/`~` need to wrap at that width.
    let literal: Expression = typeName(suffix: suffix, value: value, language: language)
      .map { .cast($0, .integer(Int128(value))) } ?? .integer(Int128(value))
    return negative ? .unary(.negate, literal) : literal
  }

  /// The type a suffixed literal has (a name `IntegerType.named` knows), or nil when unsuffixed.
  /// C and C# widen a `u`/`l` literal that does not fit the suffix's first type.
  static func typeName(suffix: String, value: UInt64, language: SurfaceID) -> String? {
    guard !suffix.isEmpty else { return nil }
    if language == .rust { return suffix == "u128" || suffix == "i128" ? nil : suffix }
    let unsigned = suffix.contains("u")
    let long = suffix.contains("l") || suffix.contains("z")
    if language == .csharp {
      if unsigned { return !long && value <= UInt64(UInt32.max) ? "uint" : "ulong" }
      return value <= UInt64(Int64.max) ? "long" : "ulong"
    }
    if unsigned { return !long && value <= UInt64(UInt32.max) ? "unsigned int" : "unsigned long long" }
    return value <= UInt64(Int64.max) ? "long long" : "unsigned long long"
  }
}
