import Foundation
import Testing
import WasmfixCore

/// Issue 9 item 7: a tree whose projects use different Wasmtime versions reports them all,
/// in the summary line and in JSON's `wasmtime.versions`, instead of naming one as if it
/// were the whole tree's.
@Suite("Versions found") struct VersionListTests {
  static func crate(_ name: String, _ version: String) -> [String: String] {
    [
      "\(name)/Cargo.toml": "[package]\nname = \"\(name)\"\nversion = \"0.1.0\"\n\n[dependencies]\nwasmtime = \"\(version)\"\n",
      "\(name)/Cargo.lock": "[[package]]\nname = \"wasmtime\"\nversion = \"\(version)\"\n",
      "\(name)/src/lib.rs": "use wasmtime::*;\npub fn e() -> Result<Engine> {\n    let mut config = Config::new();\n    config.max_wasm_stack(1 << 20);\n    config.async_stack_size(2 << 20);\n    Engine::new(&config)\n}\n",
    ]
  }

  func tree(_ files: [String: String]) throws -> URL { try TemporaryTree.make(files, prefix: "wasmfix-versions") }

  @Test func twoProjectsTwoVersionsAreBothReported() throws {
    let root = try tree(Self.crate("a", "25.0.0").merging(Self.crate("b", "30.0.1")) { $1 }.merging(Self.crate("c", "30.0.1")) { $1 })
    defer { try? FileManager.default.removeItem(at: root) }
    let text = try WasmfixBinary.run(["scan", "."], in: root)
    #expect(text.stdout.hasSuffix("; Wasmtime 25.0.0 from a/Cargo.lock (1 configuration), 30.0.1 from b/Cargo.lock (1 configuration), 30.0.1 from c/Cargo.lock (1 configuration)\n"), "\(text.stdout)")
    let json = try WasmfixBinary.run(["scan", ".", "--format", "json"], in: root)
    let report = try JSONDecoder().decode(JSONReport.self, from: Data(json.stdout.utf8))
    #expect(report.wasmtime.versions == [
      .init(version: "25.0.0", source: "a/Cargo.lock", groups: 1), .init(version: "30.0.1", source: "b/Cargo.lock", groups: 1),
      .init(version: "30.0.1", source: "c/Cargo.lock", groups: 1),
    ])
  }

  @Test func oneVersionKeepsTheSingleForm() throws {
    let root = try tree(Self.crate("a", "30.0.1").merging(Self.crate("b", "30.0.1")) { $1 })
    defer { try? FileManager.default.removeItem(at: root) }
    let json = try WasmfixBinary.run(["scan", ".", "--format", "json"], in: root)
    #expect(!json.stdout.contains("\"versions\""))
    let report = try JSONDecoder().decode(JSONReport.self, from: Data(json.stdout.utf8))
    #expect(report.wasmtime.version == "30.0.1" && !report.wasmtime.assumed && report.wasmtime.versions == nil)
  }
}
