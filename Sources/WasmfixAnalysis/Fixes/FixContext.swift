import WasmfixEvaluation
import Foundation

/// What a rule's fix works with (CONTRACT.md "The fix"): the group, the scan, the options, the
/// values planned so far by earlier rules' fixes, and the edit primitives, which write through
/// the group's surface syntax. Rules decide what to change; this knows how to write it.
struct FixContext {
  /// Read-only to rules; `raiseAsync(in:to:)` looks at one alternative build through a copy.
  private(set) var group: EngineGroup
  let result: ScanResult
  let options: FixOptions
  var planner: FixPlanner
  var edits: [TextEdit] = []
  var fixed: [Int] = []
  var refusals: [Int: String] = [:]
  var titles: [String] = []
  /// Why the planned edits are unsafe (see `Applicability`); empty while they are safe.
  var unsafeReasons: [String] = []
  /// Definitions whose value this fix rewrote (the comment then goes above them).
  var editedDefinitions: [ConstantDefinition] = []
  /// The values the configuration will have once the edits planned so far are applied.
  var plannedMax: Int128?
  var plannedAsync: Int128?
  /// A rule's fix set `async_stack_size` explicitly (so an implicit default is pinned too).
  var asyncPinned = false
  /// A rule's fix set async_stack_size from max_wasm_stack's run-time value.
  var asyncDerived = false
  /// New constants a fix declared (`AsyncConstant`): the comment never goes between one and
  /// the code after it.
  var insertedDefinitions: [TextEdit] = []
  /// Run-time values already bound to a local by an earlier fix, by setting.
  private var boundLocals: [Setting: String] = [:]
  var syntax: EditSyntax { Surfaces.surface(group.language)?.syntax ?? CodeSyntax(language: group.language) }

  init(group: EngineGroup, result: ScanResult, options: FixOptions, planner: FixPlanner) {
    self.group = group
    self.result = result
    self.options = options
    self.planner = planner
    plannedMax = group.maxWasmStack.value
    plannedAsync = group.asyncStackSize.value
  }

  struct Outcome {
    var edits: [TextEdit]; var fixed: [Int]; var refusals: [Int: String]; var title: String
    var unsafeReasons: [String] = []
  }

  /// Runs each rule's fix over its findings, then documents the configuration once.
  mutating func fix(findings: [Int]) -> Outcome {
    let byRule = Dictionary(grouping: findings) { result.findings[$0].rule.code }
    let first = result.sites[group.siteIndexes[0]]
    guard planner.source(first.path, absolutePath: first.absolutePath) != nil else {
      // Unwritable (not UTF-8, UTF-16) says why; otherwise the file changed under us.
      let why = planner.unwritableFiles[first.path] ?? "changed since it was scanned"
      for index in findings { refusals[index] = "\(first.path): \(why)" }
      return Outcome(edits: [], fixed: [], refusals: refusals, title: "")
    }
    // A call inside a syntax error is read by guesswork: report it, never rewrite around it.
    if group.siteIndexes.contains(where: { result.sites[$0].inErrorRegion }) {
      for index in findings { refusals[index] = "a setting of this configuration is inside a syntax error; fix the syntax first" }
      return Outcome(edits: [], fixed: [], refusals: refusals, title: "")
    }
    for rule in Rules.fixOrder {
      guard let indexes = byRule[rule.id.code] else { continue }
      switch rule.fix(&self) {
      case let .fixed(title):
        fixed += indexes
        if let title { titles.append(title) }
      case let .refused(reason):
        indexes.forEach { refusals[$0] = reason }
      }
    }
    // The comment documents the stack relation: a flag rewrite alone (WF007) is not about it.
    let touchesRelation = fixed.contains {
      ![UnsupportedCLIFlag.id.code, RemovedAsyncSupportCall.id.code].contains(result.findings[$0].rule.code)
    }
    if touchesRelation {
      insertComment()
      if byRule["WF006"] == nil { insertStaticAssertionIfConstants() }
    }
    return Outcome(edits: edits, fixed: fixed.sorted(), refusals: refusals, title: titles.joined(separator: "; "),
                   unsafeReasons: unsafeReasons)
  }

  // MARK: - What the binding can do

  var canSetAsyncStack: Bool { group.canSetAsyncStack }

  var bindingName: String { group.bindingName }

  // MARK: - Edits

  func fileRef(_ site: Site) -> FileRef { FileRef(path: site.path, absolutePath: site.absolutePath) }

  mutating func source(of site: Site) -> SourceText? { planner.source(site.path, absolutePath: site.absolutePath) }

  /// Sets a setting's value: at its constant's definition, at its argument, or by inserting the
  /// call. `written`: the value as an expression in the project's own names (used at a call's
  /// argument or an inserted call, where those names are in scope; a definition gets a number).
  mutating func setValue(_ setting: Setting, to value: Int128, written: String? = nil) -> Bool {
    let current = setting == .maxWasmStack ? plannedMax : plannedAsync
    guard writeValue(setting, to: value, written: written) else { return false }
    // Less stack than the program ran with: a guest that fit before may now overflow.
    if let current, value < current {
      unsafeReasons.append("lowers \(setting.rawValue) from \(ValueDescription.bytes(current)) to \(ValueDescription.bytes(value))")
    }
    return true
  }

  private mutating func writeValue(_ setting: Setting, to value: Int128, written: String?) -> Bool {
    let effective = setting == .maxWasmStack ? group.maxWasmStack : group.asyncStackSize
    if let index = effective.siteIndex {
      let site = result.sites[index]
      if let definition = site.definition {
        guard let definitionSource = planner.source(definition.path, absolutePath: absolutePath(of: definition.path)) else { return false }
        let old = definitionSource.text(definition.valueRange)
        // Written in the syntax of the file that defines it (a C header for a C++ call).
        let definitionSyntax = Surfaces.surface(forPath: definition.path)?.syntax ?? syntax
        // A constant another configuration's fix already rewrote: one value for both.
        let key = "\(absolutePath(of: definition.path))#\(definition.valueRange.lowerBound)"
        let target = sharedTarget(key, setting, value)
        var text = definitionSyntax.formatValue(target, preferShifts: old.contains("<<"))
        if target == value, let written, let tied = tiedDefinitionText(written, for: definition) { text = tied }
        if definition.kind == .cDefine, !text.allSatisfy(\.isNumber) { text = "(\(text))" }
        planner.sharedDefinitions[key] = (definition.valueRange, target, text)
        edits.append(.replacement(text, of: definition.valueRange, in: FileRef(path: definition.path, absolutePath: absolutePath(of: definition.path))))
        editedDefinitions.append(definition)
        return true
      }
      guard source(of: site) != nil else { return false }  // the file is unchanged since the scan
      let shifts = site.argumentText.contains("<<") || neighbourUsesShifts
      // A literal async next to a named max becomes a constant named after max's.
      let constant = written != nil && setting == .asyncStackSize ? asyncConstant(value: value) : nil
      var text = constant?.argument ?? written ?? syntax.formatValue(value, preferShifts: shifts)
      // An options file several commands name has a copy of its keys in each command's group
      // (`GroupBuilder.mergeOptionFiles`): one value that satisfies all of them, as for a
      // shared constant.
      if site.language == TOMLSurface.config.id {
        let key = "\(site.absolutePath)#\(site.argumentRange.lowerBound)"
        let target = sharedTarget(key, setting, value)
        if target != value { text = syntax.formatValue(target, preferShifts: shifts) }
        planner.sharedDefinitions[key] = (site.argumentRange, target, text)
      }
      edits.append(.replacement(text, of: site.argumentRange, in: fileRef(site)))
      if let constant { edits.append(constant.edit); insertedDefinitions.append(constant.edit) }
      return true
    }
    if let written, let anchorIndex = (setting == .maxWasmStack ? group.asyncStackSize : group.maxWasmStack).siteIndex,
       case let anchor = result.sites[anchorIndex], let source = source(of: anchor) {
      let constant = setting == .asyncStackSize ? asyncConstant(value: value) : nil
      guard insertSetting(setting, text: constant?.argument ?? written, after: anchor, source: source) else { return false }
      if let constant { edits.append(constant.edit); insertedDefinitions.append(constant.edit) }
      return true
    }
    return insertSetting(setting, value: value)
  }

  /// The value for a rewrite several configurations' fixes share (a constant, an options
  /// file's key), at `key` in `planner.sharedDefinitions`: the smallest max, the largest async.
  func sharedTarget(_ key: String, _ setting: Setting, _ value: Int128) -> Int128 {
    guard let earlier = planner.sharedDefinitions[key] else { return value }
    return setting == .maxWasmStack ? Swift.min(earlier.value, value) : Swift.max(earlier.value, value)
  }

  /// `written` (max's constant plus the headroom) for the async constant's own definition,
  /// where max's constant is defined before it in the same file and scope, as the same kind of
  /// constant (`#define FIBER_STACK (GUEST_STACK + 512 * 1024)`), so it is in scope there and the
  /// two stay tied; nil elsewhere (a number is written then).
  private func tiedDefinitionText(_ written: String, for definition: ConstantDefinition) -> String? {
    guard let maxIndex = group.maxWasmStack.siteIndex, case let maxSite = result.sites[maxIndex],
          let maxDefinition = maxSite.definition, case .name = maxSite.argument,
          maxSite.argumentText == maxDefinition.name, maxDefinition.path == definition.path,
          maxDefinition.scope == definition.scope, maxDefinition.kind == definition.kind,
          [.cDefine, .rustConst, .csharpConst, .cppConstexpr].contains(definition.kind),
          maxDefinition.itemRange.upperBound <= definition.itemRange.lowerBound
    else { return nil }
    return written
  }

  /// Raises the async stack of another alternative build (a `cfg_if!` branch) to `target`: the
  /// edit lands where that build's values are written (after its own max call, or at its own
  /// async call), as the group's own raise does for the worst build.
  mutating func raiseAsync(in build: EngineGroup.Build, to target: Int128) -> Bool {
    var branch = self
    branch.group.maxWasmStack = build.max
    branch.group.asyncStackSize = build.async
    branch.plannedMax = build.max.value
    branch.plannedAsync = build.async.value
    guard branch.setValue(.asyncStackSize, to: target) else { return false }
    edits = branch.edits
    planner = branch.planner
    editedDefinitions = branch.editedDefinitions
    unsafeReasons = branch.unsafeReasons
    return true
  }

  /// Moves the `async_stack_size` statement to just before the first `max_wasm_stack`
  /// statement (0.25-0.38 check in the setters, in call order). Separate statements only.
  mutating func moveAsyncSetterFirst() -> Bool {
    guard let asyncIndex = group.asyncStackSize.siteIndex,
          let maxIndex = group.siteIndexes.first(where: { result.sites[$0].setting == .maxWasmStack }),
          case let asyncSite = result.sites[asyncIndex], case let maxSite = result.sites[maxIndex],
          !asyncSite.isChainLink, !maxSite.isChainLink, asyncSite.path == maxSite.path,
          let asyncStatement = asyncSite.statementRange, let maxStatement = maxSite.statementRange,
          let source = source(of: asyncSite) else { return false }
    let asyncLine = source.lineRangeWithBreak(containing: asyncStatement.lowerBound)
    let (lineStart, nextLine) = (asyncLine.lowerBound, asyncLine.upperBound)
    guard source.text(lineStart..<asyncStatement.lowerBound).allSatisfy(\.isWhitespace) else { return false }
    let moved = source.text(asyncStatement.lowerBound..<nextLine)
    let maxLineStart = source.lineStarts[source.lineIndex(of: maxStatement.lowerBound)]
    let indent = source.indentation(ofLineContaining: maxStatement.lowerBound)
    edits.append(.replacement("", of: lineStart..<nextLine, in: fileRef(asyncSite)))
    edits.append(.insertion(indent + moved + (moved.hasSuffix("\n") ? "" : "\n"), at: maxLineStart, in: fileRef(maxSite)))
    return true
  }

  /// `max + headroom` written with max's own expression when that names the project's
  /// constants (`MAX_WASM_STACK_SIZE + 512 * 1024`, `mib(8) + 512 * 1024`), so the two values
  /// stay tied when someone edits the constant; nil for literals and where the surface writes
  /// only numbers.
  func maxPlusHeadroom() -> String? {
    guard group.maxWasmStack.source == .explicit, let index = group.maxWasmStack.siteIndex,
          case let site = result.sites[index], site.absolutePath == result.sites[group.siteIndexes[0]].absolutePath,
          Self.namesAConstant(site.argument),
          let text = syntax.constantSum(site.argumentText, syntax.formatValue(Int128(options.headroom), preferShifts: false))
    else { return nil }
    // A max whose constant is defined once per build (a site per build at one call): the sum
    // is every build's async then, and must not lower any build's below what it is now;
    // unless the async is defined per build too, and the sum lands in this build's own.
    let builds = group.siteIndexes.filter { result.sites[$0].nameRange == site.nameRange && result.sites[$0].absolutePath == site.absolutePath }
    let asyncPerBuild = group.asyncStackSize.siteIndex.flatMap { result.sites[$0].definition?.alternative } != nil
    if builds.count > 1, !asyncPerBuild, let current = plannedAsync,
       builds.contains(where: { (result.sites[$0].value.integer ?? 0) + Int128(options.headroom) < current }) {
      return nil
    }
    return text
  }

  /// Rewrites the Wasmtime version the group's version came from (`wasmtime-version.txt`, a
  /// workflow's setup `version:`, `<WasmtimeVersion>`, `WASMTIME_VERSION=`, a download URL) to
  /// `target`: every whole occurrence of the old version on that line (a URL names it twice),
  /// keeping what surrounds it (`v25.0.0` becomes `v25.0.1`). False when the source is not a
  /// file wasmfix can edit (`--wasmtime-version`, a Cargo.lock, an assumed version).
  mutating func bumpVersionPin(to target: WasmtimeVersion) -> Bool {
    guard !group.version.assumed, let origin = group.version.source else { return false }
    let path: String, line: Int?
    if let paren = origin.range(of: " ("), let colon = origin[..<paren.lowerBound].lastIndex(of: ":"),
       let number = Int(origin[origin.index(after: colon)..<paren.lowerBound]) {
      path = String(origin[..<colon])
      line = number
    } else if origin == "wasmtime-version.txt" || origin.hasSuffix("/wasmtime-version.txt") {
      path = origin
      line = nil
    } else {
      return false
    }
    let absolute = absolutePath(of: path)
    guard let source = planner.source(path, absolutePath: absolute) else { return false }
    let range: Range<Int>
    if let line {
      guard line >= 1, line <= source.lineStarts.count else { return false }
      range = source.lineRange(containing: source.lineStarts[line - 1])
    } else {
      range = 0..<source.bytes.count
    }
    let old = Array(group.version.version.description.utf8)
    func isVersionByte(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: ".") }
    var found: [Range<Int>] = []
    var i = range.lowerBound
    while i + old.count <= range.upperBound {
      if source.bytes[i..<(i + old.count)].elementsEqual(old),
         i == 0 || !isVersionByte(source.bytes[i - 1]),
         i + old.count == source.bytes.count || !isVersionByte(source.bytes[i + old.count]) {
        found.append(i..<(i + old.count))
        i += old.count
      } else {
        i += 1
      }
    }
    guard !found.isEmpty else { return false }
    let file = FileRef(path: path, absolutePath: absolute)
    for occurrence in found { edits.append(.replacement(target.description, of: occurrence, in: file)) }
    return true
  }

  func absolutePath(of path: String) -> String {
    // The group's own sites first: the definition is usually in their file, and searching every
    // site for every fix was quadratic (4,000 functions each with their own constant).
    if let own = group.siteIndexes.lazy.map({ self.result.sites[$0] }).first(where: { $0.path == path }) { return own.absolutePath }
    return result.sites.first { $0.path == path }?.absolutePath ?? (result.root as NSString).appendingPathComponent(path)
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
    return insertSetting(setting, text: syntax.formatValue(value, preferShifts: anchor.argumentText.contains("<<")), after: anchor, source: source)
  }

  private mutating func insertSetting(_ setting: Setting, text: String, after anchor: Site, source: SourceText) -> Bool {
    let fallible = group.binding == .rustCrate && group.version.version < WasmtimeVersion(0, 39)
    guard let inserted = syntax.insertSibling(setting, valueText: text, anchor: anchor.anchor, oldFallibleSetters: fallible,
                                              attribute: setterAttribute(setting), source: source) else { return false }
    edits += inserted
    return true
  }

  /// Before Wasmtime 47 `async_stack_size` exists only with the `async` feature: where the crate
  /// turns that on through a feature of its own (`fibers = ["wasmtime/async"]` in its defaults),
  /// a new call is compiled only with that feature, so `--no-default-features` still builds.
  private func setterAttribute(_ setting: Setting) -> String? {
    guard setting == .asyncStackSize, group.binding == .rustCrate, group.version.version < WasmtimeVersion(47, 0),
          case let .crateFeature(feature)? = group.version.cargoAsyncCondition else { return nil }
    // A call that exists only with async already runs in every build of the configuration
    // (`async_support(true)`, unconditional): the code needs the feature anyway.
    let needsAsyncAlready = group.siteIndexes.contains { index in
      let site = result.sites[index]
      return [.asyncSupport, .asyncStackSize].contains(site.setting) && site.alternative == nil
    }
    return needsAsyncAlready ? nil : "#[cfg(feature = \"\(feature)\")]"
  }

  /// Where max_wasm_stack is a run-time value and async_stack_size is left to its default:
  /// sets `async_stack_size(max + headroom)`, written with max's own expression (bound to a
  /// local first when evaluating it twice could differ), as Wasmtime's CLI does. Every max the
  /// program accepted before still works, which a pinned default plus an assertion would break.
  mutating func deriveAsyncStack() -> Bool {
    if asyncDerived { return true }
    guard group.asyncStackSize.source == .default, group.maxWasmStack.source == .unresolved, group.configIsFresh,
          group.canSetAsyncStack, let maxIndex = group.maxWasmStack.siteIndex,
          case let site = result.sites[maxIndex], let source = source(of: site),
          syntax.derivedAsync(fromMax: "x", headroom: "0") != nil,
          let operand = operand(for: .maxWasmStack, site: site, source: source),
          var text = syntax.derivedAsync(fromMax: operand, headroom: syntax.formatValue(Int128(options.headroom), preferShifts: false))
    else { return false }
    // 0.25-0.38 (Rust): the call goes first and its setter refuses a value below the max so far
    // (the 1 MiB / 512 KiB default), so a small max + headroom would fail where the program ran.
    // Never below the default async stack (2 MiB): what these programs ran with before.
    if group.binding == .rustCrate, group.version.version < WasmtimeVersion(0, 39),
       let defaultAsync = WasmtimeFacts.defaultAsyncStackSize(group.version.version) {
      text += ".max(\(syntax.formatValue(Int128(defaultAsync), preferShifts: true)))"
    }
    guard insertSetting(.asyncStackSize, text: text, after: site, source: source)
    else { return false }
    asyncDerived = true
    asyncPinned = true
    return true
  }

  /// The text that names a site's run-time value without evaluating it again: the argument
  /// when it is a plain name, else a local bound before the call (the argument becomes it).
  private mutating func operand(for setting: Setting, site: Site, source: SourceText) -> String? {
    if let bound = boundLocals[setting] { return bound }
    if Self.isPlainName(site.argumentText) { return site.argumentText }
    guard let statement = site.statementRange else { return nil }
    let name = syntax.localName(setting)
    let statementIndent = source.indentation(ofLineContaining: statement.lowerBound)
    let statementLineStart = source.lineStarts[source.lineIndex(of: statement.lowerBound)]
    edits.append(.insertion(syntax.binding(name: name, expression: site.argumentText, indent: statementIndent), at: statementLineStart, in: fileRef(site)))
    edits.append(.replacement(name, of: site.argumentRange, in: fileRef(site)))
    boundLocals[setting] = name
    return name
  }

  /// WF002: a run-time check before the engine is created (or before the first config call).
  mutating func insertRuntimeAssertion(max: Int128?, async: Int128?) -> Bool {
    // Surfaces with no run-time check (command lines, TOML) say so before anything is planned.
    guard syntax.runtimeAssertion(max: "max", async: "async", indent: "") != nil else { return false }
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
        if effective.source == .explicit {
          operands[setting] = Self.isPlainName(site.argumentText)
            ? site.argumentText : syntax.formatValue(effective.value ?? 0, preferShifts: site.argumentText.contains("<<"))
        } else {
          // Evaluate side effects once: bind to a local before the configuration call.
          guard let siteSource = planner.source(site.path, absolutePath: site.absolutePath),
                let operand = operand(for: setting, site: site, source: siteSource) else { return false }
          operands[setting] = operand
        }
      } else {
        operands[setting] = syntax.formatValue(effective.value ?? 0, preferShifts: false)
      }
    }
    guard let assertion = syntax.runtimeAssertion(max: operands[.maxWasmStack]!, async: operands[.asyncStackSize]!, indent: indent) else { return false }
    edits.append(.insertion(assertion, at: lineStart, in: fileRef(first)))
    edits += syntax.assertionPrerequisites(in: source, file: fileRef(first))
    // A program that ran with mismatched values (async off, say) now stops at start-up.
    unsafeReasons.append("inserts a run-time check that aborts when max_wasm_stack > async_stack_size")
    return true
  }

  /// `MAX`, `limits::MAX as usize`, `mib(8)`, `8_MiB`: a value a reader knows by name (not an
  /// arbitrary expression, which would only get longer).
  static func namesAConstant(_ argument: WasmfixSurfaces.Expression) -> Bool {
    switch argument {
    case .name: return true
    case let .call(_, arguments): return arguments.allSatisfy { if case .integer = $0 { return true } else { return false } }
    case let .cast(_, inner): return namesAConstant(inner)
    // Arithmetic over constants and literals (`HANDLER_STACK * 2`): the sum keeps it whole, in
    // parentheses (`constantSum`), rather than folding it to a number.
    case let .unary(_, inner): return namesAConstant(inner)
    case let .binary(_, left, right):
      func constantOperand(_ e: WasmfixSurfaces.Expression) -> Bool {
        if case .integer = e { return true }
        return namesAConstant(e)
      }
      return constantOperand(left) && constantOperand(right) && (namesAConstant(left) || namesAConstant(right))
    default: return false
    }
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
    // C# goes above the statement holding the chain too: a `//` line between `new Config()` and
    // `.WithMaximumStackSize(..)` splits the expression, which C# style never does.
    let inChain = beforeName == "." && !(group.language == .csharp && first.statementRange != nil)
    let anchor = inChain ? first.nameRange.lowerBound : (first.statementRange?.lowerBound ?? first.callRange.lowerBound)
    var lineStart = source.lineStarts[source.lineIndex(of: anchor)]
    // Above a `wasmfix: ignore` comment alone on the line above, which must stay next to its line.
    if case let line = source.lineIndex(of: anchor), line > 0,
       !SuppressionComment.parse(line: source.text(source.lineRange(containing: source.lineStarts[line - 1])), number: line,
                                 syntax: CommentSyntax.of(group.language)).filter(\.ownLine).isEmpty {
      lineStart = source.lineStarts[line - 1]
    }
    // First in plan order: at the same offset as an inserted statement, the comment goes above
    // it; a new constant inserted there goes above the comment, which describes the call below.
    let comment = TextEdit.insertion(syntax.comment(indent: source.indentation(ofLineContaining: anchor)), at: Swift.max(lineStart, bomLength(source)), in: fileRef(first))
    let definitionsHere = insertedDefinitions.filter { $0.absolutePath == comment.absolutePath && $0.range == comment.range }
    edits.removeAll { definitionsHere.contains($0) }
    edits.insert(contentsOf: definitionsHere + [comment], at: 0)
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
    // The assertion is written in the language of the file that defines the constants.
    let language = SurfaceID(path: maxDefinition.path) ?? group.language
    guard let assertion = CodeSyntax(language: language).staticAssertion(max: maxDefinition.name, async: asyncDefinition.name) else { return }
    let text = source.text(0..<source.bytes.count)
    guard !text.contains(assertion), !text.contains("assert!(\(maxDefinition.name) <= \(asyncDefinition.name)") else { return }
    let later = maxDefinition.itemRange.upperBound > asyncDefinition.itemRange.upperBound ? maxDefinition : asyncDefinition
    let lineEnd = source.lineRange(containing: Swift.max(later.itemRange.upperBound - 1, later.itemRange.lowerBound)).upperBound
    edits.append(.insertion("\n" + source.indentation(ofLineContaining: later.itemRange.lowerBound) + assertion, at: lineEnd,
                            in: FileRef(path: later.path, absolutePath: absolutePath(of: later.path))))
  }
}
