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

  /// Output that cannot be written (issue 10, item 11): a full disk is one line on stderr and
  /// exit 2, not a trap (exit 132) in FileHandle.
  @Test func outputToAFullDiskExitsTwo() throws {
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: WasmfixBinary.path)
    process.arguments = ["scan", "examples", "--diff"]
    process.currentDirectoryURL = PackagePaths.root
    process.standardOutput = full
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit && process.terminationStatus == 2, "\(process.terminationStatus) \(stderr)")
    #expect(stderr.contains("cannot write the output: No space left on device"))
  }
}

/// A file name with a newline and an escape sequence cannot fake a finding line or reach the
/// terminal (issue 10, item 11): text output escapes control characters as git does.
@Suite struct ControlCharacterTests {
  @Test func controlCharactersInNamesAreEscaped() throws {
    let tree = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-esc-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: tree) }
    try FileManager.default.createDirectory(at: tree.appendingPathComponent("src"), withIntermediateDirectories: true)
    try Data("25.0.0\n".utf8).write(to: tree.appendingPathComponent("wasmtime-version.txt"))
    let name = "evil\nfake.rs:1:1: error[WF001]: \u{1B}[31mboom.rs"
    let code = "fn f() { let mut config = Config::new(); config.async_support(true); config.max_wasm_stack(8 << 20); }\n"
    try Data(code.utf8).write(to: tree.appendingPathComponent("src").appendingPathComponent(name))
    let output = try WasmfixBinary.run(["scan", "."], in: tree)
    #expect(!output.stdout.contains("\u{1B}"))
    #expect(!output.stdout.split(separator: "\n").contains { $0.hasPrefix("fake.rs") })
    #expect(output.stdout.contains("src/evil\\nfake.rs:1:1: error[WF001]: \\033[31mboom.rs:1:77: error[WF001]"))
  }
}
