import WasmfixWorkspace
/// The items (functions, methods, statics, fields) of a file that contain the prefilter's hits,
/// found with a bracket-matching pass that skips comments and literals. Parsing just those
/// items is enough for everything a site needs (its call, its function, the engine creation and
/// the local bindings in it) and several times cheaper than parsing the file.
///
/// Containers (a C# namespace, class, struct or interface; a Rust `mod`, `impl` or `trait`) are
/// entered rather than taken whole: their header up to `{` and their closing `}` are kept, so
/// `namespace A { class B { void M() { hit } } }` keeps its shape and tree-sitter sees the same
/// ancestors, while the siblings of `M` are left out. A container is recognised by its first
/// word after modifiers, so `fn f() -> impl Iterator {` or `where T : class {` is not one.
///
/// Any doubt (unbalanced brackets, a hit outside an item) returns nil: parse the whole file.
/// The caller also re-parses the whole file when the partial tree has errors.
enum ItemRanges {
  static func enclosing(_ hits: [Int], in bytes: UnsafeRawBufferPointer, language: SurfaceID) -> [Range<Int>]? {
    guard !hits.isEmpty else { return nil }
    let scanner = LevelScanner(bytes: bytes, language: language)
    var ranges: [Range<Int>] = []
    guard scanner.collect(hits[...], in: 0..<bytes.count, depth: 0, into: &ranges) else { return nil }
    var merged: [Range<Int>] = []
    for range in ranges where !range.isEmpty {
      if let last = merged.last, last.upperBound >= range.lowerBound {
        merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
      } else {
        merged.append(range)
      }
    }
    return merged
  }

  /// One item at one bracket level.
  struct Item {
    var range: Range<Int>
    /// The item's first `{ ... }` group, braces included.
    var body: Range<Int>?
    var isContainer = false
    /// C#'s `namespace A.B;`: kept in every partial parse, it qualifies the file's names.
    var isFileScopedNamespace = false
    /// Text after the last complete item: a hit in it is a doubt.
    var isComplete = true
  }

  private struct LevelScanner {
    let bytes: UnsafeRawBufferPointer
    let language: SurfaceID
    /// The language's byte classes (`ScanClass`), looked up once per byte in the skip loops.
    let classes: UnsafePointer<UInt8>

    /// Words that may precede the word saying what an item is.
    let modifiers: Set<String>
    /// Item kinds whose members are items of their own. C# `record` is left out: as a
    /// contextual keyword it may also be a type name (`public record Get() {`).
    let containers: Set<String>

    init(bytes: UnsafeRawBufferPointer, language: SurfaceID) {
      self.bytes = bytes
      self.language = language
      classes = ScanClass.table(for: language)
      switch language {
      case .rust:
        modifiers = ["pub", "unsafe", "default"]
        containers = ["mod", "impl", "trait"]
      case .csharp:
        modifiers = ["public", "private", "protected", "internal", "static", "sealed", "abstract", "partial",
                     "unsafe", "readonly", "new", "file", "ref"]
        containers = ["namespace", "class", "struct", "interface"]
      default:
        modifiers = []
        containers = []
      }
    }

    /// Appends the ranges to parse for `hits` (sorted, all inside `region`); false on doubt.
    func collect(_ hits: ArraySlice<Int>, in region: Range<Int>, depth: Int, into ranges: inout [Range<Int>]) -> Bool {
      guard let items = items(in: region) else { return false }
      var next = hits.startIndex
      for item in items {
        let first = next
        while next < hits.endIndex, hits[next] < item.range.upperBound { next += 1 }
        let inside = hits[first..<next]
        if item.isFileScopedNamespace { ranges.append(item.range); continue }
        guard !inside.isEmpty else { continue }
        guard item.isComplete, inside.first! >= item.range.lowerBound else { return false }
        if item.isContainer, depth < 16, let body = item.body,
           inside.first! > body.lowerBound, inside.last! < body.upperBound - 1 {
          ranges.append(item.range.lowerBound..<(body.lowerBound + 1))
          guard collect(inside, in: (body.lowerBound + 1)..<(body.upperBound - 1), depth: depth + 1, into: &ranges) else { return false }
          ranges.append((body.upperBound - 1)..<item.range.upperBound)
        } else {
          ranges.append(item.range)
        }
      }
      return next == hits.endIndex
    }

    /// Splits `region` into items: each ends at a `;` or a `}` at this level; a C or C#
    /// preprocessor line that starts an item is one by itself. Nil when brackets do not match.
    func items(in region: Range<Int>) -> [Item]? {
      var items: [Item] = []
      var i = region.lowerBound
      let end = region.upperBound
      var item = Item(range: i..<i)
      var sawCode = false
      var decided = false
      var firstWord = ""
      func close(at position: Int) {
        item.range = item.range.lowerBound..<position
        items.append(item)
        item = Item(range: position..<position)
        sawCode = false
        decided = false
        firstWord = ""
      }
      while i < end {
        if sawCode && decided {
          // Inside an item whose kind is decided, only comments, literals, brackets, `;` and
          // `#` matter: skip every other byte (words, spaces, operators) in a tight loop.
          i = skipBoring(from: i, limit: end, mask: ScanClass.nonCodeStart | ScanClass.bracket | ScanClass.itemSyntax)
          guard i < end else { break }
        }
        let b = bytes[i]
        if let skipped = skipNonCode(at: i, limit: end) {
          i = skipped
          continue
        }
        if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1; continue }
        if b == UInt8(ascii: "#"), language != .rust {
          // A directive: its braces and quotes are not code at this level.
          var j = i
          while j < end, bytes[j] != 0x0A || (j > 0 && bytes[j - 1] == UInt8(ascii: "\\")) { j += 1 }
          i = j
          if !sawCode { close(at: j) }
          continue
        }
        sawCode = true
        switch b {
        case UInt8(ascii: "{"), UInt8(ascii: "("), UInt8(ascii: "["):
          guard let closing = matching(from: i, limit: end) else { return nil }
          if b == UInt8(ascii: "{") {
            item.body = i..<(closing + 1)
            item.isContainer = decided && containers.contains(firstWord)
            close(at: closing + 1)
          }
          i = closing + 1
        case UInt8(ascii: "}"), UInt8(ascii: ")"), UInt8(ascii: "]"):
          return nil
        case UInt8(ascii: ";"):
          if language == .csharp, decided, firstWord == "namespace" { item.isFileScopedNamespace = true }
          close(at: i + 1)
          i += 1
        default:
          guard DefinitionScan.isIdentifierStart(b), i == 0 || !DefinitionScan.isIdentifierByte(bytes[i - 1]) else { i += 1; continue }
          var j = i
          while j < end, DefinitionScan.isIdentifierByte(bytes[j]) { j += 1 }
          if !decided {
            let word = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self)
            if !modifiers.contains(word) {
              decided = true
              // `class Name`, `mod name`, `impl<T>`: a container keyword is followed by a name
              // (or Rust generics), never by `(`, `{`, `,` (`where T : class {`).
              firstWord = followedByName(j, limit: end) ? word : ""
            }
          }
          i = j
        }
      }
      if sawCode {
        item.isComplete = false
        close(at: end)
      }
      return items
    }

    private func followedByName(_ start: Int, limit: Int) -> Bool {
      var j = start
      while j < limit, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A || bytes[j] == 0x0D { j += 1 }
      guard j < limit else { return false }
      return DefinitionScan.isIdentifierStart(bytes[j]) || (language == .rust && bytes[j] == UInt8(ascii: "<"))
    }

    /// The index of the bracket closing the one at `start`, skipping comments and literals.
    func matching(from start: Int, limit: Int) -> Int? {
      var depth = 0
      var i = start
      while i < limit {
        // Most bytes are neither brackets nor the start of a comment or literal.
        i = skipBoring(from: i, limit: limit, mask: ScanClass.nonCodeStart | ScanClass.bracket)
        guard i < limit else { break }
        if let skipped = skipNonCode(at: i, limit: limit) {
          i = skipped
          continue
        }
        switch bytes[i] {
        case UInt8(ascii: "{"), UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: ")"), UInt8(ascii: "]"):
          depth -= 1
          if depth == 0 { return i }
        default: break
        }
        i += 1
      }
      return nil
    }

    /// The first offset from `i` whose byte has a class in `mask`. A Rust `r` or `b` inside a
    /// word is skipped too: only at a word's start can it open a raw or byte string.
    @inline(__always)
    private func skipBoring(from start: Int, limit: Int, mask: UInt8) -> Int {
      var i = start
      while i < limit {
        let c = classes[Int(bytes[i])]
        if c & mask == 0 || (c & ScanClass.rawPrefix != 0 && i > 0 && classes[Int(bytes[i - 1])] & ScanClass.word != 0) {
          i += 1
          continue
        }
        break
      }
      return i
    }

    /// The end of a comment or literal starting at `i`, nil when code starts there. An
    /// unterminated one ends at `limit`, which leaves its brackets unmatched: a doubt.
    private func skipNonCode(at i: Int, limit: Int) -> Int? {
      switch CodeRegions.nonCode(bytes, at: i, language: language) {
      case nil: return nil
      case let .endsAt(end): return min(end, limit)
      case .unterminated: return limit
      }
    }
  }

  /// Byte classes for the bracket scan, per language, as bits of one table entry.
  enum ScanClass {
    /// May start a comment or literal in this language (`CodeRegions.nonCode` decides).
    static let nonCodeStart: UInt8 = 1
    static let bracket: UInt8 = 2
    /// `;` and, outside Rust, `#`: they end or make an item.
    static let itemSyntax: UInt8 = 4
    /// Rust `r` and `b`: they start a raw or byte string only at a word's start.
    static let rawPrefix: UInt8 = 8
    /// Identifier bytes.
    static let word: UInt8 = 16

    private static func make(rust: Bool, csharp: Bool) -> UnsafePointer<UInt8> {
      let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
      for b in 0..<256 {
        let byte = UInt8(b)
        var bits: UInt8 = 0
        if "/\"'".utf8.contains(byte) || (rust && "rb".utf8.contains(byte)) || (csharp && "@$".utf8.contains(byte)) {
          bits |= nonCodeStart
        }
        if rust && "rb".utf8.contains(byte) { bits |= rawPrefix }
        if "{}()[]".utf8.contains(byte) { bits |= bracket }
        if byte == UInt8(ascii: ";") || (!rust && byte == UInt8(ascii: "#")) { bits |= itemSyntax }
        if DefinitionScan.isIdentifierByte(byte) { bits |= word }
        table[b] = bits
      }
      return UnsafePointer(table)
    }

    /// Never freed: one table per language kind for the process. `nonisolated(unsafe)`: as
    /// `DefinitionScan.ByteClass.table`, written only by the run-once initialiser.
    nonisolated(unsafe) private static let rust = make(rust: true, csharp: false)
    nonisolated(unsafe) private static let csharp = make(rust: false, csharp: true)
    nonisolated(unsafe) private static let other = make(rust: false, csharp: false)

    static func table(for language: SurfaceID) -> UnsafePointer<UInt8> {
      language == .rust ? rust : language == .csharp ? csharp : other
    }
  }
}
