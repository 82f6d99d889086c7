import WasmfixWorkspace
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
/// A byte-level pass, run on every file while it is in memory anyway, that lists the names
/// the file may define as constants (`const NAME`, `#define NAME`, enumerators). It is a
/// superset: the constant index parses only the files listing a wanted name, and the parse
/// decides. This replaces a second read of the whole tree to find definitions.
enum DefinitionScan {
  /// The literals that can start a definition, per language, and how to read the name after each.
  enum Reader {
    case nameAfter, lastNameBeforeEquals, enumerators
    /// The element names inside an XML element (MSBuild's `<PropertyGroup>`), up to its end.
    case elementNames
  }

  /// A literal that can start a definition, and how to read the name after it.
  /// A `StaticString`, not a `String`: a keyword is copied for each of its hits, and a
  /// trivial struct copies without reference counting.
  struct Keyword: Sendable {
    let literal: StaticString
    let reader: Reader
    /// Computed once: a scan asks for every keyword occurrence of every file.
    let length: Int
    let endsInIdentifierByte: Bool
    init(_ literal: StaticString, _ reader: Reader) {
      precondition(literal.hasPointerRepresentation)
      self.literal = literal
      self.reader = reader
      length = literal.utf8CodeUnitCount
      endsInIdentifierByte = length > 0 && DefinitionScan.isIdentifierByte(literal.utf8Start[length - 1])
    }

    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: literal.utf8Start, count: length)) }
  }

  /// Appends to `names` the hashes of the names defined at an occurrence of `keyword` at
  /// `offset` (called by the prefilter for each keyword hit, in offset order, so no list of
  /// hits is built per file). `rust`: the file is Rust (`static mut NAME`, `const fn name`).
  static func read(_ keyword: Keyword, at offset: Int, in text: Text, rust: Bool, into names: inout [UInt64]) {
    let after = offset + keyword.length
    // Keywords are whole words: `enum` in `enumerate` or `const` in `is_const` start nothing.
    if offset > 0, text.isIdentifierByte(at: offset - 1) { return }
    if keyword.endsInIdentifierByte, after < text.count, text.isIdentifierByte(at: after) { return }
    switch keyword.reader {
    case .nameAfter:
      var i = text.skipSpaces(after)
      if rust, text.starts(at: i, withASCII: "mut ") || text.starts(at: i, withASCII: "fn ") {
        i = text.skipSpaces(i + 3 + (text[i] == UInt8(ascii: "m") ? 1 : 0))
      }
      if let name = text.identifier(at: i) { names.append(name.hash) }
    case .lastNameBeforeEquals:
      if let name = text.lastIdentifierBeforeEquals(from: after) { names.append(name) }
    case .enumerators:
      text.enumerators(from: after, into: &names)
    case .elementNames:
      text.elementNames(from: after, closing: keyword.literal, into: &names)
    }
  }

  static func isIdentifierStart(_ b: UInt8) -> Bool {
    (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
  }

  static func isIdentifierByte(_ b: UInt8) -> Bool { isIdentifierStart(b) || (b >= 0x30 && b <= 0x39) }

  /// What the readers' loops test a byte for, as bits of one table entry: a lookup instead of
  /// a chain of range compares per byte.
  enum ByteClass {
    static let identifierStart: UInt8 = 1
    static let identifier: UInt8 = 2
    /// `= ; { ( )`: where the search for a constant's `=` stops.
    static let equalsStop: UInt8 = 4
    /// `, ( ) }`: what matters between enumerators.
    static let enumStop: UInt8 = 8

    /// Never freed: one table for the process. `nonisolated(unsafe)`: the lazy initialiser
    /// (run once, before any reader sees the pointer) is its only writer, which the compiler
    /// cannot see through a pointer; a pointer, not an array, keeps the per-byte loads free
    /// of bounds checks.
    nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
      let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
      for b in 0..<256 {
        let byte = UInt8(b)
        var bits: UInt8 = 0
        if isIdentifierStart(byte) { bits |= identifierStart }
        if isIdentifierByte(byte) { bits |= identifier }
        if "=;{()".utf8.contains(byte) { bits |= equalsStop }
        if ",()}".utf8.contains(byte) { bits |= enumStop }
        table[b] = bits
      }
      return UnsafePointer(table)
    }()
  }

  /// A file's bytes for the readers, with the byte-class table at hand (fetched once per
  /// file, not per byte). Valid only while the caller's buffer is.
  struct Text {
    let base: UnsafePointer<UInt8>
    let count: Int
    let classes: UnsafePointer<UInt8>

    init?(_ bytes: UnsafeRawBufferPointer) {
      guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
      self.base = base
      count = bytes.count
      classes = ByteClass.table
    }

    subscript(_ i: Int) -> UInt8 { base[i] }

    func has(_ bits: UInt8, at i: Int) -> Bool { classes[Int(base[i])] & bits != 0 }
    func isIdentifierByte(at i: Int) -> Bool { has(ByteClass.identifier, at: i) }

    /// `<Name>` start tags after `start`, until `</` + the keyword's element (64 KiB at most).
    func elementNames(from start: Int, closing keyword: StaticString, into names: inout [UInt64]) {
      var i = start
      let limit = min(count, start + (64 << 10))
      while i + 1 < limit {
        if base[i] == UInt8(ascii: "<") {
          if base[i + 1] == UInt8(ascii: "/"), starts(at: i + 2, withASCII: keyword) { break }
          if has(ByteClass.identifierStart, at: i + 1), let name = identifier(at: i + 1) {
            names.append(name.hash)
            i += 1 + name.length
            continue
          }
        }
        i += 1
      }
    }

    /// `const size_t NAME = ...`, `const int A = 1, B = 2;` (first declarator is enough for
    /// stack sizes), `public const long Name = ...`.
    func lastIdentifierBeforeEquals(from start: Int) -> UInt64? {
      // Find the `=` first (most `const`s are parameters or pointers that end at `,` `)` `;`
      // without one), then hash only the identifier that ends right before it.
      let limit = min(count, start + 256)
      var equals = start
      while equals < limit, !has(ByteClass.equalsStop, at: equals) { equals += 1 }
      guard equals < limit, base[equals] == UInt8(ascii: "=") else { return nil }
      // Back from `=`: the last run of identifier bytes that starts like an identifier
      // (`X` in `const int *const X[4] =`; a number such as `4` is not a name).
      var end = equals
      while end > start {
        while end > start, !isIdentifierByte(at: end - 1) { end -= 1 }
        var begin = end
        while begin > start, isIdentifierByte(at: begin - 1) { begin -= 1 }
        if begin < end, has(ByteClass.identifierStart, at: begin) { return identifier(at: begin)?.hash }
        end = begin
      }
      return nil
    }

    /// Identifiers that start an item inside `enum ... { A = 1, B, C }`.
    func enumerators(from start: Int, into names: inout [UInt64]) {
      var i = start
      let limit = min(count, i + 128)
      while i < limit, base[i] != UInt8(ascii: "{"), base[i] != UInt8(ascii: ";") { i += 1 }
      guard i < limit, base[i] == UInt8(ascii: "{") else { return }
      var depth = 0
      i += 1
      var expectName = true
      while i < count {
        if expectName {
          while i < count, !has(ByteClass.identifierStart | ByteClass.enumStop, at: i) {
            // A comment before a name (`/* why */ B,`) hides no name and names nothing.
            if base[i] == UInt8(ascii: "/"), i + 1 < count, let end = commentEnd(at: i) { i = end } else { i += 1 }
          }
          if i < count, let name = identifier(at: i) {
            names.append(name.hash)
            expectName = false
            i += name.length
            continue
          }
        }
        // Between names only `,` `(` `)` `}` matter: skip everything else in a tight loop.
        while i < count, !has(ByteClass.enumStop, at: i) { i += 1 }
        guard i < count else { break }
        let b = base[i]
        if b == UInt8(ascii: "}") && depth == 0 { break }
        if b == UInt8(ascii: "(") { depth += 1 } else if b == UInt8(ascii: ")") { depth -= 1 }
        if b == UInt8(ascii: ",") && depth == 0 { expectName = true }
        i += 1
      }
    }

    /// End (exclusive) of a `//` or `/* */` comment starting at `i`, nil when none starts there.
    func commentEnd(at i: Int) -> Int? {
      if base[i + 1] == UInt8(ascii: "/") {
        var j = i + 2
        while j < count, base[j] != 0x0A { j += 1 }
        return j
      }
      guard base[i + 1] == UInt8(ascii: "*") else { return nil }
      var j = i + 2
      while j + 1 < count, !(base[j] == UInt8(ascii: "*") && base[j + 1] == UInt8(ascii: "/")) { j += 1 }
      return min(j + 2, count)
    }

    func skipSpaces(_ start: Int) -> Int {
      var i = start
      while i < count, base[i] == 0x20 || base[i] == 0x09 { i += 1 }
      return i
    }

    /// Compares in place: no array is made of `text` per call.
    func starts(at i: Int, withASCII text: StaticString) -> Bool {
      let length = text.utf8CodeUnitCount
      guard i + length <= count else { return false }
      return memcmp(base + i, text.utf8Start, length) == 0
    }

    /// The identifier at `start`, as its length and name hash (no String is made per file).
    func identifier(at start: Int) -> (hash: UInt64, length: Int)? {
      guard start < count, has(ByteClass.identifierStart, at: start) else { return nil }
      var end = start
      var hash = NameHash.seed
      while end < count, isIdentifierByte(at: end) {
        hash = NameHash.step(hash, base[end])
        end += 1
      }
      return (hash, end - start)
    }
  }
}

/// FNV-1a over an identifier's bytes: the byte scan records hashes, the index hashes the
/// names it wants; a collision only costs one extra parse.
package enum NameHash {
  static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
  static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
  package static func of(_ name: String) -> UInt64 { name.utf8.reduce(seed, step) }
}
