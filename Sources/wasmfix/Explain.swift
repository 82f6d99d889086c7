import ArgumentParser
import WasmfixCore

struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain a rule: what it checks, why Wasmtime enforces it, how the fix works.")

  @Argument(help: "A rule id (WF001) or name (stack-exceeds-async); omit to list all rules.")
  var rule: String?

  func run() throws {
    guard let rule else {
      for r in Rules.all { print("\(r.id.code)  \(r.id.name)  (\(r.severity.rawValue))") }
      return
    }
    guard let found = Rules.named(rule) else {
      // Not a ValidationError: that prints explain's usage, which does not say what went wrong.
      Terminal.error("unknown rule '\(rule)'; known rules: \(Rules.all.map { "\($0.id.code) (\($0.id.name))" }.joined(separator: ", "))")
      throw ExitCode(ExitStatus.failure)
    }
    print(found.explanation)
  }
}

struct DumpTree: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "dump-tree", abstract: "Print a file's syntax tree (for developing wasmfix).", shouldDisplay: false)
  @Argument var path: String
  func run() throws { print(try debugTree(path: path)) }
}
