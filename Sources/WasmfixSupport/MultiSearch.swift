import CScan

/// Several literals found in one SIMD pass over a buffer (see `CScan`), instead of one
/// `memmem` pass per literal.
/// `@unchecked Sendable`: `needles` is written only in `init` and then only read (workers
/// share one search), which the compiler cannot see through a pointer.
package final class MultiSearch: @unchecked Sendable {
  private let needles: UnsafeMutableBufferPointer<wf_needle>

  package init(_ literals: [[UInt8]]) {
    precondition(literals.count <= 16 && literals.allSatisfy { $0.count >= 2 && $0.count <= 32 })
    needles = .allocate(capacity: literals.count)
    for (i, literal) in literals.enumerated() {
      let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: literal.count)
      bytes.initialize(from: literal, count: literal.count)
      needles[i] = wf_needle(bytes: bytes, length: UInt32(literal.count), middle: 0)
      wf_prepare_needle(&needles[i])
    }
  }

  deinit {
    for needle in needles { UnsafeMutablePointer(mutating: needle.bytes)?.deallocate() }
    needles.deallocate()
  }

  /// Calls `body` with every (literal index, offset) in offset order, without building an
  /// array of them: the prefilter's keywords hit thousands of times per file in large trees.
  package func forEachHit(in bytes: UnsafeRawBufferPointer, scratch: inout [wf_hit], _ body: (Int, Int) -> Void) {
    guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), !bytes.isEmpty else { return }
    if scratch.isEmpty { scratch = Array(repeating: wf_hit(), count: 256) }
    while true {
      let found = scratch.withUnsafeMutableBufferPointer { buffer in
        wf_find_all(base, bytes.count, UnsafePointer(needles.baseAddress), needles.count, buffer.baseAddress, buffer.count)
      }
      if found > scratch.count {
        scratch = Array(repeating: wf_hit(), count: found)
        continue
      }
      scratch.withUnsafeMutableBufferPointer { buffer in
        var hits = UnsafeMutableBufferPointer(rebasing: buffer[0..<found])
        // Teddy reports in offset order already; the three-compare filter, per needle per block.
        var sorted = true
        var previous: UInt64 = 0
        for hit in hits {
          if hit.offset < previous { sorted = false; break }
          previous = hit.offset
        }
        if !sorted { hits.sort { ($0.offset, $0.needle) < ($1.offset, $1.needle) } }
        for hit in hits { body(Int(hit.needle), Int(hit.offset)) }
      }
      return
    }
  }

  func hits(in bytes: UnsafeRawBufferPointer) -> [(literal: Int, offset: Int)] {
    var scratch: [wf_hit] = []
    var found: [(literal: Int, offset: Int)] = []
    forEachHit(in: bytes, scratch: &scratch) { found.append((literal: $0, offset: $1)) }
    return found
  }
}
