import WasmfixWorkspace
import TreeSitter
import TreeSitterRust

/// Calls written inside macro invocations (`cfg_if! { if #[cfg(x)] { config.max_wasm_stack(..); } }`,
/// a CLI's `match_feature! { .. size => config.async_stack_size(size), .. }`): tree-sitter-rust
/// sees only a token tree there, so wasmfix reads them from a copy of the file in which each
/// such macro's body is a plain block. The copy has the file's length, so every byte offset,
/// line and column of a site found in it is the file's own, and a fix writes at the right place.
///
/// - The macro's path and `!` become spaces and its delimiters `{`/`}`: `m!(a; b)` reads as
///   `{a; b}`, a block in the function that holds the macro (so scope, receiver, engine and
///   local bindings are the function's).
/// - `cfg_if!`'s `if #[cfg(..)] {..} else if #[cfg(..)] {..} else {..}` loses its `if`/`else`:
///   each branch reads as a `#[cfg(..)]`-attributed block (an alternative build, as item 9
///   judges `#[cfg]` statements); the `else` block is labelled as the remaining build.
/// - A body that is not Rust statements (`size => config.async_stack_size(size), _ => err,`)
///   is read segment by segment: only the pieces between `,`/`;`/`=>` that hold a setting name
///   are kept, each ended with `;`, the rest becomes spaces.
/// Macro definitions (`macro_rules!`) are templates, not configurations, and are left alone.
struct RustMacroBodies {
  /// Rounds of expansion for macros inside macro bodies (`cfg_if! { .. m!(..) .. }`).
  private static let maximumRounds = 3

  /// The copy where the macros holding `tokens` (offsets of setting names that are macro
  /// tokens in `tree`) read as code; nil when there is none.
  static func expand(_ tree: Tree, source: SourceText, tokens: [Int], only ranges: [Range<Int>]? = nil) -> MacroExpansion? {
    guard let language = try? TreeSitter.Language(tree_sitter_rust(), name: "Rust") else { return nil }
    let parser = Parser(language: language)
    var current = (tree: tree, source: source)
    var elseBranches: [(range: Range<Int>, label: String)] = []
    var expanded = false
    for _ in 0..<maximumRounds {
      let macros = invocations(holding: tokens, in: current.tree.rootNode)
      guard !macros.isEmpty else { break }
      var copy = current.source.bytes
      for (macro, _) in macros { elseBranches += readAsBlock(macro, in: &copy, source: current.source) }
      guard var next = parse(copy, with: parser, only: ranges) else { return nil }
      // A body that is not statements: read only the pieces that hold a setting name.
      let broken = macros.filter { macro, _ in
        next.rootNode.descendant(forBytes: body(of: macro)!.byteRange)?.hasError ?? true
      }
      if !broken.isEmpty {
        for (macro, names) in broken {
          elseBranches.removeAll { macro.byteRange.contains($0.range.lowerBound) }
          copy.replaceSubrange(macro.byteRange, with: current.source.bytes[macro.byteRange])
          readSegments(macro, names: names, in: &copy, source: current.source)
        }
        guard let reparsed = parse(copy, with: parser, only: ranges) else { return nil }
        next = reparsed
      }
      current = (next, SourceText(bytes: copy))
      expanded = true
    }
    return expanded ? MacroExpansion(tree: current.tree, source: current.source, elseBranches: elseBranches) : nil
  }

  /// In the items the file's own tree was parsed in (the macro bodies are inside them), else
  /// whole. A partial tree is kept even with errors: only the macro bodies' sites are read from
  /// it, and a body that does not parse is read piece by piece (a `format!` decoy's arguments
  /// made every such file parse whole, twice).
  private static func parse(_ bytes: [UInt8], with parser: Parser, only ranges: [Range<Int>]?) -> Tree? {
    TreeSitterParsing.parse(SourceText(bytes: bytes), with: parser, only: ranges, fallbackToWhole: false)?.tree
  }

  /// The macro invocations whose bodies hold the name tokens at `tokens`, each with those
  /// tokens' nodes; a token inside a macro definition is skipped.
  static func invocations(holding tokens: [Int], in root: Node) -> [(macro: Node, names: [Node])] {
    var result: [(macro: Node, names: [Node])] = []
    for offset in tokens {
      guard let token = root.descendant(forBytes: offset..<(offset + 1)), token.type == "identifier",
            token.parent?.type == "token_tree" else { continue }
      var node = token.parent
      while let current = node, current.type == "token_tree" { node = current.parent }
      guard let macro = node, macro.type == "macro_invocation", body(of: macro) != nil else { continue }
      if let index = result.firstIndex(where: { $0.macro.isSame(as: macro) }) {
        result[index].names.append(token)
      } else {
        result.append((macro, [token]))
      }
    }
    return result
  }

  /// The invocation's token tree, when it is complete (both delimiters present).
  static func body(of macro: Node) -> Node? {
    guard let tree = macro.children.last, tree.type == "token_tree", !tree.hasError, tree.childCount >= 2,
          let open = tree.child(0), let close = tree.child(tree.childCount - 1), !close.isMissing,
          ["(", "[", "{"].contains(open.type), [")", "]", "}"].contains(close.type) else { return nil }
    return tree
  }

  /// Spaces for every byte of `range` but line breaks, so lines stay where they were.
  static func blank(_ range: Range<Int>, in copy: inout [UInt8]) {
    for i in range where copy[i] != 0x0A && copy[i] != 0x0D { copy[i] = 0x20 }
  }

  /// Rewrites the macro as a block; returns the labels of `cfg_if!` `else` blocks.
  private static func readAsBlock(_ macro: Node, in copy: inout [UInt8], source: SourceText) -> [(range: Range<Int>, label: String)] {
    guard let tree = body(of: macro) else { return [] }
    blank(macro.startByte..<tree.startByte, in: &copy)
    copy[tree.startByte] = UInt8(ascii: "{")
    copy[tree.endByte - 1] = UInt8(ascii: "}")
    let name = macro.child(byField: "macro").map { source.text($0.byteRange) } ?? ""
    guard name.split(separator: ":").last == "cfg_if" else { return [] }
    var labels: [(range: Range<Int>, label: String)] = []
    let tokens = tree.children
    // tree-sitter-rust lexes `if` as a keyword in a token tree but `else` as an identifier.
    for (i, token) in tokens.enumerated() {
      let word = source.text(token.byteRange)
      guard word == "if" || word == "else" else { continue }
      blank(token.byteRange, in: &copy)
      // `else { .. }`: the build none of the conditions above selects.
      if word == "else", i + 1 < tokens.count, tokens[i + 1].type == "token_tree" {
        let line = source.position(of: token.startByte).line
        labels.append((tokens[i + 1].byteRange, "the cfg_if! else branch at line \(line)"))
      }
    }
    return labels
  }

  /// Constants defined inside a macro invocation (`cfg_if! { if #[cfg(feature = "big")] {
  /// const STACK: usize = 8 << 20; } else { .. } }`, `my_items! { const X: usize = ..; }`) or a
  /// `macro_rules!` arm's transcriber (its items are defined where the macro is invoked) are
  /// read from a copy of the file that is spaces (line breaks kept) but for such bodies, which
  /// read as items there: this copies the body of `tree` (a complete token tree) from `source`
  /// into `copy` and returns the range to parse. For `cfg_if!`, the `if`/`else` words,
  /// conditions and branch braces stay spaces, and each branch's range comes with its label,
  /// the one a call in that branch carries (`readAsBlock`, `alternative(of:)`).
  static func readItems(of tree: Node, from source: SourceText, isCfgIf: Bool, into copy: inout [UInt8])
    -> (body: Range<Int>, branches: [(range: Range<Int>, label: String)])? {
    guard tree.type == "token_tree", !tree.hasError, tree.childCount >= 2,
          let open = tree.child(0), let close = tree.child(tree.childCount - 1), !close.isMissing,
          ["(", "[", "{"].contains(open.type), [")", "]", "}"].contains(close.type) else { return nil }
    let inside = (tree.startByte + 1)..<(tree.endByte - 1)
    copy.replaceSubrange(inside, with: source.bytes[inside])
    guard isCfgIf else { return (inside, []) }
    var branches: [(range: Range<Int>, label: String)] = []
    var condition: String?
    var elseLine: Int?
    let tokens = tree.children
    var i = 1
    while i < tokens.count - 1 {
      let token = tokens[i]
      let word = source.text(token.byteRange)
      if word == "if" || word == "else" {
        blank(token.byteRange, in: &copy)
        if word == "else" { elseLine = source.position(of: token.startByte).line }
      } else if word == "#", i + 1 < tokens.count - 1, tokens[i + 1].type == "token_tree" {
        // `#[cfg(..)]`: the condition of the branch that follows.
        let attribute = token.startByte..<tokens[i + 1].endByte
        condition = source.text(attribute)
        blank(attribute, in: &copy)
        i += 1
      } else if token.type == "token_tree", token.childCount >= 2, source.bytes[token.startByte] == UInt8(ascii: "{") {
        let label = condition ?? elseLine.map { "the cfg_if! else branch at line \($0)" }
        if let label { branches.append((token.byteRange, label)) }
        blank(token.startByte..<(token.startByte + 1), in: &copy)
        blank((token.endByte - 1)..<token.endByte, in: &copy)
        condition = nil
        elseLine = nil
      }
      i += 1
    }
    return (inside, branches)
  }

  /// Keeps only the segments (between `,`, `;` or `=>` at their level) holding `names`,
  /// each ended with `;`, inside the macro's braces.
  private static func readSegments(_ macro: Node, names: [Node], in copy: inout [UInt8], source: SourceText) {
    guard let tree = body(of: macro) else { return }
    blank(macro.byteRange, in: &copy)
    copy[tree.startByte] = UInt8(ascii: "{")
    copy[tree.endByte - 1] = UInt8(ascii: "}")
    let separators: Set<String> = [",", ";", "=>"]
    for name in names {
      guard let level = name.parent else { continue }
      let tokens = level.children
      guard let index = tokens.firstIndex(where: { $0.isSame(as: name) }) else { continue }
      var first = index, last = index
      while first > 1, !separators.contains(tokens[first - 1].type) { first -= 1 }
      while last < tokens.count - 2, !separators.contains(tokens[last + 1].type) { last += 1 }
      let segment = tokens[first].startByte..<tokens[last].endByte
      copy.replaceSubrange(segment, with: source.bytes[segment])
      // The byte after the segment (a separator or the level's closing delimiter) ends the
      // statement, unless it closes the whole body: then the segment is the block's value.
      let end = tokens[last + 1].startByte
      if end != tree.endByte - 1 { copy[end] = UInt8(ascii: ";") }
    }
  }
}

/// A copy of a file in which macro bodies read as code (`RustMacroBodies`): its tree and text
/// (byte for byte the file's length), and the labels of `cfg_if!` `else` blocks by byte range.
struct MacroExpansion {
  let tree: Tree
  let source: SourceText
  let elseBranches: [(range: Range<Int>, label: String)]

  /// A site read from the copy, made true of the file: a statement the copy made up (a piece
  /// of a match arm ended with `;`) is none, so a new setting is chained to the call instead;
  /// a call in `cfg_if!`'s `else` block belongs to that build.
  func adjust(_ site: ExtractedSite, original: SourceText) -> ExtractedSite {
    var site = site
    if let statement = site.statementRange, source.bytes[statement] != original.bytes[statement] {
      site.statementRange = nil
      site.isMacroArm = true
    }
    if site.statementRange == nil { site.isChainLink = true }
    if site.alternative == nil,
       let branch = elseBranches.filter({ $0.range.contains(site.callRange.lowerBound) && site.scopeStart < $0.range.lowerBound })
         .max(by: { $0.range.lowerBound < $1.range.lowerBound }) {
      site.alternative = branch.label
    }
    return site
  }
}
