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

  /// Languages whose constants can feed each other (a C file includes headers).
  var constantFamily: SourceLanguage { self == .cpp ? .c : self }
}
