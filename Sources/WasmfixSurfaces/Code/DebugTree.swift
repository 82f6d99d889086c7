import WasmfixWorkspace
import Foundation
import TreeSitter

/// The syntax tree of a file as an S-expression (`wasmfix dump-tree`), for writing extractors.
public func debugTree(path: String) throws -> String {
  guard let surface = Surfaces.surface(forPath: path) as? GrammarBacked else { return "unsupported" }
  let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
  let parser = Parser(language: try surface.loadGrammar())
  return parser.parse(bytes)?.rootNode.sExpression ?? "parse failed"
}
