import Foundation
import Testing
@testable import WasmfixSurfaces
@testable import WasmfixWorkspace

/// A skipped file's first setting name (WF010): found in the bytes that were read, and in a
/// file over `--max-file-size` a chunk at a time, with the name split across two reads.
@Suite("Setting mentions in skipped files") struct SettingMentionTests {
  func mention(in contents: [UInt8], maxFileSize: Int = Int.max) throws -> (FileOutcome, SettingMention?) {
    let path = NSTemporaryDirectory() + "wasmfix-mention-\(UUID().uuidString).rs"
    try Data(contents).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let surface = try #require(Surfaces.surface(.rust))
    let result = FileScanner(maxFileSize: maxFileSize).scan(WalkedFile(absolutePath: path, relativePath: "f.rs"), surface: surface)
    if case let .skipped(_, mention) = result.outcome { return (result.outcome, mention) }
    return (result.outcome, nil)
  }

  @Test func binaryFileNamesItsFirstSetting() throws {
    let (outcome, found) = try mention(in: Array("fn f() {}\n\0\n  c.async_stack_size(1);\n".utf8))
    guard case .skipped = outcome else { Issue.record("not skipped: \(outcome)"); return }
    #expect(found == SettingMention(name: "async_stack_size", line: 3, column: 5))
  }

  @Test func binaryFileWithoutSettingsHasNoMention() throws {
    let (outcome, found) = try mention(in: Array("fn f() {}\n\0\n".utf8))
    guard case .noMatch = outcome else { Issue.record("expected no match: \(outcome)"); return }
    #expect(found == nil)
  }

  /// The name straddles the first 1 MiB read: the second read starts with the first one's
  /// last 64 bytes, so the name is whole there; lines and columns count across reads.
  @Test func largeFileIsSearchedAcrossChunkBoundaries() throws {
    let line = String(repeating: "x", count: 99) + "\n"  // 100 bytes
    var text = String(repeating: line, count: 10_485)  // 1,048,500 bytes
    text += String(repeating: " ", count: 60) + "config.max_wasm_stack(8 << 20);\n"  // name at 1,048,567
    let (outcome, found) = try mention(in: Array(text.utf8), maxFileSize: 4096)
    guard case let .skipped(entry, _) = outcome else { Issue.record("not skipped: \(outcome)"); return }
    #expect(entry.reason.contains("--max-file-size"))
    #expect(found == SettingMention(name: "max_wasm_stack", line: 10_486, column: 68))
  }

  @Test func largeFileWithoutSettingsHasNoMention() throws {
    let text = String(repeating: "let stack = 1;\n", count: 200_000)
    let (_, found) = try mention(in: Array(text.utf8), maxFileSize: 4096)
    #expect(found == nil)
  }
}
