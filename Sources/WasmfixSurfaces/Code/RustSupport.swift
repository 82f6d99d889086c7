import WasmfixWorkspace
import TreeSitter
import TreeSitterRust

/// Rust: `X.max_wasm_stack(E)` / `X.async_stack_size(E)` / `X.async_support(E)` on any
/// receiver, standalone or in builder chains, including the `?`/`.unwrap()` forms of 0.25-0.38.
struct RustSupport: LanguageSupport {
  let language = SurfaceID.rust
  let needles = ["max_wasm_stack", "async_stack_size", "async_support"]
  var scopeTypes: Set<String> { Self.scopes }
  let statementTypes: Set<String> = ["expression_statement", "let_declaration"]
  let engineCreationNeedles = ["Engine::new(", "Engine::default("]
  let configConstructorNeedles = ["Config::new(", "Config::default("]
  private let methods: [String: Setting] = [
    "max_wasm_stack": .maxWasmStack, "async_stack_size": .asyncStackSize, "async_support": .asyncSupport,
  ]
  private static let scopes: Set<String> = ["function_item", "closure_expression"]

  func site(named node: Node, in source: SourceText, wrappers: SetterWrappers) -> ExtractedSite? {
    guard node.type == "field_identifier", let setting = methods[text(node, source)] ?? wrappers.settings[text(node, source)],
          let field = node.parent, field.type == "field_expression",
          let call = field.parent, call.type == "call_expression",
          call.child(byField: "function")?.isSame(as: field) == true,
          let arguments = call.child(byField: "arguments"),
          case let values = arguments.namedChildren.filter({ !$0.type.hasSuffix("comment") }), values.count == 1,
          let argument = values.first, let receiver = field.child(byField: "value")
    else { return nil }
    var base = chainBase(receiver)
    let isChained = base.startByte != receiver.startByte || receiver.type == "call_expression"
      || isFollowedByLink(call)
    let top = chainTop(call)
    let statement = top.parent.flatMap { ["expression_statement", "let_declaration"].contains($0.type) ? $0 : nil }
    var baseIsVariable = ["identifier", "field_expression", "self"].contains(base.type)
    // `let config = Config::new().max_wasm_stack(..)` configures `config` from then on.
    if !baseIsVariable, let statement, statement.type == "let_declaration",
       let pattern = statement.child(byField: "pattern"), pattern.type == "identifier" {
      base = pattern
      baseIsVariable = true
    }
    return ExtractedSite(
      setting: setting, apiName: text(node, source), nameRange: node.byteRange,
      argument: lowerBounded(argument, in: source), argumentText: text(argument, source),
      argumentRange: argument.byteRange, callRange: call.byteRange,
      scopeStart: ancestor(of: call, in: Self.scopes)?.startByte ?? 0,
      receiverKey: baseIsVariable ? key(base, source) : "@\(base.startByte)",
      receiverText: text(base, source), statementRange: statement?.byteRange,
      isChainLink: isChained, inErrorRegion: isInErrorRegion(call))
  }

  /// The object a chain of method calls starts from: `config` in `config.a(1)?.b(2).unwrap()`.
  private func chainBase(_ receiver: Node) -> Node {
    var node = receiver
    while true {
      switch node.type {
      case "call_expression":
        guard let function = node.child(byField: "function"), function.type == "field_expression",
              let value = function.child(byField: "value") else { return node }
        node = value
      case "try_expression", "parenthesized_expression":
        guard let inner = node.namedChild(0) else { return node }
        node = inner
      case "reference_expression":
        guard let inner = node.child(byField: "value") else { return node }
        node = inner
      default: return node
      }
    }
  }

  private func isFollowedByLink(_ call: Node) -> Bool {
    var node = call
    while let parent = node.parent, parent.type == "try_expression" { node = parent }
    return node.parent?.type == "field_expression"
  }

  /// The outermost expression of the chain holding `call`.
  private func chainTop(_ call: Node) -> Node {
    var node = call
    while let parent = node.parent {
      switch parent.type {
      case "try_expression": node = parent
      case "field_expression":
        guard let outer = parent.parent, outer.type == "call_expression" else { return node }
        node = outer
      default: return node
      }
    }
    return node
  }

  func macroExpansion(of tree: Tree, source: SourceText, tokens: [Int], only: [Range<Int>]?) -> MacroExpansion? {
    RustMacroBodies.expand(tree, source: source, tokens: tokens, only: only)
  }

  func runtimeBindings(in scope: Node, source: SourceText) -> Set<String> {
    var names = Set<String>()
    scope.walk { node in
      switch node.type {
      case "let_declaration", "parameter", "closure_parameters", "for_expression":
        let pattern = node.child(byField: "pattern") ?? (node.type == "closure_parameters" ? node : nil)
        pattern?.walk { part in
          if part.type == "identifier" { names.insert(text(part, source)) }
          return true
        }
        return true
      case "const_item", "static_item": return false
      default: return true
      }
    }
    return names
  }

  func lower(_ node: Node, in source: SourceText) -> Expression {
    switch node.type {
    case "integer_literal": return IntegerLiteral.parse(text(node, source), language: .rust)
    case "boolean_literal": return .boolean(text(node, source) == "true")
    case "identifier": return .name([text(node, source)])
    case "scoped_identifier":
      return .name(text(node, source).filter { !$0.isWhitespace }.components(separatedBy: "::"))
    case "parenthesized_expression":
      return node.namedChild(0).map { lower($0, in: source) } ?? .opaque("()")
    case "type_cast_expression":
      guard let value = node.child(byField: "value"), let type = node.child(byField: "type") else { break }
      return .cast(text(type, source), lower(value, in: source))
    case "unary_expression":
      guard let op = node.child(0), let operand = node.namedChild(0) else { break }
      let inner = lower(operand, in: source)
      switch text(op, source) {
      case "-": return .unary(.negate, inner)
      // Rust's `!` is bitwise on integers and logical on booleans.
      case "!": if case .boolean = inner { return .unary(.logicalNot, inner) } else { return .unary(.bitNot, inner) }
      default: break
      }
    case "binary_expression":
      if let binary = lowerBinary(node, in: source) { return binary }
    case "call_expression":
      guard let function = node.child(byField: "function"), let arguments = node.child(byField: "arguments") else { break }
      if function.type == "field_expression", let receiver = function.child(byField: "value"),
         let name = function.child(byField: "field") {
        return .method(lower(receiver, in: source), text(name, source), arguments.namedChildren.map { lower($0, in: source) })
      }
      // `mib(8)`: a `const fn` in the tree evaluates; anything else is a run-time call.
      if function.type == "identifier" || function.type == "scoped_identifier" {
        return .call(key(function, source).components(separatedBy: "::"), arguments.namedChildren.map { lower($0, in: source) })
      }
      return .opaque("call to \(key(function, source))()")
    case "field_expression": return .opaque("field \(key(node, source))")
    case "try_expression": return .opaque("fallible expression \(key(node, source))")
    case "macro_invocation": return .opaque("macro \(key(node, source))")
    default: break
    }
    return .opaque("\(node.type.replacingOccurrences(of: "_", with: " ")) \(key(node, source))")
  }

  func constants(in root: Node, source: SourceText, path: String) -> [ConstantDefinition] {
    var result: [ConstantDefinition] = []
    var pending: [MacroBody] = []
    collectConstants(in: root.namedChildren, source: source, path: path, scope: Self.modulePath(ofFile: path), block: nil,
                     into: &result, macros: &pending)
    // Macro bodies are read in rounds (a macro inside a macro body waits for the next), all the
    // bodies of a round from one copy of the file and one parse: a copy and a parse per macro
    // was quadratic in a file of thousands of them.
    var current = source
    var labels: [(range: Range<Int>, label: String)] = []
    var parser: Parser?
    for _ in 0..<Self.maximumMacroDepth {
      let round = pending.filter { Self.mayDefineConstants(current.bytes[$0.tree.byteRange]) }.sorted { $0.tree.startByte < $1.tree.startByte }
      pending = []
      guard !round.isEmpty else { break }
      var copy = current.bytes
      RustMacroBodies.blank(0..<copy.count, in: &copy)
      var bodies: [(range: Range<Int>, scope: [String], block: Range<Int>?)] = []
      for body in round where body.tree.startByte >= (bodies.last?.range.upperBound ?? 0) {
        guard let read = RustMacroBodies.readItems(of: body.tree, from: current, isCfgIf: body.isCfgIf, into: &copy) else { continue }
        bodies.append((read.body, body.scope, body.block))
        labels += read.branches
      }
      if parser == nil, let language = try? TreeSitter.Language(tree_sitter_rust(), name: "Rust") { parser = Parser(language: language) }
      let copySource = SourceText(bytes: copy)
      guard let reader = parser, !bodies.isEmpty,
            let tree = TreeSitterParsing.parse(copySource, with: reader, only: bodies.map(\.range), fallbackToWhole: false)?.tree
      else { break }
      // The items of each body, in its scope (the items come in file order, as the bodies do).
      var found: [ConstantDefinition] = []
      var items = tree.rootNode.namedChildren[...]
      for body in bodies {
        let inBody = items.prefix { $0.startByte < body.range.upperBound }.filter { body.range.contains($0.startByte) }
        items = items.drop { $0.startByte < body.range.upperBound }
        collectConstants(in: inBody, source: copySource, path: path, scope: body.scope, block: body.block, into: &found, macros: &pending)
      }
      for var definition in found where !definition.valueText.contains("$") {
        // The innermost `cfg_if!` branch holding it names its build.
        if let branch = labels.filter({ $0.range.contains(definition.itemRange.lowerBound) })
          .max(by: { $0.range.lowerBound < $1.range.lowerBound }) {
          definition.alternative = branch.label
        }
        result.append(definition)
      }
      current = copySource
    }
    return result
  }

  /// Rounds of macros inside macro bodies read for constants (as for calls, `RustMacroBodies`).
  private static let maximumMacroDepth = 3

  /// A macro invocation's token tree or a `macro_rules!` arm's transcriber, to read as items.
  private struct MacroBody {
    let tree: Node
    let isCfgIf: Bool
    let scope: [String]
    /// The function body or block the macro is in (its items are local to it); nil at module level.
    let block: Range<Int>?
  }

  /// The constants among `nodes` (items or statements) and their modules, impls and function
  /// bodies; macro bodies go to `macros`, read later (`constants(in:source:path:)`). `block`: the
  /// innermost function body or block around `nodes` (nil at module level), whose items are
  /// visible only inside it.
  private func collectConstants(in nodes: some Sequence<Node>, source: SourceText, path: String, scope: [String], block: Range<Int>?,
                                into result: inout [ConstantDefinition], macros: inout [MacroBody]) {
    for child in nodes {
      switch child.type {
      case "const_item", "static_item":
        guard let name = child.child(byField: "name"), let value = child.child(byField: "value") else { continue }
        result.append(ConstantDefinition(
          name: text(name, source), kind: child.type == "const_item" ? .rustConst : .rustStatic, path: path,
          line: source.position(of: name.startByte).line, scope: scope, value: lowerBounded(value, in: source),
          valueText: text(value, source), valueRange: value.byteRange, itemRange: child.byteRange,
          declaredType: child.child(byField: "type").map { text($0, source) },
          alternative: Self.cfgAttribute(of: child, source: source), visibility: block))
      case "mod_item":
        guard let name = child.child(byField: "name"), let body = child.child(byField: "body") else { continue }
        collectConstants(in: body.namedChildren, source: source, path: path, scope: scope + [text(name, source)], block: block,
                         into: &result, macros: &macros)
      case "impl_item":
        guard let type = child.child(byField: "type"), let body = child.child(byField: "body") else { continue }
        collectConstants(in: body.namedChildren, source: source, path: path, scope: scope + [text(type, source)], block: block,
                         into: &result, macros: &macros)
      case "function_item":
        if var function = constFunction(child, source: source, path: path, scope: scope) {
          function.visibility = block
          result.append(function)
        }
        // Consts local to a function body are visible by name inside it, and only there
        // (two functions may each define their own `STACK`).
        if let body = child.child(byField: "body") {
          collectConstants(in: body.namedChildren, source: source, path: path, scope: scope, block: body.byteRange,
                           into: &result, macros: &macros)
        }
      case "macro_definition":
        // `macro_rules! limits { () => { const STACK: usize = 4 << 20; } }`: each arm's items are
        // defined where the macro is invoked (a use of the name compiles only then).
        for rule in child.namedChildren where rule.type == "macro_rule" {
          if let right = rule.child(byField: "right") { macros.append(MacroBody(tree: right, isCfgIf: false, scope: scope, block: block)) }
        }
      case "macro_invocation", "expression_statement":
        // A macro as an item or a statement (`cfg_if! { .. }`, `my_items! { const X: usize = ..; }`):
        // tree-sitter sees a token tree; its items are read from a copy where they are code.
        let macro = child.type == "macro_invocation" ? child : child.namedChild(0)
        guard let macro, macro.type == "macro_invocation", let body = RustMacroBodies.body(of: macro) else { continue }
        let name = macro.child(byField: "macro").map { text($0, source) } ?? ""
        macros.append(MacroBody(tree: body, isCfgIf: name.split(separator: ":").last == "cfg_if", scope: scope, block: block))
      default: continue
      }
    }
  }

  /// `const ` or `static ` in the bytes: a body without either defines no constant (most
  /// macros, `println!`, `vec!`), and is not parsed again.
  private static func mayDefineConstants(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withUnsafeBytes { raw in
      !ByteSearch.occurrences(of: Array("const ".utf8), in: raw).isEmpty || !ByteSearch.occurrences(of: Array("static ".utf8), in: raw).isEmpty
    }
  }

  /// `#[cfg(feature = "big")]` on an item: the build that defines it (the text a call's
  /// `#[cfg]` alternative carries).
  private static func cfgAttribute(of item: Node, source: SourceText) -> String? {
    var sibling = item.previousSibling
    while let attribute = sibling, attribute.type == "attribute_item" || attribute.type.hasSuffix("comment") {
      let text = source.text(attribute.byteRange)
      if attribute.type == "attribute_item", text.contains("cfg(") { return text.trimmingCharacters(in: .whitespaces) }
      sibling = attribute.previousSibling
    }
    return nil
  }

  /// `const fn mib(n: usize) -> usize { n << 20 }`: a function whose body is one expression
  /// over its parameters, evaluated where it is called with constants (`mib(8)`).
  private func constFunction(_ node: Node, source: SourceText, path: String, scope: [String]) -> ConstantDefinition? {
    guard node.namedChildren.contains(where: { $0.type == "function_modifiers" && text($0, source).contains("const") }),
          let name = node.child(byField: "name"), let parameters = node.child(byField: "parameters"),
          let body = node.child(byField: "body"),
          case let expressions = body.namedChildren.filter({ $0.type != "line_comment" && $0.type != "block_comment" }),
          expressions.count == 1, let value = expressions.first, !value.type.hasSuffix("statement"), value.type != "let_declaration"
    else { return nil }
    let names = parameters.namedChildren.compactMap { $0.type == "parameter" ? $0.child(byField: "pattern").map { text($0, source) } : nil }
    guard names.count == parameters.namedChildren.count else { return nil }
    return ConstantDefinition(
      name: text(name, source), kind: .rustConst, path: path, line: source.position(of: name.startByte).line, scope: scope,
      value: lowerBounded(value, in: source), valueText: text(value, source), valueRange: value.byteRange, itemRange: node.byteRange,
      parameters: names)
  }

  /// `src/limits.rs` -> ["limits"], `src/net/mod.rs` -> ["net"], `src/lib.rs` -> [].
  static func modulePath(ofFile path: String) -> [String] {
    var parts = path.split(separator: "/").map(String.init)
    if let src = parts.lastIndex(of: "src") { parts = Array(parts[(src + 1)...]) } else { parts = Array(parts.suffix(1)) }
    guard let last = parts.popLast() else { return [] }
    let stem = last.hasSuffix(".rs") ? String(last.dropLast(3)) : last
    if !["mod", "lib", "main"].contains(stem) { parts.append(stem) }
    return parts
  }
}
