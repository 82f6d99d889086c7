import Foundation
import Testing
@testable import WasmfixCore
@testable import WasmfixAnalysis
@testable import WasmfixFixing
@testable import WasmfixReporting
@testable import WasmfixSurfaces
@testable import WasmfixWorkspace

/// Issue 10, memory that does not grow with the tree: what a scan keeps per file with sites,
/// and what the report is rendered without.
@Suite struct ScanMemoryTests {
  /// A multi-byte scalar before the call on its line: scalar and byte columns differ.
  static let engine = """
    use wasmtime::{Config, Engine};

    fn make_engine() -> Engine {
        let mut config = Config::new();
        config.async_support(true);
        /* é */ config.max_wasm_stack(8 << 20);
        Engine::new(&config).unwrap()
    }

    """

  @Test func aFileWithSitesKeepsTheirPositionsNotItsText() throws {
    let path = NSTemporaryDirectory() + "wasmfix-memory-\(UUID().uuidString).rs"
    try Self.engine.write(toFile: path, atomically: false, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let surface = try #require(Surfaces.surface(forPath: path))
    guard case let .scanned(scan) = FileScanner().scan(WalkedFile(absolutePath: path, relativePath: "engine.rs"), surface: surface).outcome
    else { Issue.record("not scanned"); return }
    #expect(scan.sites.count == 2)
    #expect(scan.source.bytes.isEmpty && scan.source.lineStarts.count <= 1)
    #expect(scan.positions.count == scan.sites.count)
    let stack = try #require(scan.sites.indices.first { scan.sites[$0].setting == .maxWasmStack })
    let position = scan.positions[stack]
    #expect(position.line == 6)
    // `    /* é */ config.` is 19 scalars and 20 bytes.
    #expect(position.column == 20 && position.byteColumn == 21)
    #expect(position.end?.line == 6 && position.end?.column == 20 + "max_wasm_stack".count)
  }

  @Test func lineStartsAreFourBytesALine() {
    let source = SourceText(bytes: Array("a\r\nbé\n\nlast".utf8))
    #expect(Array(source.lineStarts) == [0, 3, 7, 8])
    #expect(source.lineStarts.entrySize == 4)
    #expect(source.position(of: 9) == (4, 2))
    #expect(source.lineRange(containing: 1) == 0..<1)
    #expect(Array(SourceText(bytes: []).lineStarts) == [0])
  }

  @Test func releasingTheFixStateKeepsWhatReportsRead() throws {
    let root = NSTemporaryDirectory() + "wasmfix-memory-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: root + "/src", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    try Self.engine.write(toFile: root + "/src/engine.rs", atomically: false, encoding: .utf8)
    try "pub const UNUSED: usize = 1;\n".write(toFile: root + "/src/limits.rs", atomically: false, encoding: .utf8)
    var options = ScanOptions()
    options.paths = [root]
    options.root = root
    var result = try Scanner(options: options).scan()
    let fixes = Fixer(result: result, options: FixOptions(unsafeFixes: true)).prepare().fixes
    #expect(!result.sitedScans.isEmpty && result.candidates.count > 0 && result.constants != nil)
    let before = (JSONReport(result, fixes: fixes).rendered(), SARIFReport.render(result, fixes: fixes))
    result.releaseFixState()
    #expect(result.sitedScans.isEmpty && result.candidates.count == 0 && result.constants == nil)
    #expect(JSONReport(result, fixes: fixes).rendered() == before.0)
    #expect(SARIFReport.render(result, fixes: fixes) == before.1)
    // SARIF's region ends come from the scan, not from a text kept for the report.
    #expect(before.1.contains("\"endColumn\" : 34"))
    // Written as rendered, in pieces of about the size asked for: the same bytes.
    var pieces: [[UInt8]] = []
    JSONReport(result, fixes: fixes).write(piece: 512) { pieces.append($0) }
    #expect(pieces.count > 3)
    #expect(pieces.dropLast().allSatisfy { $0.count >= 512 && $0.count < 4096 })
    #expect(String(decoding: pieces.joined(), as: UTF8.self) == before.0)
  }
}
