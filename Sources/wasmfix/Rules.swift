import ArgumentParser
import Foundation
import WasmfixCore

/// `wasmfix rules`: the rule table, for people (text) and for tools (`--format json`).
struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the rules: code, name, severity, and whether --write fixes them.")

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  /// One rule as `--format json` prints it.
  struct Entry: Codable, Equatable {
    var code: String
    var name: String
    var severity: String
    var fixable: Bool
  }

  static var entries: [Entry] {
    Rules.all.map { Entry(code: $0.id.code, name: $0.id.name, severity: $0.severity.rawValue, fixable: $0.fixable) }
  }

  func run() throws {
    switch format {
    case .json:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      Terminal.output(String(decoding: try encoder.encode(Self.entries), as: UTF8.self) + "\n")
    case .text:
      let nameWidth = Self.entries.map(\.name.count).max() ?? 0
      var lines = ["code   " + "name".padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  severity  fixable"]
      for entry in Self.entries {
        lines.append("\(entry.code)  \(entry.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0))  "
          + "\(entry.severity.padding(toLength: 8, withPad: " ", startingAt: 0))  \(entry.fixable ? "yes" : "no")")
      }
      Terminal.output(lines.joined(separator: "\n") + "\n")
    }
  }
}
