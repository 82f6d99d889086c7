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
