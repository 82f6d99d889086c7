/// Hashes of bytes. `of`: whether a file changed between scan and write, computed for every
/// file with a setting, so it reads 8 bytes per step (a word-wise FNV variant with a final
/// mix; not stable across versions, only compared within one run). `fnv1a`: the classic
/// byte-wise FNV-1a, for values that are stored (fingerprints in a baseline file).
public enum ContentHash {
  public static func of(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBytes { raw -> UInt64 in
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(raw.count)
      var i = 0
      while i + 8 <= raw.count {
        hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01b3
        hash ^= hash >> 29
        i += 8
      }
      while i < raw.count {
        hash = (hash ^ UInt64(raw[i])) &* 0x100_0000_01b3
        i += 1
      }
      // Final avalanche (splitmix64's), so nearby inputs differ in every bit.
      hash ^= hash >> 31
      hash &*= 0x7fb5_d329_728e_a185
      hash ^= hash >> 27
      return hash
    }
  }

  public static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    bytes.withUnsafeBufferPointer { buffer in
      for byte in buffer {
        hash ^= UInt64(byte)
        hash &*= 0x100_0000_01b3
      }
    }
    return hash
  }
}
