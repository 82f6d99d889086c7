import Testing
@testable import WasmfixCore
@testable import WasmfixSupport
@testable import WasmfixWorkspace
@testable import WasmfixSurfaces
@testable import WasmfixEvaluation
@testable import WasmfixAnalysis
@testable import WasmfixFixing
@testable import WasmfixReporting

/// The UTF-8 check skips ASCII 8 bytes at a time: the offset it reports must be the first
/// invalid byte wherever it falls relative to those words.
@Suite struct FileScannerTests {
  @Test func reportsTheFirstInvalidByteAtEveryAlignment() {
    for prefix in 0..<20 {
      var bytes = Array(String(repeating: "a", count: prefix).utf8)
      #expect(FileScanner.invalidUTF8Offset(bytes) == nil)
      bytes += Array("é€😀".utf8)            // valid multi-byte characters first
      let bad = bytes.count
      bytes += [0xC3, 0x28] + Array("tail".utf8)   // 0xC3 needs a continuation byte
      #expect(FileScanner.invalidUTF8Offset(bytes) == bad, "prefix \(prefix)")
    }
    #expect(FileScanner.invalidUTF8Offset([]) == nil)
    #expect(FileScanner.invalidUTF8Offset(Array("12345678é".utf8)) == nil)
    #expect(FileScanner.invalidUTF8Offset(Array("12345678".utf8) + [0xFF]) == 8)
  }
}
