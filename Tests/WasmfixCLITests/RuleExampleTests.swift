import Foundation
import Testing
import WasmfixCore

/// Every rule's examples run, SwiftLint-style: the example's code goes into a file of its
/// surface (code surfaces: inside a function that creates a fresh configuration and then an
/// engine), `wasmtime-version.txt` pins its version, and the real binary scans it. A triggering
/// example must get a finding of its rule and, after `--write`, contain its `fixed` text
/// (compared line by line, indentation ignored); a passing example must get none.
@Suite("Rule examples") struct RuleExampleTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let rule: String
    let index: Int
    let example: RuleExample
    var testDescription: String { "\(rule) #\(index) (\(example.language), \(example.triggers ? "triggers" : "passes"))" }
  }

  static var cases: [Case] {
    Rules.all.flatMap { rule in rule.examples.enumerated().map { Case(rule: rule.id.code, index: $0.offset, example: $0.element) } }
  }

  /// The file an example is written to, and its contents.
  static func file(for example: RuleExample) -> (name: String, contents: String)? {
    let code = example.code
    let indented = code.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    \($0)" }.joined(separator: "\n")
    switch example.language.rawValue {
    case "rust":
      let config = code.contains("Config::new()") ? "" : "    let mut config = Config::new();\n"
      return ("src/lib.rs", "use wasmtime::*;\n\npub fn example(stack_size: usize) -> Result<Engine> {\n\(config)\(indented)    Engine::new(&config)\n}\n")
    case "c":
      return ("src/example.c", "#include <wasmtime.h>\n\nwasm_engine_t *example(void) {\n    wasm_config_t *config = wasm_config_new();\n\(indented)    return wasm_engine_new_with_config(config);\n}\n")
    case "cpp":
      return ("src/example.cc", "#include <wasmtime.hh>\n\nwasmtime::Engine example() {\n    wasmtime::Config config;\n\(indented)    return wasmtime::Engine(std::move(config));\n}\n")
    case "csharp":
      return ("src/Example.cs", "using Wasmtime;\n\npublic static class Example {\n  public static Engine Create() {\n    var config = new Config();\n\(indented)    return new Engine(config);\n  }\n}\n")
    case "yaml": return (".github/workflows/ci.yml", code)
    case "shell": return ("scripts/run.sh", "#!/bin/sh\n" + code)
    case "msbuild": return ("eng/tests.targets", code)
    case "toml": return ("wasmtime.toml", code)
    default: return nil
    }
  }

  @Test("every surface an example names can be written") func everyExampleHasAFile() {
    for c in Self.cases { #expect(Self.file(for: c.example) != nil, "\(c.testDescription)") }
  }

  @Test("rule example", arguments: cases)
  func run(_ c: Case) throws {
    let example = c.example
    let (name, contents) = try #require(Self.file(for: example))
    let tree = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-example-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: tree) }
    let file = tree.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(contents.utf8).write(to: file)
    try Data("\(example.version)\n".utf8).write(to: tree.appendingPathComponent("wasmtime-version.txt"))

    let scan = try WasmfixBinary.run(["scan", ".", "--format", "json"] + example.arguments, in: tree)
    let report = try JSONDecoder().decode(JSONReport.self, from: Data(scan.stdout.utf8))
    let found = report.findings.contains { $0.rule == c.rule }
    #expect(found == example.triggers, "\(c.testDescription): findings \(report.findings.map { "\($0.rule) \($0.message)" })\n\(contents)")
    guard let fixed = example.fixed else { return }
    // The example shows the rule's fix, safe or not (issue 11: unsafe ones need the flag).
    _ = try WasmfixBinary.run(["scan", ".", "--write", "--unsafe-fixes"] + example.arguments, in: tree)
    let after = try String(contentsOf: file, encoding: .utf8)
    func lines(_ text: String) -> [String] {
      text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }
    let written = lines(after), expected = lines(fixed)
    let contained = (0...max(0, written.count - expected.count)).contains { Array(written[$0..<min(written.count, $0 + expected.count)]) == expected }
    #expect(contained, "\(c.testDescription): after --write\n\(after)\nexpected to contain\n\(fixed)")
  }
}
