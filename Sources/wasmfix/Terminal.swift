#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation
import Synchronization
import WasmfixCore

/// The only place that knows about stdout, stderr, TTYs and colour.
enum Terminal {
  /// Writes to stdout with write(2): a full disk, a closed stdout or a closed pipe (SIGPIPE
  /// ignored) is one line on stderr and exit status 2, not a trap in FileHandle.
  static func output(_ text: String) { output(bytes: Array(text.utf8)) }

  /// The same for bytes that need not be UTF-8 (a diff carries the file's own bytes).
  static func output(bytes: [UInt8]) {
    var bytes = bytes
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { buffer in
        #if canImport(Glibc)
          Glibc.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
        #else
          Darwin.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
        #endif
      }
      if written < 0 {
        if errno == EINTR { continue }
        let reason = String(cString: strerror(errno))
        FileHandle.standardError.write(Data("wasmfix: cannot write the output: \(reason)\n".utf8))
        exit(2)
      }
      offset += written
    }
  }

  /// One line on stderr, prefixed with the tool's name.
  static func error(_ line: String) { FileHandle.standardError.write(Data("wasmfix: \(escaped(line))\n".utf8)) }

  /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
  static var stdoutSupportsColor: Bool {
    colorEnabled("auto", toTerminal: true, environment: ProcessInfo.processInfo.environment)
  }

  /// `choice` is `--color`: `always` and `never` decide; `auto` turns colour off for NO_COLOR
  /// (a user's opt-out wins), on for FORCE_COLOR (CI logs that render ANSI, not `0`), else
  /// colours a terminal that is not `TERM=dumb`. `toTerminal`: the report goes to stdout.
  static func colorEnabled(_ choice: String, toTerminal: Bool, environment: [String: String]) -> Bool {
    switch choice {
    case "always": return true
    case "never": return false
    default:
      if !(environment["NO_COLOR"] ?? "").isEmpty { return false }
      if let force = environment["FORCE_COLOR"], !force.isEmpty, force != "0", force.lowercased() != "false" { return true }
      return toTerminal && isatty(STDOUT_FILENO) == 1 && environment["TERM"] != "dumb"
    }
  }

  /// A progress line on stderr for long scans (after about a second), only on a terminal.
  static func progressReporter() -> (@Sendable (Int, Int) -> Void)? {
    guard isatty(STDERR_FILENO) == 1 else { return nil }
    let start = Date()
    return { done, total in
      let elapsed = Date().timeIntervalSince(start)
      guard elapsed > 1 else { return }
      let rate = Int(Double(done) / elapsed)
      FileHandle.standardError.write(Data("\r\u{1B}[Kwasmfix: \(done)\(total > 0 ? "/\(total)" : "") files (\(rate) files/s)".utf8))
      ProgressState.shown.set(true)
    }
  }

  static func clearProgress() {
    if ProgressState.shown.get() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}

/// Whether a progress line is on screen and must be erased before the report.
enum ProgressState {
  static let shown = AtomicFlag()
}

final class AtomicFlag: Sendable {
  private let value = Atomic<Bool>(false)
  func set(_ v: Bool) { value.store(v, ordering: .relaxed) }
  func get() -> Bool { value.load(ordering: .relaxed) }
}
