import WasmfixWorkspace
/// The Wasmtime configuration values wasmfix tracks, named as in the JSON report.
public enum Setting: String, Codable, Sendable, CaseIterable {
  case maxWasmStack = "max_wasm_stack"
  case asyncStackSize = "async_stack_size"
  case asyncSupport = "async_support"
}
