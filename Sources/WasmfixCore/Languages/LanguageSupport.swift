import TreeSitter

/// A call that sets a Wasmtime stack value, as found in one file's syntax tree.
struct ExtractedSite {
  var setting: Setting
  /// The API name as written (`max_wasm_stack`, `wasmtime_config_max_wasm_stack_set`, `WithMaximumStackSize`).
  var apiName: String
  var nameRange: Range<Int>
  var argument: Expression
  var argumentText: String
  var argumentRange: Range<Int>
  var callRange: Range<Int>
  /// Identifies the configuration object: the scope's start byte plus the receiver's key.
  var scopeStart: Int
  var receiverKey: String
  /// The receiver as written (`config`, `cfg`), for inserted statements.
  var receiverText: String
  /// The statement that holds the call (the whole builder chain for a chain).
  var statementRange: Range<Int>?
  /// True when the call is a link of a builder chain (`a.b(x).c(y)`), not a standalone call.
  var isChainLink: Bool
  var inErrorRegion: Bool
}

/// What wasmfix knows of one language: how its setting calls, expressions and constants look.
protocol LanguageSupport {
  var language: SourceLanguage { get }
  /// Byte strings whose absence proves a file has no site (the prefilter).
  var needles: [String] { get }
  /// The site whose name token is `node`, if `node` is the name of a setting call.
  func site(named node: Node, in source: SourceText) -> ExtractedSite?
  /// The constant definitions in a file.
  func constants(in root: Node, source: SourceText, path: String) -> [ConstantDefinition]
  func lower(_ node: Node, in source: SourceText) -> Expression
}

extension LanguageSupport {
  /// Every site in the file: the needle occurrences mapped to name tokens, de-duplicated.
  func sites(in tree: Tree, source: SourceText) -> [ExtractedSite] {
    let root = tree.rootNode
    var seen = Set<Int>()
    var result: [ExtractedSite] = []
    for needle in needles {
      for offset in ByteSearch.occurrences(of: Array(needle.utf8), in: source.bytes) {
        guard let node = root.descendant(forBytes: offset..<(offset + needle.utf8.count)),
              !seen.contains(node.startByte) else { continue }
        if let site = site(named: node, in: source) {
          seen.insert(node.startByte)
          result.append(site)
        }
      }
    }
    return result.sorted { $0.nameRange.lowerBound < $1.nameRange.lowerBound }
  }

  func text(_ node: Node, _ source: SourceText) -> String { source.text(node.byteRange) }

  /// Whitespace-free text, so `config . x` and `config.x` key the same receiver.
  func key(_ node: Node, _ source: SourceText) -> String {
    text(node, source).filter { !$0.isWhitespace }
  }

  /// Nearest ancestor whose type is in `types`.
  func ancestor(of node: Node, in types: Set<String>) -> Node? {
    var current = node.parent
    while let n = current {
      if types.contains(n.type) { return n }
      current = n.parent
    }
    return nil
  }

  func isInErrorRegion(_ node: Node) -> Bool {
    var current: Node? = node
    while let n = current {
      if n.isError || n.isMissing { return true }
      current = n.parent
    }
    return false
  }
}

/// Language support by language.
enum LanguageRegistry {
  static func support(for language: SourceLanguage) -> LanguageSupport {
    switch language {
    case .rust: return RustSupport()
    case .c, .cpp: return CSupport()
    case .csharp: return CSharpSupport()
    }
  }
}
