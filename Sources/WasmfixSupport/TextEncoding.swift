/// Files in UTF-16 with a byte-order mark (Visual Studio writes C# and C++ sources so). They
/// are scanned as their UTF-8 decoding, with a UTF-8 BOM in place of theirs so that offsets
/// and columns behave as in a UTF-8 file with a BOM (columns count Unicode scalars); they
/// are never rewritten, since a fix is spliced into UTF-8 bytes (issue 10, item 6).
package enum TextEncoding {
  /// "UTF-16LE" or "UTF-16BE" when the bytes start with that byte-order mark, else nil.
  package static func utf16Name(_ bytes: UnsafeRawBufferPointer) -> String? {
    guard bytes.count >= 2 else { return nil }
    switch (bytes[0], bytes[1]) {
    case (0xFF, 0xFE): return bytes.count >= 4 && bytes[2] == 0 && bytes[3] == 0 ? nil : "UTF-16LE"  // not UTF-32LE
    case (0xFE, 0xFF): return "UTF-16BE"
    default: return nil
    }
  }

  package static func utf16Name(_ bytes: [UInt8]) -> String? { bytes.withUnsafeBytes { utf16Name($0) } }

  /// The UTF-8 form of a UTF-16 file with a BOM (the BOM becomes EF BB BF; an unpaired
  /// surrogate or an odd last byte becomes U+FFFD), nil when it has no UTF-16 BOM.
  package static func utf8(fromUTF16 bytes: UnsafeRawBufferPointer) -> [UInt8]? {
    guard let name = utf16Name(bytes) else { return nil }
    let bigEndian = name == "UTF-16BE"
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var i = 0
    while i + 1 < bytes.count {
      units.append(bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i]))
      i += 2
    }
    var utf8 = Array(String(decoding: units, as: UTF16.self).utf8)  // keeps the BOM as EF BB BF
    if bytes.count % 2 == 1 { utf8 += [0xEF, 0xBF, 0xBD] }
    return utf8
  }

  package static func utf8(fromUTF16 bytes: [UInt8]) -> [UInt8]? { bytes.withUnsafeBytes { utf8(fromUTF16: $0) } }
}
