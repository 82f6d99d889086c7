import WasmfixWorkspace
/// Integer types casts convert to, with their width and signedness.
package struct IntegerType {
  package let bits: Int
  package let signed: Bool

  package static func named(_ raw: String) -> IntegerType? {
    let name = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      .replacingOccurrences(of: "std::", with: "").replacingOccurrences(of: "core::", with: "")
    switch name {
    case "u8", "uint8_t", "byte", "unsigned char": return .init(bits: 8, signed: false)
    case "i8", "int8_t", "sbyte", "char", "signed char": return .init(bits: 8, signed: true)
    case "u16", "uint16_t", "ushort", "unsigned short": return .init(bits: 16, signed: false)
    case "i16", "int16_t", "short": return .init(bits: 16, signed: true)
    case "u32", "uint32_t", "uint", "unsigned", "unsigned int", "UInt32": return .init(bits: 32, signed: false)
    case "i32", "int32_t", "int", "signed", "signed int", "Int32": return .init(bits: 32, signed: true)
    case "u64", "usize", "uint64_t", "size_t", "uintptr_t", "ulong", "nuint", "UIntPtr", "UInt64",
         "unsigned long", "unsigned long long", "unsigned long int", "unsigned long long int":
      return .init(bits: 64, signed: false)
    case "i64", "isize", "int64_t", "ssize_t", "intptr_t", "ptrdiff_t", "long", "nint", "IntPtr", "Int64",
         "long long", "long int", "long long int":
      return .init(bits: 64, signed: true)
    default: return nil
    }
  }

  /// Wraps `v` to this type, as Rust's `as` and C's conversions do.
  package func convert(_ v: Int128) -> Int128 {
    let modulus = Int128(1) << bits
    var r = v % modulus
    if r < 0 { r += modulus }
    if signed, r >= modulus / 2 { r -= modulus }
    return r
  }

  package init(bits: Int, signed: Bool) {
    self.bits = bits
    self.signed = signed
  }
}
