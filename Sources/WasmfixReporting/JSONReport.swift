import WasmfixAnalysis
import Foundation

/// The `--format json` document, version 1, exactly as CONTRACT.md defines it.
public struct JSONReport: Codable, Equatable {
  public struct Tool: Codable, Equatable { public var name: String; public var version: String }
  public struct Wasmtime: Codable, Equatable {
    public var version: String; public var source: String?; public var assumed: Bool
    /// Every version the configurations use, with where it was read and how many use it:
    /// present only when they use more than one (a monorepo with a lock file per project),
    /// where `version` alone would name one of them as if it were the whole tree's.
    public var versions: [VersionUse]? = nil
  }
  public struct VersionUse: Codable, Equatable {
    public var version: String; public var source: String?; public var groups: Int
    public init(version: String, source: String?, groups: Int) { self.version = version; self.source = source; self.groups = groups }
  }
  /// A site's value: an integer, a boolean, or null.
  public enum Value: Codable, Equatable {
    case integer(Int128), boolean(Bool), null
    public init(from decoder: Decoder) throws {
      let c = try decoder.singleValueContainer()
      if c.decodeNil() { self = .null }
      else if let b = try? c.decode(Bool.self) { self = .boolean(b) }
      else if let u = try? c.decode(UInt64.self) { self = .integer(Int128(u)) }
      else { self = .integer(Int128(try c.decode(Int64.self))) }
    }
    public func encode(to encoder: Encoder) throws {
      var c = encoder.singleValueContainer()
      switch self {
      case .null: try c.encodeNil()
      case let .boolean(b): try c.encode(b)
      case let .integer(v): if v >= 0 { try c.encode(UInt64(v)) } else { try c.encode(Int64(v)) }
      }
    }
  }
  public struct SiteRecord: Codable, Equatable {
    public var path: String, line: Int, column: Int, language: String, setting: String, expression: String
    public var value: Value
    public var group: String
  }
  public struct GroupValue: Codable, Equatable { public var value: Value; public var source: String }
  public struct GroupRecord: Codable, Equatable {
    public var id: String, path: String, line: Int
    public var max_wasm_stack: GroupValue
    public var async_stack_size: GroupValue
    public var async: Bool?
    public var wasmtime_version: String
    public func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(id, forKey: .id); try c.encode(path, forKey: .path); try c.encode(line, forKey: .line)
      try c.encode(max_wasm_stack, forKey: .max_wasm_stack); try c.encode(async_stack_size, forKey: .async_stack_size)
      try c.encode(async, forKey: .async)  // null, not absent, when unknown
      try c.encode(wasmtime_version, forKey: .wasmtime_version)
    }
  }
  public struct FindingRecord: Codable, Equatable {
    public var rule: String, severity: String, path: String, line: Int, column: Int, group: String, message: String
    public var fixable: Bool, fixed: Bool
    /// `true` when an inline `wasmfix: ignore` silences the finding; absent otherwise, so
    /// reports without suppressions read exactly as before.
    public var suppressed: Bool?
  }
  /// A fix on offer (or applied, with `--write`): what it changes and whether it is safe.
  public struct FixRecord: Codable, Equatable {
    public var group: String, title: String, applicability: String
    public var unsafe_reason: String?
    /// Indexes into `findings`.
    public var findings: [Int]
    public var edits: [EditRecord]
    public func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(group, forKey: .group); try c.encode(title, forKey: .title)
      try c.encode(applicability, forKey: .applicability)
      try c.encode(unsafe_reason, forKey: .unsafe_reason)  // null, not absent, when safe
      try c.encode(findings, forKey: .findings); try c.encode(edits, forKey: .edits)
    }
  }
  /// Replace the text from start (inclusive) to end (exclusive) with `replacement`; 1-based
  /// lines, columns in Unicode scalars, as for findings.
  public struct EditRecord: Codable, Equatable {
    public var path: String, start_line: Int, start_column: Int, end_line: Int, end_column: Int, replacement: String
  }
  public struct Summary: Codable, Equatable {
    public var files_scanned: Int, sites: Int, groups: Int, findings: Int, errors: Int, fixed: Int
    /// Findings left out because `--baseline` lists them; present only with `--baseline`.
    public var baselined: Int?
  }

  public var version = 1
  public var tool: Tool
  public var wasmtime: Wasmtime
  public var sites: [SiteRecord]
  public var groups: [GroupRecord]
  public var findings: [FindingRecord]
  /// Added in 0.1.x without a version bump (an additive field).
  public var fixes: [FixRecord] = []
  public var skipped: [SkippedFile]
  public var summary: Summary

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(version, forKey: .version); try c.encode(tool, forKey: .tool)
    var w = c.nestedContainer(keyedBy: Wasmtime.CodingKeys.self, forKey: .wasmtime)
    try w.encode(wasmtime.version, forKey: .version); try w.encode(wasmtime.source, forKey: .source)
    try w.encode(wasmtime.assumed, forKey: .assumed)
    try w.encodeIfPresent(wasmtime.versions, forKey: .versions)
    try c.encode(sites, forKey: .sites); try c.encode(groups, forKey: .groups)
    try c.encode(findings, forKey: .findings); try c.encode(fixes, forKey: .fixes)
    try c.encode(skipped, forKey: .skipped)
    try c.encode(summary, forKey: .summary)
  }
}

extension JSONReport.Wasmtime { enum CodingKeys: String, CodingKey { case version, source, assumed, versions } }

extension JSONReport {
  /// `fixes`: the verified fixes, with paths as `result`'s (see `OutputPaths.apply`).
  public init(_ result: ScanResult, fixes reported: [ReportedFix] = []) {
    func value(_ v: EvaluatedValue, _ setting: Setting) -> Value {
      switch v {
      case let .integer(i): return setting == .asyncSupport ? (v.boolean.map(Value.boolean) ?? .integer(i)) : .integer(i)
      case let .boolean(b): return .boolean(b)
      case .unresolved: return .null
      }
    }
    func groupValue(_ e: EngineGroup.EffectiveValue) -> GroupValue {
      GroupValue(value: e.value.map(Value.integer) ?? .null, source: e.source.rawValue)
    }
    tool = Tool(name: "wasmfix", version: WasmfixVersion.current)
    wasmtime = Wasmtime(version: result.wasmtime.version.description, source: result.wasmtime.source, assumed: result.wasmtime.assumed)
    let uses = VersionUses(result.groups)
    if uses.distinctVersions > 1 {
      wasmtime.versions = uses.all.map { VersionUse(version: $0.version.description, source: $0.source, groups: $0.groups) }
    }
    sites = result.sites.map {
      SiteRecord(path: $0.path, line: $0.line, column: $0.column, language: $0.language.rawValue,
                 setting: $0.setting.rawValue, expression: $0.argumentText, value: value($0.value, $0.setting), group: $0.groupID)
    }
    groups = result.groups.map {
      GroupRecord(id: $0.id, path: $0.path, line: $0.line, max_wasm_stack: groupValue($0.maxWasmStack),
                  async_stack_size: groupValue($0.asyncStackSize), async: $0.asyncEnabled,
                  wasmtime_version: $0.version.version.description)
    }
    findings = result.findings.map {
      FindingRecord(rule: $0.rule.code, severity: $0.severity.rawValue, path: $0.path, line: $0.line, column: $0.column,
                    group: $0.groupID, message: $0.message, fixable: $0.fixable, fixed: $0.fixed,
                    suppressed: $0.suppressed ? true : nil)
    }
    fixes = reported.map { fix in
      FixRecord(group: fix.groupID, title: fix.title, applicability: fix.applicability.rawValue, unsafe_reason: fix.unsafeReason,
                findings: fix.findingIndexes,
                edits: fix.edits.map {
                  EditRecord(path: $0.path, start_line: $0.startLine, start_column: $0.startColumn, end_line: $0.endLine,
                             end_column: $0.endColumn, replacement: $0.replacement)
                })
    }
    skipped = result.skipped
    summary = Summary(files_scanned: result.filesScanned, sites: result.sites.count, groups: result.groups.count,
                      findings: result.findings.count, errors: result.errorCount, fixed: result.fixedCount,
                      baselined: result.baselined)
  }

  /// Pretty, key-sorted JSON with a trailing newline: stable for golden files and diffs.
  /// Written by `PrettyJSON`, byte for byte what `encodedByFoundation()` writes.
  public func rendered() -> String { String(decoding: renderedBytes(), as: UTF8.self) }

  /// `rendered()` as the bytes written out (a large tree's report is megabytes: no copies).
  public func renderedBytes() -> [UInt8] { json.bytes(terminator: "\n") }

  /// `renderedBytes()` handed to `emit` in pieces of about `piece` bytes, as rendered.
  public func write(piece: Int, to emit: ([UInt8]) -> Void) { json.write(terminator: "\n", piece: piece, to: emit) }

  /// The same document through `JSONEncoder` and `Codable`: the reference `PrettyJSONTests`
  /// compares `rendered()` with.
  package func encodedByFoundation() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(self)) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// Every member `encode(to:)` writes, including the nulls it writes for absent optionals
  /// (`wasmtime.source`, a group's `async`, a fix's `unsafe_reason`) and leaving out the
  /// members it leaves out when nil (`suppressed`, `baselined`).
  var json: PrettyJSON {
    func value(_ v: Value) -> PrettyJSON {
      switch v {
      case let .integer(i): return .integer(i)
      case let .boolean(b): return .boolean(b)
      case .null: return .null
      }
    }
    func groupValue(_ g: GroupValue) -> PrettyJSON { .sortedObject([("source", .string(g.source)), ("value", value(g.value))]) }
    let siteList: [PrettyJSON] = sites.map { s in
      .sortedObject([("path", .string(s.path)), ("line", .integer(Int128(s.line))), ("column", .integer(Int128(s.column))),
                     ("language", .string(s.language)), ("setting", .string(s.setting)), ("expression", .string(s.expression)),
                     ("value", value(s.value)), ("group", .string(s.group))])
    }
    let groupList: [PrettyJSON] = groups.map { g in
      .sortedObject([("id", .string(g.id)), ("path", .string(g.path)), ("line", .integer(Int128(g.line))),
                     ("max_wasm_stack", groupValue(g.max_wasm_stack)), ("async_stack_size", groupValue(g.async_stack_size)),
                     ("async", g.async.map(PrettyJSON.boolean) ?? .null), ("wasmtime_version", .string(g.wasmtime_version))])
    }
    let findingList: [PrettyJSON] = findings.map { f in
      var members: [(key: String, value: PrettyJSON)] = [
        ("rule", .string(f.rule)), ("severity", .string(f.severity)), ("path", .string(f.path)),
        ("line", .integer(Int128(f.line))), ("column", .integer(Int128(f.column))), ("group", .string(f.group)),
        ("message", .string(f.message)), ("fixable", .boolean(f.fixable)), ("fixed", .boolean(f.fixed)),
      ]
      if let suppressed = f.suppressed { members.append(("suppressed", .boolean(suppressed))) }
      return .sortedObject(members)
    }
    let fixList: [PrettyJSON] = fixes.map { fix in
      .sortedObject([
        ("group", .string(fix.group)), ("title", .string(fix.title)), ("applicability", .string(fix.applicability)),
        ("unsafe_reason", .optional(fix.unsafe_reason)), ("findings", .array(fix.findings.map { .integer(Int128($0)) })),
        ("edits", .array(fix.edits.map { e in
          .sortedObject([("path", .string(e.path)), ("start_line", .integer(Int128(e.start_line))),
                         ("start_column", .integer(Int128(e.start_column))), ("end_line", .integer(Int128(e.end_line))),
                         ("end_column", .integer(Int128(e.end_column))), ("replacement", .string(e.replacement))])
        })),
      ])
    }
    var summaryMembers: [(key: String, value: PrettyJSON)] = [
      ("files_scanned", .integer(Int128(summary.files_scanned))), ("sites", .integer(Int128(summary.sites))),
      ("groups", .integer(Int128(summary.groups))), ("findings", .integer(Int128(summary.findings))),
      ("errors", .integer(Int128(summary.errors))), ("fixed", .integer(Int128(summary.fixed))),
    ]
    if let baselined = summary.baselined { summaryMembers.append(("baselined", .integer(Int128(baselined)))) }
    return .sortedObject([
      ("version", .integer(Int128(version))),
      ("tool", .sortedObject([("name", .string(tool.name)), ("version", .string(tool.version))])),
      ("wasmtime", .sortedObject([("version", .string(wasmtime.version)), ("source", .optional(wasmtime.source)),
                                  ("assumed", .boolean(wasmtime.assumed))]
                                 + (wasmtime.versions.map { [("versions", .array($0.map { use in
                                   .sortedObject([("version", .string(use.version)), ("source", .optional(use.source)),
                                                  ("groups", .integer(Int128(use.groups)))]) }))] } ?? []))),
      ("sites", .array(siteList)), ("groups", .array(groupList)), ("findings", .array(findingList)), ("fixes", .array(fixList)),
      ("skipped", .array(skipped.map { .sortedObject([("path", .string($0.path)), ("reason", .string($0.reason))]) })),
      ("summary", .sortedObject(summaryMembers)),
    ])
  }
}

extension EngineGroup {
  /// The group's async state for the report: whether async execution is on for this engine.
  public var asyncEnabled: Bool? {
    if version.version >= WasmtimeVersion(42) { return version.cargoAsyncFeature != false }
    if asyncSupportCalled { return asyncSupport }
    return false
  }
}

/// wasmfix's own version, as `--version` and the JSON `tool.version` print it.
public enum WasmfixVersion { public static let current = "0.1.0" }
