import ArgumentParser
import Foundation
import WasmfixCore

/// The `wasmfix` command: thin wiring from flags to WasmfixCore and from results to exit codes.
struct Wasmfix: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "wasmfix",
    abstract: "Find and fix Wasmtime stack settings that break `max_wasm_stack <= async_stack_size`.",
    discussion: Wasmfix.discussion,
    version: Wasmfix.version,
    subcommands: [Scan.self, Explain.self, RulesCommand.self, DumpTree.self],
    defaultSubcommand: Scan.self
  )

  /// `0.1.0 (abc1234)`: the release and the commit (from Plugins/BuildCommitPlugin); the bare
  /// release when built outside git. JSON and SARIF keep the bare release (CONTRACT.md).
  static var version: String { WasmfixVersion.current + (buildCommit.map { " (\($0))" } ?? "") }

  /// What `--help` says beyond the flags, in the README's words (RulesCommandTests compares them).
  static let discussion = """
    Exit codes:
      0  no error-severity finding remains (after --write: every error was fixed)
      1  at least one error-severity finding remains
      2  wasmfix could not do what was asked (bad flag, bad config file, missing path, failed write)

    Wasmtime version, for each file: --wasmtime-version, else the nearest Cargo.lock, \
    Cargo.toml, *.csproj / Directory.Packages.props, wasmtime-version.txt or vendored \
    wasmtime.h above it. For a wasmtime command line (scripts, Makefiles, workflows, \
    MSBuild, TOML): --wasmtime-version, else the file itself (a workflow's setup version:, \
    a releases/download/vX.Y.Z URL), else the nearest wasmtime-version.txt. With none, \
    wasmfix assumes the newest Wasmtime it knows (\(WasmtimeVersion.newestKnown)) and says so.

    Fixes keep --headroom of stack for host code (default 512K): \
    async_stack_size >= max_wasm_stack + headroom.
    """
}

/// Exit codes from CONTRACT.md.
enum ExitStatus {
  static let clean: Int32 = 0
  static let findings: Int32 = 1
  static let failure: Int32 = 2
}

/// Our own entry point: ArgumentParser exits 64 on a bad flag, the contract says 2.
@main
enum Main {
  /// A file named like a flag (`-dash.rs`) is a path, as in git and rg: ArgumentParser would
  /// read `-dash.rs` as the short flags `-d -a -s -h` and print the help. An argument that
  /// starts with a single `-`, is longer than a short flag and names an existing file or folder
  /// is passed as `./-dash.rs`, and so is one holding `.` or `/`, which no group of short flags
  /// does (a missing `-nosuch.rs` is then a missing path, exit 2, not `-h`'s help). (`--`
  /// before paths works too.)
  static func pathsThatLookLikeFlags(_ arguments: [String]) -> [String] {
    var result: [String] = []
    var afterDoubleDash = false
    for argument in arguments {
      if argument == "--" { afterDoubleDash = true }
      if !afterDoubleDash, argument.count > 2, argument.hasPrefix("-"), !argument.hasPrefix("--"),
         FileManager.default.fileExists(atPath: argument) || argument.contains(".") || argument.contains("/") {
        result.append("./" + argument)
      } else {
        result.append(argument)
      }
    }
    return result
  }

  /// `wasmfix scan …` is parsed as `Scan` alone first. Through the root, ArgumentParser
  /// reflects over Scan's options several more times (to route the subcommand and to check the
  /// default subcommand for pass-through arguments): 27 M instructions, about 7 ms of every
  /// scan, before any file is read. Anything that does not parse that way (help, `--version`,
  /// a bad flag, another subcommand) goes through the root as before, so messages and exit
  /// codes are the root's.
  static func parse(_ arguments: [String]) throws -> ParsableCommand {
    if arguments.first == "scan", let scan = try? Scan.parse(Array(arguments.dropFirst())) { return scan }
    return try Wasmfix.parseAsRoot(arguments)
  }

  static func main() {
    // glibc's default per-thread malloc arenas are kept. One shared arena (`M_ARENA_MAX` 1)
    // saved about 1.8 MB of a 200,000-file scan's peak but made the 20,000-file scan 5%
    // slower in wall time (alternating runs: 168.6 against 160.9 ms best, rg 113.5): the
    // workers contended for its lock.
    do {
      var command = try parse(Self.pathsThatLookLikeFlags(Array(CommandLine.arguments.dropFirst())))
      try command.run()
    } catch let exit as ExitCode {
      Foundation.exit(exit.rawValue)
    } catch {
      let message = Wasmfix.fullMessage(for: error)
      let code = Wasmfix.exitCode(for: error)
      if code.isSuccess {
        print(message)
        Foundation.exit(0)
      }
      FileHandle.standardError.write(Data("wasmfix: \(message)\n".utf8))
      Foundation.exit(ExitStatus.failure)
    }
  }
}
