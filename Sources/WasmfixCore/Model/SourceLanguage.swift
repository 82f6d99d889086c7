/// A language wasmfix scans, named as in the JSON report.
public enum SourceLanguage: String, Codable, CaseIterable, Sendable {
  case rust, c, cpp, csharp

  /// Language by file extension; nil for files wasmfix does not scan.
  public init?(pathExtension ext: String) {
    switch ext {
    case "rs": self = .rust
    case "c", "h": self = .c
    case "cs": self = .csharp
    default: return nil
    }
  }

  /// The language of a file path by its extension, without making a String: the walker asks
  /// this once per file of the tree.
  public init?(path: String) {
    let utf8 = path.utf8
    var index = utf8.endIndex
    // The extension's bytes, read backwards: every extension wasmfix reads is 1 or 2 bytes.
    var last: UInt8 = 0, beforeLast: UInt8 = 0, count = 0
    while index > utf8.startIndex, count <= 2 {
      index = utf8.index(before: index)
      let byte = utf8[index]
      if byte == UInt8(ascii: "/") { return nil }
      if byte == UInt8(ascii: ".") {
        switch (count, beforeLast, last) {
        case (1, _, UInt8(ascii: "c")), (1, _, UInt8(ascii: "h")): self = .c
        case (2, UInt8(ascii: "r"), UInt8(ascii: "s")): self = .rust
        case (2, UInt8(ascii: "c"), UInt8(ascii: "s")): self = .csharp
        default: return nil
        }
        return
      }
      if count == 0 { last = byte } else { beforeLast = byte }
      count += 1
    }
    return nil
  }

  /// Languages whose constants can feed each other (a C file includes headers).
  var constantFamily: SourceLanguage { self == .cpp ? .c : self }
}
