import WasmfixAnalysis

/// The Wasmtime versions a scan's configurations use, each with where it was read and how
/// many configurations use it (configurations whose version is assumed are left out). A tree
/// with several projects has several; the reports list them all rather than one.
struct VersionUses {
  struct Use {
    let version: WasmtimeVersion
    let source: String?
    var groups: Int
  }

  /// By version, then source.
  let all: [Use]
  let distinctVersions: Int

  init(_ groups: [EngineGroup]) {
    var uses: [String: Use] = [:]
    for group in groups where !group.version.assumed {
      let key = "\(group.version.version)#\(group.version.source ?? "")"
      uses[key, default: Use(version: group.version.version, source: group.version.source, groups: 0)].groups += 1
    }
    all = uses.values.sorted { ($0.version, $0.source ?? "") < ($1.version, $1.source ?? "") }
    distinctVersions = Set(all.map(\.version)).count
  }
}
