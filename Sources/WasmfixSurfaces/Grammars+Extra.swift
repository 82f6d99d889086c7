import WasmfixWorkspace
import TreeSitter
import TreeSitterBash
import TreeSitterCpp
import TreeSitterMake
import TreeSitterTOML
import TreeSitterXML
import TreeSitterYAML

/// The grammars of the surfaces beyond Rust, C and C#, pinned in grammars/grammars.lock and
/// fetched by grammars/fetch.sh. Each call checks the grammar's ABI against the runtime.
enum ExtraGrammars {
  static func cpp() throws -> TreeSitter.Language { try TreeSitter.Language(tree_sitter_cpp(), name: "C++") }
  static func bash() throws -> TreeSitter.Language { try TreeSitter.Language(tree_sitter_bash(), name: "Bash") }
  /// XML, for MSBuild projects and props/targets files.
  static func xml() throws -> TreeSitter.Language { try TreeSitter.Language(tree_sitter_xml(), name: "XML") }
  static func yaml() throws -> TreeSitter.Language { try TreeSitter.Language(tree_sitter_yaml(), name: "YAML") }
  static func toml() throws -> TreeSitter.Language { try TreeSitter.Language(tree_sitter_toml(), name: "TOML") }
  static func make() throws -> TreeSitter.Language { try TreeSitter.Language(tree_sitter_make(), name: "Makefile") }
}
