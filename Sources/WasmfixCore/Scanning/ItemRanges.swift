/// The top-level items (functions, `impl` blocks, statics, structs) of a Rust or C file that
/// contain the prefilter's hits, found with a bracket-depth pass that skips comments and
/// literals. Parsing just those items is enough for everything a site needs (its call, its
/// function, the engine creation and the local bindings in it) and several times cheaper than
/// parsing the file. Any doubt (unbalanced brackets, a hit outside an item) returns nil: parse
/// the whole file. The caller also re-parses the whole file when the partial tree has errors.
enum ItemRanges {
  static func enclosing(_ hits: [Int], in bytes: UnsafeRawBufferPointer, language: SourceLanguage) -> [Range<Int>]? {
    // C# nests methods inside types and namespaces: no cheap top-level item to take.
    guard language == .rust || language == .c, !hits.isEmpty else { return nil }
    var ranges: [Range<Int>] = []
    var depth = 0
    var itemStart = 0
    var pendingStart: Int?   // item start of a hit seen in the current item
    var hitIndex = 0
    var i = 0
    let n = bytes.count
    func skip(to end: Int) { i = end }
    while i < n {
      while hitIndex < hits.count, hits[hitIndex] < i {
        if pendingStart == nil { pendingStart = itemStart }
        hitIndex += 1
      }
      let b = bytes[i]
      let next: UInt8 = i + 1 < n ? bytes[i + 1] : 0
      if b == UInt8(ascii: "/") && next == UInt8(ascii: "/") {
        var j = i + 2
        while j < n, bytes[j] != 0x0A { j += 1 }
        i = j; continue
      }
      if b == UInt8(ascii: "/") && next == UInt8(ascii: "*") {
        guard let end = CodeRegions.blockCommentEnd(bytes, from: i, nests: language == .rust) else { return nil }
        i = end; continue
      }
      if b == UInt8(ascii: "\"") {
        guard let end = CodeRegions.literalEnd(bytes, from: i, language: language) else { return nil }
        i = end; continue
      }
      if language == .rust, b == UInt8(ascii: "r") || b == UInt8(ascii: "b"), i == 0 || !DefinitionScan.isIdentifierByte(bytes[i - 1]),
         let end = CodeRegions.rustRawStringEnd(bytes, from: i) {
        i = end; continue
      }
      if b == UInt8(ascii: "'"), let end = CodeRegions.charLiteralEnd(bytes, from: i) {
        i = end; continue
      }
      switch b {
      case UInt8(ascii: "{"), UInt8(ascii: "("), UInt8(ascii: "["):
        depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: ")"), UInt8(ascii: "]"):
        depth -= 1
        if depth < 0 { return nil }
        if depth == 0 && b == UInt8(ascii: "}") { closeItem(at: i + 1) }
      case UInt8(ascii: ";"):
        if depth == 0 { closeItem(at: i + 1) }
      case UInt8(ascii: "#") where language == .c && depth == 0:
        // A preprocessor line is an item of its own (it may hold unbalanced braces in macros).
        var j = i
        while j < n, bytes[j] != 0x0A || (j > 0 && bytes[j - 1] == UInt8(ascii: "\\")) { j += 1 }
        if hitIndex < hits.count, hits[hitIndex] < j, pendingStart == nil { pendingStart = itemStart }
        while hitIndex < hits.count, hits[hitIndex] < j { hitIndex += 1 }
        closeItem(at: j)
        i = j; continue
      default:
        break
      }
      i += 1
    }
    // A hit after the last complete item, or brackets left open: not worth the guesswork.
    guard depth == 0, hitIndex == hits.count, pendingStart == nil else { return nil }
    return ranges

    func closeItem(at end: Int) {
      while hitIndex < hits.count, hits[hitIndex] < end {
        if pendingStart == nil { pendingStart = itemStart }
        hitIndex += 1
      }
      if let start = pendingStart {
        if let last = ranges.last, last.upperBound >= start { ranges[ranges.count - 1] = last.lowerBound..<end }
        else { ranges.append(start..<end) }
        pendingStart = nil
      }
      itemStart = end
    }
  }
}
