import ArgumentParser
import Foundation
import WasmfixCore

/// The `wasmfix` command: thin wiring from flags to WasmfixCore and from results to exit codes.
struct Wasmfix: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "wasmfix",
    abstract: "Find and fix Wasmtime stack settings that break `max_wasm_stack <= async_stack_size`.",
    version: WasmfixVersion.current,
    subcommands: [Scan.self, Explain.self, DumpTree.self],
    defaultSubcommand: Scan.self
  )
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
  static func main() {
    do {
      var command = try Wasmfix.parseAsRoot()
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
