import Foundation
import Testing
import WasmfixCore

/// What wasmfix does with links and read-only files (issue 10, items 1 and 8): links are not
/// followed unless asked (a file link is reported, a folder link not entered); with `--follow`
/// a file reached twice is scanned once and nothing outside the scanned root is ever written;
/// a read-only file is left alone with a message, its errors stay (exit 1).
@Suite struct SymlinkAndPermissionTests {
  static let violation = "fn f() { let mut config = Config::new(); config.async_support(true); config.max_wasm_stack(8 << 20); }\n"

  /// outside/v.rs, and repo/ with src/link.rs -> ../../outside/v.rs, linked -> ../outside, src/ro.rs (0444).
  func makeTree() throws -> (base: URL, repo: URL) {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-links-\(UUID().uuidString)")
    let repo = base.appendingPathComponent("repo")
    try FileManager.default.createDirectory(at: base.appendingPathComponent("outside"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: repo.appendingPathComponent("src"), withIntermediateDirectories: true)
    try Data(Self.violation.utf8).write(to: base.appendingPathComponent("outside/v.rs"))
    try Data("25.0.0\n".utf8).write(to: repo.appendingPathComponent("wasmtime-version.txt"))
    try FileManager.default.createSymbolicLink(atPath: repo.appendingPathComponent("src/link.rs").path, withDestinationPath: "../../outside/v.rs")
    try FileManager.default.createSymbolicLink(atPath: repo.appendingPathComponent("linked").path, withDestinationPath: "../outside")
    let readOnly = repo.appendingPathComponent("src/ro.rs")
    try Data(Self.violation.utf8).write(to: readOnly)
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readOnly.path)
    return (base, repo)
  }

  @Test func linksAreNotFollowedByDefaultAndReadOnlyFilesStayUntouched() throws {
    let (base, repo) = try makeTree()
    defer { try? FileManager.default.removeItem(at: base) }
    let output = try WasmfixBinary.run(["scan", ".", "--write"], in: repo)
    #expect(output.status == 1, "\(output.stdout)\(output.stderr)")
    #expect(output.stderr.contains("src/link.rs: symbolic link, not followed"))
    #expect(!output.stdout.contains("linked/"))
    #expect(output.stderr.contains("src/ro.rs: read-only; not written"))
    #expect(try String(contentsOf: repo.appendingPathComponent("src/ro.rs"), encoding: .utf8) == Self.violation)
    let mode = try FileManager.default.attributesOfItem(atPath: repo.appendingPathComponent("src/ro.rs").path)[.posixPermissions] as? Int
    #expect(mode == 0o444)
  }

  @Test func followedLinksAreScannedOnceAndNeverWrittenOutsideTheRoot() throws {
    let (base, repo) = try makeTree()
    defer { try? FileManager.default.removeItem(at: base) }
    let scan = try WasmfixBinary.run(["scan", ".", "--follow", "--format", "json"], in: repo)
    let report = try JSONDecoder().decode(JSONReport.self, from: Data(scan.stdout.utf8))
    // outside/v.rs is reached as linked/v.rs and src/link.rs: one file, plus src/ro.rs.
    #expect(report.summary.files_scanned == 2, "\(scan.stdout)")
    let write = try WasmfixBinary.run(["scan", ".", "--follow", "--write"], in: repo)
    #expect(write.stderr.contains("resolves outside the scanned root"), "\(write.stderr)")
    #expect(try String(contentsOf: base.appendingPathComponent("outside/v.rs"), encoding: .utf8) == Self.violation)
    #expect(write.status == 1)
  }
}
