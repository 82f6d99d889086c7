import WasmfixWorkspace
import TreeSitter

/// C++ embedders (tree-sitter-cpp): the C API's `wasmtime_config_*_set(cfg, E)` calls, the C++
/// API's `config.max_wasm_stack(E)` (`wasmtime::Config` in wasmtime.hh; it has no async stack
/// method, so the async size goes through `wasmtime_config_async_stack_size_set(config.capi(), N)`,
/// which configures the same object), `constexpr` constants, `#define`s, and user-defined
/// literals (`8_MiB`) whose `operator""` is in the tree.
struct CppSupport: LanguageSupport {
  let language = SurfaceID.cpp
  /// C's statement shapes, constants and expression lowering are C++'s too.
  private let c = CSupport()
  let needles = ["wasmtime_config_", "max_wasm_stack"]
  var scopeTypes: Set<String> { ["function_definition", "lambda_expression"] }
  let statementTypes: Set<String> = ["expression_statement", "declaration", "return_statement"]
  let engineCreationNeedles = ["wasm_engine_new_with_config(", "Engine engine(", "Engine(std::move(", "Engine{"]
  let configConstructorNeedles = ["wasm_config_new(", "Config()", "Config{}"]
  let freshConfigTypes = ["wasmtime::Config", "Config"]

  func site(named node: Node, in source: SourceText, wrappers: SetterWrappers) -> ExtractedSite? {
    if node.type == "identifier", var site = c.site(named: node, in: source, wrappers: wrappers) {
      // C++ expressions (user-defined literals, casts) in the argument, lowered as C++.
      if let argument = node.parent?.child(byField: "arguments")?.namedChildren.last(where: { $0.type != "comment" }) {
        site.argument = lowerBounded(argument, in: source)
      }
      // `config.capi()` configures the same object as `config.max_wasm_stack(...)`.
      site.receiverKey = Self.receiverKey(site.receiverKey)
      site.scopeStart = scopeStart(of: node)
      return site
    }
    // `config.max_wasm_stack(N)`, or a project's wrapper method called the same way.
    let name = text(node, source)
    guard node.type == "field_identifier", let setting = name == "max_wasm_stack" ? .maxWasmStack : wrappers.settings[name],
          let field = node.parent, field.type == "field_expression",
          let call = field.parent, call.type == "call_expression",
          call.child(byField: "function")?.isSame(as: field) == true,
          let receiver = field.child(byField: "argument"),
          let arguments = call.child(byField: "arguments"),
          case let values = arguments.namedChildren.filter({ $0.type != "comment" }), values.count == 1,
          let argument = values.first
    else { return nil }
    let statement = call.parent.flatMap { $0.type == "expression_statement" ? $0 : nil }
    return ExtractedSite(
      setting: setting, apiName: name, nameRange: node.byteRange,
      argument: lowerBounded(argument, in: source), argumentText: text(argument, source),
      argumentRange: argument.byteRange, callRange: call.byteRange,
      scopeStart: scopeStart(of: call), receiverKey: Self.receiverKey(key(receiver, source)),
      receiverText: text(receiver, source), statementRange: statement?.byteRange,
      isChainLink: false, inErrorRegion: isInErrorRegion(call))
  }

  private func scopeStart(of node: Node) -> Int { ancestor(of: node, in: scopeTypes)?.startByte ?? 0 }

  /// `&config`, `config.capi()`, `(config).capi()` and `config` key the same object.
  static func receiverKey(_ written: String) -> String {
    var key = written.trimmingCharacters(in: ["&", "(", ")"])
    for suffix in [".capi()", ".capi", "->capi()", "->capi"] where key.hasSuffix(suffix) {
      key.removeLast(suffix.count)
      break
    }
    return key.trimmingCharacters(in: ["&", "(", ")"])
  }

  func runtimeBindings(in scope: Node, source: SourceText) -> Set<String> {
    var names = c.runtimeBindings(in: scope, source: source)
    // `constexpr` locals are constants; the index finds them.
    scope.walk { node in
      guard node.type == "declaration" else { return true }
      if node.children.contains(where: { $0.type == "type_qualifier" && text($0, source) == "constexpr" }) {
        for declarator in node.namedChildren where declarator.type == "init_declarator" {
          if let name = declarator.child(byField: "declarator") { names.remove(text(name, source)) }
        }
      }
      return false
    }
    return names
  }

  func lower(_ node: Node, in source: SourceText) -> Expression {
    switch node.type {
    case "qualified_identifier":
      return .name(text(node, source).split(separator: ":").map(String.init).filter { !$0.isEmpty && $0 != "std" })
    case "user_defined_literal":
      // `8_MiB` is `operator""_MiB(8)`.
      guard let number = node.namedChildren.first(where: { $0.type == "number_literal" }),
            let suffix = node.namedChildren.first(where: { $0.type == "literal_suffix" }) else { break }
      return .call([text(suffix, source)], [IntegerLiteral.parse(text(number, source), language: .c)])
    case "compound_literal_expression":
      // `std::size_t{8}`: a conversion written with braces.
      if let type = node.child(byField: "type"), let value = node.child(byField: "value"),
         case let elements = value.namedChildren.filter({ $0.type != "comment" }), elements.count == 1 {
        return .cast(text(type, source).replacingOccurrences(of: "std::", with: ""), lower(elements[0], in: source))
      }
    case "call_expression":
      // `static_cast<size_t>(x)` and `size_t(x)` are conversions.
      if let function = node.child(byField: "function"), let arguments = node.child(byField: "arguments"),
         arguments.namedChildCount == 1, let value = arguments.namedChild(0) {
        let name = text(function, source)
        if name.hasPrefix("static_cast<"), name.hasSuffix(">") {
          return .cast(String(name.dropFirst("static_cast<".count).dropLast()), lower(value, in: source))
        }
        if IntegerType.named(name) != nil { return .cast(name, lower(value, in: source)) }
      }
    default: break
    }
    return lowerCFamily(node, in: source) ?? .opaque("\(node.type.replacingOccurrences(of: "_", with: " ")) \(key(node, source))")
  }

  func constants(in root: Node, source: SourceText, path: String) -> [ConstantDefinition] {
    // `#define`, `const` and enumerators as in C (C's lowering of #define bodies suits C++ too).
    var result = c.constants(in: root, source: source, path: path)
    var blocks: [Range<Int>] = []  // as in `CSupport.constants`: the blocks around the node, innermost last
    root.walk { node in
      while let last = blocks.last, last.upperBound <= node.startByte { blocks.removeLast() }
      switch node.type {
      case "compound_statement":
        blocks.append(node.byteRange)
        return true
      case "declaration", "field_declaration":
        let isConstexpr = node.children.contains { $0.type == "type_qualifier" && text($0, source) == "constexpr" }
        guard isConstexpr else { return false }
        for declarator in node.namedChildren where declarator.type == "init_declarator" || node.type == "field_declaration" {
          let nameNode = declarator.child(byField: "declarator") ?? (node.type == "field_declaration" ? node.child(byField: "declarator") : nil)
          let valueNode = declarator.child(byField: "value") ?? node.child(byField: "default_value")
          guard let name = nameNode, ["identifier", "field_identifier"].contains(name.type), let value = valueNode else { continue }
          let definition = ConstantDefinition(
            name: text(name, source), kind: .cppConstexpr, path: path, line: source.position(of: name.startByte).line,
            scope: [], value: lowerBounded(value, in: source), valueText: text(value, source), valueRange: value.byteRange,
            itemRange: node.byteRange,
            visibility: node.type == "declaration" ? CSupport.visibility(of: node, kind: .cppConstexpr, in: blocks, fileEnd: source.bytes.count) : nil)
          if !result.contains(where: { $0.name == definition.name && $0.line == definition.line }) { result.append(definition) }
          if node.type == "field_declaration" { break }
        }
        return false
      case "function_definition":
        if let literal = literalOperator(node, source: source, path: path) {
          result.append(literal)
          return false
        }
        return true  // its body's `constexpr` locals, visible in their block

      default: return true
      }
    }
    return result
  }

  /// `constexpr unsigned long long operator""_MiB(unsigned long long n) { return n << 20; }`.
  private func literalOperator(_ node: Node, source: SourceText, path: String) -> ConstantDefinition? {
    guard let declarator = node.child(byField: "declarator"), declarator.type == "function_declarator",
          let name = declarator.child(byField: "declarator"), name.type == "operator_name",
          let suffix = name.namedChildren.first(where: { $0.type == "identifier" }),
          let parameters = declarator.child(byField: "parameters"),
          case let declared = parameters.namedChildren.filter({ $0.type == "parameter_declaration" }), declared.count == 1,
          let parameter = declared[0].child(byField: "declarator"), parameter.type == "identifier",
          let body = node.child(byField: "body"),
          case let statements = body.namedChildren.filter({ $0.type != "comment" }), statements.count == 1,
          statements[0].type == "return_statement", let value = statements[0].namedChild(0)
    else { return nil }
    return ConstantDefinition(
      name: text(suffix, source), kind: .cppLiteralOperator, path: path, line: source.position(of: suffix.startByte).line,
      scope: [], value: lowerBounded(value, in: source), valueText: text(value, source), valueRange: value.byteRange,
      itemRange: node.byteRange, parameters: [text(parameter, source)])
  }
}
