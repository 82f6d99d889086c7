import CScan
import Foundation
import Glibc
import TreeSitter

/// What scanning one file produced.
enum FileOutcome {
  /// The prefilter found no setting name: the file was never decoded or parsed.
  case noMatch
  case skipped(SkippedFile)
  case scanned(FileScan)
}

/// The sites of one parsed file, plus what later stages need without re-reading it.
/// A file's outcome plus the constant names it may define (for the constant index).
struct FileResult {
  var outcome: FileOutcome
  var definedNames: [UInt64]
}

struct FileScan {
  var sites: [ExtractedSite]
  var source: SourceText
  /// Per site: the documenting comment or an assertion of the invariant is near it.
  var documented: [Bool]
}

/// Scans one file: prefilter on raw bytes, then decode checks, parse and site extraction.
/// One instance per worker thread (it owns tree-sitter parsers, which are not thread-safe).
final class FileScanner {
  private var parsers: [SourceLanguage: Parser] = [:]
  /// Overrides file contents by absolute path (a fix re-scans its edits before writing them).
  let overlay: [String: [UInt8]]

  init(overlay: [String: [UInt8]] = [:], maxFileSize: Int = Int.max) {
    self.overlay = overlay
    reader = FileReader(maxSize: maxFileSize)
  }

  static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

  private let reader: FileReader
  /// This worker's buffer for the SIMD search's hits.
  private var hitScratch: [wf_hit] = []

  func scan(_ file: WalkedFile, language: SourceLanguage) -> FileResult {
    let bytes: [UInt8]
    let settings: [Int]
    var definedNames: [UInt64] = []
    if let replaced = overlay[file.absolutePath] {
      bytes = replaced
      let hits = bytes.withUnsafeBytes { Prefilter.scan(language, $0, scratch: &hitScratch) }
      definedNames = bytes.withUnsafeBytes { DefinitionScan.candidateNames(in: $0, language: language, hits: hits.keywords) }
      settings = hits.settings
      guard !settings.isEmpty else { return FileResult(outcome: .noMatch, definedNames: definedNames) }
    } else {
      switch reader.read(file.absolutePath) {
      case let .failure(reason):
        return FileResult(outcome: .skipped(SkippedFile(path: file.relativePath, reason: reason.description)), definedNames: [])
      case let .success(contents):
        let hits = Prefilter.scan(language, contents, scratch: &hitScratch)
        definedNames = DefinitionScan.candidateNames(in: contents, language: language, hits: hits.keywords)
        settings = hits.settings
        guard !settings.isEmpty else { return FileResult(outcome: .noMatch, definedNames: definedNames) }
        bytes = [UInt8](contents)
      }
    }
    let support = LanguageRegistry.support(for: language)
    return FileResult(outcome: examine(bytes, hits: settings, file: file, language: language, support: support), definedNames: definedNames)
  }

  private func examine(_ bytes: [UInt8], hits: [Int], file: WalkedFile, language: SourceLanguage, support: LanguageSupport) -> FileOutcome {
    if bytes.prefix(8192).contains(0) { return .skipped(SkippedFile(path: file.relativePath, reason: "binary file (contains NUL bytes)")) }
    if let offset = Self.invalidUTF8Offset(bytes) {
      return .skipped(SkippedFile(path: file.relativePath, reason: "invalid UTF-8 at byte \(offset)"))
    }
    guard bytes.withUnsafeBytes({ CodeRegions.anyInCode($0, offsets: hits, language: language) }) else {
      // Every mention is in a comment or a literal: nothing to parse.
      return .scanned(FileScan(sites: [], source: SourceText(bytes: []), documented: []))
    }
    let source = SourceText(bytes: bytes)
    let items = bytes.withUnsafeBytes { ItemRanges.enclosing(hits, in: $0, language: language) }
    let unparsable = FileOutcome.skipped(SkippedFile(path: file.relativePath, reason: "tree-sitter could not parse the file"))
    guard let (partialOrWhole, isPartial) = parseReportingPartial(source, language: language, only: items) else { return unparsable }
    var tree = partialOrWhole
    var sites = support.sites(in: tree, source: source)
    // A site outside any function (a field or static initialiser) is analysed against the whole
    // file, which a partial tree does not hold: take the whole file then.
    if isPartial, sites.contains(where: { site in
      tree.rootNode.descendant(forBytes: site.callRange).flatMap { support.ancestor(of: $0, in: support.scopeTypes) } == nil
    }) {
      guard let whole = parse(source, language: language) else { return unparsable }
      tree = whole
      sites = support.sites(in: tree, source: source)
    }
    let documented = sites.map { Self.isDocumented(near: $0, in: source) }
    return .scanned(FileScan(sites: sites, source: source, documented: documented))
  }

  /// Parses the file, or only the byte ranges `only` when given; a partial tree with errors
  /// (the ranges cut through something) is thrown away for a parse of the whole file.
  func parse(_ source: SourceText, language: SourceLanguage, only ranges: [Range<Int>]? = nil,
             fallbackToWhole: Bool = true) -> Tree? {
    parseReportingPartial(source, language: language, only: ranges, fallbackToWhole: fallbackToWhole)?.tree
  }

  /// `parse`, also telling whether the tree holds only `ranges` (false when it fell back to the whole file).
  func parseReportingPartial(_ source: SourceText, language: SourceLanguage, only ranges: [Range<Int>]?,
                             fallbackToWhole: Bool = true) -> (tree: Tree, isPartial: Bool)? {
    let parser: Parser
    if let existing = parsers[language] { parser = existing } else {
      guard let grammar = try? Grammars.load(language) else { return nil }
      parser = Parser(language: grammar)
      parsers[language] = parser
    }
    if let ranges, !ranges.isEmpty {
      let included = ranges.map { range -> Parser.IncludedRange in
        func point(_ offset: Int) -> (row: Int, column: Int) {
          let line = source.lineIndex(of: offset)
          return (line, offset - source.lineStarts[line])
        }
        return Parser.IncludedRange(bytes: range, start: point(range.lowerBound), end: point(range.upperBound))
      }
      parser.setIncludedRanges(included)
      let partial = parseWholeOrBOM(source, parser)
      parser.setIncludedRanges([])
      if let partial, !partial.rootNode.hasError || !fallbackToWhole { return (partial, true) }
    }
    return parseWholeOrBOM(source, parser).map { ($0, false) }
  }

  private func parseWholeOrBOM(_ source: SourceText, _ parser: Parser) -> Tree? {
    // A BOM is not source text to any of the grammars: parse it as spaces so byte offsets stay file offsets.
    if source.bytes.starts(with: Self.utf8BOM) {
      var copy = source.bytes
      copy.replaceSubrange(0..<3, with: [0x20, 0x20, 0x20])
      return parser.parse(copy)
    }
    return parser.parse(source.bytes)
  }

  /// Looks a few lines above the site's statement for the contract's comment or an assertion.
  static func isDocumented(near site: ExtractedSite, in source: SourceText) -> Bool {
    let anchor = site.statementRange?.lowerBound ?? site.callRange.lowerBound
    let line = source.lineIndex(of: anchor)
    let first = max(0, line - 6)
    let window = source.text(source.lineStarts[first]..<source.lineRange(containing: anchor).upperBound)
    return window.contains("max_wasm_stack <= async_stack_size")
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
