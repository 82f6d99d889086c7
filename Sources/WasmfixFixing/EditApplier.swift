import WasmfixAnalysis

/// Where one applied edit changed a file: the bytes `old` of the original became the bytes
/// `new` of the edited file. The diff is rendered around these (`UnifiedDiff`).
public struct ChangedSpan: Sendable, Equatable {
  public var old: Range<Int>
  public var new: Range<Int>
}

/// Splices edits into a file's original bytes. Refuses overlapping edits (never applies half a
/// fix), keeps the BOM and every byte outside the edits, and writes inserted line breaks in the
/// file's own style (CRLF files get CRLF).
enum EditApplier {
  package enum Failure: Error, Equatable { case overlap(String) }

  static func apply(_ edits: [TextEdit], to bytes: [UInt8]) throws -> [UInt8] {
    try applyTracking(edits, to: bytes).bytes
  }

  /// Also returns where each applied edit's new text starts in the output (for re-parsing
  /// just the items around the edits) and the span each one changed (for the diff).
  static func applyTracking(_ edits: [TextEdit], to bytes: [UInt8]) throws
    -> (bytes: [UInt8], editStarts: [Int], spans: [ChangedSpan])
  {
    // Stable: insertions at one offset keep plan order (binding before assertion).
    let ordered = edits.enumerated().sorted { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }.map(\.element)
    // Each edit once, the first time it comes (a set: 5,000 fixes in one file made a search
    // of the kept edits quadratic).
    var seen = Set<TextEdit>()
    let unique = ordered.filter { seen.insert($0).inserted }
    for (a, b) in zip(unique, unique.dropFirst()) {
      let overlaps = a.range.upperBound > b.range.lowerBound || (!a.range.isEmpty && a.range.upperBound > b.range.lowerBound)
        || (!b.range.isEmpty && b.range.lowerBound < a.range.upperBound)
      if overlaps || (!a.range.isEmpty && a.range.contains(b.range.lowerBound) && b.range.lowerBound != a.range.lowerBound) {
        throw Failure.overlap("edits at bytes \(a.range) and \(b.range) overlap")
      }
    }
    let lineBreak: [UInt8] = usesCRLF(bytes) ? [0x0D, 0x0A] : [0x0A]
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 256)
    var cursor = 0
    var starts: [Int] = []
    var spans: [ChangedSpan] = []
    for edit in unique {
      output.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
      starts.append(output.count)
      for byte in edit.replacement.utf8 {
        if byte == 0x0A { output.append(contentsOf: lineBreak) } else { output.append(byte) }
      }
      spans.append(ChangedSpan(old: edit.range, new: starts[starts.count - 1]..<output.count))
      cursor = edit.range.upperBound
    }
    output.append(contentsOf: bytes[cursor...])
    return (output, starts, spans)
  }

  /// CRLF when most line breaks are CRLF.
  static func usesCRLF(_ bytes: [UInt8]) -> Bool {
    var crlf = 0, lf = 0
    for i in bytes.indices where bytes[i] == 0x0A {
      if i > 0, bytes[i - 1] == 0x0D { crlf += 1 } else { lf += 1 }
    }
    return crlf > lf
  }
}
