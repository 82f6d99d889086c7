import WasmfixWorkspace
import TreeSitter

/// C#: wasmtime-dotnet's `WithMaximumStackSize(E)`, plus the `WithMaxWasmStack` /
/// `WithAsyncStackSize` / `WithAsync` names some builds and articles use; `const` fields.
struct CSharpSupport: LanguageSupport {
  let language = SurfaceID.csharp
  let needles = ["WithMaximumStackSize", "WithMaxWasmStack", "WithAsync"]
  var scopeTypes: Set<String> { Self.scopes }
  let statementTypes: Set<String> = ["expression_statement", "local_declaration_statement", "using_statement", "return_statement"]
  let engineCreationNeedles = ["new Engine(", "new Wasmtime.Engine("]
  let configConstructorNeedles = ["new Config(", "new Wasmtime.Config("]
  private let methods: [String: Setting] = [
    "WithMaximumStackSize": .maxWasmStack, "WithMaxWasmStack": .maxWasmStack,
    "WithAsyncStackSize": .asyncStackSize, "WithAsync": .asyncSupport, "WithAsyncSupport": .asyncSupport,
  ]
  private static let scopes: Set<String> = [
    "method_declaration", "constructor_declaration", "local_function_statement", "lambda_expression",
    "property_declaration", "accessor_declaration",
  ]

  func site(named node: Node, in source: SourceText, wrappers: SetterWrappers) -> ExtractedSite? {
    guard node.type == "identifier", let setting = methods[text(node, source)] ?? wrappers.settings[text(node, source)],
          let access = node.parent, access.type == "member_access_expression",
          access.child(byField: "name")?.isSame(as: node) == true,
          let call = access.parent, call.type == "invocation_expression",
          call.child(byField: "function")?.isSame(as: access) == true,
          let arguments = call.child(byField: "arguments"),
          case let values = arguments.namedChildren.filter({ $0.type != "comment" }), values.count == 1,
          let argumentNode = values.first,
          let argument = argumentNode.namedChildren.last, let receiver = access.child(byField: "expression")
    else { return nil }
    var base = receiver
    while base.type == "invocation_expression", let f = base.child(byField: "function"),
          f.type == "member_access_expression", let inner = f.child(byField: "expression") { base = inner }
    let followed = call.parent?.type == "member_access_expression"
    let isChained = receiver.type == "invocation_expression" || receiver.type == "object_creation_expression" || followed
    var top = call
    while let parent = top.parent, parent.type == "member_access_expression",
          let outer = parent.parent, outer.type == "invocation_expression" { top = outer }
    let statement = ancestor(of: top, in: ["expression_statement", "local_declaration_statement"])
    var baseIsVariable = ["identifier", "member_access_expression", "this_expression"].contains(base.type)
    // `var config = new Config().WithX(..)` configures `config`, which later calls may continue.
    if !baseIsVariable, let declarator = top.parent, declarator.type == "variable_declarator",
       let name = declarator.child(byField: "name") {
      base = name
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

  func runtimeBindings(in scope: Node, source: SourceText) -> Set<String> {
    var names = Set<String>()
    scope.walk { node in
      switch node.type {
      case "parameter":
        if let name = node.child(byField: "name") { names.insert(text(name, source)) }
        return false
      case "local_declaration_statement":
        if node.children.contains(where: { text($0, source) == "const" }) { return false }
        node.walk { part in
          if part.type == "variable_declarator", let name = part.child(byField: "name") { names.insert(text(name, source)) }
          return true
        }
        return false
      default: return true
      }
    }
    return names
  }

  func lower(_ node: Node, in source: SourceText) -> Expression {
    switch node.type {
    case "integer_literal": return IntegerLiteral.parse(text(node, source), language: .csharp)
    case "boolean_literal": return .boolean(text(node, source) == "true")
    case "identifier": return .name([text(node, source)])
    case "member_access_expression":
      let path = key(node, source).components(separatedBy: ".")
      if path.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }) { return .name(path) }
      return .opaque("member \(key(node, source))")
    case "parenthesized_expression", "checked_expression":
      return node.namedChildren.last.map { lower($0, in: source) } ?? .opaque("()")
    case "cast_expression":
      guard let type = node.child(byField: "type"), let value = node.child(byField: "value") else { break }
      return .cast(text(type, source), lower(value, in: source))
    case "prefix_unary_expression":
      guard let op = node.child(0), let operand = node.namedChildren.last else { break }
      if let unary = lowerPrefix(text(op, source), lower(operand, in: source)) { return unary }
    case "binary_expression":
      if let binary = lowerBinary(node, in: source) { return binary }
    case "invocation_expression":
      if let function = node.child(byField: "function") { return .opaque("call to \(key(function, source))()") }
    default: break
    }
    return .opaque("\(node.type.replacingOccurrences(of: "_", with: " ")) \(key(node, source))")
  }

  func constants(in root: Node, source: SourceText, path: String) -> [ConstantDefinition] {
    var result: [ConstantDefinition] = []
    // `block`: the method body or block `node` is in (its local `const`s are visible only there);
    // nil at namespace and type level.
    func visit(_ node: Node, scope: [String], block: Range<Int>? = nil) {
      for child in node.namedChildren {
        switch child.type {
        case "class_declaration", "struct_declaration", "interface_declaration", "record_declaration":
          let name = child.child(byField: "name").map { text($0, source) } ?? ""
          if let body = child.child(byField: "body") { visit(body, scope: scope + [name]) }
        case "namespace_declaration", "file_scoped_namespace_declaration":
          // Namespaces qualify names (`App.Limits.MaxStack`).
          let name = child.child(byField: "name").map { key($0, source).components(separatedBy: ".") } ?? []
          visit(child.child(byField: "body") ?? child, scope: scope + name)
        // `global_statement`: C# 9 top-level statements (`const ulong Stack = 8 << 20;` in Program.cs).
        case "declaration_list", "accessor_list", "arrow_expression_clause", "global_statement":
          visit(child, scope: scope, block: block)
        case "block":
          visit(child, scope: scope, block: child.byteRange)
        case "method_declaration", "constructor_declaration", "local_function_statement", "accessor_declaration",
             "property_declaration", "operator_declaration":
          // Local `const`s are visible by name inside their method.
          for part in child.namedChildren where ["block", "accessor_list", "arrow_expression_clause"].contains(part.type) {
            visit(part, scope: scope, block: part.type == "block" ? part.byteRange : block)
          }
        case "field_declaration", "local_declaration_statement":
          let isConst = child.children.contains { $0.type == "modifier" && text($0, source) == "const" }
            || child.children.contains { text($0, source) == "const" }
          guard isConst, let declaration = child.namedChildren.first(where: { $0.type == "variable_declaration" }) else { continue }
          for declarator in declaration.namedChildren where declarator.type == "variable_declarator" {
            guard let name = declarator.child(byField: "name"),
                  let value = declarator.namedChildren.last, !value.isSame(as: name) else { continue }
            result.append(ConstantDefinition(
              name: text(name, source), kind: .csharpConst, path: path, line: source.position(of: name.startByte).line,
              scope: scope, value: lowerBounded(value, in: source), valueText: text(value, source),
              valueRange: value.byteRange, itemRange: child.byteRange,
              visibility: child.type == "local_declaration_statement" ? block.map { child.startByte..<$0.upperBound } : nil))
          }
        default: continue
        }
      }
    }
    visit(root, scope: [])
    return result
  }
}
