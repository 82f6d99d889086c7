/// The byte-level test that keeps most files from ever being decoded or parsed: does the
/// file contain any of a language's setting names?
enum Prefilter {
  static func matches(_ language: SourceLanguage, in bytes: UnsafeRawBufferPointer) -> Bool {
    (LanguageRegistry.needleBytes[language] ?? []).contains { ByteSearch.contains($0, in: bytes) }
  }
}
