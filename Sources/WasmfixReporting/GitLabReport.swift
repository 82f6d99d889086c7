import WasmfixAnalysis
import Foundation

/// The `--format gitlab` report: GitLab's code quality artifact (a JSON array of Code Climate
/// issues, https://docs.gitlab.com/ci/testing/code_quality/), shown in merge requests. Paths
/// are relative to the repository root, as GitLab resolves them. Suppressed findings are left
/// out: GitLab has no way to mark them, and they do not count for the exit code either.
public enum GitLabReport {
  public struct Issue: Codable, Equatable {
    public struct Lines: Codable, Equatable { public var begin: Int }
    public struct Location: Codable, Equatable { public var path: String; public var lines: Lines }
    public var description: String
    public var check_name: String
    public var fingerprint: String
    public var severity: String
    public var location: Location
  }

  /// `paths`: relative to the repository root (`OutputPaths.repositoryRoot`).
  public static func issues(_ result: ScanResult, paths: OutputPaths) -> [Issue] {
    let known = Array(Set(result.sites.map(\.path) + result.fileHashes.keys))
    return result.findings.filter { !$0.suppressed }.map { finding in
      Issue(description: "\(finding.rule.code) \(paths.text(finding.message, paths: known))",
            check_name: "\(finding.rule.code) \(finding.rule.name)",
            fingerprint: finding.fingerprint, severity: severity(finding.severity),
            location: .init(path: paths.display(finding.path), lines: .init(begin: finding.line)))
    }
  }

  public static func render(_ result: ScanResult, paths: OutputPaths) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(issues(result, paths: paths))) ?? Data("[]".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// GitLab's scale is info, minor, major, critical, blocker: a wasmfix error (the engine is
  /// rejected at start-up) is major, a warning minor, a note info.
  static func severity(_ severity: Severity) -> String {
    switch severity {
    case .error: "major"
    case .warning: "minor"
    case .note: "info"
    }
  }
}

/// `--format json-lines`: one compact JSON object per finding per line (the JSON report's
/// finding records), for `grep`, `jq -c` and log pipelines that read a line at a time.
public enum JSONLinesReport {
  /// `result` with its paths as printed (see `OutputPaths.apply`).
  public static func render(_ result: ScanResult) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return JSONReport(result).findings.map { record in
      String(decoding: (try? encoder.encode(record)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }.joined()
  }
}
