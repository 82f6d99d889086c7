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

  /// The hand-written validator agrees with the standard library's decoder (validity and the
  /// offset of the first bad sequence) on random mixes of ASCII, multi-byte characters and
  /// the byte patterns UTF-8 forbids (overlongs, surrogates, > U+10FFFF, stray continuations,
  /// truncated sequences), at every position relative to the 8-byte fast path.
  @Test func agreesWithTheStandardLibraryDecoder() {
    let pieces: [[UInt8]] = [
      Array("abcdefgh".utf8), Array("x".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8),
      [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80],
      [0x80], [0xBF], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC2], [0xEF, 0xBF, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF],
    ]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<3000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0...12, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
      var expected: Int? = nil
      var offset = 0
      var iterator = bytes.makeIterator()
      var decoder = UTF8()
      decoding: while true {
        switch decoder.decode(&iterator) {
        case let .scalarValue(scalar): offset += UTF8.width(scalar)
        case .emptyInput: break decoding
        case .error: expected = offset; break decoding
        }
      }
      #expect(FileScanner.invalidUTF8Offset(bytes) == expected, "\(bytes)")
    }
  }
}
