import Foundation
import Testing

/// Repository content must never stop a scan (issue 10, item 2): expressions and constant
/// chains nested past any sane depth were a SIGSEGV (exit 139) from unbounded recursion in
/// the lowering and the evaluator; now they are unresolved values with a reason.
@Suite struct HostileInputTests {
  @Test func deeplyNestedExpressionsAndChainsAreUnresolvedNotACrash() throws {
    let tree = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-deep-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: tree) }
    let src = tree.appendingPathComponent("src")
    try FileManager.default.createDirectory(at: src, withIntermediateDirectories: true)
    func write(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: src.appendingPathComponent(name)) }
    try Data("25.0.0\n".utf8).write(to: tree.appendingPathComponent("wasmtime-version.txt"))
    let sum = Array(repeating: "1", count: 7600).joined(separator: " + ")
    try write("sum.rs", "pub fn f() { let mut config = Config::new(); config.max_wasm_stack(\(sum)); }\n")
    let open = String(repeating: "(", count: 15000), close = String(repeating: ")", count: 15000)
    try write("parens.c", "void f(void) { wasm_config_t *c = wasm_config_new(); wasmtime_config_max_wasm_stack_set(c, \(open)1\(close)); }\n")
    try write("Deep.cs", "class A { void M() { var c = new Config().WithMaximumStackSize(\(open)1\(close)); } }\n")
    let chain = (["#define D0 1024"] + (1..<4000).map { "#define D\($0) D\($0 - 1)" }).joined(separator: "\n")
    try write("chain.h", chain + "\n")
    try write("chain.c", "#include \"chain.h\"\nvoid g(void) { wasm_config_t *c = wasm_config_new(); wasmtime_config_max_wasm_stack_set(c, D3999); }\n")

    let output = try WasmfixBinary.run(["scan", ".", "--format", "json"], in: tree)
    #expect([0, 1].contains(output.status), "exit \(output.status): \(output.stderr.prefix(500))")
    #expect(output.stdout.components(separatedBy: "expression too deep").count - 1 == 3)
    #expect(output.stdout.contains("defined through a chain of more than 128 constants"))
  }
}
