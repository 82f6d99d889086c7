/// A JSON value written exactly as Foundation's `JSONEncoder` writes it with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: two-space indent, `"key" : value`,
/// an empty array or object as `[` newline newline indent `]`, keys in order, `"`, `\` and
/// control characters escaped (`\b \f \n \r \t`, else `\u00xx`), everything else (`/`, DEL,
/// non-ASCII) as is. The JSON report is the one document every `--format json` scan writes:
/// through `JSONEncoder` (reflection over `Codable`) it cost about 21 M instructions on a
/// 20,000-file tree, all of it after the parallel scan. `PrettyJSONTests` checks the bytes
/// against `JSONEncoder` on every fixture's report and on strings of every control character.
package indirect enum PrettyJSON {
  case object([(key: String, value: PrettyJSON)])
  case array([PrettyJSON])
  case string(String)
  case integer(Int128)
  case boolean(Bool)
  case null

  /// An object whose keys are sorted as `.sortedKeys` sorts them. Foundation compares keys
  /// numerically and case-insensitively; the report's keys are lower-case ASCII words with `_`,
  /// where that order is plain byte order (checked in debug builds).
  package static func sortedObject(_ members: [(key: String, value: PrettyJSON)]) -> PrettyJSON {
    assert(members.allSatisfy { $0.key.utf8.allSatisfy { $0 == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) } })
    return .object(members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
  }

  package static func optional(_ text: String?) -> PrettyJSON { text.map(PrettyJSON.string) ?? .null }

  /// The document's text, without a trailing newline (as `JSONEncoder`'s data).
  package var text: String { String(decoding: bytes(), as: UTF8.self) }

  /// The document's UTF-8 bytes, then `terminator`: what is written out, without first
  /// copying a large report into a `String` and back.
  package func bytes(terminator: String = "") -> [UInt8] {
    var all: [UInt8] = []
    write(terminator: terminator, piece: .max) { all = $0 }
    return all
  }

  /// The document and `terminator` handed to `emit` in pieces of about `piece` bytes (the
  /// last one shorter), in order: a large tree's report is written as it is rendered, without
  /// a buffer the size of the report.
  package func write(terminator: String = "", piece: Int, to emit: ([UInt8]) -> Void) {
    var out: [UInt8] = []
    out.reserveCapacity(piece == .max ? 4096 : piece + 4096)
    write(into: &out, indent: 0) { out in
      if out.count >= piece {
        emit(out)
        out.removeAll(keepingCapacity: true)
      }
    }
    out.append(contentsOf: terminator.utf8)
    emit(out)
  }

  /// `flush` may take what `out` holds (called between members).
  private func write(into out: inout [UInt8], indent: Int, flush: (inout [UInt8]) -> Void) {
    switch self {
    case let .object(members):
      out.append(UInt8(ascii: "{"))
      writeMembers(members.count, into: &out, indent: indent, flush: flush) { i, out in
        Self.writeString(members[i].key, into: &out)
        out.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")])
        members[i].value.write(into: &out, indent: indent + 2, flush: flush)
      }
      out.append(UInt8(ascii: "}"))
    case let .array(elements):
      out.append(UInt8(ascii: "["))
      writeMembers(elements.count, into: &out, indent: indent, flush: flush) { i, out in elements[i].write(into: &out, indent: indent + 2, flush: flush) }
      out.append(UInt8(ascii: "]"))
    case let .string(text): Self.writeString(text, into: &out)
    case let .integer(value): out.append(contentsOf: value.description.utf8)
    case let .boolean(value): out.append(contentsOf: (value ? "true" : "false").utf8)
    case .null: out.append(contentsOf: "null".utf8)
    }
  }

  /// One member per line at `indent + 2`, commas between; an empty container still gets its
  /// two line breaks (Foundation's quirk, kept so that reports do not change).
  private func writeMembers(_ count: Int, into out: inout [UInt8], indent: Int, flush: (inout [UInt8]) -> Void,
                            _ member: (Int, inout [UInt8]) -> Void) {
    out.append(UInt8(ascii: "\n"))
    if count == 0 { out.append(UInt8(ascii: "\n")) }
    for i in 0..<count {
      out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 2))
      member(i, &out)
      if i + 1 < count { out.append(UInt8(ascii: ",")) }
      out.append(UInt8(ascii: "\n"))
      flush(&out)
    }
    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  private static func writeString(_ text: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var text = text
    // Runs of bytes that need no escape are copied whole.
    text.withUTF8 { bytes in
      var run = 0
      for i in 0..<bytes.count {
        let byte = bytes[i]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
        run = i + 1
        switch byte {
        case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
        case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
        case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        default:
          out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                  hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
        }
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
    }
    out.append(UInt8(ascii: "\""))
  }
}
