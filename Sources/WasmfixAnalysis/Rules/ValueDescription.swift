import WasmfixEvaluation
/// How messages spell sizes: human units first, then exact bytes, e.g. `8 MiB (8388608)`.
package enum ValueDescription {
  package static func bytes(_ value: Int128) -> String {
    let human: String
    if value != 0, value % (1 << 20) == 0 { human = "\(value >> 20) MiB" }
    else if value != 0, value % 1024 == 0 { human = "\(value >> 10) KiB" }
    else { human = "\(value) B" }
    return human == "\(value) B" ? human : "\(human) (\(value))"
  }

  /// `8 MiB (8388608)`, `2 MiB (2097152, Wasmtime 25.0.0 default)`, `8 MiB (8388608, MAX_STACK at src/limits.rs:3)`.
  static func effective(_ value: EngineGroup.EffectiveValue, setting: Setting, group: EngineGroup, context: RuleContext) -> String {
    let sites = context.sites
    switch value.source {
    case .default:
      guard let v = value.value else { return "unavailable before Wasmtime 0.25" }
      return annotate(bytes(v), "Wasmtime \(group.version.version) default")
    case .derived:
      guard let v = value.value else { return "?" }
      return annotate(bytes(v), "max-wasm-stack + 512 KiB, set by the Wasmtime \(group.version.version) CLI")
    case .unresolved:
      let site = value.siteIndex.map { sites[$0] }
      return "`\(site?.argumentText ?? "?")` (not a compile-time constant)"
    case .explicit:
      guard let v = value.value else { return "?" }
      if let site = value.siteIndex.map({ sites[$0] }), let definition = site.definition {
        // A fix edits the definition, so say when other configurations share it.
        let others = (context.sitesByDefinition[definition] ?? []).map { sites[$0] }.filter { $0.groupID != site.groupID }
        let shared = others.isEmpty ? "" : ", also used at \(others.prefix(3).map(\.location).joined(separator: ", "))\(others.count > 3 ? " and \(others.count - 3) more" : "")"
        return annotate(bytes(v), "\(definition.name) at \(definition.location)\(shared)")
      }
      return bytes(v)
    }
  }

  private static func annotate(_ text: String, _ note: String) -> String {
    if text.hasSuffix(")") { return String(text.dropLast()) + ", \(note))" }
    return "\(text) (\(note))"
  }

  static func versionNote(_ group: EngineGroup) -> String {
    group.version.assumed ? " (no manifest names the Wasmtime version; assuming \(group.version.version))" : ""
  }
}
