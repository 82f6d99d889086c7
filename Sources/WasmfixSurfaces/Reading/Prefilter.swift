import WasmfixWorkspace
import CScan

/// The byte-level test that keeps most files from ever being decoded or parsed: does the file
/// contain one of a surface's setting names? Names that share a stem are found with one
/// search for the stem and a check of what follows (`async_s` + `tack_size` / `upport`), so a
/// file is searched once per stem rather than once per name.
package enum Prefilter {
  struct Pattern: Sendable {
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

  /// One search per surface for the stems, the definition keywords and the suppression
  /// marker together: the stems come first (indexes `0..<stems.count`), then the surface's
  /// definition keywords, then `wasmfix:`.
  package struct SurfaceSearch: Sendable {
    let stems: [Pattern]
    let keywords: [DefinitionScan.Keyword]
    let search: MultiSearch

    init(stems: [Pattern], keywords: [DefinitionScan.Keyword]) {
      self.stems = stems
      self.keywords = keywords
      search = MultiSearch(stems.map(\.stem) + keywords.map(\.bytes) + [SuppressionComment.marker])
    }
  }

  /// What one pass over a file tells: verified setting hits and the names the file may define.
  struct FileHits {
    var settings: [Int] = []
    /// Hashes of the names read at the definition keywords (`DefinitionScan`), in offset order.
    var definedNames: [UInt64] = []
    /// Offsets of `wasmfix:` (suppression comments are read from these).
    var suppressionMarkers: [Int] = []
  }

  /// `language`: the surface's (the definition readers differ for Rust).
  static func scan(_ table: SurfaceSearch, _ bytes: UnsafeRawBufferPointer, language: SurfaceID, scratch: inout [wf_hit]) -> FileHits {
    var result = FileHits()
    guard let text = DefinitionScan.Text(bytes) else { return result }
    let stems = table.stems
    let keywords = table.keywords
    let rust = language == .rust
    // Keyword hits are read where they are found: a file has thousands in large trees, and a
    // list of them per file cost more than reading them.
    table.search.forEachHit(in: bytes, scratch: &scratch) { literal, offset in
      if literal < stems.count {
        if stems[literal].matches(at: offset, in: bytes) { result.settings.append(offset) }
      } else if literal - stems.count < keywords.count {
        DefinitionScan.read(keywords[literal - stems.count], at: offset, in: text, rust: rust, into: &result.definedNames)
      } else {
        result.suppressionMarkers.append(offset)
      }
    }
    return result
  }
}
