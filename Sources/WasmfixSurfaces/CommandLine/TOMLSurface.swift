import WasmfixWorkspace
import TreeSitter

/// The Wasmtime CLI's TOML options file (`wasmtime run --config FILE`, 30.0.0+): the `[wasm]`
/// table's `max-wasm-stack` and `async-stack-size` keys (also written `wasm.max-wasm-stack` at
/// the top level). One file is one configuration; judged by the CLI's rules like its flags.
package struct TOMLSurface: Surface, GrammarBacked {
  package static let config = TOMLSurface()

  package let id = SurfaceID("toml")
  package let binding = WasmtimeBinding.cli
  package var constantFamily: SurfaceID { id }
  package let search = Prefilter.SurfaceSearch(stems: [.init("max-wasm-stack"), .init("async-stack-size")], keywords: [])
  package var syntax: EditSyntax { TOMLSyntax() }

  func loadGrammar() throws -> TreeSitter.Language { try ExtraGrammars.toml() }

  package func extract(_ bytes: [UInt8], hits: [Int], path: String, parsers: ParserCache) -> Extraction {
    let source = SourceText(bytes: bytes)
    guard let parser = parsers.parser(for: id, grammar: loadGrammar),
          let tree = TreeSitterParsing.parse(source, with: parser, only: nil)?.tree
    else { return .unparsable(reason: "tree-sitter could not parse the file") }
    var sites: [ExtractedSite] = []
    for child in tree.rootNode.namedChildren {
      switch child.type {
      case "table":
        guard let header = child.namedChildren.first, source.text(header.byteRange) == "wasm" else { continue }
        for pair in child.namedChildren where pair.type == "pair" {
          if let site = site(pair, keyPrefix: [], table: child, source: source) { sites.append(site) }
        }
      case "pair":
        if let site = site(child, keyPrefix: ["wasm"], table: nil, source: source) { sites.append(site) }
      default: continue
      }
    }
    let documented = sites.map { site -> Bool in
      let line = source.lineIndex(of: site.callRange.lowerBound)
      return source.text(source.lineStarts[max(0, line - 4)]..<site.callRange.upperBound).contains(InvariantComment.marker)
    }
    return .scanned(FileScan(sites: sites, source: source, documented: documented))
  }

  /// `max-wasm-stack = 8388608` inside `[wasm]`, or `wasm.max-wasm-stack = …` at the top.
  private func site(_ pair: Node, keyPrefix: [String], table: Node?, source: SourceText) -> ExtractedSite? {
    guard let key = pair.namedChildren.first, let value = pair.namedChildren.dropFirst().first else { return nil }
    let parts = key.type == "dotted_key" ? source.text(key.byteRange).split(separator: ".").map { $0.trimmingCharacters(in: .whitespaces) }
                                         : [source.text(key.byteRange)]
    guard Array(parts.dropLast()) == keyPrefix, let name = parts.last else { return nil }
    let setting: Setting
    switch name {
    case "max-wasm-stack": setting = .maxWasmStack
    case "async-stack-size": setting = .asyncStackSize
    default: return nil
    }
    let text = source.text(value.byteRange)
    let argument: Expression = value.type == "integer"
      ? Self.integer(text).map(Expression.integer) ?? .opaque("`\(text)` is not an integer the CLI reads")
      : .opaque("`\(text)` is a TOML \(value.type), not an integer")
    let nameNode = key.type == "dotted_key" ? key.namedChildren.last ?? key : key
    return ExtractedSite(
      setting: setting, apiName: name, nameRange: nameNode.byteRange, argument: argument, argumentText: text,
      argumentRange: value.byteRange, callRange: pair.byteRange, scopeStart: table?.startByte ?? 0,
      receiverKey: "toml", receiverText: "", statementRange: pair.byteRange, isChainLink: false,
      inErrorRegion: pair.hasError, configIsFresh: true)
  }

  /// A TOML integer: decimal, `0x`, `0o`, `0b`, with `_` between digits.
  static func integer(_ text: String) -> Int128? {
    var digits = text.replacingOccurrences(of: "_", with: "")
    var radix: Int128 = 10
    for (prefix, base) in [("0x", 16), ("0o", 8), ("0b", 2)] as [(String, Int128)] where digits.hasPrefix(prefix) {
      digits.removeFirst(2)
      radix = base
    }
    if digits.hasPrefix("+") { digits.removeFirst() }
    guard !digits.isEmpty else { return nil }
    var value: Int128 = 0
    for c in digits {
      guard let d = c.hexDigitValue, Int128(d) < radix else { return nil }
      value = value * radix + Int128(d)
      if value > Int128(UInt64.max) { return nil }
    }
    return value
  }

  package func constants(in source: SourceText, mentions: [Int], path: String, parsers: ParserCache) -> [ConstantDefinition]? { [] }

  package func newSyntaxErrors(original: [UInt8], edited: [UInt8], editStarts: [Int], parsers: ParserCache) -> String? {
    guard let parser = parsers.parser(for: id, grammar: loadGrammar) else { return "could not re-parse the edited file" }
    return TreeSitterParsing.newErrors(original: original, edited: edited, parser: parser)
  }
}

/// TOML values are plain integers; a missing key is a new `key = value` line after its sibling.
struct TOMLSyntax: EditSyntax {
  func comment(indent: String) -> String { InvariantComment.lines.map { "\(indent)# \($0)\n" }.joined() }
  func formatValue(_ value: Int128, preferShifts: Bool) -> String { "\(value)" }

  func insertSibling(_ setting: Setting, valueText: String, anchor: SiteAnchor, oldFallibleSetters: Bool, attribute: String?,
                     source: SourceText) -> [TextEdit]? {
    guard attribute == nil else { return nil }
    let key = setting == .maxWasmStack ? "max-wasm-stack" : "async-stack-size"
    // Same table form as the anchor: `wasm.` prefix when it was written dotted.
    let prefix = source.text(anchor.callRange).hasPrefix("wasm.") ? "wasm." : ""
    // At the start of the next line (after the anchor's line break).
    let lineEnd = source.lineRangeWithBreak(containing: anchor.callRange.upperBound - 1).upperBound
    let indent = source.indentation(ofLineContaining: anchor.callRange.lowerBound)
    let needsNewline = lineEnd == source.bytes.count && source.bytes.last != 0x0A
    return [.insertion((needsNewline ? "\n" : "") + "\(indent)\(prefix)\(key) = \(valueText)\n", at: lineEnd,
                       in: FileRef(path: anchor.path, absolutePath: anchor.absolutePath))]
  }

  func assertionPrerequisites(in source: SourceText, file: FileRef) -> [TextEdit] { [] }
  func runtimeAssertion(max: String, async: String, indent: String) -> String? { nil }
  func staticAssertion(max: String, async: String) -> String? { nil }
  /// The CLI derives the async stack itself (25.0.1+); files hold plain numbers.
  package func derivedAsync(fromMax operand: String, headroom: String) -> String? { nil }
  package func constantSum(_ operand: String, _ headroom: String) -> String? { nil }
  func binding(name: String, expression: String, indent: String) -> String { "" }
  func localName(_ setting: Setting) -> String { setting.rawValue }
}
