import CScan

/// The byte-level test that keeps most files from ever being decoded or parsed: does the file
/// contain one of a language's setting names? Names that share a stem are found with one
/// search for the stem and a check of what follows (`async_s` + `tack_size` / `upport`), so a
/// file is searched once per stem rather than once per name.
enum Prefilter {
  struct Pattern {
    let stem: [UInt8]
    /// What may follow the stem; empty when the stem alone is a name.
    let continuations: [[UInt8]]

    init(_ stem: String, _ continuations: [String] = []) {
      self.stem = Array(stem.utf8)
      self.continuations = continuations.map { Array($0.utf8) }
    }

    func matches(at offset: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
      guard !continuations.isEmpty else { return true }
      let start = offset + stem.count
      return continuations.contains { tail in
        start + tail.count <= bytes.count && tail.indices.allSatisfy { bytes[start + $0] == tail[$0] }
      }
    }
  }

  static let patterns: [SourceLanguage: [Pattern]] = [
    .rust: [Pattern("max_wasm_stack"), Pattern("async_s", ["tack_size", "upport"])],
    // One stem for all three C setters; the parse decides which call it is.
    .c: [Pattern("wasmtime_config_")],
    .cpp: [Pattern("wasmtime_config_")],
    .csharp: [Pattern("WithMax", ["imumStackSize", "WasmStack"]), Pattern("WithAsync")],
  ]

  /// One search per language for the stems and the definition keywords together: the
  /// stems come first (indexes `0..<stems.count`), then `DefinitionScan.keywords`.
  struct LanguageSearch {
    let stems: [Pattern]
    let search: MultiSearch

    init(_ language: SourceLanguage) {
      stems = patterns[language] ?? []
      search = MultiSearch(stems.map(\.stem) + (DefinitionScan.keywords[language] ?? []).map { Array($0.literal.utf8) })
    }
  }

  // Looked up by a switch, not a dictionary: the scan asks once per file of the tree.
  private static let rust = LanguageSearch(.rust)
  private static let c = LanguageSearch(.c)
  private static let cpp = LanguageSearch(.cpp)
  private static let csharp = LanguageSearch(.csharp)

  static func search(for language: SourceLanguage) -> LanguageSearch {
    switch language {
    case .rust: return rust
    case .c: return c
    case .cpp: return cpp
    case .csharp: return csharp
    }
  }

  /// What one pass over a file tells: verified setting hits and definition-keyword hits.
  struct FileHits {
    var settings: [Int] = []
    var keywords: [(keyword: Int, offset: Int)] = []
  }

  static func scan(_ language: SourceLanguage, _ bytes: UnsafeRawBufferPointer, scratch: inout [wf_hit]) -> FileHits {
    let table = search(for: language)
    let stems = table.stems
    var result = FileHits()
    for hit in table.search.hits(in: bytes, scratch: &scratch) {
      if hit.literal < stems.count {
        if stems[hit.literal].matches(at: hit.offset, in: bytes) { result.settings.append(hit.offset) }
      } else {
        result.keywords.append((hit.literal - stems.count, hit.offset))
      }
    }
    return result
  }
}
