import Foundation

/// Re-parses an edited file: an edit that adds ERROR/MISSING nodes is refused.
enum SyntaxCheck {
  static func newErrors(path: String, original: [UInt8], edited: [UInt8]) -> String? {
    let ext = Scanner.pathExtension(path)
    guard let language = SourceLanguage(pathExtension: ext) else { return nil }
    let scanner = FileScanner()
    guard let before = scanner.parse(SourceText(bytes: original), language: language),
          let after = scanner.parse(SourceText(bytes: edited), language: language) else {
      return "could not re-parse the edited file"
    }
    let was = before.rootNode.errorCount, now = after.rootNode.errorCount
    return now > was ? "the edit would introduce a syntax error (\(now - was) new error node(s))" : nil
  }
}
