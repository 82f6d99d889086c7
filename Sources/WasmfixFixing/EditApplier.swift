import WasmfixAnalysis
/// Splices edits into a file's original bytes. Refuses overlapping edits (never applies half a
/// fix), keeps the BOM and every byte outside the edits, and writes inserted line breaks in the
/// file's own style (CRLF files get CRLF).
enum EditApplier {
  package enum Failure: Error, Equatable { case overlap(String) }

  static func apply(_ edits: [TextEdit], to bytes: [UInt8]) throws -> [UInt8] {
    try applyTracking(edits, to: bytes).bytes
  }

  /// Also returns where each applied edit's new text starts in the output (for re-parsing
  /// just the items around the edits).
  static func applyTracking(_ edits: [TextEdit], to bytes: [UInt8]) throws -> (bytes: [UInt8], editStarts: [Int]) {
    // Stable: insertions at one offset keep plan order (binding before assertion).
    let ordered = edits.enumerated().sorted { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }.map(\.element)
    var unique: [TextEdit] = []
    for edit in ordered where !unique.contains(edit) { unique.append(edit) }
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
    for edit in unique {
      output.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
      starts.append(output.count)
      for byte in edit.replacement.utf8 {
        if byte == 0x0A { output.append(contentsOf: lineBreak) } else { output.append(byte) }
      }
      cursor = edit.range.upperBound
    }
    output.append(contentsOf: bytes[cursor...])
    return (output, starts)
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
