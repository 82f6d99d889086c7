import Foundation
import Testing
@testable import WasmfixCore

/// `MemoryScan`, the fuzz target's per-input path, and the inputs `make fuzz` found wrong
/// (issue 10, "a fuzz target that stays"), each reduced to the few lines that show it.
@Suite struct FuzzRegressionTests {
  static let folder = "/nonexistent-wasmfix-test"

  /// The whole per-file pipeline runs on bytes alone: no folder, nothing written.
  @Test func memoryScanFindsAndFixesInMemory() throws {
    let code = "fn f() -> Result<Engine> {\n    let mut config = Config::new();\n    config.async_support(true);\n    config.max_wasm_stack(8 << 20);\n    Engine::new(&config)\n}\n"
    let scan = MemoryScan(path: Self.folder + "/src/main.rs", bytes: Array(code.utf8))
    #expect(scan.result.findings.map(\.rule.code).contains("WF001"))
    let change = try #require(scan.fixes.changes.first)
    // Relative to the file's folder, the project of a file outside any repository.
    #expect(change.path == "main.rs")
    #expect(String(decoding: change.edited, as: UTF8.self).contains("config.async_stack_size("))
    #expect(!FileManager.default.fileExists(atPath: Self.folder))
    // Fixing the fixed text changes nothing (what the fuzz target checks for every input).
    #expect(MemoryScan(path: Self.folder + "/src/main.rs", bytes: change.edited).fixes.changes.isEmpty)
  }

  /// `max_wasm_stack(usize::MAX)` with the async stack left to its default: WF003's fix pinned
  /// `async_stack_size(18_446_744_073_710_075_903)`, max + 512 KiB, a literal past 2^64 that
  /// rustc rejects (and a second run then rewrote it again). It is refused now, like WF001's.
  @Test func pinningAnAsyncStackPast64BitsIsRefused() {
    let code = "pub fn engine() -> Result<Engine> {\n    let mut config = Config::new();\n    config.async_support(true);\n    config.max_wasm_stack(usize::MAX);\n    Engine::new(&config)\n}\n"
    let scan = MemoryScan(path: Self.folder + "/src/main.rs", bytes: Array(code.utf8))
    #expect(scan.fixes.changes.allSatisfy { !String(decoding: $0.edited, as: UTF8.self).contains("18_446_744_073_710_075_903") })
    let pin = scan.fixes.result.findings.first { $0.rule.code == "WF003" }
    #expect(pin?.fixed == false)
    #expect(pin?.unfixedReason == "max_wasm_stack + headroom does not fit in 64 bits; lower max_wasm_stack by hand")
  }
}
