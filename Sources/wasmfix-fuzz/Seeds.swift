import WasmfixCore
import Foundation

/// The seed corpus: every file of the test fixtures that one of the run's kinds reads, with the
/// first byte that makes the fuzzer scan it as that kind. Written at each `make fuzz` into a
/// scratch folder (never committed): it follows the fixtures and this table as they change.
enum Seeds {
  /// Larger files are left out: libFuzzer's -max_len (scripts/fuzz.sh) would cut them anyway.
  static let maxSize = 16 << 10

  /// Returns how many seeds were written.
  static func write(from fixtures: String, to corpus: String, allowed: [FuzzInput.Kind]) throws -> Int {
    let files = FileManager.default
    try files.createDirectory(atPath: corpus, withIntermediateDirectories: true)
    guard let walk = files.enumerator(atPath: fixtures) else { throw SeedError("cannot read \(fixtures)") }
    var written = Set<String>()
    for case let relative as String in walk {
      guard let surface = SurfaceID(path: relative),
            let kind = allowed.first(where: { SurfaceID(path: $0.path) == surface }),
            let first = FuzzInput.firstByte(for: kind, allowed: allowed),
            let data = files.contents(atPath: fixtures + "/" + relative), data.count <= maxSize else { continue }
      let seed = [first] + [UInt8](data)
      // Named by content, so the before/ and after/ copies of an unchanged file are one seed.
      let name = String(ContentHash.of(seed), radix: 16)
      guard written.insert(name).inserted else { continue }
      try Data(seed).write(to: URL(fileURLWithPath: corpus + "/" + name))
    }
    return written.count
  }

  struct SeedError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }
}
