import WasmfixWorkspace
import TreeSitter

/// A call that sets a Wasmtime stack value, as found in one file's syntax tree.
package struct ExtractedSite {
  package var setting: Setting
  /// The API name as written (`max_wasm_stack`, `wasmtime_config_max_wasm_stack_set`, `WithMaximumStackSize`).
  package var apiName: String
  package var nameRange: Range<Int>
  package var argument: Expression
  package var argumentText: String
  package var argumentRange: Range<Int>
  package var callRange: Range<Int>
  /// Identifies the configuration object: the scope's start byte plus the receiver's key.
  package var scopeStart: Int
  package var receiverKey: String
  /// The receiver as written (`config`, `cfg`), for inserted statements.
  package var receiverText: String
  /// The statement that holds the call (the whole builder chain for a chain).
  package var statementRange: Range<Int>?
  /// True when the call is a link of a builder chain (`a.b(x).c(y)`), not a standalone call.
  package var isChainLink: Bool
  package var inErrorRegion: Bool
  /// Start of the statement that creates the engine from this configuration (same scope,
  /// after the call), where a run-time assertion belongs; filled in by `sites(in:source:)`.
  package var engineStatementStart: Int? = nil
  /// The scope already asserts the invariant at run time (an earlier fix, or by hand).
  package var scopeHasAssertion = false
  /// The configuration object is created in this scope (`Config::new()`, `wasm_config_new()`),
  /// so a value not set here really is Wasmtime's default.
  package var configIsFresh = false
  /// The value's definition when the surface resolved it itself (a shell `VAR=`, an MSBuild
  /// property): a fix edits it there. Code surfaces leave this to the constant index.
  package var definition: ConstantDefinition? = nil
  /// The configuration runs with async on whatever else it says (`wasmtime serve`).
  package var impliesAsync = false
  /// A Wasmtime version named next to the setting (a workflow's setup `version:`, a download
  /// URL), with where it was found; it wins over manifests found by walking up.
  package var version: (version: WasmtimeVersion, source: String)? = nil
  /// The CLI options file the command line reads (`wasmtime run --config FILE`), as written.
  package var configFile: String? = nil
  /// The argument is exactly a parameter of the enclosing function (a pass-through setter).
  package var argumentIsParameter = false
  /// The argument forwards an optional input: its names are bound by `if let Some(x) =
  /// self.options.x` (or from a parameter), besides ALL_CAPS constants. A function that builds
  /// a `Config` from user options this way (Wasmtime's own CLI) configures nothing itself.
  package var forwardsOption = false
  /// The code expects the engine to be rejected (`unwrap_err()`, `is_err()`, `#[should_panic]`).
  package var expectsFailure = false
  /// The build or branch this call belongs to when it is one of several alternatives
  /// (`#[cfg(debug_assertions)]`, `#ifdef DEBUG`, an `if`/`else` branch); nil when it always runs.
  package var alternative: String? = nil
  /// Comparisons that hold where the call runs (a guard that leaves the scope, an assertion).
  package var guards: [ScopeGuard] = []
  /// The call is test code (in a `#[cfg(test)]` module or a `#[test]` function): Cargo builds
  /// it with the crate's dev-dependencies.
  package var isTestCode = false
  /// Read from a piece of a macro body that is not a statement (`size => config.x(size),`):
  /// names the piece binds (`size`) are not in scope outside the macro.
  package var isMacroArm = false
}

/// What wasmfix knows of one language: how its setting calls, expressions and constants look.
protocol LanguageSupport: Sendable {
  var language: SurfaceID { get }
  /// Text at the start of, or inside, every setting's name token: where to look for sites
  /// in a parsed file (the prefilter's stems, `Prefilter.patterns`, decide what gets parsed).
  var needles: [String] { get }
  /// The site whose name token is `node`, if `node` is the name of a setting call (one of the
  /// binding's setters, or one of the project's `wrappers` called the way the binding's are).
  func site(named node: Node, in source: SourceText, wrappers: SetterWrappers) -> ExtractedSite?
  /// The constant definitions in a file.
  func constants(in root: Node, source: SourceText, path: String) -> [ConstantDefinition]
  func lower(_ node: Node, in source: SourceText) -> Expression
  /// Node types that scope a configuration (functions, closures, methods).
  var scopeTypes: Set<String> { get }
  /// Node types of statements, to find where an engine is created.
  var statementTypes: Set<String> { get }
  /// Text that starts an engine creation (`Engine::new(`, `wasm_engine_new_with_config(`).
  var engineCreationNeedles: [String] { get }
  /// Names bound at run time in a scope (parameters, non-const locals): never constants, so
  /// they are not looked up across the tree (a parameter named `limit` would match everywhere).
  func runtimeBindings(in scope: Node, source: SourceText) -> Set<String>
  /// Text that creates a fresh configuration (`Config::new(`, `wasm_config_new(`, `new Config(`).
  var configConstructorNeedles: [String] { get }
  /// Types whose default-constructed local is a fresh configuration (C++ `wasmtime::Config config;`).
  var freshConfigTypes: [String] { get }
  /// A copy of the file where the macro invocations holding setting names at `tokens` read as
  /// code (Rust's `cfg_if!`); nil for languages without such macros.
  /// `only`: the ranges the file's tree was parsed in (nil: the whole file), parsed the same way.
  func macroExpansion(of tree: Tree, source: SourceText, tokens: [Int], only: [Range<Int>]?) -> MacroExpansion?
}

extension LanguageSupport {
  var freshConfigTypes: [String] { [] }
}

/// The message every inserted run-time assertion carries; also how wasmfix recognises one.
let assertionMessage = "max_wasm_stack must be less than or equal to async_stack_size"

extension LanguageSupport {
  /// Every site in the file: the needle occurrences mapped to name tokens, de-duplicated,
  /// with the calls inside macro invocations read from the macro expansion's copy.
  /// `parsedRanges`: the items `tree` was parsed in, when partial (the macro expansion's copy
  /// is parsed in the same items: a whole-file parse per file with a macro cost more than the
  /// rest of the Rust extraction on the benchmark tree).
  func sites(in tree: Tree, source: SourceText, wrappers: SetterWrappers = .none, parsedRanges: [Range<Int>]? = nil) -> [ExtractedSite] {
    var macroTokens: [Int] = []
    var result = sites(in: tree.rootNode, source: source, wrappers: wrappers, macroTokens: &macroTokens)
    guard !macroTokens.isEmpty, let expansion = macroExpansion(of: tree, source: source, tokens: macroTokens, only: parsedRanges)
    else { return result }
    var unused: [Int] = []
    let inMacros = sites(in: expansion.tree.rootNode, source: expansion.source, wrappers: wrappers,
                         only: Set(macroTokens), macroTokens: &unused)
    result += inMacros.map { expansion.adjust($0, original: source) }
    return result.sorted { $0.nameRange.lowerBound < $1.nameRange.lowerBound }
  }

  /// The sites whose name tokens are at `only` (all when nil); the offsets of names that are
  /// macro tokens (a call inside `cfg_if! { .. }`) go to `macroTokens`.
  private func sites(in root: Node, source: SourceText, wrappers: SetterWrappers, only: Set<Int>? = nil,
                     macroTokens: inout [Int]) -> [ExtractedSite] {
    let scopes = ScopeFactsCache()
    var seen = Set<Int>()
    var result: [ExtractedSite] = []
    for needle in needles + wrappers.names {
      for offset in ByteSearch.occurrences(of: Array(needle.utf8), in: source.bytes) where only?.contains(offset) ?? true {
        guard let node = root.descendant(forBytes: offset..<(offset + needle.utf8.count)),
              !seen.contains(node.startByte) else { continue }
        if node.type == "identifier", node.parent?.type == "token_tree", node.byteRange == offset..<(offset + needle.utf8.count) {
          macroTokens.append(offset)
          continue
        }
        if var site = site(named: node, in: source, wrappers: wrappers) {
          seen.insert(node.startByte)
          locateEngine(for: &site, root: root, source: source, scopes: scopes)
          if let call = root.descendant(forBytes: site.callRange), let scope = ancestor(of: call, in: scopeTypes) {
            let parameters = scopes.value(scope, \.parameterNames) { parameterNames(in: scope, source: source) }
            site.argumentIsParameter = Self.plainName(site.argument).map(parameters.contains) ?? false
            site.forwardsOption = !site.argumentIsParameter
              && Self.forwardsOption(site.argument, call: call, within: scope, parameters: parameters, source: source)
            site.expectsFailure = site.expectsFailure
              || scopes.value(scope, \.isMarkedShouldPanic) { Self.isMarkedShouldPanic(scope, source: source) }
            site.isTestCode = language == .rust && Self.isRustTestCode(call, source: source)
            site.alternative = Self.alternative(of: call, within: scope, source: source)
            let bindings = scopes.value(scope, \.runtimeBindings) { runtimeBindings(in: scope, source: source) }
            site.argument = site.argument.markingRuntimeBindings(bindings)
          }
          result.append(site)
        }
      }
    }
    return result.sorted { $0.nameRange.lowerBound < $1.nameRange.lowerBound }
  }

  func macroExpansion(of tree: Tree, source: SourceText, tokens: [Int], only: [Range<Int>]?) -> MacroExpansion? { nil }

  /// Finds the engine creation after the site in its scope, and an existing assertion.
  func locateEngine(for site: inout ExtractedSite, root: Node, source: SourceText, scopes: ScopeFactsCache) {
    guard let call = root.descendant(forBytes: site.callRange) else { return }
    let scope = ancestor(of: call, in: scopeTypes) ?? root
    let scopeRange = scope.byteRange
    site.scopeHasAssertion = scopes.value(scope, \.hasAssertion) {
      source.bytes.withUnsafeBytes { all in
        !ByteSearch.occurrences(of: Array(assertionMessage.utf8), in: UnsafeRawBufferPointer(rebasing: all[scopeRange.clamped(to: 0..<all.count)])).isEmpty
      }
    }
    // Guards are read from the line of the scope's first `if`/`assert!` up to the call (the
    // depth test is relative, so the braces before that line do not matter): reading from the
    // scope's start for every call was quadratic in a function of thousands of calls.
    let guardWords = scopes.value(scope, \.guardWords) { Self.offsets(of: ScopeGuards.firstWords, in: scopeRange, source: source) }
    if let first = guardWords.first, first < site.callRange.lowerBound {
      let start = max(scopeRange.lowerBound, source.lineRange(containing: first).lowerBound)
      site.guards = ScopeGuards.guards(in: source.text(start..<site.callRange.lowerBound))
    }
    let creations = scopes.value(scope, \.engineCreations) { engineCreations(in: scopeRange, source: source) }
    let after = (site.statementRange ?? site.callRange).upperBound
    let firstAfter = creations.firstIndex(atLeast: after)
    let best = firstAfter < creations.count ? creations[firstAfter] : nil
    let fresh = scopes.value(scope, \.freshDeclarations) { freshDeclarations(in: scope, source: source) }
    site.configIsFresh = isFreshConfig(site, freshDeclarations: fresh)
    guard let best, let node = root.descendant(forBytes: best..<(best + 1)) else { return }
    var statement: Node? = node
    // The enclosing statement, or the block's tail expression (`Engine::new(&config).unwrap()`).
    while let current = statement, !statementTypes.contains(current.type), current.parent?.type != "block" {
      statement = current.parent
    }
    site.engineStatementStart = statement?.startByte
    // A negative test: the engine is expected to be rejected.
    if let statement {
      let text = source.text(statement.byteRange)
      site.expectsFailure = ["unwrap_err", "is_err", "expect_err", ".err()", "Assert.Throws", "assertThrows"].contains { text.contains($0) }
    }
  }

  /// Every offset in `range` where an engine-creation needle starts, ascending.
  func engineCreations(in range: Range<Int>, source: SourceText) -> [Int] {
    Self.offsets(of: engineCreationNeedles, in: range, source: source)
  }

  /// Every file offset in `range` where one of `needles` starts, ascending.
  static func offsets(of needles: [String], in range: Range<Int>, source: SourceText) -> [Int] {
    let range = range.clamped(to: 0..<source.bytes.count)
    return source.bytes.withUnsafeBytes { all in
      let bytes = UnsafeRawBufferPointer(rebasing: all[range])
      return needles.flatMap { ByteSearch.occurrences(of: Array($0.utf8), in: bytes) }.map { range.lowerBound + $0 }.sorted()
    }
  }

  /// The receiver is a constructor call, or a variable its scope initialises with one before the call.
  func isFreshConfig(_ site: ExtractedSite, freshDeclarations: [String: Int]) -> Bool {
    if configConstructorNeedles.contains(where: { site.receiverText.contains($0) }) { return true }
    let receiver = site.receiverText.filter { !$0.isWhitespace && $0 != "&" && $0 != "*" }
    return freshDeclarations[receiver].map { $0 < site.callRange.lowerBound } ?? false
  }

  /// The names the scope initialises with a fresh configuration, each with the start of its
  /// earliest such declaration (see `isFreshConfig`).
  func freshDeclarations(in scope: Node, source: SourceText) -> [String: Int] {
    var earliest: [String: Int] = [:]
    func record(_ name: String, _ start: Int) { earliest[name] = min(earliest[name] ?? start, start) }
    scope.walk { node in
      if node.type == "declaration", !freshConfigTypes.isEmpty, let type = node.child(byField: "type"),
         freshConfigTypes.contains(text(type, source)) {
        for name in node.namedChildren where name.type == "identifier" { record(text(name, source), node.startByte) }
      }
      guard ["let_declaration", "init_declarator", "variable_declarator"].contains(node.type) else { return true }
      let name = node.child(byField: "pattern") ?? node.child(byField: "declarator") ?? node.child(byField: "name")
      let value = node.child(byField: "value") ?? node.namedChildren.last
      if let name, let value, !value.isSame(as: name),
         configConstructorNeedles.contains(where: { text(value, source).contains($0) }) {
        record(text(name, source).filter({ !$0.isWhitespace && $0 != "*" && $0 != "&" }).replacingOccurrences(of: "mut", with: ""),
               node.startByte)
      }
      return true
    }
    return earliest
  }

  func text(_ node: Node, _ source: SourceText) -> String { source.text(node.byteRange) }

  /// Whether every name in `argument` is bound by an enclosing `if let PATTERN = INPUT` whose
  /// INPUT is rooted at `self` or a parameter (`if let Some(max) = self.wasm.max_wasm_stack`),
  /// or is an ALL_CAPS constant, and at least one name is so bound.
  static func forwardsOption(_ argument: Expression, call: Node, within scope: Node, parameters: Set<String>,
                             source: SourceText) -> Bool {
    let names = argument.referencedNames.map { $0.joined(separator: "::") }
    guard !names.isEmpty else { return false }
    var bound = Set<String>()
    for current in call.ancestors {
      if current.isSame(as: scope) { break }
      guard current.type == "if_expression", let condition = current.child(byField: "condition"),
            condition.type == "let_condition", let pattern = condition.child(byField: "pattern"),
            let value = condition.child(byField: "value"), let root = inputRoot(value, source: source),
            root == "self" || parameters.contains(root) else { continue }
      pattern.walk { part in
        if part.type == "identifier" { bound.insert(source.text(part.byteRange)) }
        return true
      }
    }
    func isConstant(_ name: String) -> Bool {
      name.first?.isUppercase == true && name.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" || $0 == ":" }
    }
    return names.contains(where: bound.contains) && names.allSatisfy { bound.contains($0) || isConstant($0) }
  }

  /// The variable an input expression reads from: `self` in `self.wasm.max`, `opts` in
  /// `opts.stack.clone()`; nil for anything else (a call, a literal).
  private static func inputRoot(_ expression: Node, source: SourceText) -> String? {
    var node = expression
    while true {
      switch node.type {
      case "self": return "self"
      case "identifier": return source.text(node.byteRange)
      case "field_expression": guard let next = node.child(byField: "value") else { return nil }; node = next
      case "call_expression":  // `.clone()`, `.as_ref()` on the input
        guard let function = node.child(byField: "function"), function.type == "field_expression" else { return nil }
        node = function
      case "reference_expression", "parenthesized_expression", "try_expression":
        guard let next = node.namedChild(0) else { return nil }; node = next
      default: return nil
      }
    }
  }

  /// `x`, `x as usize`, `(size_t)x`: the one name an argument is.
  static func plainName(_ argument: Expression) -> String? {
    switch argument {
    case let .name(path) where path.count == 1: return path[0]
    case let .cast(_, inner): return plainName(inner)
    default: return nil
    }
  }

  /// The parameters of a function (Rust `parameter`, C `parameter_declaration`, C# `parameter`),
  /// not those of closures or functions nested in its body.
  func parameterNames(in scope: Node, source: SourceText) -> Set<String> {
    var names = Set<String>()
    scope.walk { node in
      if node.type == "parameter" || node.type == "parameter_declaration" {
        let name = node.child(byField: "pattern") ?? node.child(byField: "name") ?? node.child(byField: "declarator")
        if let name, name.type == "identifier" { names.insert(text(name, source)) }
        else { name?.walk { part in if part.type == "identifier" { names.insert(text(part, source)) }; return true } }
        return false
      }
      return !["block", "compound_statement", "closure_expression", "lambda_expression", "local_function_statement"].contains(node.type)
    }
    return names
  }

  /// The conditional that selects the call, if any: a `#[cfg(...)]` on its statement, the
  /// nearest `#if`/`#ifdef`/`#else` branch, or an `if`/`else` branch inside the function.
  static func alternative(of call: Node, within scope: Node, source: SourceText) -> String? {
    // The ancestors once (climbing `parent` by `parent` is quadratic in the depth).
    for current in [call] + call.ancestors {
      if current.isSame(as: scope) { break }
      // An attribute ends in `]`: look for one only then (a sibling costs a search from the root).
      if current.type == "expression_statement", Self.followsClosingBracket(current.startByte, in: source) {
        var sibling = current.previousSibling
        while let attribute = sibling, attribute.type == "attribute_item" {
          let text = source.text(attribute.byteRange)
          if text.contains("cfg(") { return text.trimmingCharacters(in: .whitespaces) }
          sibling = attribute.previousSibling
        }
      }
      switch current.type {
      case "preproc_ifdef", "preproc_if", "preproc_elif", "preproc_else", "preproc_elifdef":
        let first = source.text(source.lineRange(containing: current.startByte)).trimmingCharacters(in: .whitespaces)
        return "\(first) (line \(source.position(of: current.startByte).line))"
      case "else_clause": return "the else branch at line \(source.position(of: current.startByte).line)"
      case "if_expression", "if_statement": return "the if branch at line \(source.position(of: current.startByte).line)"
      default: continue
      }
    }
    return nil
  }

  /// Inside a function or module marked `#[test]`, `#[tokio::test]`, `#[cfg(test)]`.
  static func isRustTestCode(_ call: Node, source: SourceText) -> Bool {
    // The ancestors in one descent (climbing `parent` by `parent` is quadratic in the depth).
    for current in call.ancestors where current.type == "function_item" || current.type == "mod_item" {
      var sibling = current.previousSibling
      while let attribute = sibling, attribute.type == "attribute_item" || attribute.type.hasSuffix("comment") {
        let text = source.text(attribute.byteRange).filter { !$0.isWhitespace }
        if text.hasSuffix("test]") || text.contains("cfg(test)") { return true }
        sibling = attribute.previousSibling
      }
    }
    return false
  }

  /// Whether the last byte before `offset` that is not white space is `]`.
  static func followsClosingBracket(_ offset: Int, in source: SourceText) -> Bool {
    var i = min(offset, source.bytes.count) - 1
    while i >= 0, [0x20, 0x09, 0x0A, 0x0D].contains(source.bytes[i]) { i -= 1 }
    return i >= 0 && source.bytes[i] == UInt8(ascii: "]")
  }

  /// `#[should_panic]` (Rust) on the function, or an attribute naming an expected exception.
  static func isMarkedShouldPanic(_ scope: Node, source: SourceText) -> Bool {
    var sibling = scope.previousSibling
    while let node = sibling, node.type == "attribute_item" || node.type == "line_comment" {
      if source.text(node.byteRange).contains("should_panic") { return true }
      sibling = node.previousSibling
    }
    return false
  }

  /// The expressions C and C++ write alike; children are lowered by the conforming language,
  /// so a C++ literal inside a C-shaped expression stays C++. Nil for anything else.
  func lowerCFamily(_ node: Node, in source: SourceText) -> Expression? {
    switch node.type {
    case "number_literal": return IntegerLiteral.parse(text(node, source), language: .c)
    case "true": return .boolean(true)
    case "false": return .boolean(false)
    case "identifier": return .name([text(node, source)])
    case "parenthesized_expression":
      return node.namedChild(0).map { lower($0, in: source) } ?? .opaque("()")
    case "cast_expression":
      guard let type = node.child(byField: "type"), let value = node.child(byField: "value") else { break }
      return .cast(text(type, source), lower(value, in: source))
    case "unary_expression":
      guard let op = node.child(byField: "operator"), let operand = node.child(byField: "argument") else { break }
      if let unary = lowerPrefix(text(op, source), lower(operand, in: source)) { return unary }
    case "binary_expression":
      if let binary = lowerBinary(node, in: source) { return binary }
    case "call_expression":
      // `KiB(4096)`: a function-like macro in the tree evaluates; anything else is a run-time call.
      if let function = node.child(byField: "function"), function.type == "identifier", let arguments = node.child(byField: "arguments") {
        return .call([text(function, source)], arguments.namedChildren.filter { $0.type != "comment" }.map { lower($0, in: source) })
      }
      if let function = node.child(byField: "function") { return .opaque("call to \(key(function, source))()") }
    case "field_expression": return .opaque("field \(key(node, source))")
    default: break
    }
    return nil
  }

  /// `lower`, unless the expression nests deeper than `maximumDepth` (`((((…))))` or a sum of
  /// thousands of terms, from generated or hostile code): then it is unresolved, so the
  /// recursive lowering and evaluation can never exhaust a worker's stack.
  func lowerBounded(_ node: Node, in source: SourceText) -> Expression {
    var pending: [(node: Node, depth: Int)] = [(node, 0)]
    while let (next, depth) = pending.popLast() {
      if depth > Self.maximumDepth { return .opaque("expression too deep (more than \(Self.maximumDepth) levels)") }
      for child in next.namedChildren { pending.append((child, depth + 1)) }
    }
    return lower(node, in: source)
  }

  static var maximumDepth: Int { 256 }

  /// `left op right` with a field-named operator, the same in all three grammars.
  func lowerBinary(_ node: Node, in source: SourceText) -> Expression? {
    guard let l = node.child(byField: "left"), let r = node.child(byField: "right"),
          let op = node.child(byField: "operator"), let binary = BinaryOperator(rawValue: text(op, source))
    else { return nil }
    return .binary(binary, lower(l, in: source), lower(r, in: source))
  }

  /// A prefix operator as C and C# write it (Rust's `!` differs and is handled there).
  func lowerPrefix(_ op: String, _ inner: Expression) -> Expression? {
    switch op {
    case "-": return .unary(.negate, inner)
    case "+": return .unary(.plus, inner)
    case "~": return .unary(.bitNot, inner)
    case "!": return .unary(.logicalNot, inner)
    default: return nil
    }
  }

  /// Whitespace-free text, so `config . x` and `config.x` key the same receiver.
  func key(_ node: Node, _ source: SourceText) -> String {
    text(node, source).filter { !$0.isWhitespace }
  }

  /// Nearest ancestor whose type is in `types`.
  func ancestor(of node: Node, in types: Set<String>) -> Node? {
    node.ancestors.first { types.contains($0.type) }
  }

  /// Inside an ERROR node, or holding one or a MISSING node (`f(2 << 20;` parses as a call
  /// with a missing `)`, which `hasError` reports on the call itself).
  func isInErrorRegion(_ node: Node) -> Bool {
    if node.hasError { return true }
    return ([node] + node.ancestors).contains { $0.isError || $0.isMissing }
  }
}

