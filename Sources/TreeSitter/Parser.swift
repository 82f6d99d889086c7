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

  public func parse(_ bytes: [UInt8]) -> Tree? {
    bytes.withUnsafeBufferPointer { parse($0) }
  }
}
