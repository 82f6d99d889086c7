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

  /// Files with syntax errors where a fix's own edit (an `#include`, a local for max) changed
  /// how the parser recovers elsewhere: the fixed text read as configurations with fixes of
  /// their own, so a second `--write` changed the file again. Such a fix is refused now.
  @Test(arguments: [
    ("main.c", #"""
      #include <s{
          wasm_config_t *config = wasm_config_new();
          // Wasmtime requires max_wasm_stack <= async_stack_size.
          // Keep these values aligned when upgrading runtime dependencies.
          wasmtime_config_async_support_set(config, true);
          wasmtime_config_max_wasm_stack_set(config, GUEnST_WASM_STACK_LIMIT);
          wasmtime_config_async_std)argv; (void)exit_with_error;
          wasmtime_store_delete(store);
          wasm_engine_delete(engine);
          return 0;
      }
      """#),
    ("main.cpp", #"""
      #include <wasmtime.hh>
      #include "limits. max_wasm_stack <= async_stack_size.
        // Keep these values aligned when upgrading runtime dependencies.
        wasmtime_config_async_support_set(config.capi(), true);
        config.max_wasm_stack(8_MiB);  // guest parser recursion
        wasmtime_config_async_stack_size_set(cotack <= aswasmtimek_size.
      // Keep these values aligned when upgrading runtime dependencies.
      void f() { wasm_config_t *c = wqsm_config_new(); wasmtime_config_max_wasm_stack_set(c, kA);
      wasmtime_config_async_stack_sze.
        // Keep these values aligned when upgrading runtime dependencies.
        wasmtime_config_async_support_set(cfg, true);
        wasmtime_config_max_wasm_stack_set(cfg, kGuestStac
      ;k)wst ma ime_config_async_stack_size_set(cfg, kGuestStack + 512 * 1024);
        return wasm_engine_new_with_config(cfg);
      }
      """#),
  ])
  func aFixWhoseTextWouldBeFixedAgainIsRefused(name: String, code: String) {
    let path = Self.folder + "/" + name
    let scan = MemoryScan(path: path, bytes: Array(code.utf8))
    #expect(scan.fixes.changes.isEmpty)
    #expect(scan.fixes.messages.contains("\(name): the fixed text would need fixing again (its syntax errors read differently after the edit); not fixed"))
    #expect(scan.fixes.result.findings.contains { $0.unfixedReason?.hasPrefix("fixing the fixed file would change it again") == true })
  }

  /// WF008's fix (delete `wasmtime_config_async_support_set`, gone in Wasmtime 42) trapped on
  /// a call spanning lines: it took the text after the call's end up to the end of its first
  /// line, a range whose end came before its start (`scan --diff` exited 132). Found by
  /// `make fuzz` in C++; ordinary formatting in C.
  @Test func deletingAnAsyncSupportCallThatSpansLines() throws {
    let code = "int main(void) {\n    wasm_config_t *config = wasm_config_new();\n    wasmtime_config_async_support_set(config,\n                                      true);\n    wasmtime_config_max_wasm_stack_set(config, 1 << 20);\n    wasm_engine_t *engine = wasm_engine_new_with_config(config);\n    return 0;\n}\n"
    let scan = MemoryScan(path: Self.folder + "/main.c", bytes: Array(code.utf8), version: WasmtimeVersion(42))
    #expect(scan.result.findings.contains { $0.rule.code == "WF008" })
    let change = try #require(scan.fixes.changes.first)
    // Both lines of the call go, and nothing of the lines around them. (The 1 MiB max leaves
    // the 2 MiB default async stack 1 MiB of headroom: a WF003 note, which is not fixed, so no
    // other fix adds lines here since issue 9's note fix.)
    let edited = String(decoding: change.edited, as: UTF8.self)
    #expect(!edited.contains("async_support") && !edited.contains("true);"))
    #expect(edited.contains("config = wasm_config_new();\n    wasmtime_config_max_wasm_stack_set(config, 1 << 20);\n    wasm_engine_t"))
  }

  /// A shell variable whose name holds bytes that are not UTF-8 (`GUEST\u{98}…_STACK=…`): the
  /// value's offset was taken from the token's decoded text, where each such byte is a 3-byte
  /// U+FFFD, and ran past the token's end: `wasmfix scan` trapped (exit 132). Found by
  /// `make fuzz` in a shell script.
  @Test func aShellAssignmentWithBytesThatAreNotUTF8() {
    let bytes = Array("#!/bin/sh\nGUEST".utf8) + [UInt8](repeating: 0x98, count: 10)
      + Array("_STACK=16777216\nexec wasmtime run -W max-wasm-stack=$GUEST_STACK app.wasm\n".utf8)
    let scan = MemoryScan(path: Self.folder + "/run.sh", bytes: bytes)
    #expect(scan.result.sites.count == 1)
    #expect(scan.result.warnings.contains { $0.contains("not valid UTF-8") })
  }
}
