import WasmfixWorkspace
/// Command lines held in the string literals of a script (Python, JavaScript/TypeScript,
/// Elixir): a list of arguments (`["-W", "max-wasm-stack=134217728"]`, each literal one argv
/// element) or one string that is itself a command fragment (`"--wasm max-wasm-stack=16777216 "`).
/// A hit outside any string literal is not a site (a comment, a variable name).
enum ScriptLiterals {
  struct Literal {
    /// The file bytes between the quotes.
    var content: Range<Int>
    var text: String
    /// Whether the literal interpolates (`${…}` in a JS template, `#{…}` in Elixir, f-strings).
    var quote: UInt8
  }

  static func regions(_ source: SourceText, hits: [Int]) -> [CommandRegions.Region] {
    let bytes = source.bytes
    var regions: [CommandRegions.Region] = []
    var doneUpTo = -1
    for hit in hits where hit >= doneUpTo {
      guard let literal = literal(around: hit, in: source) else { continue }
      if literal.text.contains(" ") {
        // One string holding a command fragment.
        let line = ArgumentTokenizer.tokenize(bytes, range: literal.content, dialect: .posixShell)
        regions.append(.init(commands: CommandRegions.commands(line), groupKey: "literal@\(literal.content.lowerBound)"))
        doneUpTo = literal.content.upperBound
        continue
      }
      // One element of a list: take the whole list (or call's argument list).
      let list = enclosingBrackets(of: literal.content.lowerBound, in: bytes) ?? literal.content
      let literals = ScriptLiterals.literals(in: list, of: source)
      let arguments = literals.map { StringLiteralArgument(text: $0.text, contentRange: $0.content) }
      let line = ArgumentTokenizer.tokens(fromLiterals: arguments, source: bytes,
                                          interpolation: literals.contains { $0.quote == UInt8(ascii: "`") } ? .dollarBrace : .none)
      regions.append(.init(commands: CommandRegions.commands(line), groupKey: "list@\(list.lowerBound)"))
      doneUpTo = list.upperBound
    }
    return regions
  }

  /// The string literal on the hit's line that contains it.
  static func literal(around offset: Int, in source: SourceText) -> Literal? {
    let line = source.lineRange(containing: offset)
    return literals(in: line.lowerBound..<line.upperBound, of: source).first { $0.content.contains(offset) }
  }

  /// The string literals in `range` (quotes `"`, `'`, `` ` ``; backslash escapes; a `#`
  /// comment outside literals ends the line's scan for Python/Elixir; `//` for JS).
  static func literals(in range: Range<Int>, of source: SourceText) -> [Literal] {
    let bytes = source.bytes
    var result: [Literal] = []
    var i = range.lowerBound
    while i < range.upperBound {
      let b = bytes[i]
      if b == UInt8(ascii: "#") || (b == UInt8(ascii: "/") && i + 1 < range.upperBound && bytes[i + 1] == UInt8(ascii: "/")) {
        while i < range.upperBound, bytes[i] != 0x0A { i += 1 }
        continue
      }
      guard b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "`") else { i += 1; continue }
      let start = i + 1
      var j = start
      var text: [UInt8] = []
      while j < range.upperBound, bytes[j] != b, bytes[j] != 0x0A || b == UInt8(ascii: "`") {
        if bytes[j] == UInt8(ascii: "\\"), j + 1 < range.upperBound {
          text.append(bytes[j + 1])
          j += 2
          continue
        }
        text.append(bytes[j])
        j += 1
      }
      guard j < range.upperBound, bytes[j] == b else { break }
      result.append(Literal(content: start..<j, text: String(decoding: text, as: UTF8.self), quote: b))
      i = j + 1
    }
    return result
  }

  /// The innermost `[...]`, `(...)` or `{...}` around `offset`, skipping string literals on the
  /// way (within 64 KiB either side; nil when unbalanced).
  static func enclosingBrackets(of offset: Int, in bytes: [UInt8]) -> Range<Int>? {
    let window = 64 << 10
    var depth = 0
    var i = offset - 1
    var open: Int?
    while i >= max(0, offset - window) {
      let b = bytes[i]
      if b == UInt8(ascii: "]") || b == UInt8(ascii: ")") || b == UInt8(ascii: "}") { depth += 1 }
      if b == UInt8(ascii: "[") || b == UInt8(ascii: "(") || b == UInt8(ascii: "{") {
        if depth == 0 { open = i; break }
        depth -= 1
      }
      i -= 1
    }
    guard let open else { return nil }
    let close: UInt8 = bytes[open] == UInt8(ascii: "[") ? UInt8(ascii: "]") : (bytes[open] == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "}"))
    depth = 0
    var quote: UInt8?
    i = open + 1
    while i < min(bytes.count, offset + window) {
      let b = bytes[i]
      if let q = quote {
        if b == UInt8(ascii: "\\") { i += 2; continue }
        if b == q { quote = nil }
      } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "`") {
        quote = b
      } else if b == bytes[open] {
        depth += 1
      } else if b == close {
        if depth == 0 { return (open + 1)..<i }
        depth -= 1
      }
      i += 1
    }
    return nil
  }
}
