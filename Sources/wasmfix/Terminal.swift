import Foundation

/// The only place that knows about stdout, stderr, TTYs and colour.
enum Terminal {
  static func output(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }

  /// One line on stderr, prefixed with the tool's name.
  static func error(_ line: String) { FileHandle.standardError.write(Data("wasmfix: \(line)\n".utf8)) }

  /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
  static var stdoutSupportsColor: Bool {
    isatty(STDOUT_FILENO) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
      && ProcessInfo.processInfo.environment["TERM"] != "dumb"
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
  static let shown = LockedFlag()
}

final class LockedFlag: @unchecked Sendable {
  private var value = false
  private let lock = NSLock()
  func set(_ v: Bool) { lock.lock(); value = v; lock.unlock() }
  func get() -> Bool { lock.lock(); defer { lock.unlock() }; return value }
}
