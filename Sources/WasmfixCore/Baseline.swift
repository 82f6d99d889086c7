import Foundation

/// The findings a repository already had when it adopted wasmfix (`--write-baseline`), so that
/// later scans (`--baseline`) report only new ones. Findings are matched by
/// `Finding.fingerprint`, which leaves line numbers out: inserting lines above an old finding
/// does not make it new. Like the fingerprints, the paths are relative to the directory
/// wasmfix runs in: write and use a baseline from the same directory.
public struct Baseline: Codable, Equatable, Sendable {
  /// One recorded finding; `rule`, `path` and `message` are for people reading the file.
  public struct Entry: Codable, Equatable, Sendable {
    public var rule: String
    public var path: String
    public var fingerprint: String
    public var message: String
  }

  /// The baseline file format; a file with another version is refused rather than misread.
  public static let currentVersion = 1
  public var version: Int
  public var findings: [Entry]

  /// Every finding of a scan that counts today: suppressed findings are left out (their
  /// comment already silences them, and WF009 reports the comment once the finding is gone).
  public init(_ result: ScanResult) {
    version = Self.currentVersion
    findings = result.findings.filter { !$0.suppressed }.map {
      Entry(rule: $0.rule.code, path: $0.path, fingerprint: $0.fingerprint, message: $0.message)
    }
  }

  public var fingerprints: Set<String> { Set(findings.map(\.fingerprint)) }

  /// Why a baseline file cannot be used; the command line exits 2 with it.
  public struct LoadError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "baseline \(path): \(reason)" }
  }

  /// Reads and checks a baseline file: a missing, unreadable or malformed file is an error,
  /// never an empty baseline (that would report every old finding, or hide a typo).
  public static func load(path: String) throws -> Baseline {
    guard let data = FileManager.default.contents(atPath: path) else {
      let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
      throw LoadError(path: path, reason: reason)
    }
    let baseline: Baseline
    do {
      baseline = try JSONDecoder().decode(Baseline.self, from: data)
    } catch {
      throw LoadError(path: path, reason: "not a wasmfix baseline (expected JSON with \"version\" and \"findings\"; write one with --write-baseline)")
    }
    guard baseline.version == currentVersion else {
      throw LoadError(path: path, reason: "version \(baseline.version) is not supported (expected \(currentVersion))")
    }
    return baseline
  }

  /// Pretty, key-sorted JSON with a trailing newline, findings in report order: stable in
  /// version control, where a baseline usually lives.
  public func rendered() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(self)) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// Writes the file atomically (a temporary file renamed over it).
  public func write(to path: String) throws {
    do {
      try Data(rendered().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw LoadError(path: path, reason: "cannot be written: \(error.localizedDescription)")
    }
  }
}
