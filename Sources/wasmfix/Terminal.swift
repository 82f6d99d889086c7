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
}
