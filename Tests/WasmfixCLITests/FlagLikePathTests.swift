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
