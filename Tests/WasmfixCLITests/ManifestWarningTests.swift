import Foundation
import Testing

/// Issue 10 (smaller defects): an unparseable `Cargo.lock` no longer makes wasmfix fall back to
/// another source (or the newest version) in silence: it says so, naming the file.
@Suite struct ManifestWarningTests {
  @Test func anUnreadableCargoLockIsSaidNotSkippedInSilence() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-lock-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("src"), withIntermediateDirectories: true)
    try Data("this is not toml {{{\n".utf8).write(to: root.appendingPathComponent("Cargo.lock"))
    try Data("[package]\nname = \"x\"\nversion = \"0.1.0\"\n\n[dependencies]\nwasmtime = \"25.0.0\"\n".utf8)
      .write(to: root.appendingPathComponent("Cargo.toml"))
    try Data("use wasmtime::*;\nfn f() { let mut config = Config::new(); config.max_wasm_stack(8 << 20); }\n".utf8)
      .write(to: root.appendingPathComponent("src/main.rs"))
    let output = try WasmfixBinary.run(["scan", "."], in: root)
    #expect(output.stderr.contains("wasmfix: Cargo.lock: warning: not a Cargo lock file"), "\(output.stderr)")
    #expect(output.stdout.contains("Wasmtime 25.0.0 from Cargo.toml"), "\(output.stdout)")
    // A valid lock file (or an empty one) says nothing.
    try Data("version = 3\n\n[[package]]\nname = \"wasmtime\"\nversion = \"25.0.0\"\n".utf8).write(to: root.appendingPathComponent("Cargo.lock"))
    #expect(try !WasmfixBinary.run(["scan", "."], in: root).stderr.contains("Cargo.lock"))
  }
}
