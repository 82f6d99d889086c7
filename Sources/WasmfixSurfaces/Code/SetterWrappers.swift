import WasmfixWorkspace

/// A project's own setters (a config's `[setters]` table): `set_wasm_stack = "max_wasm_stack"`
/// makes every call `x.set_wasm_stack(N)` (C: `set_wasm_stack(cfg, N)`) a site of that setting,
/// grouped, evaluated and fixed like the real setter. The names are searched for in the raw
/// bytes next to the surface's own stems, since the prefilter decides what gets parsed.
package struct SetterWrappers: Sendable {
  package let settings: [String: Setting]
  private let needles: [[UInt8]]

  package static let none = SetterWrappers(settings: [:])

  package init(settings: [String: Setting]) {
    self.settings = settings
    needles = settings.keys.sorted().map { Array($0.utf8) }
  }

  /// From a config's table (values already checked to be setting names).
  package init(config: [String: String]) {
    self.init(settings: config.compactMapValues(Setting.init(rawValue:)))
  }

  package var isEmpty: Bool { settings.isEmpty }
  package var names: [String] { settings.keys.sorted() }

  /// Offsets of every wrapper name in `bytes` (the parse decides whether it is a call).
  func hits(in bytes: UnsafeRawBufferPointer) -> [Int] {
    needles.flatMap { ByteSearch.occurrences(of: $0, in: bytes) }
  }
}
