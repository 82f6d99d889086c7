import Foundation
import Testing

/// Issue 10, item 4: a fix that spans files is written whole or not at all. Here the fix
/// lowers a header's constant and pins the async stack in the `.c` file; when the header
/// cannot be written, the `.c` file was written anyway (half a fix on disk).
@Suite struct SpanningFixTests {
  static let runner = """
    #include "../include/max.h"
    static wasm_engine_t *make_engine(void) {
        wasm_config_t *cfg = wasm_config_new();
        wasmtime_config_async_support_set(cfg, true);
        wasmtime_config_max_wasm_stack_set(cfg, EMBED_WASM_STACK);
        return wasm_engine_new_with_config(cfg);
    }

    """
  static let header = "#define EMBED_WASM_STACK (6 * 1024 * 1024)\n"
  static let arguments = ["scan", ".", "--write", "--strategy", "lower-max", "--unsafe-fixes", "--format", "json"]

  static func tree() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-span-\(UUID().uuidString)")
    for folder in ["include", "src"] {
      try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    try Data("25.0.0\n".utf8).write(to: root.appendingPathComponent("wasmtime-version.txt"))
    try Data(header.utf8).write(to: root.appendingPathComponent("include/max.h"))
    try Data(runner.utf8).write(to: root.appendingPathComponent("src/runner.c"))
    return root
  }

  static func fixedCount(_ stdout: String) throws -> Int {
    let report = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
    return try #require(report["findings"] as? [[String: Any]]).filter { $0["fixed"] as? Bool == true }.count
  }

  @Test func theFixSpansBothFilesAndIsWrittenWhenBothCanBe() throws {
    let root = try Self.tree()
    defer { try? FileManager.default.removeItem(at: root) }
    let write = try WasmfixBinary.run(Self.arguments, in: root)
    #expect(write.status == 0, "\(write.stderr)")
    #expect(try String(contentsOf: root.appendingPathComponent("src/runner.c"), encoding: .utf8) != Self.runner)
    #expect(try String(contentsOf: root.appendingPathComponent("include/max.h"), encoding: .utf8) != Self.header)
  }

  /// A header that fails to be written (two hard links: a rename would split them) stops the
  /// `.c` file too: nothing written, every finding unfixed, exit 2 (a write asked for failed).
  @Test func aHeaderThatCannotBeWrittenKeepsTheWholeFixOffTheDisk() throws {
    let root = try Self.tree()
    defer { try? FileManager.default.removeItem(at: root) }
    // The second link's name is not a source file: as `max-copy.h` it defined EMBED_WASM_STACK a
    // second time, and the fix verification's second plan (a fix must be final) refused the
    // fix on that before the write could be tried.
    try FileManager.default.linkItem(at: root.appendingPathComponent("include/max.h"), to: root.appendingPathComponent("max-link.bak"))
    let write = try WasmfixBinary.run(Self.arguments, in: root)
    #expect(write.status == 2, "\(write.stderr)")
    #expect(write.stderr.contains("src/runner.c: not written: a fix also edits include/max.h, which cannot be written"), "\(write.stderr)")
    #expect(try String(contentsOf: root.appendingPathComponent("src/runner.c"), encoding: .utf8) == Self.runner)
    #expect(try String(contentsOf: root.appendingPathComponent("include/max.h"), encoding: .utf8) == Self.header)
    #expect(try Self.fixedCount(write.stdout) == 0)
  }

  /// A read-only header is left alone on purpose: the `.c` file is left alone with it, and
  /// the error that remains makes the exit 1.
  @Test func aReadOnlyHeaderKeepsTheWholeFixOffTheDisk() throws {
    let root = try Self.tree()
    defer { try? FileManager.default.removeItem(at: root) }
    let header = root.appendingPathComponent("include/max.h")
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: header.path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: header.path) }
    let write = try WasmfixBinary.run(Self.arguments, in: root)
    #expect(write.status == 1, "\(write.stderr)")
    #expect(write.stderr.contains("include/max.h: read-only; not written"), "\(write.stderr)")
    #expect(try String(contentsOf: root.appendingPathComponent("src/runner.c"), encoding: .utf8) == Self.runner)
    #expect(try Self.fixedCount(write.stdout) == 0)
  }
}
