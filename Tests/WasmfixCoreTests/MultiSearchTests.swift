import CScan
import Testing
@testable import WasmfixCore
@testable import WasmfixSupport
@testable import WasmfixWorkspace
@testable import WasmfixSurfaces
@testable import WasmfixEvaluation
@testable import WasmfixAnalysis
@testable import WasmfixFixing
@testable import WasmfixReporting

/// The one-pass SIMD search decides which files are read further: it must find exactly what
/// a naive search finds, at every alignment, including at the very end of the buffer.
@Suite(.serialized) struct MultiSearchTests {
  func naive(_ literals: [[UInt8]], _ bytes: [UInt8]) -> [(Int, Int)] {
    var result: [(Int, Int)] = []
    for offset in bytes.indices {
      for (i, literal) in literals.enumerated()
      where offset + literal.count <= bytes.count && Array(bytes[offset..<(offset + literal.count)]) == literal {
        result.append((i, offset))
      }
    }
    return result.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
  }

  /// Every code path: scalar, SSE2, Teddy and the AVX2 three-compare filter where the machine
  /// has AVX2 (levels run one at a time: the level is global to the process).
  @Test func matchesANaiveSearchOnRandomTextAtEverySIMDLevel() {
    defer { wf_set_simd_level(-1) }
    for level: Int32 in [0, 1, 2, 3] {
      wf_set_simd_level(level)
      checkAgainstNaive()
    }
  }

  func checkAgainstNaive() {
    // 1 to 4 needles take copies specialised for their count; 5 takes the generic one; Teddy
    // takes up to 8 needles of 3 bytes or more (9 and the 2-byte `ab` fall back).
    let all = ["max_wasm_stack", "async_s", "const ", "static ", "ab"].map { Array($0.utf8) }
    for count in 1...all.count { checkAgainstNaive(Array(all.prefix(count))) }
    let many = ["define", "const", "enum", "constexpr", "operator\"\"", "wasmtime_config_", "max_wasm_stack", "stat", "tic"]
      .map { Array($0.utf8) }
    for count in 3...many.count { checkAgainstNaive(Array(many.prefix(count))) }
  }

  func checkAgainstNaive(_ literals: [[UInt8]], alphabet: [UInt8] = Array("abcdefnostx_ mwk".utf8)) {
    let search = MultiSearch(literals)
    var generator = SystemRandomNumberGenerator()
    for length in [0, 1, 5, 31, 32, 33, 63, 64, 65, 200, 1000] {
      for _ in 0..<20 {
        var bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
        // Plant whole literals at random places, including the very end.
        for literal in literals where length >= literal.count && Bool.random() {
          let at = Bool.random() ? length - literal.count : Int.random(in: 0...(length - literal.count))
          bytes.replaceSubrange(at..<(at + literal.count), with: literal)
        }
        let found = bytes.withUnsafeBytes { search.hits(in: $0) }.map { ($0.literal, $0.offset) }
          .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        let expected = naive(literals, bytes)
        #expect(found.map(\.0) == expected.map(\.0) && found.map(\.1) == expected.map(\.1), "length \(length), \(literals.count) needles")
      }
    }
  }

  /// The filter's middle byte is the needle's rarest inner byte, not its second: `struct `
  /// must not pass for `static ` (a candidate costs a byte-by-byte check).
  @Test func theMiddleByteIsTheRarest() {
    func middle(_ literal: String) -> UInt32 {
      let bytes = Array(literal.utf8)
      return bytes.withUnsafeBufferPointer { buffer in
        var needle = wf_needle(bytes: buffer.baseAddress, length: UInt32(bytes.count), middle: 0)
        wf_prepare_needle(&needle)
        return needle.middle
      }
    }
    #expect(middle("static ") == 5)   // `c`, where `struct ` has `t`
    #expect(middle("ab") == 1)        // no inner byte: the last
    #expect(middle("const ") == 2)    // `n`: rarer in code than `o`, `s` and `t`
  }

  /// Teddy skips masking the low nibble when the needles' fingerprint bytes are ASCII (a byte
  /// with bit 7 set then looks up nothing): text with such bytes, whose low nibbles equal the
  /// needles' (`á` is C3 A1, `a` is 61), must not match, and a needle with non-ASCII bytes
  /// takes the masked lookup and is still found.
  @Test func nonASCIIBytesAtEverySIMDLevel() {
    defer { wf_set_simd_level(-1) }
    let alphabet = Array("acnost _".utf8) + [0xC3, 0xA1, 0xE3, 0xEE, 0xF4, 0xE1, 0x80, 0xFF]
    for level: Int32 in [0, 1, 2, 3] {
      wf_set_simd_level(level)
      checkAgainstNaive(["const ", "static ", "wasmfix:"].map { Array($0.utf8) }, alphabet: alphabet)
      checkAgainstNaive(["cá", "\u{E1}ct", "const ", "aé\u{FF}"].map { Array($0.utf8) }, alphabet: alphabet)
    }
  }

  @Test func manyHitsGrowTheBuffer() {
    let bytes = Array(String(repeating: "const ", count: 500).utf8)
    let hits = bytes.withUnsafeBytes { MultiSearch([Array("const ".utf8)]).hits(in: $0) }
    #expect(hits.count == 500)
  }
}
