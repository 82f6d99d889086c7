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
struct FileScan {
  var sites: [ExtractedSite]
  var source: SourceText
  /// Per site: the documenting comment or an assertion of the invariant is near it.
  var documented: [Bool]
  var errorCount: Int
}

/// Scans one file: prefilter on raw bytes, then decode checks, parse and site extraction.
/// One instance per worker thread (it owns tree-sitter parsers, which are not thread-safe).
final class FileScanner {
  private var parsers: [SourceLanguage: Parser] = [:]
  /// Overrides file contents by absolute path (a fix re-scans its edits before writing them).
  let overlay: [String: [UInt8]]

  init(overlay: [String: [UInt8]] = [:]) { self.overlay = overlay }

  static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Reused read buffer: most files are read, searched and dropped without another allocation.
  private var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)

  deinit { buffer.deallocate() }

  func scan(_ file: WalkedFile, language: SourceLanguage) -> FileOutcome {
    let support = LanguageRegistry.support(for: language)
    let bytes: [UInt8]
    if let replaced = overlay[file.absolutePath] {
      bytes = replaced
      guard bytes.withUnsafeBytes({ Prefilter.matches(support.needles, in: $0) }) else { return .noMatch }
    } else {
      switch read(file.absolutePath) {
      case let .failure(reason): return .skipped(SkippedFile(path: file.relativePath, reason: reason.description))
      case let .success(count):
        let contents = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
        guard Prefilter.matches(support.needles, in: contents) else { return .noMatch }
        bytes = [UInt8](contents)
      }
    }
    if bytes.prefix(8192).contains(0) { return .skipped(SkippedFile(path: file.relativePath, reason: "binary file (contains NUL bytes)")) }
    if let offset = Self.invalidUTF8Offset(bytes) {
      return .skipped(SkippedFile(path: file.relativePath, reason: "invalid UTF-8 at byte \(offset)"))
    }
    let source = SourceText(bytes: bytes)
    guard let tree = parse(source, language: language) else {
      return .skipped(SkippedFile(path: file.relativePath, reason: "tree-sitter could not parse the file"))
    }
    let sites = support.sites(in: tree, source: source)
    let documented = sites.map { Self.isDocumented(near: $0, in: source) }
    return .scanned(FileScan(sites: sites, source: source, documented: documented, errorCount: tree.rootNode.errorCount))
  }

  /// Reads a whole file into `buffer` (grown as needed) with plain POSIX calls: cheaper than
  /// mapping or `Data` for the many small files a scan touches.
  private func read(_ path: String) -> Result<Int, ReadFailure> {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return .failure(ReadFailure(errno)) }
    defer { close(fd) }
    var info = stat()
    if fstat(fd, &info) == 0, Int(info.st_size) + 1 > buffer.count {
      buffer.deallocate()
      buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Int(info.st_size) + 4096, alignment: 16)
    }
    var count = 0
    while true {
      if count == buffer.count {
        let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
        bigger.copyMemory(from: UnsafeRawBufferPointer(buffer))
        buffer.deallocate()
        buffer = bigger
      }
      let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
      if n == 0 { return .success(count) }
      if n < 0 {
        if errno == EINTR { continue }
        return .failure(ReadFailure(errno))
      }
      count += n
    }
  }

  struct ReadFailure: Error, CustomStringConvertible {
    let code: Int32
    init(_ code: Int32) { self.code = code }
    var description: String { String(cString: strerror(code)).lowercased() }
  }

  func parse(_ source: SourceText, language: SourceLanguage) -> Tree? {
    let parser: Parser
    if let existing = parsers[language] { parser = existing } else {
      guard let grammar = try? Grammars.load(language) else { return nil }
      parser = Parser(language: grammar)
      parsers[language] = parser
    }
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
    var offset = 0
    var iterator = bytes.makeIterator()
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
