import CScan

/// Several literals found in one SIMD pass over a buffer (see `CScan`), instead of one
/// `memmem` pass per literal.
final class MultiSearch: @unchecked Sendable {
  private let storage: [[UInt8]]
  private let needles: UnsafeMutableBufferPointer<wf_needle>

  init(_ literals: [[UInt8]]) {
    precondition(literals.count <= 16 && literals.allSatisfy { $0.count >= 2 && $0.count <= 32 })
    storage = literals
    needles = .allocate(capacity: literals.count)
    for (i, literal) in literals.enumerated() {
      let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: literal.count)
      bytes.initialize(from: literal, count: literal.count)
      needles[i] = wf_needle(bytes: bytes, length: UInt32(literal.count))
    }
  }

  deinit {
    for needle in needles { UnsafeMutablePointer(mutating: needle.bytes)?.deallocate() }
    needles.deallocate()
  }

  var literals: [[UInt8]] { storage }

  /// Every (literal index, offset) in `bytes`, sorted by offset.
  func hits(in bytes: UnsafeRawBufferPointer) -> [(literal: Int, offset: Int)] {
    guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), !bytes.isEmpty else { return [] }
    var capacity = 64
    while true {
      let buffer = UnsafeMutableBufferPointer<wf_hit>.allocate(capacity: capacity)
      defer { buffer.deallocate() }
      let found = wf_find_all(base, bytes.count, UnsafePointer(needles.baseAddress), needles.count, buffer.baseAddress, capacity)
      if found <= capacity {
        return buffer.prefix(found).map { (Int($0.needle), Int($0.offset)) }.sorted { $0.offset < $1.offset }
      }
      capacity = found
    }
  }
}
