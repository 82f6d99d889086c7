import Foundation
import Testing

/// Issue 10, item 6: a file with one Latin-1 byte was skipped whole, hiding its violation
/// (exit 0). It is scanned as bytes now: its findings count (exit 1), its columns count bytes
/// (and the warning says so), and no fix is written to it, since a diff of it would not apply.
@Suite struct EncodingTests {
  @Test func aLatin1FileIsScannedReportedAndNotRewritten() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-latin1-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("src"), withIntermediateDirectories: true)
    var bytes = Array("// Gr".utf8) + [0xF6, 0xDF] + Array("e des Stacks\nfn main() { let mut config = wasmtime::Config::new(); /* \u{00}".utf8).dropLast(1)
    bytes += [0xE9] + Array(" */ config.async_support(true); config.max_wasm_stack(8 << 20); }\n".utf8)
    let file = root.appendingPathComponent("src/main.rs")
    try Data(bytes).write(to: file)
    try Data("47.0.0\n".utf8).write(to: root.appendingPathComponent("wasmtime-version.txt"))

    let scan = try WasmfixBinary.run(["scan", ".", "--format", "json"], in: root)
    #expect(scan.status == 1, "\(scan.stderr)")
    #expect(scan.stderr.contains("src/main.rs: warning: not valid UTF-8 (byte 5); scanned as bytes, columns count bytes"), "\(scan.stderr)")
    let json = try #require(JSONSerialization.jsonObject(with: Data(scan.stdout.utf8)) as? [String: Any])
    let findings = try #require(json["findings"] as? [[String: Any]])
    let error = try #require(findings.first { $0["rule"] as? String == "WF001" })
    // `max_wasm_stack` starts at byte column 89 of line 2 (the 0xE9 byte counts as one column).
    let line2 = bytes.split(separator: 0x0A)[1]
    let expectedColumn = Array(line2).firstRange(of: Array("max_wasm_stack".utf8))!.lowerBound + 1
    #expect(error["column"] as? Int == expectedColumn)
    #expect((json["skipped"] as? [Any])?.isEmpty == true)

    let write = try WasmfixBinary.run(["scan", ".", "--write"], in: root)
    #expect(write.status == 1)
    #expect(write.stderr.contains("src/main.rs: not valid UTF-8 (byte 5); reported, not rewritten"), "\(write.stderr)")
    #expect(try Data(contentsOf: file) == Data(bytes))
  }
}

/// Issue 10, item 12: `--diff` printed a stray byte in a context line as U+FFFD, so the patch
/// did not apply. A header that is not UTF-8 and only defines the edited constant is fixed,
/// and its diff carries its bytes: `git apply` gives exactly what `--write` writes.
@Suite struct DiffBytesTests {
  @Test func aLatin1HeaderDefiningTheEditedConstantDiffsAndAppliesByteForByte() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-latin1-diff-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root.appendingPathComponent("include"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: root.appendingPathComponent("src"), withIntermediateDirectories: true)
    let header = Array("/* Gr".utf8) + [0xF6, 0xDF] + Array("e des Stacks */\n#define EMBED_WASM_STACK (6 * 1024 * 1024)\n#define EMBED_ASYNC_STACK (2 * 1024 * 1024)\n".utf8)
    try Data(header).write(to: root.appendingPathComponent("include/limits.h"))
    try Data("""
      #include "../include/limits.h"
      static wasm_engine_t *make_engine(void) {
          wasm_config_t *cfg = wasm_config_new();
          wasmtime_config_async_support_set(cfg, true);
          wasmtime_config_max_wasm_stack_set(cfg, EMBED_WASM_STACK);
          wasmtime_config_async_stack_size_set(cfg, EMBED_ASYNC_STACK);
          return wasm_engine_new_with_config(cfg);
      }

      """.utf8).write(to: root.appendingPathComponent("src/runner.c"))
    try Data("25.0.0\n".utf8).write(to: root.appendingPathComponent("wasmtime-version.txt"))
    _ = try ProcessRunner.run("/usr/bin/env", ["git", "init", "-q", "."], in: root)

    let diff = try WasmfixBinary.run(["scan", ".", "--diff", "--output-file", "fix.diff"], in: root)
    #expect(diff.status == 1, "\(diff.stderr)")
    let patch = try Data(contentsOf: root.appendingPathComponent("fix.diff"))
    #expect(patch.firstRange(of: Data([0x20] + header[0..<23])) != nil, "the context line keeps 0xF6 0xDF")
    let copy = try temporaryCopy(of: root)
    defer { try? FileManager.default.removeItem(at: copy) }
    let apply = try ProcessRunner.run("/usr/bin/env", ["git", "apply", "fix.diff"], in: copy)
    #expect(apply.status == 0, "git apply: \(apply.stderr)")

    let write = try WasmfixBinary.run(["scan", ".", "--write"], in: root)
    #expect(write.status == 0, "\(write.stderr)")
    let written = try Data(contentsOf: root.appendingPathComponent("include/limits.h"))
    #expect(written.starts(with: header[0..<23]))
    #expect(written.count > header.count)
    #expect(try Data(contentsOf: copy.appendingPathComponent("include/limits.h")) == written)
  }
}

/// Issue 10, item 6: a UTF-16 file was counted as scanned and found nothing (every setting name
/// is split by zero bytes there). With a byte-order mark it is decoded and scanned; its
/// findings count, its lines and columns are those of the text (Unicode scalars, as in UTF-8
/// files), and it is never rewritten, with the reason on the finding.
@Suite struct UTF16Tests {
  @Test(arguments: ["UTF-16LE", "UTF-16BE"])
  func aUTF16FileWithABOMIsScannedReportedAndNotRewritten(encoding: String) throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-utf16-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root.appendingPathComponent("src"), withIntermediateDirectories: true)
    try Data("25.0.0\n".utf8).write(to: root.appendingPathComponent("wasmtime-version.txt"))
    let text = "// Größe des Stacks\nfn main() { let mut config = wasmtime::Config::new(); config.async_support(true); config.max_wasm_stack(8 << 20); }\n"
    let units = Array(text.utf16)
    let bytes: [UInt8] = encoding == "UTF-16LE"
      ? [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
      : [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    let file = root.appendingPathComponent("src/main.rs")
    try Data(bytes).write(to: file)

    let scan = try WasmfixBinary.run(["scan", ".", "--format", "json"], in: root)
    #expect(scan.status == 1, "\(scan.stderr)")
    #expect(scan.stderr.contains("src/main.rs: warning: \(encoding) with a byte-order mark; scanned as its UTF-8 decoding"), "\(scan.stderr)")
    let json = try #require(JSONSerialization.jsonObject(with: Data(scan.stdout.utf8)) as? [String: Any])
    let findings = try #require(json["findings"] as? [[String: Any]])
    let error = try #require(findings.first { $0["rule"] as? String == "WF001" })
    let line2 = text.split(separator: "\n")[1]
    #expect(error["line"] as? Int == 2)
    #expect(error["column"] as? Int == line2.distance(from: line2.startIndex, to: line2.range(of: "max_wasm_stack")!.lowerBound) + 1)

    let write = try WasmfixBinary.run(["scan", ".", "--write"], in: root)
    #expect(write.status == 1)
    #expect(write.stdout.contains("[not fixed: src/main.rs: \(encoding) with a byte-order mark; reported, not rewritten"), "\(write.stdout)")
    #expect(try Data(contentsOf: file) == Data(bytes))
    let diff = try WasmfixBinary.run(["scan", ".", "--diff"], in: root)
    #expect(diff.stdout.isEmpty)
  }
}
