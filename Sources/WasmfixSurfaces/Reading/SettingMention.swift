import WasmfixWorkspace

/// Where a file that could not be scanned names a stack setting: a binary file, one the
/// surface could not parse, or one over `--max-file-size`. Such a file is reported as a
/// finding (WF010), not only as a skipped path, so that skipping it never hides a setting.
package struct SettingMention: Sendable, Equatable {
  /// The name as written (`max_wasm_stack`, `--max-wasm-stack`, `WithMaximumStackSize`).
  package var name: String
  /// 1-based; the column counts bytes (the file was never decoded).
  package var line: Int
  package var column: Int

  package init(name: String, line: Int, column: Int) {
    self.name = name
    self.line = line
    self.column = column
  }

  /// The mention at `offset` in `bytes`: the name is the run of identifier and dash bytes
  /// there, and `lineBase`/`columnBase` say where `bytes` starts in the file.
  static func at(_ offset: Int, in bytes: UnsafeRawBufferPointer, lineBase: Int = 1, columnBase: Int = 0) -> SettingMention {
    var line = lineBase
    var lineStart = -columnBase
    for i in 0..<offset where bytes[i] == UInt8(ascii: "\n") {
      line += 1
      lineStart = i + 1
    }
    var end = offset
    // Identifier bytes as the definition readers see them, and `-` for the CLI's flag names.
    while end < bytes.count, end - offset < 64, DefinitionScan.isIdentifierByte(bytes[end]) || bytes[end] == UInt8(ascii: "-") { end += 1 }
    let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
    return SettingMention(name: name, line: line, column: offset - lineStart + 1)
  }
}
