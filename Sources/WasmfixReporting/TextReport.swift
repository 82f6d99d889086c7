import WasmfixAnalysis
/// Options for the human-readable report.
public struct TextReportOptions: Sendable {
  public var color = false
  public var quiet = false
  public var verbose = false
  public init(color: Bool = false, quiet: Bool = false, verbose: Bool = false) {
    self.color = color
    self.quiet = quiet
    self.verbose = verbose
  }
}

/// `path:line:column: severity[WF001]: message`, then the group's sites indented, then a summary.
public enum TextReport {
  public static func render(_ result: ScanResult, options: TextReportOptions = .init()) -> String {
    var out = ""
    func paint(_ text: String, _ code: String) -> String { options.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    let groupsByID = Dictionary(uniqueKeysWithValues: result.groups.map { ($0.id, $0) })
    // Suppressed findings are listed only under --verbose, marked so.
    let shown = result.findings.filter { !$0.suppressed || options.verbose }
    for (position, finding) in shown.enumerated() {
      let severityColor = finding.severity == .error ? "1;31" : (finding.severity == .warning ? "1;33" : "1;36")
      let status = finding.fixed
        ? " [fixed\(finding.fixDescription.map { ": \($0)" } ?? "")]"
        : (finding.suppressed ? " [suppressed]" : (finding.unfixedReason.map { " [not fixed: \($0)]" } ?? ""))
      out += "\(paint("\(escaped(finding.path)):\(finding.line):\(finding.column)", "1")): \(paint("\(finding.severity.rawValue)[\(finding.rule.code)]", severityColor)): \(escaped(finding.message))\(escaped(status))\n"
      // The group's sites go once, after the last of its consecutive findings.
      let nextIsSameGroup = position + 1 < shown.count && shown[position + 1].groupID == finding.groupID
      guard !options.quiet, !nextIsSameGroup, let group = groupsByID[finding.groupID] else { continue }
      for index in group.siteIndexes {
        let site = result.sites[index]
        let value: String
        switch site.value {
        case let .integer(v): value = site.setting == .asyncSupport ? "\(site.value.boolean.map(String.init) ?? "\(v)")" : ValueDescription.bytes(v)
        case let .boolean(b): value = "\(b)"
        case let .unresolved(why): value = "unresolved: \(why)"
        }
        let from = site.definition.map { " via \($0.name) at \($0.location)" } ?? ""
        // One call judged per build (its constant is defined once per `cfg_if!` branch) is
        // listed once per build: say which build each line is.
        let perBuild = group.siteIndexes.contains { $0 != index && result.sites[$0].nameRange == site.nameRange && result.sites[$0].path == site.path }
        let build = perBuild ? site.alternative.map { " in build \($0)" } ?? "" : ""
        out += escaped("    \(site.path):\(site.line):\(site.column): \(site.apiName)(\(site.argumentText)) = \(value)\(from)\(build)") + "\n"
      }
      for (setting, effective) in [(Setting.maxWasmStack, group.maxWasmStack), (.asyncStackSize, group.asyncStackSize)]
      where effective.source == .default {
        out += "    \(setting.rawValue): not set, Wasmtime \(group.version.version) default \(effective.value.map(ValueDescription.bytes) ?? "none")\n"
      }
    }
    if options.verbose {
      for site in result.sites where !result.findings.contains(where: { $0.groupID == site.groupID }) {
        out += "\(site.path):\(site.line):\(site.column): ok: \(site.apiName)(\(site.argumentText))\n"
      }
    }
    let active = result.findings.filter { !$0.suppressed }
    let errors = active.filter { $0.severity == .error }.count
    let warnings = active.filter { $0.severity == .warning }.count
    let notes = active.count - errors - warnings
    var summary = "\(plural(errors, "error")), \(plural(warnings, "warning"))"
    if notes > 0 { summary += ", \(plural(notes, "note"))" }
    summary += " in \(plural(result.groups.count, "engine configuration")) (\(plural(result.sites.count, "site")), \(plural(result.filesScanned, "file")) scanned"
    if !result.skipped.isEmpty { summary += ", \(result.skipped.count) skipped" }
    if active.count < result.findings.count { summary += ", \(result.findings.count - active.count) suppressed" }
    if let baselined = result.baselined, baselined > 0 { summary += ", \(baselined) baselined" }
    summary += ")"
    if result.fixedCount > 0 { summary += "; fixed \(result.fixedCount), \(plural(result.errorCount, "error")) remain\(result.errorCount == 1 ? "s" : "")" }
    // Monorepos and example folders have manifests per project, not at the root: name those.
    let uses = VersionUses(result.groups)
    let version: String
    if uses.distinctVersions > 1 {
      // Several projects, several versions: one named alone would read as the whole tree's.
      let listed = uses.all.map { "\($0.version) from \($0.source ?? "?") (\(plural($0.groups, "configuration")))" }
      let unknown = result.groups.filter(\.version.assumed).count
      version = "Wasmtime " + listed.joined(separator: ", ") + (unknown > 0 ? "; \(unknown) without a manifest, assumed \(result.wasmtime.version)" : "")
    } else if !result.wasmtime.assumed {
      version = "Wasmtime \(result.wasmtime.version) from \(result.wasmtime.source ?? "?")"
    } else if let only = uses.all.first {
      // One version, read from the projects' manifests rather than the root's.
      let listed = "\(only.version) (\(plural(uses.all.reduce(0) { $0 + $1.groups }, "configuration")))"
      let unknown = result.groups.filter(\.version.assumed).count
      version = "Wasmtime \(listed)" + (unknown > 0 ? "; \(unknown) without a manifest, assumed \(result.wasmtime.version)" : "")
    } else {
      version = "Wasmtime version unknown, assumed \(result.wasmtime.version)"
    }
    out += "\(summary); \(version)\n"
    return out
  }

  static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}

/// Control characters from file names or source text (a newline, ESC, BEL) escaped as git
/// does in its output: a crafted name can neither fake a finding line nor drive the terminal.
package func escaped(_ text: String) -> String {
  guard text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) else { return text }
  var out = ""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\t"
    default:
      if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\" + String(scalar.value, radix: 8).leftPadded(to: 3) } else { out.unicodeScalars.append(scalar) }
    }
  }
  return out
}

private extension String {
  func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
