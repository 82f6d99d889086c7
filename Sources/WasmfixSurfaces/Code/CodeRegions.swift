import WasmfixWorkspace
/// A single forward pass over a file's bytes that tells whether a prefilter hit lies in code,
/// rather than in a comment or a string/char literal. Files whose every hit is in a comment or
/// a string (docs, decoys, test data) are then not parsed at all.
///
/// It is a prefilter, so every doubt resolves to "code": an unterminated literal, a `'` that
/// may be a Rust lifetime, anything unusual. The parse that follows is the authority.
enum CodeRegions {
  /// True when at least one of the sorted `offsets` is outside comments and literals.
  static func anyInCode(_ bytes: UnsafeRawBufferPointer, offsets: [Int], language: SurfaceID) -> Bool {
    guard !offsets.isEmpty else { return false }
    var hitIndex = 0
    var i = 0
    let n = bytes.count
    return mayStartNonCode.withUnsafeBufferPointer { mayStart -> Bool in
      while hitIndex < offsets.count {
        // A hit at i while in code: done.
        if offsets[hitIndex] <= i { return true }
        // Most bytes start no comment or literal: skip them up to the next hit in one tight loop.
        let stop = min(offsets[hitIndex], n)
        while i < stop, !mayStart[Int(bytes[i])] { i += 1 }
        guard i < stop else { continue }
        switch nonCode(bytes, at: i, language: language) {
        case nil: i += 1
        case let .endsAt(end):
          // Hits before `end` were inside the skipped region.
          while hitIndex < offsets.count, offsets[hitIndex] < end { hitIndex += 1 }
          i = end
        // An unterminated comment or literal: in doubt, the hit is code.
        case .unterminated: return true
        }
      }
      // Every hit fell inside a comment or literal: the rest of the file does not matter.
      return false
    }
  }

  /// What starts at a byte, for the passes that skip comments and literals.
  enum NonCode: Equatable {
    /// A comment or literal that ends (exclusive) at this offset.
    case endsAt(Int)
    /// A block comment or string literal that never ends.
    case unterminated
  }

  /// Bytes that can start a comment or a literal in one of the languages: most bytes start
  /// neither, and one table lookup says so.
  private static let mayStartNonCode: [Bool] = (0..<256).map { Array("/\"'rb@$".utf8).contains(UInt8($0)) }

  /// The comment or literal starting at `i`, nil when code starts there. A Rust `'a` lifetime or
  /// an unknown prefix is code.
  static func nonCode(_ bytes: UnsafeRawBufferPointer, at i: Int, language: SurfaceID) -> NonCode? {
    let b = bytes[i]
    guard mayStartNonCode[Int(b)] else { return nil }
    let n = bytes.count
    let next: UInt8 = i + 1 < n ? bytes[i + 1] : 0
    if b == UInt8(ascii: "/") && next == UInt8(ascii: "/") {
      var j = i + 2
      while j < n, bytes[j] != 0x0A { j += 1 }
      return .endsAt(j)
    }
    if b == UInt8(ascii: "/") && next == UInt8(ascii: "*") {
      return blockCommentEnd(bytes, from: i, nests: language == .rust).map(NonCode.endsAt) ?? .unterminated
    }
    if b == UInt8(ascii: "\"") {
      return literalEnd(bytes, from: i, language: language).map(NonCode.endsAt) ?? .unterminated
    }
    if language == .rust, b == UInt8(ascii: "r") || b == UInt8(ascii: "b"), i == 0 || !DefinitionScan.isIdentifierByte(bytes[i - 1]),
       let end = rustRawStringEnd(bytes, from: i) {
      return .endsAt(end)
    }
    if language == .csharp, b == UInt8(ascii: "@") || b == UInt8(ascii: "$"), let end = csharpPrefixedStringEnd(bytes, from: i) {
      return .endsAt(end)
    }
    if b == UInt8(ascii: "'"), let end = charLiteralEnd(bytes, from: i) {
      return .endsAt(end)
    }
    return nil
  }

  /// End (exclusive) of `/* ... */`; Rust block comments nest. Nil when unterminated.
  static func blockCommentEnd(_ bytes: UnsafeRawBufferPointer, from start: Int, nests: Bool) -> Int? {
    var depth = 0
    var j = start
    while j + 1 < bytes.count {
      if bytes[j] == UInt8(ascii: "/") && bytes[j + 1] == UInt8(ascii: "*") { depth += 1; j += 2; if !nests && depth > 1 { depth = 1 }; continue }
      if bytes[j] == UInt8(ascii: "*") && bytes[j + 1] == UInt8(ascii: "/") {
        depth -= 1; j += 2
        if depth == 0 { return j }
        continue
      }
      j += 1
    }
    return nil
  }

  /// End of a `"..."` literal with backslash escapes (C# `"""` raw literals too). Nil when unterminated.
  static func literalEnd(_ bytes: UnsafeRawBufferPointer, from start: Int, language: SurfaceID) -> Int? {
    if language == .csharp, start + 2 < bytes.count, bytes[start + 1] == UInt8(ascii: "\""), bytes[start + 2] == UInt8(ascii: "\"") {
      var j = start + 3
      while j + 2 < bytes.count {
        if bytes[j] == UInt8(ascii: "\""), bytes[j + 1] == UInt8(ascii: "\""), bytes[j + 2] == UInt8(ascii: "\"") { return j + 3 }
        j += 1
      }
      return nil
    }
    var j = start + 1
    while j < bytes.count {
      let c = bytes[j]
      if c == UInt8(ascii: "\\") { j += 2; continue }
      if c == UInt8(ascii: "\"") { return j + 1 }
      // C and C# strings cannot span lines (bar C's backslash continuation, handled above).
      if c == 0x0A, language != .rust { return nil }
      j += 1
    }
    return nil
  }

  /// `r"..."`, `r#"..."#`, `br"..."`, `b"..."` (a plain `b"` is an ordinary escaped string).
  static func rustRawStringEnd(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
    var j = start
    if bytes[j] == UInt8(ascii: "b") {
      j += 1
      guard j < bytes.count else { return nil }
      if bytes[j] == UInt8(ascii: "\"") { return literalEnd(bytes, from: j, language: .rust) }
    }
    guard j < bytes.count, bytes[j] == UInt8(ascii: "r") else { return nil }
    j += 1
    var hashes = 0
    while j < bytes.count, bytes[j] == UInt8(ascii: "#") { hashes += 1; j += 1 }
    guard j < bytes.count, bytes[j] == UInt8(ascii: "\"") else { return nil }
    j += 1
    while j < bytes.count {
      if bytes[j] == UInt8(ascii: "\"") {
        var k = j + 1, closing = 0
        while closing < hashes, k < bytes.count, bytes[k] == UInt8(ascii: "#") { closing += 1; k += 1 }
        if closing == hashes { return k }
      }
      j += 1
    }
    return nil
  }

  /// C# `@"..."` (verbatim: `""` escapes a quote, newlines allowed), `$"..."`, `$@"..."`, `@$"..."`.
  static func csharpPrefixedStringEnd(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
    var j = start
    var verbatim = false
    while j < bytes.count, bytes[j] == UInt8(ascii: "@") || bytes[j] == UInt8(ascii: "$") {
      if bytes[j] == UInt8(ascii: "@") { verbatim = true }
      j += 1
      if j - start > 2 { return nil }
    }
    guard j < bytes.count, bytes[j] == UInt8(ascii: "\""), j > start else { return nil }
    guard verbatim else { return literalEnd(bytes, from: j, language: .csharp) }
    j += 1
    while j < bytes.count {
      if bytes[j] == UInt8(ascii: "\"") {
        if j + 1 < bytes.count, bytes[j + 1] == UInt8(ascii: "\"") { j += 2; continue }
        return j + 1
      }
      j += 1
    }
    return nil
  }

  /// `'x'`, `'\n'`, `'\u{1F600}'`: a closing quote within a few bytes on the same line.
  /// Anything else (a Rust lifetime `'a`, a label) is code.
  static func charLiteralEnd(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
    var j = start + 1
    let limit = min(bytes.count, start + 12)
    if j < limit, bytes[j] == UInt8(ascii: "\\") { j += 2 } else { j += 1 }
    // Skip the continuation bytes of a multi-byte character.
    while j < limit, bytes[j] & 0xC0 == 0x80 { j += 1 }
    while j < limit, bytes[j] != UInt8(ascii: "'"), bytes[j] != 0x0A, bytes[start + 1] == UInt8(ascii: "\\") { j += 1 }
    guard j < limit, bytes[j] == UInt8(ascii: "'") else { return nil }
    return j + 1
  }
}
