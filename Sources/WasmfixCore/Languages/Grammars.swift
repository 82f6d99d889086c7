import TreeSitter
import TreeSitterC
import TreeSitterCSharp
import TreeSitterRust

/// The grammars wasmfix links, loaded once and checked against the runtime's ABI range.
enum Grammars {
  static func load(_ language: SourceLanguage) throws -> TreeSitter.Language {
    switch language {
    case .rust: return try TreeSitter.Language(tree_sitter_rust(), name: "Rust")
    case .c, .cpp: return try TreeSitter.Language(tree_sitter_c(), name: "C")
    case .csharp: return try TreeSitter.Language(tree_sitter_c_sharp(), name: "C#")
    }
  }

  /// Fails with a clear message when a grammar's ABI is outside the runtime's range.
  public static func checkAll() throws {
    for language in SourceLanguage.allCases { _ = try load(language) }
  }
}
