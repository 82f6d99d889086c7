import CTreeSitter

/// Owns a `TSParser`. One per worker: parsers are not thread-safe.
public final class Parser {
  private let parser: OpaquePointer

  public init(language: Language) {
    parser = ts_parser_new()
    // Cannot fail: Language's initialiser already checked the ABI version.
    _ = ts_parser_set_language(parser, language.pointer)
  }

  deinit { ts_parser_delete(parser) }

  /// Parses UTF-8 bytes, so node byte offsets are file offsets.
  public func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Tree? {
    var empty: CChar = 0
    let base = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
    let tree = withUnsafePointer(to: &empty) { emptyPointer in
      ts_parser_parse_string_encoding(parser, nil, base ?? emptyPointer, UInt32(bytes.count), TSInputEncodingUTF8)
    }
    return tree.map(Tree.init)
  }

  /// A byte range with its start and end as (row, byte column), as tree-sitter wants them.
  public struct IncludedRange {
    public var bytes: Range<Int>
    public var start: (row: Int, column: Int)
    public var end: (row: Int, column: Int)
    public init(bytes: Range<Int>, start: (row: Int, column: Int), end: (row: Int, column: Int)) {
      self.bytes = bytes
      self.start = start
      self.end = end
    }
  }

  /// Restricts the next parses to these ranges (sorted, disjoint); empty means the whole text.
  /// Nodes keep their offsets in the whole text.
  @discardableResult
  public func setIncludedRanges(_ ranges: [IncludedRange]) -> Bool {
    let raw = ranges.map {
      TSRange(start_point: TSPoint(row: UInt32($0.start.row), column: UInt32($0.start.column)),
              end_point: TSPoint(row: UInt32($0.end.row), column: UInt32($0.end.column)),
              start_byte: UInt32($0.bytes.lowerBound), end_byte: UInt32($0.bytes.upperBound))
    }
    return raw.withUnsafeBufferPointer { ts_parser_set_included_ranges(parser, $0.baseAddress, UInt32($0.count)) }
  }

  public func parse(_ bytes: [UInt8]) -> Tree? {
    bytes.withUnsafeBufferPointer { parse($0) }
  }
}
