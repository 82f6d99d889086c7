import WasmfixWorkspace
import Foundation
import TreeSitter

/// The variables a command line's flags may name, defined in the same file: shell and
/// Dockerfile assignments (`STACK=4194304`, `export STACK=…`, `ENV STACK=…`), Makefile variables
/// (`STACK = …`, `:=`, `?=`), MSBuild properties (`<WasmStack>…</WasmStack>`) and a workflow's
/// `env:` entries (`STACK: 8388608`). A value read from one becomes the site's value and its
/// definition is what a fix edits; a variable defined nowhere in the file comes from the
/// environment or the caller and stays a run-time value.
struct VariableDefinitions {
  private var byName: [String: [ConstantDefinition]] = [:]

  init(source: SourceText, kind: PathKind, path: String, parsers: ParserCache) {
    self.init(CommandFileReading(source: source, kind: kind, parsers: parsers), path: path)
  }

  init(_ reading: CommandFileReading, path: String) {
    let source = reading.source
    switch reading.kind {
    case .shell, .dockerfile: collectAssignments(reading.tokens(.posixShell), source, path)
    case .makefile: collectAssignments(reading.tokens(.makefile), source, path)
    case .msbuild: if let tree = reading.tree { collectProperties(source, path, tree) }
    case .yaml: if let tree = reading.tree { collectYAMLEnv(source, path, tree) }
    default: break
    }
  }

  /// Every definition, in file order.
  var all: [ConstantDefinition] { byName.values.flatMap { $0 }.sorted { $0.itemRange.lowerBound < $1.itemRange.lowerBound } }

  /// The definition in force at `offset`: the last one before it, else (Make and MSBuild
  /// expand late) the last one in the file.
  func definition(of name: String, before offset: Int) -> ConstantDefinition? {
    guard let all = byName[name], !all.isEmpty else { return nil }
    return all.last { $0.itemRange.upperBound <= offset } ?? all.last
  }

  private mutating func add(_ name: String, value text: String, valueRange: Range<Int>, item: Range<Int>,
                            kind: ConstantDefinition.Kind, _ source: SourceText, _ path: String) {
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }),
          case let .value(value, _) = WasmtimeCLIFacts.parseOptionSize(text) else { return }
    byName[name, default: []].append(ConstantDefinition(
      name: name, kind: kind, path: path, line: source.position(of: valueRange.lowerBound).line, scope: [],
      value: .integer(value), valueText: text, valueRange: valueRange, itemRange: item))
  }

  /// `NAME=value` as a command's first word (after `export`/`readonly`/`local`/`declare`/
  /// Dockerfile `ENV`/`ARG`), and Make's `NAME = value`.
  private mutating func collectAssignments(_ line: TokenizedCommandLine, _ source: SourceText, _ path: String) {
    for range in line.commands {
      var tokens = line.tokens[range]
      while let first = tokens.first, ["export", "readonly", "local", "declare", "ENV", "ARG", "override"].contains(first.text) {
        tokens = tokens.dropFirst()
      }
      guard let first = tokens.first else { continue }
      let text = first.text
      let item = first.range.lowerBound..<(tokens.last?.range.upperBound ?? first.range.upperBound)
      // Offsets count the token's bytes, not its text: the text has a 3-byte U+FFFD for each
      // byte that is not UTF-8, and offsets taken from it ran past the token's end, a trap on
      // `wasmfix scan` (found by `make fuzz`).
      if let equals = first.bytes.firstIndex(of: UInt8(ascii: "=")) {
        let name = String(decoding: first.bytes[..<equals], as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: ":?+"))
        let valueText = String(decoding: first.bytes[(equals + 1)...], as: UTF8.self)
        guard let valueRange = first.sourceRange(forTextRange: (equals + 1)..<first.bytes.count) else { continue }
        add(name, value: valueText, valueRange: valueRange, item: item, kind: .shellVariable, source, path)
      } else if tokens.count >= 3, ["=", ":=", "::=", "?="].contains(tokens[tokens.startIndex + 1].text) {
        let value = tokens[tokens.startIndex + 2]
        add(text, value: value.text, valueRange: value.range, item: item, kind: .makeVariable, source, path)
      }
    }
  }

  /// `<Name>value</Name>` elements whose whole text is a size.
  private mutating func collectProperties(_ source: SourceText, _ path: String, _ tree: Tree) {
    tree.rootNode.walk { node in
      guard node.type == "element" else { return true }
      let children = node.namedChildren
      guard children.count == 3, children[0].type == "STag", children[1].type == "content",
            let name = children[0].namedChildren.first, name.type == "Name",
            children[1].namedChildren.count == 1, let text = children[1].namedChildren.first, text.type == "CharData"
      else { return true }
      let trimmed = CSupport.trim(text.byteRange, in: source)
      add(source.text(name.byteRange), value: source.text(trimmed), valueRange: trimmed, item: node.byteRange,
          kind: .msbuildProperty, source, path)
      return false
    }
  }

  /// A workflow's `env:` entries (`STACK: 8388608`), at any level.
  private mutating func collectYAMLEnv(_ source: SourceText, _ path: String, _ tree: Tree) {
    tree.rootNode.walk { node in
      guard node.type == "block_mapping_pair", let key = node.child(byField: "key"), let value = node.child(byField: "value"),
            !value.namedChildren.isEmpty else { return true }
      var scalar = value
      while let child = scalar.namedChildren.first, scalar.namedChildren.count == 1 { scalar = child }
      if ["integer_scalar", "string_scalar", "double_quote_scalar", "single_quote_scalar"].contains(scalar.type) {
        var range = scalar.byteRange
        if scalar.type != "integer_scalar" && scalar.type != "string_scalar", range.count >= 2 { range = (range.lowerBound + 1)..<(range.upperBound - 1) }
        add(source.text(key.byteRange), value: source.text(range), valueRange: range, item: node.byteRange, kind: .yamlValue, source, path)
      }
      return true
    }
  }
}
