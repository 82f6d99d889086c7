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
  /// `mention`: the file's first setting name, when it has one (reported as WF010). Kept in
  /// this case rather than in `FileResult`: a field there cost every file ~300 instructions.
  case skipped(SkippedFile, mention: SettingMention? = nil)
  case scanned(FileScan)
}

/// The sites of one parsed file, plus what later stages need without re-reading it.
/// A file's outcome plus the constant names it may define (for the constant index).
package struct FileResult {
  package var outcome: FileOutcome
  package var definedNames: [UInt64]
  /// The file's `wasmfix: ignore` comments: kept for files without sites too (then unused).
  package var suppressions: [SuppressionComment]

  package init(outcome: FileOutcome, definedNames: [UInt64], suppressions: [SuppressionComment] = []) {
    self.outcome = outcome
    self.definedNames = definedNames
    self.suppressions = suppressions
  }
}

package struct FileScan {
  package var sites: [ExtractedSite]
  /// The text the sites were read from, until `FileScanner` has taken their `positions` from
  /// it; empty after that. The scan keeps no file's text: the files with sites (their text and
  /// line tables) were a large tree's peak memory, and a fix reads the files it edits again.
  package var source: SourceText
  /// Per site: where its setting's name is.
  package var positions: [SitePosition] = []
  /// Per site: the documenting comment or an assertion of the invariant is near it.
  package var documented: [Bool]
  /// The first byte that is not UTF-8, for a file scanned as bytes (a Latin-1 comment): its
  /// sites are reported with byte columns and never rewritten. nil for UTF-8 files.
  package var invalidUTF8Offset: Int? = nil
  /// "UTF-16LE" / "UTF-16BE" for a file with that BOM, scanned as its UTF-8 decoding and never
  /// rewritten (`TextEncoding`); nil for UTF-8 files.
  package var encoding: String? = nil
  /// `ContentHash.of` the bytes, computed by the worker that read them (not in the serial
  /// analysis afterwards): a fix is planned against exactly these bytes.
  package var contentHash: UInt64 = 0
}

/// Where a site's setting name is, as reports give it.
package struct SitePosition: Sendable {
  /// 1-based; the column counts Unicode scalars.
  package var line: Int
  package var column: Int
  /// The 1-based column counted in bytes (a file scanned as bytes is reported so).
  package var byteColumn: Int
  /// Just past the name (SARIF's region end).
  package var end: (line: Int, column: Int)?

  package init(of name: Range<Int>, in source: SourceText) {
    (line, column) = source.position(of: name.lowerBound)
    byteColumn = name.lowerBound - source.lineStarts[line - 1] + 1
    end = name.upperBound <= source.bytes.count ? source.position(of: name.upperBound) : nil
  }
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

  /// `wrappers`: the project's setter wrappers that apply to this file (its config's `[setters]`).
  package func scan(_ file: WalkedFile, surface: Surface, wrappers: SetterWrappers = .none) -> FileResult {
    // Wrapper calls are sites only in the code surfaces, which parse calls. (The dynamic cast
    // copies the surface: it cost ~1,000 instructions per file when asked of every file.)
    let wrappers = wrappers.isEmpty || !(surface is CodeSurface) ? .none : wrappers
    if let replaced = overlay[file.absolutePath] {
      return replaced.withUnsafeBytes { scan(bytes: replaced, contents: $0, file: file, surface: surface, wrappers: wrappers) }
    }
    switch reader.read(file.absolutePath) {
    case let .failure(reason):
      let mention = reason.tooLarge ? mentionInLargeFile(file.absolutePath, surface: surface) : nil
      return FileResult(outcome: .skipped(SkippedFile(path: file.relativePath, reason: reason.description), mention: mention),
                        definedNames: [])
    case let .success(raw):
      // UTF-16 with a BOM: every ASCII setting name would be split by zero bytes.
      guard let decoded = TextEncoding.utf8(fromUTF16: raw) else {
        return scan(bytes: nil, contents: raw, file: file, surface: surface, wrappers: wrappers)
      }
      var result = decoded.withUnsafeBytes { scan(bytes: decoded, contents: $0, file: file, surface: surface, wrappers: wrappers) }
      if case var .scanned(found) = result.outcome {
        found.encoding = TextEncoding.utf16Name(raw)
        result.outcome = .scanned(found)
      }
      return result
    }
  }

  /// The prefilter, then the parse, over a file's contents (`bytes`: the same as an array,
  /// when the caller has one already).
  private func scan(bytes known: [UInt8]?, contents: UnsafeRawBufferPointer, file: WalkedFile, surface: Surface,
                    wrappers: SetterWrappers) -> FileResult {
    let hits = Prefilter.scan(surface.search, contents, language: surface.id, scratch: &hitScratch)
    let settings = wrappers.isEmpty ? hits.settings : (hits.settings + wrappers.hits(in: contents)).sorted()
    // Nearly every file has no `wasmfix:` at all: nothing more to look at then.
    var suppressions = hits.suppressionMarkers.isEmpty ? []
      : SuppressionComment.find(in: contents, syntax: CommentSyntax.of(surface.id), markers: hits.suppressionMarkers)
    guard !settings.isEmpty else { return FileResult(outcome: .noMatch, definedNames: hits.definedNames, suppressions: suppressions) }
    var outcome = examine(known ?? [UInt8](contents), hits: settings, file: file, surface: surface, wrappers: wrappers)
    if case let .skipped(entry, _) = outcome {
      suppressions = []
      outcome = .skipped(entry, mention: SettingMention.at(settings[0], in: contents))
    }
    return FileResult(outcome: outcome, definedNames: hits.definedNames, suppressions: suppressions)
  }

  /// The first setting name in a file too large to read whole, searched a chunk at a time
  /// (memory stays at one chunk). nil when it has none or cannot be read.
  private func mentionInLargeFile(_ path: String, surface: Surface) -> SettingMention? {
    var found: SettingMention?
    var line = 1, column = 0  // where the current chunk starts
    _ = FileReader.forEachChunk(path) { chunk, _ in
      let hits = Prefilter.scan(surface.search, chunk, language: surface.id, scratch: &hitScratch)
      if let first = hits.settings.first {
        found = SettingMention.at(first, in: chunk, lineBase: line, columnBase: column)
        return false
      }
      // The next chunk starts with this one's last bytes: advance to where they begin.
      let next = max(0, chunk.count - FileReader.chunkOverlap)
      for i in 0..<next {
        if chunk[i] == UInt8(ascii: "\n") { line += 1; column = 0 } else { column += 1 }
      }
      return true
    }
    return found
  }

  /// The names `bytes` may define, as `scan` lists them in `definedNames`: for a file whose
  /// candidate record keeps only short fingerprints of them (`CandidateFiles`).
  package func definedNames(in bytes: [UInt8], surface: Surface) -> [UInt64] {
    bytes.withUnsafeBytes { Prefilter.scan(surface.search, $0, language: surface.id, scratch: &hitScratch).definedNames }
  }

  private func examine(_ bytes: [UInt8], hits: [Int], file: WalkedFile, surface: Surface, wrappers: SetterWrappers) -> FileOutcome {
    if bytes.prefix(8192).contains(0) { return .skipped(SkippedFile(path: file.relativePath, reason: "binary file (contains NUL bytes)")) }
    // A file with a setting name that is not UTF-8 (one Latin-1 byte in a comment) is scanned
    // as bytes, as tree-sitter reads it: skipping it whole would hide its violation.
    let invalidOffset = Self.invalidUTF8Offset(bytes)
    let extraction = if !wrappers.isEmpty, let code = surface as? CodeSurface {
      code.extract(bytes, hits: hits, path: file.relativePath, parsers: parsers, wrappers: wrappers)
    } else {
      surface.extract(bytes, hits: hits, path: file.relativePath, parsers: parsers)
    }
    switch extraction {
    case var .scanned(scan):
      scan.invalidUTF8Offset = invalidOffset
      scan.contentHash = ContentHash.of(bytes)
      scan.positions = scan.sites.map { SitePosition(of: $0.nameRange, in: scan.source) }
      scan.source = SourceText(bytes: [])
      return .scanned(scan)
    case let .unparsable(reason): return .skipped(SkippedFile(path: file.relativePath, reason: reason))
    }
  }

  /// Offset of the first byte that is not well-formed UTF-8 (the Unicode definition: no
  /// overlong forms, no surrogates, nothing above U+10FFFF), nil when the whole file is valid.
  /// Source is mostly ASCII: runs of ASCII go 8 bytes at a time, and the fast path resumes
  /// after every multi-byte scalar (a file with one `é` in its first comment is not decoded
  /// byte by byte to its end).
  package static func invalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBytes { raw -> Int? in
      let n = raw.count
      var i = 0
      while i < n {
        while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
        guard i < n else { return nil }
        let lead = raw[i]
        if lead < 0x80 { i += 1; continue }
        let width: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: width = 2
        case 0xE0: width = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: width = 3
        case 0xED: width = 3; high = 0x9F
        case 0xF0: width = 4; low = 0x90
        case 0xF1...0xF3: width = 4
        case 0xF4: width = 4; high = 0x8F
        default: return i
        }
        guard i + width <= n else { return i }
        let second = raw[i + 1]
        guard second >= low && second <= high else { return i }
        for k in 2..<width where raw[i + k] & 0xC0 != 0x80 { return i }
        i += width
      }
      return nil
    }
  }
}
