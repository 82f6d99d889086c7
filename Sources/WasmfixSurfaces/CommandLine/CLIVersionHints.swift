import WasmfixWorkspace
import Foundation

/// The Wasmtime CLI version a file itself names: a GitHub workflow's
/// `bytecodealliance/actions/wasmtime/setup` step with a `version:` input, or a release
/// download URL (`.../releases/download/v25.0.1/wasmtime-v25.0.1-x86_64-linux.tar.xz`) in a
/// script or Dockerfile. What CI installs is the version its command lines run with, whatever
/// manifests say elsewhere. Also dotnet/runtime's `<WasmtimeVersion>` property and a
/// `WASMTIME_VERSION=` variable.
enum CLIVersionHints {
  struct Hint: Equatable {
    var version: WasmtimeVersion
    /// 1-based line where it was found.
    var line: Int
    var what: String
  }

  /// The first version the file names, line by line.
  static func find(in source: SourceText) -> Hint? {
    // A byte search first: most files name no version at all.
    let markers = ["wasmtime/setup", "releases/download/v", "<WasmtimeVersion>", "WASMTIME_VERSION"]
    guard markers.contains(where: { !ByteSearch.occurrences(of: Array($0.utf8), in: source.bytes).isEmpty }) else { return nil }
    var setupStepLine: Int?
    for (index, start) in source.lineStarts.enumerated() {
      let line = source.text(source.lineRange(containing: start))
      let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
      if trimmed.hasPrefix("#") { continue }
      if trimmed.contains("bytecodealliance/actions/wasmtime/setup") { setupStepLine = index; continue }
      // The setup step's `with:` block follows within a few lines.
      if let step = setupStepLine, index - step <= 6, let value = yamlValue(trimmed, key: "version"),
         let version = WasmtimeVersion(value) {
        return Hint(version: version, line: index + 1, what: "the workflow's wasmtime/setup version")
      }
      // dotnet/runtime's MSBuild property, or a script's/workflow's WASMTIME_VERSION variable.
      if let open = line.range(of: "<WasmtimeVersion>"), let close = line.range(of: "</WasmtimeVersion>"), open.upperBound <= close.lowerBound,
         let version = WasmtimeVersion(String(line[open.upperBound..<close.lowerBound]).trimmingCharacters(in: CharacterSet(charactersIn: " v"))) {
        return Hint(version: version, line: index + 1, what: "the WasmtimeVersion property")
      }
      for key in ["WASMTIME_VERSION=", "WASMTIME_VERSION: "] {
        guard let range = trimmed.range(of: key), range.lowerBound == trimmed.startIndex || trimmed.hasPrefix("export ") else { continue }
        let value = trimmed[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "\"' v"))
        if let version = WasmtimeVersion(String(value.prefix { $0.isNumber || $0 == "." })) {
          return Hint(version: version, line: index + 1, what: "WASMTIME_VERSION")
        }
      }
      if let range = line.range(of: "releases/download/v") {
        let digits = line[range.upperBound...].prefix { $0.isNumber || $0 == "." }
        if let version = WasmtimeVersion(String(digits)), line.contains("wasmtime") {
          return Hint(version: version, line: index + 1, what: "a Wasmtime release download")
        }
      }
    }
    return nil
  }

  /// `version: "25.0.1"` → `25.0.1`.
  private static func yamlValue(_ line: String, key: String) -> String? {
    var text = Substring(line)
    if text.hasPrefix("- ") { text = text.dropFirst(2) }
    guard text.hasPrefix(key + ":") else { return nil }
    var value = text.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
    if let hash = value.range(of: " #") { value = String(value[..<hash.lowerBound]) }
    value = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
    if value.hasPrefix("v") { value.removeFirst() }
    return value
  }
}
