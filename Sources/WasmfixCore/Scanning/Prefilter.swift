/// The byte-level test that keeps most files from ever being decoded or parsed: does the
/// file contain any of a language's setting names?
enum Prefilter {
  static func matches(_ needles: [String], in bytes: UnsafeRawBufferPointer) -> Bool {
    needles.contains { ByteSearch.contains(Array($0.utf8), in: bytes) }
  }
}
