/// How a surface writes comments and strings, just enough to tell whether a `wasmfix:` on a
/// line is inside a real comment rather than a string literal. A line is read on its own: a
/// directive inside a block comment that opened on an earlier line, or a line that starts
/// inside a multi-line string, is not seen (write the directive on the comment's first line).
package struct CommentSyntax: Sendable {
  /// Openers of comments that run to the end of the line.
  let lineMarkers: [String]
  /// Block comments: opener and closer.
  let blocks: [(open: String, close: String)]
  /// Quotes that open string literals on this surface.
  let quotes: Set<Unicode.Scalar>
  /// Quotes inside which a backslash escapes the next character.
  let escapingQuotes: Set<Unicode.Scalar>
  /// `#` opens a comment only at the start of a word (shell: `$#`, `a#b` are not comments).
  let markerNeedsWordStart: Bool

  /// Rust, C, C++, C#: `//` and `/* */`; `'` is not a quote there (Rust lifetimes).
  static let cFamily = CommentSyntax(lineMarkers: ["//"], blocks: [("/*", "*/")], quotes: ["\""], escapingQuotes: ["\""],
                                     markerNeedsWordStart: false)
  static let javascript = CommentSyntax(lineMarkers: ["//"], blocks: [("/*", "*/")], quotes: ["\"", "'", "`"],
                                        escapingQuotes: ["\"", "'", "`"], markerNeedsWordStart: false)
  static let shell = CommentSyntax(lineMarkers: ["#"], blocks: [], quotes: ["\"", "'"], escapingQuotes: ["\""],
                                   markerNeedsWordStart: true)
  static let powershell = CommentSyntax(lineMarkers: ["#"], blocks: [("<#", "#>")], quotes: ["\"", "'"], escapingQuotes: [],
                                        markerNeedsWordStart: true)
  /// TOML, Python, Makefiles: `#` anywhere outside a string.
  static let hash = CommentSyntax(lineMarkers: ["#"], blocks: [], quotes: ["\"", "'"], escapingQuotes: ["\""],
                                  markerNeedsWordStart: false)
  static let xml = CommentSyntax(lineMarkers: [], blocks: [("<!--", "-->")], quotes: [], escapingQuotes: [],
                                 markerNeedsWordStart: false)

  /// The comment syntax of a surface.
  package static func of(_ surface: SurfaceID) -> CommentSyntax {
    switch surface.rawValue {
    case "shell", "yaml", "dockerfile": return .shell
    case "powershell": return .powershell
    case "toml", "makefile", "script-args": return .hash
    case "msbuild": return .xml
    case "js-args": return .javascript
    default: return .cFamily
    }
  }

  /// The ranges (scalar offsets) of the comments on one line, strings skipped.
  func commentRanges(in s: [Unicode.Scalar]) -> [Range<Int>] {
    func matches(_ word: String, at i: Int) -> Bool {
      let w = Array(word.unicodeScalars)
      return i + w.count <= s.count && Array(s[i..<(i + w.count)]) == w
    }
    var ranges: [Range<Int>] = []
    var i = 0
    while i < s.count {
      let c = s[i]
      if quotes.contains(c) {
        // Skip to the closing quote (or the end of the line: the string goes on below).
        var j = i + 1
        while j < s.count, s[j] != c { j += escapingQuotes.contains(c) && s[j] == "\\" ? 2 : 1 }
        i = j + 1
        continue
      }
      if let block = blocks.first(where: { matches($0.open, at: i) }) {
        var j = i + block.open.unicodeScalars.count
        while j < s.count, !matches(block.close, at: j) { j += 1 }
        ranges.append(i..<j)
        i = j + block.close.unicodeScalars.count
        continue
      }
      if lineMarkers.contains(where: { matches($0, at: i) }),
         !markerNeedsWordStart || i == 0 || s[i - 1] == " " || s[i - 1] == "\t" || s[i - 1] == ";" {
        ranges.append(i..<s.count)
        break
      }
      i += 1
    }
    return ranges
  }
}
