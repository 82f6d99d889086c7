import Foundation

/// Turns findings into a plan of text edits, one `Fix` per engine configuration. Reads the
/// files it edits (to match indentation and number style) and refuses files that changed
/// since the scan. Writes nothing.
public struct FixPlanner {
  public let result: ScanResult
  public let options: FixOptions
  private var sources: [String: SourceText] = [:]
  /// Files whose bytes differ from what the scan read; nothing in them is edited.
  public private(set) var changedFiles = Set<String>()

  public init(result: ScanResult, options: FixOptions) {
    self.result = result
    self.options = options
  }

  static let minimumMaxWasmStack: Int128 = 64 << 10

  public mutating func plan() -> FixPlan {
    var plan = FixPlan()
    for group in result.groups {
      let indexes = result.findings.indices.filter { result.findings[$0].groupID == group.id && result.findings[$0].fixable }
      guard !indexes.isEmpty else { continue }
      var builder = GroupFixBuilder(group: group, result: result, options: options, planner: self)
      let outcome = builder.build(findings: indexes)
      self = builder.planner
      for (index, reason) in outcome.refusals { plan.refusals[index] = reason }
      if !outcome.edits.isEmpty {
        plan.fixes.append(Fix(groupID: group.id, title: outcome.title, edits: outcome.edits, findingIndexes: outcome.fixed))
      }
    }
    return plan
  }

  /// The file as scanned; nil when it changed on disk since (then nothing in it is edited).
  mutating func source(_ path: String, absolutePath: String) -> SourceText? {
    if let cached = sources[path] { return cached }
    guard let data = FileManager.default.contents(atPath: absolutePath) else { return nil }
    let source = SourceText(bytes: [UInt8](data))
    guard result.fileHashes[path] == nil || result.fileHashes[path] == ContentHash.of(source.bytes) else {
      changedFiles.insert(path)
      return nil
    }
    sources[path] = source
    return source
  }
}

/// Builds the edits for one group; see CONTRACT.md "The fix".
struct GroupFixBuilder {
  let group: EngineGroup
  let result: ScanResult
  let options: FixOptions
  var planner: FixPlanner
  var edits: [TextEdit] = []
  var fixed: [Int] = []
  var refusals: [Int: String] = [:]
  var titles: [String] = []
  /// Definitions whose value this fix rewrote (the comment then goes above them).
  var editedDefinitions: [ConstantDefinition] = []
  var syntax: EditSyntax { Surfaces.surface(group.language)?.syntax ?? CodeSyntax(language: group.language) }

  init(group: EngineGroup, result: ScanResult, options: FixOptions, planner: FixPlanner) {
    self.group = group
    self.result = result
    self.options = options
    self.planner = planner
  }

  struct Outcome { var edits: [TextEdit]; var fixed: [Int]; var refusals: [Int: String]; var title: String }

  mutating func build(findings: [Int]) -> Outcome {
    let rules = Dictionary(grouping: findings) { result.findings[$0].rule.code }
    let first = result.sites[group.siteIndexes[0]]
    guard planner.source(first.path, absolutePath: first.absolutePath) != nil else {
      for index in findings { refusals[index] = "\(first.path) changed since it was scanned" }
      return Outcome(edits: [], fixed: [], refusals: refusals, title: "")
    }
    var max = group.maxWasmStack.value
    var async = group.asyncStackSize.value
    var asyncPinned = false

    if let zero = rules["WF004"] {
      let fallback = Int128(WasmtimeFacts.defaultMaxWasmStack(group.version.version))
      if setValue(.maxWasmStack, to: fallback) { fixed += zero; max = fallback; titles.append("set max_wasm_stack to the default") }
      else { zero.forEach { refusals[$0] = "cannot rewrite this max_wasm_stack" } }
    }

    let mismatch = (rules["WF001"] ?? []) + (rules["WF005"] ?? [])
    if !mismatch.isEmpty, let maxValue = max, let asyncValue = async {
      let canRaise = canSetAsyncStack
      if options.strategy == .raiseAsync && canRaise {
        let target = Swift.max(maxValue + Int128(options.headroom), asyncValue)
        if target > Int128(UInt64.max) {
          mismatch.forEach { refusals[$0] = "max_wasm_stack + headroom does not fit in 64 bits; lower max_wasm_stack by hand" }
        } else if setValue(.asyncStackSize, to: target) {
          fixed += mismatch; async = target; asyncPinned = true
          titles.append("raise async_stack_size to max_wasm_stack + headroom")
        } else { mismatch.forEach { refusals[$0] = "cannot place the async_stack_size call here" } }
      } else {
        let target = asyncValue - Int128(options.headroom)
        let why = canRaise ? "" : " (\(bindingName) cannot set the async stack, so wasmfix lowers max_wasm_stack)"
        if target < FixPlanner.minimumMaxWasmStack {
          mismatch.forEach { refusals[$0] = "lowering max_wasm_stack to async_stack_size - headroom would leave \(ValueDescription.bytes(target)), below 64 KiB\(why)" }
        } else if setValue(.maxWasmStack, to: target) {
          fixed += mismatch; max = target
          titles.append("lower max_wasm_stack to async_stack_size - headroom\(why)")
        } else { mismatch.forEach { refusals[$0] = "cannot rewrite this max_wasm_stack" } }
      }
    }

    if let implicit = rules["WF003"] {
      if asyncPinned || (group.maxWasmStack.source != .default && group.asyncStackSize.source != .default) {
        fixed += implicit
      } else if group.asyncStackSize.source == .default, let value = async {
        if setValue(.asyncStackSize, to: value) { fixed += implicit; titles.append("pin async_stack_size") }
        else { implicit.forEach { refusals[$0] = "cannot place the async_stack_size call here" } }
      } else if group.maxWasmStack.source == .default, let value = max {
        if setValue(.maxWasmStack, to: value) { fixed += implicit; titles.append("pin max_wasm_stack") }
        else { implicit.forEach { refusals[$0] = "cannot place the max_wasm_stack call here" } }
      }
    }

    if let unresolved = rules["WF002"] {
      // After the WF003 pin, so the assertion follows the calls it checks.
      if insertRuntimeAssertion(max: max, async: async) { fixed += unresolved; titles.append("assert the invariant at run time") }
      else { unresolved.forEach { refusals[$0] = "no statement to place a run-time assertion before" } }
    }

    if let harden = rules["WF006"] {
      insertStaticAssertionIfConstants()
      fixed += harden
      titles.append("document the invariant")
    }

    if !edits.isEmpty || !fixed.isEmpty {
      insertComment()
      if rules["WF006"] == nil { insertStaticAssertionIfConstants() }
    }
    return Outcome(edits: edits, fixed: fixed.sorted(), refusals: refusals, title: titles.joined(separator: "; "))
  }

  // MARK: - What the binding can do

  var canSetAsyncStack: Bool { group.canSetAsyncStack }

  var bindingName: String {
    switch group.language {
    case .csharp: return "wasmtime-dotnet's WithMaximumStackSize"
    case .rust where group.version.cargoAsyncFeature == false: return "a crate without wasmtime's async feature"
    default: return "Wasmtime \(group.version.version)'s API"
    }
  }

  // MARK: - Edits

  func fileRef(_ site: Site) -> FileRef { FileRef(path: site.path, absolutePath: site.absolutePath) }

  mutating func source(of site: Site) -> SourceText? { planner.source(site.path, absolutePath: site.absolutePath) }

  /// Sets a setting's value: at its constant's definition, at its argument, or by inserting the call.
  mutating func setValue(_ setting: Setting, to value: Int128) -> Bool {
    let effective = setting == .maxWasmStack ? group.maxWasmStack : group.asyncStackSize
    if let index = effective.siteIndex {
      let site = result.sites[index]
      if let definition = site.definition {
        guard let definitionSource = planner.source(definition.path, absolutePath: absolutePath(of: definition.path)) else { return false }
        let old = definitionSource.text(definition.valueRange)
        var text = ValueFormatter.format(value, language: site.language, preferShifts: old.contains("<<"))
        if definition.kind == .cDefine, !text.allSatisfy(\.isNumber) { text = "(\(text))" }
        edits.append(.replacement(text, of: definition.valueRange, in: FileRef(path: definition.path, absolutePath: absolutePath(of: definition.path))))
        editedDefinitions.append(definition)
        return true
      }
      guard source(of: site) != nil else { return false }  // the file is unchanged since the scan
      let shifts = site.argumentText.contains("<<") || neighbourUsesShifts
      edits.append(.replacement(ValueFormatter.format(value, language: site.language, preferShifts: shifts), of: site.argumentRange, in: fileRef(site)))
      return true
    }
    return insertSetting(setting, value: value)
  }

  func absolutePath(of path: String) -> String {
    result.sites.first { $0.path == path }?.absolutePath ?? (result.root as NSString).appendingPathComponent(path)
  }

  var neighbourUsesShifts: Bool {
    group.siteIndexes.contains { result.sites[$0].argumentText.contains("<<") }
  }

  /// Inserts the missing call right after the other setting's call, in the same style.
  mutating func insertSetting(_ setting: Setting, value: Int128) -> Bool {
    let other: Setting = setting == .maxWasmStack ? .asyncStackSize : .maxWasmStack
    guard let anchorIndex = (other == .maxWasmStack ? group.maxWasmStack : group.asyncStackSize).siteIndex
            ?? group.siteIndexes.last,
          case let anchor = result.sites[anchorIndex], let source = source(of: anchor) else { return false }
    let shifts = anchor.argumentText.contains("<<")
    let text = ValueFormatter.format(value, language: anchor.language, preferShifts: shifts)
    if group.language == .rust, group.version.version < WasmtimeVersion(0, 39) {
      // 0.25-0.38: the setters return Result and check at call time, so the new call goes
      // before the other one, as its own statement, with the same error handling.
      guard let statement = anchor.statementRange, !anchor.receiverText.contains("(") else { return false }
      let after = source.text(anchor.callRange.upperBound..<statement.upperBound)
      let handling = after.hasPrefix("?") ? "?" : (after.hasPrefix(".unwrap()") ? ".unwrap()" : "")
      let lineStart = source.lineStarts[source.lineIndex(of: statement.lowerBound)]
      let indent = source.indentation(ofLineContaining: statement.lowerBound)
      edits.append(.insertion("\(indent)\(anchor.receiverText).\(syntax.methodName(setting, like: anchor))(\(text))\(handling);\n", at: lineStart, in: fileRef(anchor)))
      return true
    }
    if anchor.isChainLink {
      // After the call and any `?` that follows it.
      var end = anchor.callRange.upperBound
      while end < source.bytes.count, source.bytes[end] == UInt8(ascii: "?") { end += 1 }
      let link = syntax.link(setting, value: text, like: anchor)
      let lineStart = source.lineStarts[source.lineIndex(of: anchor.nameRange.lowerBound)]
      let beforeName = source.text(lineStart..<anchor.nameRange.lowerBound).trimmingCharacters(in: .whitespaces)
      if beforeName == "." {
        edits.append(.insertion("\n" + source.indentation(ofLineContaining: anchor.nameRange.lowerBound) + link, at: end, in: fileRef(anchor)))
      } else {
        edits.append(.insertion(link, at: end, in: fileRef(anchor)))
      }
      return true
    }
    guard let statement = anchor.statementRange else { return false }
    // Old APIs returned Result: repeat whatever follows the call (`?`, `.unwrap()`).
    var suffix = source.text(anchor.callRange.upperBound..<statement.upperBound)
    if suffix.hasSuffix(";") { suffix.removeLast() }
    let indent = source.indentation(ofLineContaining: statement.lowerBound)
    let line = syntax.statement(setting, value: text, receiver: anchor.receiverText, suffix: suffix, apiStyleOf: anchor)
    edits.append(.insertion("\n" + indent + line, at: statement.upperBound, in: fileRef(anchor)))
    return true
  }

  /// WF002: a run-time check before the engine is created (or before the first config call).
  mutating func insertRuntimeAssertion(max: Int128?, async: Int128?) -> Bool {
    let sites = group.siteIndexes.map { result.sites[$0] }
    guard let first = sites.first, let source = source(of: first) else { return false }
    let anchorOffset: Int
    let unresolvedStatements = [group.maxWasmStack, group.asyncStackSize]
      .filter { $0.source == .unresolved }.compactMap { $0.siteIndex.flatMap { result.sites[$0].statementRange?.lowerBound } }
    if let engine = sites.compactMap(\.engineStatementStart).first {
      anchorOffset = engine
    } else if let latest = unresolvedStatements.max() {
      // No engine here: before the (last) call that uses a run-time value, after its binding.
      anchorOffset = latest
    } else if let statement = sites.compactMap(\.statementRange).first {
      anchorOffset = statement.lowerBound
    } else { return false }
    let lineStart = source.lineStarts[source.lineIndex(of: anchorOffset)]
    let indent = source.indentation(ofLineContaining: anchorOffset)

    var operands: [Setting: String] = [:]
    for (setting, effective) in [(Setting.maxWasmStack, group.maxWasmStack), (.asyncStackSize, group.asyncStackSize)] {
      if let index = effective.siteIndex {
        let site = result.sites[index]
        if Self.isPlainName(site.argumentText) || effective.source == .explicit {
          operands[setting] = effective.source == .explicit && !Self.isPlainName(site.argumentText)
            ? ValueFormatter.format(effective.value ?? 0, language: site.language, preferShifts: site.argumentText.contains("<<"))
            : site.argumentText
        } else {
          // Evaluate side effects once: bind to a local before the configuration call.
          guard let statement = site.statementRange, let siteSource = planner.source(site.path, absolutePath: site.absolutePath) else { return false }
          let name = syntax.localName(setting)
          let statementIndent = siteSource.indentation(ofLineContaining: statement.lowerBound)
          let statementLineStart = siteSource.lineStarts[siteSource.lineIndex(of: statement.lowerBound)]
          edits.append(.insertion(syntax.binding(name: name, expression: site.argumentText, indent: statementIndent), at: statementLineStart, in: fileRef(site)))
          edits.append(.replacement(name, of: site.argumentRange, in: fileRef(site)))
          operands[setting] = name
        }
      } else {
        operands[setting] = ValueFormatter.format(effective.value ?? 0, language: group.language, preferShifts: false)
      }
    }
    guard let assertion = syntax.runtimeAssertion(max: operands[.maxWasmStack]!, async: operands[.asyncStackSize]!, indent: indent) else { return false }
    edits.append(.insertion(assertion, at: lineStart, in: fileRef(first)))
    if group.language == .c || group.language == .cpp { insertCIncludes(source, file: fileRef(first)) }
    return true
  }

  /// `<stdio.h>` and `<stdlib.h>` for fprintf/abort, after the file's last top-level #include.
  mutating func insertCIncludes(_ source: SourceText, file: FileRef) {
    let text = source.text(0..<source.bytes.count)
    let missing = ["stdio.h", "stdlib.h"].filter { !text.contains("<\($0)>") }
    guard !missing.isEmpty else { return }
    var offset = 0
    for (i, start) in source.lineStarts.enumerated() {
      let line = source.text(source.lineRange(containing: start))
      if line.hasPrefix("#include") { offset = i + 1 < source.lineStarts.count ? source.lineStarts[i + 1] : source.bytes.count }
    }
    edits.append(.insertion(missing.map { "#include <\($0)>\n" }.joined(), at: offset, in: file))
  }

  static func isPlainName(_ text: String) -> Bool {
    !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "_.:>-".contains($0) } && !(text.first?.isNumber ?? true)
  }

  /// The documenting comment, once, above the first setting (or above the edited constants).
  mutating func insertComment() {
    guard !group.isDocumented else { return }
    if let definition = editedDefinitions.first, let source = planner.source(definition.path, absolutePath: absolutePath(of: definition.path)) {
      var start = definition.itemRange.lowerBound
      // Above the item's doc comments and attributes, which must stay attached to it.
      while case let line = source.lineIndex(of: start), line > 0 {
        let previous = source.text(source.lineRange(containing: source.lineStarts[line - 1])).trimmingCharacters(in: .whitespaces)
        guard previous.hasPrefix("///") || previous.hasPrefix("#[") || previous.hasPrefix("[") && group.language == .csharp else { break }
        start = source.lineStarts[line - 1]
      }
      guard !Self.hasComment(above: start, in: source) else { return }
      let lineStart = source.lineStarts[source.lineIndex(of: start)]
      edits.insert(.insertion(syntax.comment(indent: source.indentation(ofLineContaining: start)), at: Swift.max(lineStart, bomLength(source)),
                              in: FileRef(path: definition.path, absolutePath: absolutePath(of: definition.path))), at: 0)
      return
    }
    let first = result.sites[group.siteIndexes[0]]
    guard let source = source(of: first) else { return }
    let nameLineStart = source.lineStarts[source.lineIndex(of: first.nameRange.lowerBound)]
    let beforeName = source.text(nameLineStart..<first.nameRange.lowerBound).trimmingCharacters(in: .whitespaces)
    // In a multi-line chain the first setting has its own line; otherwise go above the statement.
    let anchor = beforeName == "." ? first.nameRange.lowerBound : (first.statementRange?.lowerBound ?? first.callRange.lowerBound)
    let lineStart = source.lineStarts[source.lineIndex(of: anchor)]
    // First in plan order: at the same offset as an inserted statement, the comment goes above it.
    edits.insert(.insertion(syntax.comment(indent: source.indentation(ofLineContaining: anchor)), at: Swift.max(lineStart, bomLength(source)), in: fileRef(first)), at: 0)
  }

  func bomLength(_ source: SourceText) -> Int { source.bytes.starts(with: FileScanner.utf8BOM) ? 3 : 0 }

  static func hasComment(above offset: Int, in source: SourceText) -> Bool {
    let line = source.lineIndex(of: offset)
    let window = source.text(source.lineStarts[Swift.max(0, line - 3)]..<source.lineStarts[line])
    return window.contains("max_wasm_stack <= async_stack_size")
  }

  /// `const _: () = assert!(A <= B)` / `_Static_assert` when both values are named constants in one file.
  mutating func insertStaticAssertionIfConstants() {
    guard let maxIndex = group.maxWasmStack.siteIndex, let asyncIndex = group.asyncStackSize.siteIndex,
          let maxDefinition = result.sites[maxIndex].definition, let asyncDefinition = result.sites[asyncIndex].definition,
          maxDefinition.path == asyncDefinition.path,
          let source = planner.source(maxDefinition.path, absolutePath: absolutePath(of: maxDefinition.path)) else { return }
    let language: SurfaceID = maxDefinition.kind == .cDefine || maxDefinition.kind == .cConst || maxDefinition.kind == .cEnumerator ? .c : group.language
    guard let assertion = CodeSyntax(language: language).staticAssertion(max: maxDefinition.name, async: asyncDefinition.name) else { return }
    let text = source.text(0..<source.bytes.count)
    guard !text.contains(assertion), !text.contains("assert!(\(maxDefinition.name) <= \(asyncDefinition.name)") else { return }
    let later = maxDefinition.itemRange.upperBound > asyncDefinition.itemRange.upperBound ? maxDefinition : asyncDefinition
    let lineEnd = source.lineRange(containing: Swift.max(later.itemRange.upperBound - 1, later.itemRange.lowerBound)).upperBound
    edits.append(.insertion("\n" + source.indentation(ofLineContaining: later.itemRange.lowerBound) + assertion, at: lineEnd,
                            in: FileRef(path: later.path, absolutePath: absolutePath(of: later.path))))
  }
}
