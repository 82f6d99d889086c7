import Foundation
import Testing

/// A call whose constant is defined once per build (`cfg_if!` branches) is judged once per
/// build; the text report's site lines then say which build each is (they were identical
/// but for the value and the definition's line).
@Suite struct TextPerBuildTests {
  @Test func perBuildSitesNameTheirBuild() throws {
    let fixture = PackagePaths.root.appendingPathComponent("Tests/Fixtures/i9m-rust-cfg-if-both-constants-per-build/before")
    let output = try WasmfixBinary.run(["scan", "."], in: fixture)
    let lines = output.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains("    src/lib.rs:16:12: max_wasm_stack(GUEST_STACK) = 6 MiB (6291456) via GUEST_STACK at src/lib.rs:5 in build #[cfg(feature = \"deep-recursion\")]"), "\(output.stdout)")
    #expect(lines.contains("    src/lib.rs:16:12: max_wasm_stack(GUEST_STACK) = 1 MiB (1048576) via GUEST_STACK at src/lib.rs:8 in build the cfg_if! else branch at line 7"))
    // A call judged once keeps its plain line.
    #expect(lines.contains("    src/lib.rs:15:12: async_support(true) = true"))
  }
}
