import WasmfixAnalysis
import Foundation

/// The `--format sarif` document: SARIF 2.1.0, one run, for code-scanning tools (GitHub code
/// scanning, IDE viewers). Built from Codable types so escaping is the encoder's job.
public enum SARIFReport {
  public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
  public static let sarifVersion = "2.1.0"
  /// The `uriBaseId` every artifact location is relative to; `originalUriBaseIds` maps it to the scan root.
  public static let rootBaseID = "SRCROOT"

  public static func render(_ result: ScanResult) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(log(result))) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// The SARIF log as a value (the tests and `render` share it).
  static func log(_ result: ScanResult) -> Log {
    let rules = Rules.all.map { rule in
      ReportingDescriptor(
        id: rule.id.code, name: rule.id.name,
        shortDescription: Message(text: summary(of: rule.explanation)),
        fullDescription: MultiformatMessage(text: rule.explanation, markdown: rule.explanation),
        help: MultiformatMessage(text: rule.explanation, markdown: rule.explanation),
        defaultConfiguration: .init(level: level(rule.severity)),
        properties: .init(fixable: rule.fixable))
    }
    let ruleIndexes = Dictionary(uniqueKeysWithValues: Rules.all.enumerated().map { ($1.id.code, $0) })
    var sitesByGroup: [String: [Site]] = [:]
    for site in result.sites { sitesByGroup[site.groupID, default: []].append(site) }

    let results = result.findings.map { finding -> Result in
      let related = (sitesByGroup[finding.groupID] ?? [])
        .filter { !($0.path == finding.path && $0.line == finding.line && $0.column == finding.column) }
        .enumerated()
        .map { offset, site in
          Location(id: offset + 1, physicalLocation: physical(site.path, line: site.line, column: site.column),
                   message: Message(text: "\(site.apiName)(\(site.argumentText))"))
        }
      return Result(
        ruleId: finding.rule.code, ruleIndex: ruleIndexes[finding.rule.code] ?? -1, level: level(finding.severity),
        message: Message(text: finding.message),
        locations: [Location(physicalLocation: physical(finding.path, line: finding.line, column: finding.column))],
        relatedLocations: related.isEmpty ? nil : related,
        properties: finding.fixed ? .init(fixed: true) : nil)
    }
    let notifications = result.skipped.map { skipped in
      Notification(level: "warning", message: Message(text: "\(skipped.path): \(skipped.reason)"),
                   locations: [Location(physicalLocation: PhysicalLocation(
                     artifactLocation: ArtifactLocation(uri: uriReference(skipped.path), uriBaseId: rootBaseID), region: nil))])
    }
    let run = Run(
      tool: Tool(driver: ToolComponent(name: "wasmfix", version: WasmfixVersion.current,
                                       semanticVersion: WasmfixVersion.current, rules: rules)),
      invocations: [Invocation(executionSuccessful: true,
                               toolExecutionNotifications: notifications.isEmpty ? nil : notifications)],
      originalUriBaseIds: [rootBaseID: ArtifactLocation(uri: rootURI(result.root), uriBaseId: nil)],
      columnKind: "unicodeCodePoints",
      results: results)
    return Log(schema: schemaURI, version: sarifVersion, runs: [run])
  }

  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .note: "note"
    }
  }

  static func physical(_ path: String, line: Int, column: Int) -> PhysicalLocation {
    PhysicalLocation(artifactLocation: ArtifactLocation(uri: uriReference(path), uriBaseId: rootBaseID),
                     region: Region(startLine: max(line, 1), startColumn: max(column, 1)))
  }

  /// Characters left as they are in a relative URI path; everything else is percent-encoded
  /// as UTF-8. `:` is encoded too, so a first segment like `c:x.rs` is not read as a scheme.
  private static let pathCharacters = CharacterSet(
    charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/!$&'()*+,;=@")

  /// A relative path (with `/`) as a URI reference.
  static func uriReference(_ path: String) -> String {
    path.addingPercentEncoding(withAllowedCharacters: pathCharacters) ?? path
  }

  /// `file://` + the absolute root + `/` (SARIF requires base URIs to end with a slash).
  static func rootURI(_ root: String) -> String {
    let encoded = uriReference(root)
    return "file://" + encoded + (encoded.hasSuffix("/") ? "" : "/")
  }

  /// The first paragraph under `## What it checks`, on one line; else the title line.
  static func summary(of explanation: String) -> String {
    let lines = explanation.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    if let heading = lines.firstIndex(of: "## What it checks") {
      let paragraph = lines[(heading + 1)...].drop { $0.isEmpty }.prefix { !$0.isEmpty && !$0.hasPrefix("#") }
      if !paragraph.isEmpty { return paragraph.joined(separator: " ") }
    }
    let title = lines.first { !$0.isEmpty } ?? ""
    return title.hasPrefix("#") ? String(title.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces) : title
  }

  // MARK: - The subset of SARIF 2.1.0 that wasmfix writes

  struct Log: Codable {
    var schema: String
    var version: String
    var runs: [Run]
    enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
  }
  struct Run: Codable {
    var tool: Tool
    var invocations: [Invocation]
    var originalUriBaseIds: [String: ArtifactLocation]
    var columnKind: String
    var results: [Result]
  }
  struct Tool: Codable { var driver: ToolComponent }
  struct ToolComponent: Codable {
    var name: String
    var version: String
    var semanticVersion: String
    var rules: [ReportingDescriptor]
  }
  struct ReportingDescriptor: Codable {
    var id: String
    var name: String
    var shortDescription: Message
    var fullDescription: MultiformatMessage
    var help: MultiformatMessage
    var defaultConfiguration: Configuration
    var properties: RuleProperties
  }
  struct RuleProperties: Codable { var fixable: Bool }
  struct Configuration: Codable { var level: String }
  struct Message: Codable { var text: String }
  struct MultiformatMessage: Codable { var text: String; var markdown: String }
  struct Invocation: Codable {
    var executionSuccessful: Bool
    var toolExecutionNotifications: [Notification]?
  }
  struct Notification: Codable {
    var level: String
    var message: Message
    var locations: [Location]?
  }
  package struct Result: Codable {
    var ruleId: String
    var ruleIndex: Int
    var level: String
    var message: Message
    var locations: [Location]
    var relatedLocations: [Location]?
    var properties: ResultProperties?
  }
  struct ResultProperties: Codable { var fixed: Bool }
  struct Location: Codable {
    var id: Int?
    var physicalLocation: PhysicalLocation
    var message: Message?
  }
  struct PhysicalLocation: Codable {
    var artifactLocation: ArtifactLocation
    var region: Region?
  }
  struct ArtifactLocation: Codable {
    var uri: String
    var uriBaseId: String?
  }
  struct Region: Codable {
    var startLine: Int
    var startColumn: Int
  }
}
