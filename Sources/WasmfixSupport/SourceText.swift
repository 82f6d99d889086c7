/// The bytes of one file with line starts, for slicing node text and 1-based positions.
/// Columns count Unicode scalars, as the contract says.
public struct SourceText: Sendable {
  public let bytes: [UInt8]
  /// Byte offset of the first byte of each line.
  public let lineStarts: LineStarts

  public init(bytes: [UInt8]) {
    self.bytes = bytes
    lineStarts = LineStarts(bytes)
  }

  public func text(_ range: Range<Int>) -> String {
    String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self)
  }

  /// 0-based line index of a byte offset.
  public func lineIndex(of offset: Int) -> Int {
    var low = 0, high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// 1-based line and column (in Unicode scalars) of a byte offset.
  public func position(of offset: Int) -> (line: Int, column: Int) {
    let line = lineIndex(of: offset)
    var column = 1
    for i in lineStarts[line]..<min(offset, bytes.count) where bytes[i] & 0xC0 != 0x80 { column += 1 }
    return (line + 1, column)
  }

  /// The byte range of the line holding `offset`, without its line terminator.
  /// The line holding `offset` with its line break: up to the next line's start.
  public func lineRangeWithBreak(containing offset: Int) -> Range<Int> {
    let index = lineIndex(of: offset)
    return lineStarts[index]..<(index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count)
  }

  public func lineRange(containing offset: Int) -> Range<Int> {
    let index = lineIndex(of: offset)
    let start = lineStarts[index]
    var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
    if end > start, end <= bytes.count, end - 1 >= start, bytes[end - 1] == 0x0D { end -= 1 }
    return start..<max(start, end)
  }

  /// The leading spaces and tabs of the line holding `offset`.
  public func indentation(ofLineContaining offset: Int) -> String {
    let range = lineRange(containing: offset)
    var end = range.lowerBound
    while end < range.upperBound, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
    return text(range.lowerBound..<end)
  }
}

/// The byte offsets where a text's lines start, as 32-bit numbers (64-bit only for a text past
/// 4 GiB): a table of 8-byte offsets took as much memory as a third of the text of the files
/// a fix reads.
public struct LineStarts: RandomAccessCollection, Sendable {
  private let narrow: [UInt32]
  private let wide: [Int]

  init(_ bytes: [UInt8]) {
    var narrow: [UInt32] = [0], wide: [Int] = []
    bytes.withUnsafeBufferPointer { buffer in
      if buffer.count < Int(UInt32.max) {
        for i in 0..<buffer.count where buffer[i] == 0x0A { narrow.append(UInt32(truncatingIfNeeded: i + 1)) }
      } else {
        wide = [0]
        for i in 0..<buffer.count where buffer[i] == 0x0A { wide.append(i + 1) }
      }
    }
    self.narrow = wide.isEmpty ? narrow : []
    self.wide = wide
  }

  /// Bytes per line in the table (for tests).
  package var entrySize: Int { wide.isEmpty ? 4 : 8 }

  public var startIndex: Int { 0 }
  public var endIndex: Int { wide.isEmpty ? narrow.count : wide.count }
  public subscript(position: Int) -> Int { wide.isEmpty ? Int(narrow[position]) : wide[position] }
}
