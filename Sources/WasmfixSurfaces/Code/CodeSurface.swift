import WasmfixWorkspace
import TreeSitter
import TreeSitterC
import TreeSitterCSharp
import TreeSitterRust

/// The generic tree-sitter surface for brace languages whose settings are calls (Rust, C,
/// C++, C#): one implementation over a per-language table. Files are parsed only in the items
/// that hold a hit (`ItemRanges`), hits only in comments or literals are never parsed
/// (`CodeRegions`), and sites come from the language's `LanguageSupport`.
struct CodeSurface: Surface, GrammarBacked {
  let id: SurfaceID
  let binding: WasmtimeBinding
  let constantFamily: SurfaceID
  let support: LanguageSupport
  let syntax: EditSyntax
  let search: Prefilter.SurfaceSearch
  private let grammar: @Sendable () throws -> TreeSitter.Language

  init(id: SurfaceID, binding: WasmtimeBinding, constantFamily: SurfaceID? = nil, support: LanguageSupport,
       stems: [Prefilter.Pattern], definitionKeywords: [DefinitionScan.Keyword],
       grammar: @escaping @Sendable () throws -> TreeSitter.Language) {
    self.id = id
    self.binding = binding
    self.constantFamily = constantFamily ?? id
    self.support = support
    self.syntax = CodeSyntax(language: id)
    self.search = Prefilter.SurfaceSearch(stems: stems, keywords: definitionKeywords)
    self.grammar = grammar
  }

  func loadGrammar() throws -> TreeSitter.Language { try grammar() }

  static let rust = CodeSurface(
    id: .rust, binding: .rustCrate, support: RustSupport(),
    stems: [.init("max_wasm_stack"), .init("async_s", ["tack_size", "upport"])],
    definitionKeywords: [.init("const ", .nameAfter), .init("static ", .nameAfter)],
    grammar: { try TreeSitter.Language(tree_sitter_rust(), name: "Rust") })

  static let c = CodeSurface(
    id: .c, binding: .cAPI, support: CSupport(),
    // One stem for all three C setters; the parse decides which call it is.
    stems: [.init("wasmtime_config_")],
    definitionKeywords: [.init("define", .nameAfter), .init("const", .lastNameBeforeEquals), .init("enum", .enumerators)],
    grammar: { try TreeSitter.Language(tree_sitter_c(), name: "C") })

  /// C++ shares headers (and so constants) with C.
  static let cpp = CodeSurface(
    id: .cpp, binding: .cAPI, constantFamily: .c, support: CppSupport(),
    stems: [.init("wasmtime_config_"), .init("max_wasm_stack")],
    definitionKeywords: [.init("define", .nameAfter), .init("const", .lastNameBeforeEquals), .init("enum", .enumerators),
                         .init("constexpr", .lastNameBeforeEquals), .init("operator\"\"", .nameAfter)],
    grammar: { try ExtraGrammars.cpp() })

  static let csharp = CodeSurface(
    id: .csharp, binding: .dotnet, support: CSharpSupport(),
    stems: [.init("WithMax", ["imumStackSize", "WasmStack"]), .init("WithAsync")],
    definitionKeywords: [.init("const ", .lastNameBeforeEquals)],
    grammar: { try TreeSitter.Language(tree_sitter_c_sharp(), name: "C#") })

  // MARK: - Sites

  func extract(_ bytes: [UInt8], hits: [Int], path: String, parsers: ParserCache) -> Extraction {
    extract(bytes, hits: hits, path: path, parsers: parsers, wrappers: .none)
  }

  /// `hits` includes the wrapper names' offsets when `wrappers` is not empty.
  func extract(_ bytes: [UInt8], hits: [Int], path: String, parsers: ParserCache, wrappers: SetterWrappers) -> Extraction {
    guard bytes.withUnsafeBytes({ CodeRegions.anyInCode($0, offsets: hits, language: id) }) else {
      // Every mention is in a comment or a literal: nothing to parse.
      return .scanned(FileScan(sites: [], source: SourceText(bytes: []), documented: []))
    }
    let source = SourceText(bytes: bytes)
    let items = bytes.withUnsafeBytes { ItemRanges.enclosing(hits, in: $0, language: id) }
    let unparsable = Extraction.unparsable(reason: "tree-sitter could not parse the file")
    guard let (partialOrWhole, isPartial) = parse(source, only: items, parsers: parsers) else { return unparsable }
    var tree = partialOrWhole
    var sites = support.sites(in: tree, source: source, wrappers: wrappers, parsedRanges: isPartial ? items : nil)
    // A site outside any function (a field or static initialiser) is analysed against the whole
    // file, which a partial tree does not hold: take the whole file then.
    if isPartial, sites.contains(where: { site in
      tree.rootNode.descendant(forBytes: site.callRange).flatMap { support.ancestor(of: $0, in: support.scopeTypes) } == nil
    }) {
      guard let whole = parse(source, only: nil, parsers: parsers)?.tree else { return unparsable }
      tree = whole
      sites = support.sites(in: tree, source: source, wrappers: wrappers)
    }
    let documented = sites.map { Self.isDocumented(near: $0, in: source) }
    return .scanned(FileScan(sites: sites, source: source, documented: documented))
  }

  /// Looks a few lines above the site's statement for the contract's comment or an assertion.
  static func isDocumented(near site: ExtractedSite, in source: SourceText) -> Bool {
    let anchor = site.statementRange?.lowerBound ?? site.callRange.lowerBound
    let line = source.lineIndex(of: anchor)
    let first = max(0, line - 6)
    let window = source.text(source.lineStarts[first]..<source.lineRange(containing: anchor).upperBound)
    return window.contains("max_wasm_stack <= async_stack_size")
  }

  // MARK: - Constants

  func constants(in source: SourceText, mentions: [Int], path: String, parsers: ParserCache) -> [ConstantDefinition]? {
    let items = source.bytes.withUnsafeBytes { ItemRanges.enclosing(mentions, in: $0, language: id) }
    guard let tree = parse(source, only: items, parsers: parsers)?.tree else { return nil }
    return support.constants(in: tree.rootNode, source: source, path: path)
  }

  // MARK: - Syntax checks

  func newSyntaxErrors(original: [UInt8], edited: [UInt8], editStarts: [Int], parsers: ParserCache) -> String? {
    // Cheap path: the top-level items holding the edits parse without any error. Otherwise
    // compare whole-file error counts (the file may have had errors before).
    let editedSource = SourceText(bytes: edited)
    if let items = edited.withUnsafeBytes({ ItemRanges.enclosing(editStarts.sorted(), in: $0, language: id) }),
       let partial = parse(editedSource, only: items, fallbackToWhole: false, parsers: parsers),
       !partial.tree.rootNode.hasError {
      return nil
    }
    guard let parser = parsers.parser(for: id, grammar: grammar) else { return "could not re-parse the edited file" }
    return TreeSitterParsing.newErrors(original: original, edited: edited, parser: parser)
  }

  // MARK: - Parsing

  /// Parses the file, or only the byte ranges `only` when given, telling whether the tree
  /// holds only those ranges; a partial tree with errors (the ranges cut through something)
  /// is thrown away for a parse of the whole file unless `fallbackToWhole` is false.
  func parse(_ source: SourceText, only ranges: [Range<Int>]?, fallbackToWhole: Bool = true,
             parsers: ParserCache) -> (tree: Tree, isPartial: Bool)? {
    guard let parser = parsers.parser(for: id, grammar: grammar) else { return nil }
    return TreeSitterParsing.parse(source, with: parser, only: ranges, fallbackToWhole: fallbackToWhole)
  }
}

/// Parsing shared by the tree-sitter surfaces: included ranges, and a BOM read as spaces.
enum TreeSitterParsing {
  static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

  static func parse(_ source: SourceText, with parser: Parser, only ranges: [Range<Int>]?,
                    fallbackToWhole: Bool = true) -> (tree: Tree, isPartial: Bool)? {
    if let ranges, !ranges.isEmpty {
      let included = ranges.map { range -> Parser.IncludedRange in
        func point(_ offset: Int) -> (row: Int, column: Int) {
          let line = source.lineIndex(of: offset)
          return (line, offset - source.lineStarts[line])
        }
        return Parser.IncludedRange(bytes: range, start: point(range.lowerBound), end: point(range.upperBound))
      }
      parser.setIncludedRanges(included)
      let partial = parseWholeOrBOM(source, parser)
      parser.setIncludedRanges([])
      if let partial, !partial.rootNode.hasError || !fallbackToWhole { return (partial, true) }
    }
    return parseWholeOrBOM(source, parser).map { ($0, false) }
  }

  /// Why `edited` parses worse than `original` (more error nodes); nil when it does not.
  static func newErrors(original: [UInt8], edited: [UInt8], parser: Parser) -> String? {
    guard let before = parse(SourceText(bytes: original), with: parser, only: nil)?.tree,
          let after = parse(SourceText(bytes: edited), with: parser, only: nil)?.tree
    else { return "could not re-parse the edited file" }
    let was = before.rootNode.errorCount, now = after.rootNode.errorCount
    return now > was ? "the edit would introduce a syntax error (\(now - was) new error node(s))" : nil
  }

  private static func parseWholeOrBOM(_ source: SourceText, _ parser: Parser) -> Tree? {
    // A BOM is not source text to any of the grammars: parse it as spaces so byte offsets stay file offsets.
    if source.bytes.starts(with: utf8BOM) {
      var copy = source.bytes
      copy.replaceSubrange(0..<3, with: [0x20, 0x20, 0x20])
      return parser.parse(copy)
    }
    return parser.parse(source.bytes)
  }
}
