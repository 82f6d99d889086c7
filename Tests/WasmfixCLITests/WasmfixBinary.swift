import Foundation
import Synchronization

/// The package's paths, found from this file's location (tests run from anywhere).
enum PackagePaths {
  static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let fixtures = root.appendingPathComponent("Tests/Fixtures")
  static let examples = root.appendingPathComponent("examples")
}

/// Runs the built `wasmfix` executable and captures what a user would see.
enum WasmfixBinary {
  struct Output {
    var status: Int32; var stdout: String; var stderr: String
    /// stdout as printed: a `--diff` carries a file's bytes as they are, invalid UTF-8 included,
    /// which `stdout` (decoded) shows as U+FFFD.
    var stdoutBytes = Data()
  }

  static var path: String {
    if let explicit = ProcessInfo.processInfo.environment["WASMFIX_BIN"] { return explicit }
    // The test bundle sits next to the products in the build folder.
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("wasmfix").path
    if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
    return PackagePaths.root.appendingPathComponent(".build/debug/wasmfix").path
  }

  static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Output {
    try ProcessRunner.run(path, arguments, in: directory, environment: ["NO_COLOR": "1"].merging(environment) { $1 })
  }
}

/// Runs a program (the binary, git, python3) and captures stdout and stderr separately.
enum ProcessRunner {
  /// Filled by the reading thread before the group is left; read after the wait.
  private final class Box: Sendable { let data = Mutex(Data()) }

  static func run(_ executable: String, _ arguments: [String], in directory: URL,
                  environment: [String: String] = [:]) throws -> WasmfixBinary.Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting so a large report cannot block the child.
    let stderr = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      let data = err.fileHandleForReading.readDataToEndOfFile()
      stderr.data.withLock { $0 = data }
      group.leave()
    }
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return .init(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                 stderr: String(decoding: stderr.data.withLock { $0 }, as: UTF8.self), stdoutBytes: stdoutData)
  }
}

/// A fresh temporary copy of a tree, so tests never touch the repository's files.
func temporaryCopy(of source: URL) throws -> URL {
  let destination = FileManager.default.temporaryDirectory
    .appendingPathComponent("wasmfix-test-\(UUID().uuidString)")
  try FileManager.default.copyItem(at: source, to: destination)
  return destination
}

/// A scratch tree of files under the temporary folder, for a test to scan (the caller removes it).
enum TemporaryTree {
  static func make(_ files: [String: String], prefix: String = "wasmfix-test") throws -> URL {
    try make(bytes: files.mapValues { Array($0.utf8) }, prefix: prefix)
  }

  static func make(bytes files: [String: [UInt8]], prefix: String = "wasmfix-test") throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for (path, contents) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(contents).write(to: url)
    }
    return root
  }
}
