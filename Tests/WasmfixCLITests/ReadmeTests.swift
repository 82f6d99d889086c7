import Foundation
import Testing

/// Every `wasmfix` command line in the README's fenced code blocks runs (issue 11), so the
/// README cannot advertise a flag the binary lacks. A line counts when, after indentation and
/// a YAML `- ` / `run: ` or shell `$ ` prefix, it starts with `wasmfix ` and an argument. Optional parts of a
/// synopsis (`[PATH ...]`) are dropped; the command ends before a pipe, redirection, `||`,
/// `&&` or comment, so `wasmfix scan --diff | reviewdog ...` runs its wasmfix part. Each runs
/// with the built binary first on PATH in a fresh copy of examples/ (also reachable as
/// `examples/`), and must exit 0 or 1 (never 2) without a usage error.
@Suite struct ReadmeTests {
  static let readme = (try? String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

  static var commandLines: [String] { blocks.flatMap { $0 } }

  /// The commands of each fenced block, in order: a block is a session (`--write-baseline`
  /// makes the file the next line's `--baseline` reads), so each command runs after the ones
  /// before it in its block.
  static var blocks: [[String]] {
    var blocks: [[String]] = []
    var inFence = false
    for raw in readme.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("```") {
        inFence.toggle()
        if inFence { blocks.append([]) }
        continue
      }
      guard inFence, let command = command(in: line) else { continue }
      blocks[blocks.count - 1].append(command)
    }
    return blocks.filter { !$0.isEmpty }
  }

  /// The wasmfix command a README line runs, or nil when it runs none.
  static func command(in line: String) -> String? {
    var text = Substring(line)
    for prefix in ["- run: ", "run: ", "- ", "$ "] where text.hasPrefix(prefix) {
      text = text.dropFirst(prefix.count)
      break
    }
    // `wasmfix` followed by a column gap is the Layout section's tree, not a command.
    guard text.hasPrefix("wasmfix "), let next = text.dropFirst("wasmfix ".count).first, !next.isWhitespace else { return nil }
    var command = String(text)
    for end in [" | ", " > ", " >> ", " 2>", " || ", " && ", " #"] {
      if let range = command.range(of: end) { command = String(command[..<range.lowerBound]) }
    }
    command = command.replacingOccurrences(of: #"\s*\[[^\]]*\]"#, with: "", options: .regularExpression)
    return command.trimmingCharacters(in: .whitespaces)
  }

  @Test func extractionFindsTheDocumentedCommands() {
    let lines = Self.commandLines
    #expect(lines.contains("wasmfix scan ."), "the install section's one-line scan")
    #expect(lines.contains("wasmfix scan --format sarif"), "the GitHub Actions recipe")
    #expect(lines.contains("wasmfix scan --format gitlab"), "the GitLab recipe")
    #expect(lines.contains("wasmfix scan --diff"), "the reviewdog recipe")
    #expect(lines.contains("wasmfix scan"), "the usage synopsis without its optional parts")
    #expect(Self.command(in: "wasmfix scan --diff | reviewdog -f=diff") == "wasmfix scan --diff")
    #expect(Self.command(in: "- run: wasmfix scan --format sarif > wasmfix.sarif") == "wasmfix scan --format sarif")
    #expect(Self.command(in: "wasmfix explain [WF001]                  # what a rule checks") == "wasmfix explain")
    #expect(Self.command(in: "make install PREFIX=~/.local") == nil)
    #expect(Self.command(in: "wasmfix             the command line (swift-argument-parser)") == nil)
  }

  /// The first screen: install, then the one-line scan, before any other section.
  @Test func firstScreenShowsInstallThenTheScan() throws {
    let firstScreen = Self.readme.split(separator: "\n", omittingEmptySubsequences: false).prefix(30).joined(separator: "\n")
    let install = try #require(firstScreen.range(of: "make install PREFIX=~/.local"))
    let scan = try #require(firstScreen.range(of: "\nwasmfix scan .\n"))
    #expect(install.upperBound < scan.lowerBound)
    for text in ["github/codeql-action/upload-sarif", "--format sarif", "codequality:", "--format gitlab",
                 "reviewdog -f=diff", "-reporter=github-pr-review", "## CI recipes", "## Editor and shell integration"] {
      #expect(Self.readme.contains(text), "README lacks \(text)")
    }
  }

  @Test(arguments: Self.commandLines)
  func commandRuns(_ command: String) throws {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-readme-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    let project = work.appendingPathComponent("project")
    try FileManager.default.copyItem(at: PackagePaths.examples, to: project)
    try FileManager.default.copyItem(at: PackagePaths.examples, to: project.appendingPathComponent("examples"))
    let binDirectory = URL(fileURLWithPath: WasmfixBinary.path).deletingLastPathComponent().path
    let environment = ["PATH": binDirectory + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"), "NO_COLOR": "1"]
    // The lines before it in its block first, as a reader following the block would.
    let block = Self.blocks.first { $0.contains(command) } ?? [command]
    for earlier in block.prefix(while: { $0 != command }) {
      let output = try ProcessRunner.run("/usr/bin/env", ["bash", "-c", earlier], in: project, environment: environment)
      #expect(output.status == 0 || output.status == 1, "`\(earlier)` (before `\(command)`) exited \(output.status): \(output.stderr)")
    }
    let output = try ProcessRunner.run("/usr/bin/env", ["bash", "-c", command], in: project, environment: environment)
    #expect(output.status == 0 || output.status == 1, "`\(command)` exited \(output.status): \(output.stderr)")
    #expect(!output.stderr.contains("Usage:") && !output.stderr.contains("USAGE:"), "`\(command)`: \(output.stderr)")
  }
}
