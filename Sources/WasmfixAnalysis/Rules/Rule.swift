import WasmfixEvaluation
/// A rule's stable identity: the code users filter on and the kebab-case name.
public struct RuleID: Hashable, Sendable, Codable, CustomStringConvertible {
  public let code: String
  public let name: String
  public var description: String { code }
}

/// A code example attached to a rule: the docs show it, the tests run it (SwiftLint-style:
/// `Tests/WasmfixCLITests/RuleExampleTests.swift` puts `code` in a file of its surface, inside
/// a function that creates a fresh configuration and an engine for code surfaces, pins
/// `version` in `wasmtime-version.txt`, scans, and checks `fixed` appears after `--write`).
public struct RuleExample: Sendable {
  public let language: SurfaceID
  public let code: String
  /// Expected after `--write` (a part of the file, compared line by line without indentation);
  /// nil for examples that must not trigger.
  public let fixed: String?
  public let triggers: Bool
  /// The Wasmtime version the example is judged for.
  public let version: String
  /// Extra `wasmfix scan` flags (`--harden`).
  public let arguments: [String]
  public static func triggers(_ language: SurfaceID, _ code: String, fixed: String? = nil, version: String = "25.0.0",
                              arguments: [String] = []) -> RuleExample {
    RuleExample(language: language, code: code, fixed: fixed, triggers: true, version: version, arguments: arguments)
  }
  public static func passes(_ language: SurfaceID, _ code: String, version: String = "25.0.0", arguments: [String] = []) -> RuleExample {
    RuleExample(language: language, code: code, fixed: nil, triggers: false, version: version, arguments: arguments)
  }
}

/// What a rule may read: the evaluated model, never the tree or the disk.
public struct RuleContext: Sendable {
  public let sites: [Site]
  public let harden: Bool
  /// The sites whose value comes from each definition, in site order: a message saying who
  /// else uses a definition looked through every site for every finding (4,000 functions with
  /// their own constant took half a minute).
  package let sitesByDefinition: [ConstantDefinition: [Int]]

  package init(sites: [Site], harden: Bool) {
    self.sites = sites
    self.harden = harden
    var byDefinition: [ConstantDefinition: [Int]] = [:]
    for (i, site) in sites.enumerated() {
      if let definition = site.definition { byDefinition[definition, default: []].append(i) }
    }
    sitesByDefinition = byDefinition
  }
}

/// One check over an engine configuration. `SendableMetatype`: a rule's descriptor calls its
/// static `check`/`fix` from `@Sendable` closures, run on any worker.
protocol Rule: SendableMetatype {
  static var id: RuleID { get }
  static var severity: Severity { get }
  static var fixable: Bool { get }
  /// Markdown printed by `wasmfix explain`.
  static var explanation: String { get }
  static var examples: [RuleExample] { get }
  static func check(_ group: EngineGroup, in context: RuleContext) -> [Finding]
  /// Plans the edits that fix this rule's findings in `context.group` (ruff-style: the rule
  /// owns its fix). Runs in `Rules.fixOrder`, after the fixes of rules before it.
  static func fix(_ context: inout FixContext) -> FixOutcome
}

/// What a rule's fix did for its findings in one group.
enum FixOutcome {
  /// Edits were planned (or none were needed: an earlier fix already covers it); the title
  /// says what was done, for the report.
  case fixed(String?)
  /// Why the findings stay unfixed.
  case refused(String)
}

extension Rule {
  static func finding(_ group: EngineGroup, at siteIndex: Int?, in context: RuleContext, message: String) -> Finding {
    let anchor = siteIndex.map { context.sites[$0] } ?? context.sites[group.siteIndexes[0]]
    if group.expectsFailure {
      // A negative test wants Wasmtime to reject this: say so, never "fix" the test.
      return Finding(rule: id, severity: .note, path: anchor.path, line: anchor.line, column: anchor.column, groupID: group.id,
                     message: message + " (the code expects the engine to be rejected here: a note, not fixed)", fixable: false)
    }
    return Finding(rule: id, severity: severity, path: anchor.path, line: anchor.line, column: anchor.column,
                   groupID: group.id, message: message, fixable: fixable)
  }

  /// Where findings about a group point: its max_wasm_stack site, else its async site, else its first.
  static func anchor(_ group: EngineGroup) -> Int? {
    group.maxWasmStack.siteIndex ?? group.asyncStackSize.siteIndex ?? group.siteIndexes.first
  }
}

/// A rule's metadata and check as a value (existential metatypes crash Swift 6.3's SILGen).
public struct RuleDescriptor: Sendable {
  public let id: RuleID
  public let severity: Severity
  public let fixable: Bool
  public let explanation: String
  public let examples: [RuleExample]
  package let check: @Sendable (EngineGroup, RuleContext) -> [Finding]
  let fix: @Sendable (inout FixContext) -> FixOutcome

  init<R: Rule>(_ rule: R.Type) {
    id = R.id
    severity = R.severity
    fixable = R.fixable
    explanation = R.explanation
    examples = R.examples
    check = { R.check($0, in: $1) }
    fix = { R.fix(&$0) }
  }
}

/// Every rule, in id order. `wasmfix explain` and the analyzer read this list.
public enum Rules {
  public static let all: [RuleDescriptor] = [
    RuleDescriptor(StackExceedsAsync.self), RuleDescriptor(UnresolvedStackValue.self),
    RuleDescriptor(ImplicitStackDefault.self), RuleDescriptor(ZeroWasmStack.self),
    RuleDescriptor(LatentStackMismatch.self), RuleDescriptor(UndocumentedStackInvariant.self),
    RuleDescriptor(UnsupportedCLIFlag.self), RuleDescriptor(RemovedAsyncSupportCall.self),
    RuleDescriptor(UnusedSuppression.self), RuleDescriptor(UnscannedSetting.self),
  ]

  /// The order fixes run in: a zero max first (its new value feeds the comparison), then the
  /// mismatch, then pinning what is still implicit, then the run-time assertion (which must
  /// follow the calls it checks), then documentation.
  static let fixOrder: [RuleDescriptor] = ["WF008", "WF007", "WF004", "WF001", "WF005", "WF003", "WF002", "WF006"].compactMap { named($0) }

  public static func named(_ code: String) -> RuleDescriptor? {
    all.first { $0.id.code.caseInsensitiveCompare(code) == .orderedSame || $0.id.name == code.lowercased() }
  }
}
