import WasmfixAnalysis
import Foundation

/// The `--format sarif` document: SARIF 2.1.0, one run, for code-scanning tools (GitHub code
/// scanning, IDE viewers). Built from Codable types so escaping is the encoder's job.
public enum SARIFReport {
  public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
  public static let sarifVersion = "2.1.0"
  /// The `uriBaseId` every artifact location is relative to; `originalUriBaseIds` maps it to
  /// the repository root, which is how GitHub code scanning resolves it.
  public static let rootBaseID = "%SRCROOT%"
  /// GitHub code scanning's limit on `fullDescription.text`.
  public static let fullDescriptionLimit = 1024

  /// `paths`: relative to the repository root (`OutputPaths.repositoryRoot`);
  /// `fixes`: the verified fixes, by finding; `executionSuccessful`: false when a write failed.
  public static func render(_ result: ScanResult, fixes: [ReportedFix] = [], paths: OutputPaths? = nil,
                            executionSuccessful: Bool = true) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let log = log(result, fixes: fixes, paths: paths ?? OutputPaths(root: result.root, base: result.root),
                  executionSuccessful: executionSuccessful)
    let data = (try? encoder.encode(log)) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// The SARIF log as a value (the tests and `render` share it).
  static func log(_ result: ScanResult, fixes: [ReportedFix] = [], paths: OutputPaths, executionSuccessful: Bool = true) -> Log {
    let rules = Rules.all.map { rule in
      ReportingDescriptor(
        id: rule.id.code, name: rule.id.name,
        shortDescription: Message(text: firstSentence(summary(of: rule.explanation))),
        fullDescription: Message(text: fullDescription(of: rule.explanation)),
        help: MultiformatMessage(text: rule.explanation, markdown: rule.explanation),
        helpUri: RuleDocs.url(rule.id),
        defaultConfiguration: .init(level: level(rule.severity)),
        properties: .init(fixable: rule.fixable))
    }
    let ruleIndexes = Dictionary(uniqueKeysWithValues: Rules.all.enumerated().map { ($1.id.code, $0) })
    var sitesByGroup: [String: [Site]] = [:]
    for site in result.sites { sitesByGroup[site.groupID, default: []].append(site) }
    let known = Array(Set(result.sites.map(\.path) + result.fileHashes.keys))
    var fixesByFinding: [Int: [SARIFFix]] = [:]
    for fix in fixes {
      let sarif = sarifFix(fix, paths: paths, known: known)
      for index in fix.findingIndexes { fixesByFinding[index, default: []].append(sarif) }
    }

    let locator = SiteLocator(result.sites)
    let results = result.findings.enumerated().map { index, finding -> Result in
      let related = (sitesByGroup[finding.groupID] ?? [])
        .filter { !($0.path == finding.path && $0.line == finding.line && $0.column == finding.column) }
        .enumerated()
        .map { offset, site in
          Location(id: offset + 1, physicalLocation: physical(site.path, region: SiteRegions.region(of: site), paths: paths),
                   message: Message(text: "\(site.apiName)(\(site.argumentText))"))
        }
      let anchor = locator.index(of: finding).map { result.sites[$0] }
      let region = anchor.map(SiteRegions.region(of:)) ?? Region(startLine: max(finding.line, 1), startColumn: max(finding.column, 1))
      return Result(
        ruleId: finding.rule.code, ruleIndex: ruleIndexes[finding.rule.code] ?? -1, level: level(finding.severity),
        message: Message(text: paths.text(finding.message, paths: known)),
        locations: [Location(physicalLocation: physical(finding.path, region: region, paths: paths))],
        relatedLocations: related.isEmpty ? nil : related,
        partialFingerprints: finding.fingerprint.isEmpty ? nil : [Fingerprint.sarifKey: finding.fingerprint],
        suppressions: finding.suppressed ? [Suppression(kind: "inSource")] : nil,
        fixes: fixesByFinding[index],
        properties: finding.fixed ? .init(fixed: true) : nil)
    }
    let notifications = result.skipped.map { skipped in
      Notification(level: "warning", message: Message(text: "\(paths.display(skipped.path)): \(skipped.reason)"),
                   locations: [Location(physicalLocation: PhysicalLocation(artifactLocation: artifact(skipped.path, paths: paths), region: nil))])
    }
    let run = Run(
      tool: Tool(driver: ToolComponent(name: "wasmfix", version: WasmfixVersion.current,
                                       semanticVersion: WasmfixVersion.current, informationUri: RuleDocs.homepage, rules: rules)),
      invocations: [Invocation(executionSuccessful: executionSuccessful,
                               toolExecutionNotifications: notifications.isEmpty ? nil : notifications)],
      originalUriBaseIds: [rootBaseID: ArtifactLocation(uri: rootURI(paths.base), uriBaseId: nil)],
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

  static func physical(_ path: String, region: Region, paths: OutputPaths) -> PhysicalLocation {
    PhysicalLocation(artifactLocation: artifact(path, paths: paths), region: region)
  }

  /// Relative to `%SRCROOT%`, or an absolute `file://` URI for a file outside the repository.
  static func artifact(_ path: String, paths: OutputPaths) -> ArtifactLocation {
    let shown = paths.display(path)
    if shown.hasPrefix("/") { return ArtifactLocation(uri: "file://" + uriReference(shown), uriBaseId: nil) }
    return ArtifactLocation(uri: uriReference(shown), uriBaseId: rootBaseID)
  }

  /// A fix as SARIF's `fix`: one `artifactChange` per file, each edit a `replacement` of a
  /// deleted region (empty for an insertion) by inserted text; applicability in its properties.
  static func sarifFix(_ fix: ReportedFix, paths: OutputPaths, known: [String]) -> SARIFFix {
    var changes: [ArtifactChange] = []
    for edit in fix.edits {
      let replacement = Replacement(
        deletedRegion: Region(startLine: edit.startLine, startColumn: edit.startColumn, endLine: edit.endLine, endColumn: edit.endColumn),
        insertedContent: edit.replacement.isEmpty ? nil : ArtifactContent(text: edit.replacement))
      if let last = changes.indices.last, changes[last].path == edit.path {
        changes[last].replacements.append(replacement)
      } else {
        changes.append(ArtifactChange(path: edit.path, artifactLocation: artifact(edit.path, paths: paths), replacements: [replacement]))
      }
    }
    return SARIFFix(description: Message(text: paths.text(fix.title, paths: known)), artifactChanges: changes,
                    properties: FixProperties(applicability: fix.applicability.rawValue, unsafeReason: fix.unsafeReason))
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

  /// One plain sentence: up to the first `. `, without Markdown code marks.
  static func firstSentence(_ text: String) -> String {
    let plain = plainText(text)
    guard let end = plain.range(of: ". ") else { return plain }
    return String(plain[..<end.lowerBound]) + "."
  }

  /// `## What it checks` as plain text (list items on their own lines), at most
  /// `fullDescriptionLimit` characters, cut at a word: GitHub rejects longer ones, and the
  /// whole Markdown explanation is in `help`.
  static func fullDescription(of explanation: String) -> String {
    let lines = explanation.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    var section: [String] = []
    if let heading = lines.firstIndex(of: "## What it checks") {
      for line in lines[(heading + 1)...] {
        if line.hasPrefix("#") { break }
        if line.isEmpty { if !(section.last?.isEmpty ?? true) { section.append("") }; continue }
        if line.hasPrefix("- ") || section.last?.isEmpty ?? true { section.append(line) } else { section[section.count - 1] += " " + line }
      }
    }
    var text = plainText(section.isEmpty ? summary(of: explanation) : section.joined(separator: "\n"))
      .trimmingCharacters(in: .whitespacesAndNewlines)
    if text.count > fullDescriptionLimit {
      let cut = text.prefix(fullDescriptionLimit - 1)
      text = String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
    }
    return text
  }

  static func plainText(_ markdown: String) -> String {
    markdown.replacingOccurrences(of: "`", with: "").replacingOccurrences(of: "**", with: "")
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
    var informationUri: String
    var rules: [ReportingDescriptor]
  }
  struct ReportingDescriptor: Codable {
    var id: String
    var name: String
    var shortDescription: Message
    var fullDescription: Message
    var help: MultiformatMessage
    var helpUri: String
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
    var partialFingerprints: [String: String]?
    var suppressions: [Suppression]?
    var fixes: [SARIFFix]?
    var properties: ResultProperties?
  }
  struct Suppression: Codable { var kind: String }
  struct SARIFFix: Codable {
    var description: Message
    var artifactChanges: [ArtifactChange]
    var properties: FixProperties
  }
  struct FixProperties: Codable { var applicability: String; var unsafeReason: String? }
  struct ArtifactChange: Codable {
    /// The edit's path, to group replacements; not part of the SARIF object.
    var path: String
    var artifactLocation: ArtifactLocation
    var replacements: [Replacement]
    enum CodingKeys: String, CodingKey { case artifactLocation, replacements }
    init(path: String, artifactLocation: ArtifactLocation, replacements: [Replacement]) {
      self.path = path
      self.artifactLocation = artifactLocation
      self.replacements = replacements
    }
    init(from decoder: Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      artifactLocation = try c.decode(ArtifactLocation.self, forKey: .artifactLocation)
      replacements = try c.decode([Replacement].self, forKey: .replacements)
      path = artifactLocation.uri
    }
  }
  struct Replacement: Codable { var deletedRegion: Region; var insertedContent: ArtifactContent? }
  struct ArtifactContent: Codable { var text: String }
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
    var endLine: Int?
    var endColumn: Int?
  }
}
