/// The bytes of one file with line starts, for slicing node text and 1-based positions.
/// Columns count Unicode scalars, as the contract says.
public struct SourceText: Sendable {
  public let bytes: [UInt8]
  /// Byte offset of the first byte of each line.
  public let lineStarts: [Int]

  public init(bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    bytes.withUnsafeBufferPointer { buffer in
      for i in 0..<buffer.count where buffer[i] == 0x0A { starts.append(i + 1) }
    }
    lineStarts = starts
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
