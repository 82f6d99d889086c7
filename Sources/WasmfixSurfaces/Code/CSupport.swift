import WasmfixWorkspace
import TreeSitter

/// C: `wasmtime_config_max_wasm_stack_set(cfg, E)` and its async siblings; constants from
/// `#define`, `static const` and `enum`.
struct CSupport: LanguageSupport {
  let language = SurfaceID.c
  // One search finds all three setters (the parse decides which call it is).
  let needles = ["wasmtime_config_"]
  var scopeTypes: Set<String> { ["function_definition"] }
  let statementTypes: Set<String> = ["expression_statement", "declaration", "return_statement"]
  let engineCreationNeedles = ["wasm_engine_new_with_config("]
  let configConstructorNeedles = ["wasm_config_new("]
  private let functions: [String: Setting] = [
    "wasmtime_config_max_wasm_stack_set": .maxWasmStack,
    "wasmtime_config_async_stack_size_set": .asyncStackSize,
    "wasmtime_config_async_support_set": .asyncSupport,
  ]

  func site(named node: Node, in source: SourceText, wrappers: SetterWrappers) -> ExtractedSite? {
    guard node.type == "identifier", let setting = functions[text(node, source)] ?? wrappers.settings[text(node, source)],
          let call = node.parent, call.type == "call_expression",
          call.child(byField: "function")?.isSame(as: node) == true,
          let arguments = call.child(byField: "arguments"),
          case let values = arguments.namedChildren.filter({ $0.type != "comment" }), values.count == 2,
          let receiver = values.first, let argument = values.last
    else { return nil }
    let statement = call.parent.flatMap { $0.type == "expression_statement" ? $0 : nil }
    return ExtractedSite(
      setting: setting, apiName: text(node, source), nameRange: node.byteRange,
      argument: lowerBounded(argument, in: source), argumentText: text(argument, source),
      argumentRange: argument.byteRange, callRange: call.byteRange,
      scopeStart: ancestor(of: call, in: ["function_definition"])?.startByte ?? 0,
      receiverKey: key(receiver, source).trimmingCharacters(in: ["&", "(", ")"]),
      receiverText: text(receiver, source), statementRange: statement?.byteRange,
      isChainLink: false, inErrorRegion: isInErrorRegion(call))
  }

  func runtimeBindings(in scope: Node, source: SourceText) -> Set<String> {
    var names = Set<String>()
    scope.walk { node in
      guard node.type == "parameter_declaration" || node.type == "declaration" else { return true }
      // A local `const` with a constant initialiser is a constant; the index finds it.
      if node.children.contains(where: { $0.type == "type_qualifier" && text($0, source) == "const" }) { return false }
      for declarator in node.namedChildren where ["identifier", "init_declarator", "pointer_declarator"].contains(declarator.type) {
        var name: Node? = declarator
        while let current = name, current.type != "identifier" { name = current.child(byField: "declarator") }
        if let name { names.insert(text(name, source)) }
      }
      return false
    }
    return names
  }

  func lower(_ node: Node, in source: SourceText) -> Expression {
    lowerCFamily(node, in: source) ?? .opaque("\(node.type.replacingOccurrences(of: "_", with: " ")) \(key(node, source))")
  }

  func constants(in root: Node, source: SourceText, path: String) -> [ConstantDefinition] {
    var result: [ConstantDefinition] = []
    // The blocks (`{ ... }` of a function body or statement) around the node visited, innermost
    // last: the walk goes in source order, so a block ends before the first node after it.
    var blocks: [Range<Int>] = []
    func add(_ name: Node, _ kind: ConstantDefinition.Kind, _ value: Expression, _ valueText: String, _ valueRange: Range<Int>, _ item: Node,
             type: String? = nil) {
      result.append(ConstantDefinition(
        name: text(name, source), kind: kind, path: path, line: source.position(of: name.startByte).line,
        scope: [], value: value, valueText: valueText, valueRange: valueRange, itemRange: item.byteRange, declaredType: type,
        visibility: Self.visibility(of: item, kind: kind, in: blocks, fileEnd: source.bytes.count)))
    }
    root.walk { node in
      while let last = blocks.last, last.upperBound <= node.startByte { blocks.removeLast() }
      switch node.type {
      case "preproc_function_def":
        // `#define KiB(x) ((x) * 1024)`
        guard let name = node.child(byField: "name"), let parameters = node.child(byField: "parameters"),
              let value = node.child(byField: "value") else { return false }
        let body = source.text(value.byteRange).trimmingCharacters(in: .whitespacesAndNewlines)
        let names = parameters.namedChildren.filter { $0.type == "identifier" }.map { text($0, source) }
        result.append(ConstantDefinition(
          name: text(name, source), kind: .cDefine, path: path, line: source.position(of: name.startByte).line,
          scope: [], value: lowerMacroBody(body), valueText: body, valueRange: Self.trim(value.byteRange, in: source),
          itemRange: node.byteRange, parameters: names,
          visibility: Self.visibility(of: node, kind: .cDefine, in: blocks, fileEnd: source.bytes.count)))
        return false
      case "preproc_def":
        guard let name = node.child(byField: "name") else { return false }
        guard let value = node.child(byField: "value") else { return false }
        let body = source.text(value.byteRange).trimmingCharacters(in: .whitespacesAndNewlines)
        let trimmed = Self.trim(value.byteRange, in: source)
        add(name, .cDefine, lowerMacroBody(body), body, trimmed, node)
        return false
      case "declaration":
        let isConst = node.children.contains { $0.type == "type_qualifier" && text($0, source) == "const" }
        guard isConst else { return false }
        for declarator in node.namedChildren where declarator.type == "init_declarator" {
          guard let name = declarator.child(byField: "declarator"), name.type == "identifier",
                let value = declarator.child(byField: "value") else { continue }
          add(name, .cConst, lowerBounded(value, in: source), text(value, source), value.byteRange, node,
              type: node.child(byField: "type").map { text($0, source) })
        }
        return false
      case "enumerator_list":
        var next: Expression = .integer(0)
        for enumerator in node.namedChildren where enumerator.type == "enumerator" {
          guard let name = enumerator.child(byField: "name") else { continue }
          if let value = enumerator.child(byField: "value") {
            next = lowerBounded(value, in: source)
            add(name, .cEnumerator, next, text(value, source), value.byteRange, enumerator)
          } else {
            add(name, .cEnumerator, next, text(name, source), name.byteRange, enumerator)
          }
          next = .binary(.add, next, .integer(1))
        }
        return false
      case "compound_statement":
        blocks.append(node.byteRange)
        return true
      default: return true
      }
    }
    return result
  }

  /// Where a definition inside a block is visible: from the definition to the block's end; a
  /// `#define` from its line to the end of the file. Nil for one outside every block.
  static func visibility(of item: Node, kind: ConstantDefinition.Kind, in blocks: [Range<Int>], fileEnd: Int) -> Range<Int>? {
    guard let block = blocks.last, block.contains(item.startByte) else { return nil }
    return item.startByte..<(kind == .cDefine ? fileEnd : block.upperBound)
  }

  /// Parses a macro body as an expression, by wrapping it in a declaration the grammar knows.
  func lowerMacroBody(_ body: String) -> Expression {
    guard !body.isEmpty else { return .opaque("empty macro") }
    let snippet = "unsigned long long __wasmfix_macro = (\n\(body)\n);\n"
    let snippetSource = SourceText(bytes: Array(snippet.utf8))
    guard let language = try? CodeSurface.c.loadGrammar(), let tree = Parser(language: language).parse(snippetSource.bytes),
          !tree.rootNode.hasError,
          let declaration = tree.rootNode.namedChild(0),
          let initDeclarator = declaration.child(byField: "declarator"),
          let value = initDeclarator.child(byField: "value")
    else { return .opaque("macro \(body)") }
    return lowerBounded(value, in: snippetSource)
  }

  /// The byte range without surrounding whitespace (a `#define` value includes the spaces before it).
  static func trim(_ range: Range<Int>, in source: SourceText) -> Range<Int> {
    var start = range.lowerBound, end = range.upperBound
    func space(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    while start < end, space(source.bytes[start]) { start += 1 }
    while end > start, space(source.bytes[end - 1]) { end -= 1 }
    return start..<end
  }
}
