import WasmfixWorkspace
import CScan
import Foundation
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What scanning one file produced.
package enum FileOutcome {
  /// The prefilter found no setting name: the file was never decoded or parsed.
  case noMatch
  case skipped(SkippedFile)
  case scanned(FileScan)
}

/// The sites of one parsed file, plus what later stages need without re-reading it.
/// A file's outcome plus the constant names it may define (for the constant index).
package struct FileResult {
  package var outcome: FileOutcome
  package var definedNames: [UInt64]

  package init(outcome: FileOutcome, definedNames: [UInt64]) {
    self.outcome = outcome
    self.definedNames = definedNames
  }
}

package struct FileScan {
  package var sites: [ExtractedSite]
  package var source: SourceText
  /// Per site: the documenting comment or an assertion of the invariant is near it.
  package var documented: [Bool]
}

/// Scans one file: prefilter on raw bytes, then decode checks, parse and site extraction.
/// One instance per worker thread (it owns tree-sitter parsers, which are not thread-safe).
package final class FileScanner {
  /// This worker's tree-sitter parsers, one per surface.
  package let parsers = ParserCache()
  /// Overrides file contents by absolute path (a fix re-scans its edits before writing them).
  let overlay: [String: [UInt8]]

  package init(overlay: [String: [UInt8]] = [:], maxFileSize: Int = Int.max) {
    self.overlay = overlay
    reader = FileReader(maxSize: maxFileSize)
  }

  package static let utf8BOM = TreeSitterParsing.utf8BOM

  private let reader: FileReader
  /// This worker's buffer for the SIMD search's hits.
  private var hitScratch: [wf_hit] = []

  package func scan(_ file: WalkedFile, surface: Surface) -> FileResult {
    let bytes: [UInt8]
    let settings: [Int]
    var definedNames: [UInt64] = []
    if let replaced = overlay[file.absolutePath] {
      bytes = replaced
      let hits = bytes.withUnsafeBytes { Prefilter.scan(surface.search, $0, scratch: &hitScratch) }
      definedNames = bytes.withUnsafeBytes { DefinitionScan.candidateNames(in: $0, surface: surface, hits: hits.keywords) }
      settings = hits.settings
      guard !settings.isEmpty else { return FileResult(outcome: .noMatch, definedNames: definedNames) }
    } else {
      switch reader.read(file.absolutePath) {
      case let .failure(reason):
        return FileResult(outcome: .skipped(SkippedFile(path: file.relativePath, reason: reason.description)), definedNames: [])
      case let .success(contents):
        let hits = Prefilter.scan(surface.search, contents, scratch: &hitScratch)
        definedNames = DefinitionScan.candidateNames(in: contents, surface: surface, hits: hits.keywords)
        settings = hits.settings
        guard !settings.isEmpty else { return FileResult(outcome: .noMatch, definedNames: definedNames) }
        bytes = [UInt8](contents)
      }
    }
    return FileResult(outcome: examine(bytes, hits: settings, file: file, surface: surface), definedNames: definedNames)
  }

  private func examine(_ bytes: [UInt8], hits: [Int], file: WalkedFile, surface: Surface) -> FileOutcome {
    if bytes.prefix(8192).contains(0) { return .skipped(SkippedFile(path: file.relativePath, reason: "binary file (contains NUL bytes)")) }
    if let offset = Self.invalidUTF8Offset(bytes) {
      return .skipped(SkippedFile(path: file.relativePath, reason: "invalid UTF-8 at byte \(offset)"))
    }
    switch surface.extract(bytes, hits: hits, path: file.relativePath, parsers: parsers) {
    case let .scanned(scan): return .scanned(scan)
    case let .unparsable(reason): return .skipped(SkippedFile(path: file.relativePath, reason: reason))
    }
  }

  static func invalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    // Source is mostly ASCII: skip 8 bytes at a time while no byte has its high bit set.
    var start = 0
    bytes.withUnsafeBytes { raw in
      while start + 8 <= raw.count, raw.loadUnaligned(fromByteOffset: start, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
        start += 8
      }
    }
    var offset = start
    var iterator = bytes[start...].makeIterator()
    var decoder = UTF8()
    while true {
      let before = offset
      switch decoder.decode(&iterator) {
      case let .scalarValue(scalar): offset += UTF8.width(scalar)
      case .emptyInput: return nil
      case .error: return before
      }
    }
  }
}
