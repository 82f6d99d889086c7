import Foundation
import WasmfixSupport

/// An inline `wasmfix: ignore` or `wasmfix: ignore[WF001,WF003]` found inside a comment of
/// its file's syntax (`//`, `/* */`, `#`, `<!-- -->`). Like ruff's `# noqa` and clang-tidy's
/// `NOLINT`: it silences findings on its own line and, when the comment is alone on its line,
/// on the line directly below.
public struct SuppressionComment: Sendable, Hashable {
  /// 1-based line of the directive.
  public var line: Int
  /// 1-based column (Unicode scalars) of `wasmfix:`.
  public var column: Int
  /// The codes in brackets as written (upper-cased); nil for a bare `wasmfix: ignore`, which
  /// silences every rule.
  public var codes: [String]?
  /// Nothing but whitespace precedes the comment on its line: it then covers the next line too.
  public var ownLine: Bool
  /// The directive as written (`wasmfix: ignore[WF001]`), for messages.
  public var text: String

  public init(line: Int, column: Int, codes: [String]?, ownLine: Bool, text: String) {
    self.line = line
    self.column = column
    self.codes = codes
    self.ownLine = ownLine
    self.text = text
  }

  /// Whether this comment covers a finding of `code` on `line`.
  public func covers(line findingLine: Int, code: String) -> Bool {
    guard findingLine == line || (ownLine && findingLine == line + 1) else { return false }
    return codes.map { $0.contains(code) } ?? true
  }

  static let marker = Array("wasmfix:".utf8)

  /// The suppression comments in a file's bytes. Cheap for the files that matter: files
  /// without the bytes `wasmfix:` (nearly all) cost one memmem and return at once, and only
  /// the lines holding the marker are decoded and read with the surface's comment syntax.
  package static func find(in bytes: UnsafeRawBufferPointer, syntax: CommentSyntax) -> [SuppressionComment] {
    find(in: bytes, syntax: syntax, markers: ByteSearch.occurrences(of: marker, in: bytes))
  }

  /// The same, given the offsets of `wasmfix:` (the prefilter's one pass finds them along
  /// with the setting names, so a scan does not search every file a second time).
  package static func find(in bytes: UnsafeRawBufferPointer, syntax: CommentSyntax, markers hits: [Int]) -> [SuppressionComment] {
    guard !hits.isEmpty else { return [] }
    var found: [SuppressionComment] = []
    var line = 1, counted = 0
    var lastLineStart = -1
    for hit in hits {
      var start = hit
      while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
      if start == lastLineStart { continue }  // the whole line was read at its first marker
      lastLineStart = start
      while counted < start {
        if bytes[counted] == UInt8(ascii: "\n") { line += 1 }
        counted += 1
      }
      var end = hit
      while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
      let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
      found += parse(line: text, number: line, syntax: syntax)
    }
    return found
  }

  /// The directives inside the comments of one line of text.
  package static func parse(line text: String, number: Int, syntax: CommentSyntax) -> [SuppressionComment] {
    let scalars = Array(text.unicodeScalars)
    var found: [SuppressionComment] = []
    for comment in syntax.commentRanges(in: scalars) {
      let ownLine = scalars[..<comment.lowerBound].allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{FEFF}" }
      var i = comment.lowerBound
      while i < comment.upperBound {
        if let directive = directive(in: scalars, at: i, end: comment.upperBound) {
          found.append(SuppressionComment(line: number, column: i + 1, codes: directive.codes, ownLine: ownLine,
                                          text: String(String.UnicodeScalarView(scalars[i..<directive.end]))))
          i = directive.end
        } else {
          i += 1
        }
      }
    }
    return found
  }

  /// `wasmfix:` + spaces + `ignore`, then `[codes]` or the end of the word; nil when the text
  /// at `i` is not one (`wasmfix: ignored`, `mywasmfix: ignore`, an unclosed bracket).
  static func directive(in s: [Unicode.Scalar], at i: Int, end: Int) -> (codes: [String]?, end: Int)? {
    func matches(_ word: String, at j: Int) -> Bool {
      let w = Array(word.unicodeScalars)
      return j + w.count <= end && Array(s[j..<(j + w.count)]) == w
    }
    func isWordScalar(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-" }
    guard matches("wasmfix:", at: i), i == 0 || !isWordScalar(s[i - 1]) else { return nil }
    var j = i + 8
    while j < end, s[j] == " " || s[j] == "\t" { j += 1 }
    guard matches("ignore", at: j) else { return nil }
    j += 6
    if j < end, s[j] == "[" {
      guard let close = s[j..<end].firstIndex(of: "]") else { return nil }
      let codes = String(String.UnicodeScalarView(s[(j + 1)..<close])).split(separator: ",")
        .map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty }
      return codes.isEmpty ? nil : (codes, close + 1)
    }
    guard j == end || !isWordScalar(s[j]) else { return nil }
    return (nil, j)
  }
}
