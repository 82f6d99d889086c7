/// Parses integer literals of Rust, C and C#: bases, `_`/`'` separators and type suffixes.
enum IntegerLiteral {
  static func parse(_ raw: String, language: SourceLanguage) -> Expression {
    var text = Substring(raw.filter { $0 != "_" && $0 != "'" })
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
    return .integer(Int128(value))
  }
}
