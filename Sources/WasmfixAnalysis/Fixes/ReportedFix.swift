import WasmfixEvaluation
import Foundation

/// A verified fix as reports show it (JSON `fixes`, SARIF `fixes[]`): its edits with 1-based
/// line and Unicode-scalar column positions in the original file instead of byte offsets, and
/// the inserted text with the file's own line breaks.
public struct ReportedFix: Sendable {
  /// One replacement: the text from `start` up to (not including) `end` becomes `replacement`;
  /// an insertion has `start == end`.
  public struct Edit: Sendable, Equatable {
    public var path: String
    public var startLine: Int, startColumn: Int, endLine: Int, endColumn: Int
    public var replacement: String
  }

  public var groupID: String
  public var title: String
  public var applicability: Applicability
  public var unsafeReason: String?
  /// Indexes into the scan's findings.
  public var findingIndexes: [Int]
  public var edits: [Edit]

  /// `original`: a file's bytes as scanned, by absolute path.
  public init(_ fix: Fix, original: [String: [UInt8]]) {
    self.init(fix, files: OriginalFiles(original))
  }

  /// Every fix positioned in its files, each file's lines and line-break style found once:
  /// per fix, 5,000 fixes in one file went through the whole file 5,000 times (issue 10, item 3).
  public static func positioned(_ fixes: [Fix], original: [String: [UInt8]]) -> [ReportedFix] {
    let files = OriginalFiles(original)
    return fixes.map { ReportedFix($0, files: files) }
  }

  /// The edited files' lines and line-break style, by absolute path, built lazily once.
  final class OriginalFiles {
    private let bytes: [String: [UInt8]]
    private var known: [String: (source: SourceText, crlf: Bool)] = [:]
    init(_ bytes: [String: [UInt8]]) { self.bytes = bytes }
    subscript(path: String) -> (source: SourceText, crlf: Bool)? {
      if let file = known[path] { return file }
      guard let bytes = bytes[path] else { return nil }
      let file = (source: SourceText(bytes: bytes), crlf: ReportedFix.usesCRLF(bytes))
      known[path] = file
      return file
    }
  }

  init(_ fix: Fix, files: OriginalFiles) {
    groupID = fix.groupID
    title = fix.title
    applicability = fix.applicability
    unsafeReason = fix.unsafeReason
    findingIndexes = fix.findingIndexes
    var seen = Set<TextEdit>()
    edits = []
    // In file and offset order, each edit once (the applier drops duplicates the same way).
    for edit in fix.edits.sorted(by: { ($0.path, $0.range.lowerBound) < ($1.path, $1.range.lowerBound) }) where seen.insert(edit).inserted {
      guard let (source, crlf) = files[edit.absolutePath] else { continue }
      let start = source.position(of: edit.range.lowerBound), end = source.position(of: edit.range.upperBound)
      edits.append(Edit(path: edit.path, startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column,
                        replacement: crlf ? edit.replacement.replacingOccurrences(of: "\n", with: "\r\n") : edit.replacement))
    }
  }

  /// CRLF when most line breaks are CRLF (as the applier decides).
  static func usesCRLF(_ bytes: [UInt8]) -> Bool {
    var crlf = 0, lf = 0
    // memchr from line break to line break: this runs on every file a JSON report lists a fix
    // for, after the parallel scan, and a loop over every byte cost 4 M instructions there.
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      var i = 0
      while i < buffer.count, let hit = memchr(base + i, 0x0A, buffer.count - i) {
        let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if at > 0, base[at - 1] == 0x0D { crlf += 1 } else { lf += 1 }
        i = at + 1
      }
    }
    return crlf > lf
  }
}
