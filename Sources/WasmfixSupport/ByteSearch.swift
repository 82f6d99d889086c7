#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

import CScan

/// memmem-based search on raw bytes: the prefilter runs before any decoding or parsing.
package enum ByteSearch {
  package static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
    haystack.withUnsafeBytes { occurrences(of: needle, in: $0) }
  }

  package static func occurrences(of needle: [UInt8], in buffer: UnsafeRawBufferPointer) -> [Int] {
    do {
      guard let base = buffer.baseAddress, !needle.isEmpty else { return [] }
      var result: [Int] = []
      var offset = 0
      needle.withUnsafeBytes { n in
        while offset + needle.count <= buffer.count,
              let hit = wf_memmem(base + offset, buffer.count - offset, n.baseAddress, needle.count) {
          let position = base.distance(to: UnsafeRawPointer(hit))
          result.append(position)
          offset = position + 1
        }
      }
      return result
    }
  }
}
