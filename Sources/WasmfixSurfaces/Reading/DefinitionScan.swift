import WasmfixWorkspace
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
  struct Keyword: Sendable {
    let literal: String
    let reader: Reader
    /// Computed once: a scan asks for every keyword occurrence of every file.
    let length: Int
    let endsInIdentifierByte: Bool
    init(_ literal: String, _ reader: Reader) {
      self.literal = literal
      self.reader = reader
      length = literal.utf8.count
      endsInIdentifierByte = literal.utf8.last.map(DefinitionScan.isIdentifierByte) ?? false
    }
  }

  /// Hashes of the names defined at the keyword occurrences `hits` (offsets of `keywords[language][index]`).
  static func candidateNames(in bytes: UnsafeRawBufferPointer, surface: Surface,
                             hits: [(keyword: Int, offset: Int)]) -> [UInt64] {
    guard !hits.isEmpty else { return [] }
    let table = surface.search.keywords
    let language = surface.id
    var names: [UInt64] = []
    for hit in hits {
      let keyword = table[hit.keyword]
      let reader = keyword.reader
      let after = hit.offset + keyword.length
      // Keywords are whole words: `enum` in `enumerate` or `const` in `is_const` start nothing.
      if hit.offset > 0, isIdentifierByte(bytes[hit.offset - 1]) { continue }
      if keyword.endsInIdentifierByte, after < bytes.count, isIdentifierByte(bytes[after]) { continue }
      switch reader {
      case .nameAfter:
        var i = skipSpaces(bytes, after)
        if language == .rust, starts(bytes, at: i, with: "mut ") || starts(bytes, at: i, with: "fn ") { i = skipSpaces(bytes, i + 3 + (bytes[i] == UInt8(ascii: "m") ? 1 : 0)) }
        if let name = identifier(bytes, at: i) { names.append(name.hash) }
      case .lastNameBeforeEquals:
        if let name = lastIdentifierBeforeEquals(bytes, from: after) { names.append(name) }
      case .enumerators:
        names += enumerators(bytes, from: after)
      case .elementNames:
        names += elementNames(bytes, from: after, closing: keyword.literal)
      }
    }
    return names
  }

  /// `<Name>` start tags after `start`, until `</` + the keyword's element (64 KiB at most).
  private static func elementNames(_ bytes: UnsafeRawBufferPointer, from start: Int, closing keyword: String) -> [UInt64] {
    var names: [UInt64] = []
    var i = start
    let limit = min(bytes.count, start + (64 << 10))
    let element = Array(keyword.utf8)
    while i + 1 < limit {
      if bytes[i] == UInt8(ascii: "<") {
        if bytes[i + 1] == UInt8(ascii: "/"), starts(bytes, at: i + 2, with: String(decoding: element, as: UTF8.self)) { break }
        if isIdentifierStart(bytes[i + 1]), let name = identifier(bytes, at: i + 1) {
          names.append(name.hash)
          i += 1 + name.length
          continue
        }
      }
      i += 1
    }
    return names
  }

  /// `const size_t NAME = ...`, `const int A = 1, B = 2;` (first declarator is enough for
  /// stack sizes), `public const long Name = ...`.
  private static func lastIdentifierBeforeEquals(_ bytes: UnsafeRawBufferPointer, from start: Int) -> UInt64? {
    // Find the `=` first (most `const`s are parameters or pointers that end at `,` `)` `;`
    // without one), then hash only the identifier that ends right before it.
    let limit = min(bytes.count, start + 256)
    var equals = start
    while equals < limit {
      let b = bytes[equals]
      if b == UInt8(ascii: "=") { break }
      if b == UInt8(ascii: ";") || b == UInt8(ascii: "{") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")") { return nil }
      equals += 1
    }
    guard equals < limit else { return nil }
    // Back from `=`: the last run of identifier bytes that starts like an identifier
    // (`X` in `const int *const X[4] =`; a number such as `4` is not a name).
    var end = equals
    while end > start {
      while end > start, !isIdentifierByte(bytes[end - 1]) { end -= 1 }
      var begin = end
      while begin > start, isIdentifierByte(bytes[begin - 1]) { begin -= 1 }
      if begin < end, isIdentifierStart(bytes[begin]) { return identifier(bytes, at: begin)?.hash }
      end = begin
    }
    return nil
  }

  /// Identifiers that start an item inside `enum ... { A = 1, B, C }`.
  private static func enumerators(_ bytes: UnsafeRawBufferPointer, from start: Int) -> [UInt64] {
    var names: [UInt64] = []
    var i = start
    let limit = min(bytes.count, i + 128)
    while i < limit, bytes[i] != UInt8(ascii: "{"), bytes[i] != UInt8(ascii: ";") { i += 1 }
    guard i < limit, bytes[i] == UInt8(ascii: "{") else { return names }
    var depth = 0
    i += 1
    enumStops.withUnsafeBufferPointer { stops in
      var expectName = true
      while i < bytes.count {
        if expectName {
          while i < bytes.count, !isIdentifierStart(bytes[i]), !stops[Int(bytes[i])] {
            // A comment before a name (`/* why */ B,`) hides no name and names nothing.
            if bytes[i] == UInt8(ascii: "/"), i + 1 < bytes.count, let end = commentEnd(bytes, at: i) { i = end } else { i += 1 }
          }
          if i < bytes.count, let name = identifier(bytes, at: i) {
            names.append(name.hash)
            expectName = false
            i += name.length
            continue
          }
        }
        // Between names only `,` `(` `)` `}` matter: skip everything else in a tight loop.
        while i < bytes.count, !stops[Int(bytes[i])] { i += 1 }
        guard i < bytes.count else { break }
        let b = bytes[i]
        if b == UInt8(ascii: "}") && depth == 0 { break }
        if b == UInt8(ascii: "(") { depth += 1 } else if b == UInt8(ascii: ")") { depth -= 1 }
        if b == UInt8(ascii: ",") && depth == 0 { expectName = true }
        i += 1
      }
    }
    return names
  }

  /// End (exclusive) of a `//` or `/* */` comment starting at `i`, nil when none starts there.
  private static func commentEnd(_ bytes: UnsafeRawBufferPointer, at i: Int) -> Int? {
    if bytes[i + 1] == UInt8(ascii: "/") {
      var j = i + 2
      while j < bytes.count, bytes[j] != 0x0A { j += 1 }
      return j
    }
    guard bytes[i + 1] == UInt8(ascii: "*") else { return nil }
    var j = i + 2
    while j + 1 < bytes.count, !(bytes[j] == UInt8(ascii: "*") && bytes[j + 1] == UInt8(ascii: "/")) { j += 1 }
    return min(j + 2, bytes.count)
  }

  private static let enumStops: [Bool] = (0..<256).map { Array(",()}".utf8).contains(UInt8($0)) }

  private static func skipSpaces(_ bytes: UnsafeRawBufferPointer, _ start: Int) -> Int {
    var i = start
    while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
    return i
  }

  private static func starts(_ bytes: UnsafeRawBufferPointer, at i: Int, with text: String) -> Bool {
    let t = Array(text.utf8)
    guard i + t.count <= bytes.count else { return false }
    return (0..<t.count).allSatisfy { bytes[i + $0] == t[$0] }
  }

  static func isIdentifierStart(_ b: UInt8) -> Bool {
    (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
  }

  static func isIdentifierByte(_ b: UInt8) -> Bool { isIdentifierStart(b) || (b >= 0x30 && b <= 0x39) }

  /// The identifier at `start`, as its length and name hash (no String is made per file).
  private static func identifier(_ bytes: UnsafeRawBufferPointer, at start: Int) -> (hash: UInt64, length: Int)? {
    guard start < bytes.count, isIdentifierStart(bytes[start]) else { return nil }
    var end = start
    var hash = NameHash.seed
    while end < bytes.count, isIdentifierByte(bytes[end]) {
      hash = NameHash.step(hash, bytes[end])
      end += 1
    }
    return (hash, end - start)
  }
}

/// FNV-1a over an identifier's bytes: the byte scan records hashes, the index hashes the
/// names it wants; a collision only costs one extra parse.
package enum NameHash {
  static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
  static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
  package static func of(_ name: String) -> UInt64 { name.utf8.reduce(seed, step) }
}
