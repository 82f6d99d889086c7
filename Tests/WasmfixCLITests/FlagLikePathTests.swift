import Foundation
import Testing

/// Issue 10 (smaller defects): `wasmfix scan -dash.rs` printed the help and exited 0, reading
/// the file name as the short flags `-d -a -s -h`. A file named like a flag is a path.
@Suite struct FlagLikePathTests {
  @Test func aFileNamedLikeAFlagIsScanned() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-dash-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try Data("use wasmtime::*;\nfn f() { let mut config = Config::new(); config.max_wasm_stack(0); }\n".utf8)
      .write(to: root.appendingPathComponent("-dash.rs"))
    for arguments in [["scan", "-dash.rs"], ["scan", "-q", "-dash.rs"], ["scan", "--", "-dash.rs"]] {
      let output = try WasmfixBinary.run(arguments, in: root)
      #expect(output.status == 1, "\(arguments): \(output.stdout) \(output.stderr)")
      #expect(output.stdout.contains("-dash.rs:2:49: error[WF004]"), "\(arguments): \(output.stdout)")
      #expect(!output.stdout.contains("USAGE"))
    }
    // A real short flag that is not a file stays a flag; an unknown one is still an error.
    #expect(try WasmfixBinary.run(["scan", "-q", "."], in: root).status == 1)
    #expect(try WasmfixBinary.run(["scan", "-nosuch.rs"], in: root).status == 2)
  }
}

/// Regression: a file whose setting names all sit in comments was recorded with the content
/// hash of an empty text, so a fix that rewrites a constant defined in that file was refused
/// as "changed since it was scanned". The hash is of the bytes the worker read.
@Suite struct CommentOnlyDefinitionFileTests {
  @Test func aConstantInAFileWhoseSettingNamesAreCommentsIsRewritten() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-commentdef-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("src"), withIntermediateDirectories: true)
    try Data("// Sizes handed to max_wasm_stack and async_stack_size.\npub const GUEST_STACK: usize = 8 << 20;\npub const FIBER_STACK: usize = 2 << 20;\n".utf8)
      .write(to: root.appendingPathComponent("src/limits.rs"))
    try Data("""
      use crate::limits::{FIBER_STACK, GUEST_STACK};
      use wasmtime::*;
      pub fn engine() -> Result<Engine> {
          let mut config = Config::new();
          config.max_wasm_stack(GUEST_STACK);
          config.async_stack_size(FIBER_STACK);
          Engine::new(&config)
      }

      """.utf8).write(to: root.appendingPathComponent("src/engine.rs"))
    try Data("47.0.0\n".utf8).write(to: root.appendingPathComponent("wasmtime-version.txt"))
    let write = try WasmfixBinary.run(["scan", ".", "--write"], in: root)
    #expect(write.status == 0, "\(write.stdout)\(write.stderr)")
    #expect(!write.stderr.contains("changed since it was scanned"), "\(write.stderr)")
    let limits = try String(contentsOf: root.appendingPathComponent("src/limits.rs"), encoding: .utf8)
    #expect(!limits.contains("FIBER_STACK: usize = 2 << 20;"), "\(limits)")
  }
}
