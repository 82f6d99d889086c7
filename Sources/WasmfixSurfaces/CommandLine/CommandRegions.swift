import WasmfixWorkspace
import TreeSitter

/// Where command lines are in a file of each kind, tokenized and analysed. Grammars decide the
/// structure where the file has one (a workflow's `run:` values, an MSBuild file's element text
/// and attributes, never its comments); shell-like files are tokenized whole (the tokenizer
/// knows their comments and quoting); script sources give their string literals.
enum CommandRegions {
  /// One analysed command with its byte range.
  struct Command {
    var key: CommandLineKey
    var invocation: WasmtimeInvocation?
    var occurrences: [WasmtimeFlagOccurrence]
    var range: Range<Int>
    /// `--config FILE` on the command line.
    var configFile: String?
  }

  /// Commands that configure one engine together when `groupKey` is set (an MSBuild property
  /// chain, an argument list), else each command is its own group.
  struct Region {
    var commands: [Command]
    var groupKey: String?
  }

  static func grammar(for kind: PathKind) -> (@Sendable () throws -> TreeSitter.Language)? {
    switch kind {
    case .yaml: return { try ExtraGrammars.yaml() }
    case .msbuild: return { try ExtraGrammars.xml() }
    case .shell: return { try ExtraGrammars.bash() }
    default: return nil
    }
  }

  /// The worker's parser for a kind's grammar.
  static func parserKey(_ kind: PathKind) -> SurfaceID { SurfaceID("grammar:\(kind)") }

  /// The regions holding `hits`; nil when the file's grammar cannot parse it.
  static func find(in source: SourceText, kind: PathKind, hits: [Int], parsers: ParserCache) -> [Region]? {
    find(in: CommandFileReading(source: source, kind: kind, parsers: parsers), hits: hits)
  }

  static func find(in reading: CommandFileReading, hits: [Int]) -> [Region]? {
    let source = reading.source
    switch reading.kind {
    case .shell: return [whole(reading, dialect: .posixShell, hits: hits)]
    case .dockerfile:
      // Shell form is a shell command line; exec form (`CMD ["wasmtime", "run", "-W", ...]`) is
      // a JSON array, one argv element per string, read like a script's argument list.
      let execHits = hits.filter { isDockerExecForm(source, at: $0) }
      var regions = [whole(reading, dialect: .posixShell, hits: hits, instructions: ["RUN", "CMD", "ENTRYPOINT"])]
      if !execHits.isEmpty { regions += ScriptLiterals.regions(source, hits: execHits) }
      return regions
    case .makefile: return [whole(reading, dialect: .makefile, hits: hits)]
    case .powershell: return [whole(reading, dialect: .powerShell, hits: hits)]
    case .yaml: return workflowRuns(source, tree: reading.tree, hits: hits)
    case .msbuild: return msbuildText(source, tree: reading.tree, hits: hits)
    case .scriptArguments, .javascriptArguments: return ScriptLiterals.regions(source, hits: hits)
    default: return []
    }
  }

  /// Whether the Dockerfile instruction holding `offset` is in exec form: its arguments start
  /// with `[` (the instruction's line is found back over `\` continuations).
  static func isDockerExecForm(_ source: SourceText, at offset: Int) -> Bool {
    var line = source.lineRange(containing: offset)
    while line.lowerBound > 0 {
      let previous = source.lineRange(containing: line.lowerBound - 1)
      let text = source.text(previous).trimmingCharacters(in: .whitespaces)
      guard text.hasSuffix("\\") else { break }
      line = previous
    }
    let text = source.text(line).drop { $0 == " " || $0 == "\t" }
    let instruction = text.prefix { $0.isLetter }.uppercased()
    guard ["RUN", "CMD", "ENTRYPOINT"].contains(instruction) else { return false }
    return text.dropFirst(instruction.count).drop { $0 == " " || $0 == "\t" }.first == "["
  }

  /// `instructions`: words that start a line without being its program (a Dockerfile's `RUN`).
  static func whole(_ reading: CommandFileReading, dialect: CommandLineDialect, hits: [Int], instructions: Set<String> = []) -> Region {
    Region(commands: commands(reading.tokens(dialect), hits: hits, instructions: instructions), groupKey: nil)
  }

  /// `hits`: when given, only the commands spanning one are analysed. A flag holds its setting's
  /// name, so a command without a hit has no occurrence; a shell script is tokenized whole
  /// (quotes span lines) but most of its commands are not wasmtime's.
  static func commands(_ line: TokenizedCommandLine, hits: [Int]? = nil, instructions: Set<String> = []) -> [Command] {
    line.commands.compactMap { range in
      var tokens = line.tokens[range]
      if let first = tokens.first, instructions.contains(first.text) { tokens = tokens.dropFirst() }
      guard let first = tokens.first, let last = tokens.last else { return nil }
      if let hits, !hits.contains(where: (first.range.lowerBound..<last.range.upperBound).contains) { return nil }
      let analysis = WasmtimeFlags.analyze(tokens)
      return Command(key: analysis.key, invocation: analysis.invocation, occurrences: analysis.occurrences,
                     range: first.range.lowerBound..<last.range.upperBound, configFile: analysis.configFilePath)
    }
  }

  static func parse(_ source: SourceText, kind: PathKind, parsers: ParserCache) -> Tree? {
    guard let grammar = grammar(for: kind), let parser = parsers.parser(for: parserKey(kind), grammar: grammar) else { return nil }
    return TreeSitterParsing.parse(source, with: parser, only: nil)?.tree
  }

  /// Every `run:` value of a workflow (or any YAML) holding a hit, read as a shell script.
  static func workflowRuns(_ source: SourceText, tree: Tree?, hits: [Int]) -> [Region]? {
    guard let tree else { return nil }
    var regions: [Region] = []
    tree.rootNode.walk { node in
      guard node.type == "block_mapping_pair" || node.type == "flow_pair" else { return true }
      guard let key = node.child(byField: "key"), let value = node.child(byField: "value"),
            source.text(key.byteRange) == "run", hits.contains(where: value.byteRange.contains) else { return true }
      var range = value.byteRange
      // A block scalar starts with its `|`/`>` header line: the script starts on the next.
      if source.text(range.lowerBound..<min(range.lowerBound + 1, range.upperBound)) == "|"
          || source.text(range.lowerBound..<min(range.lowerBound + 1, range.upperBound)) == ">" {
        let next = source.lineRange(containing: range.lowerBound).upperBound
        range = min(next, range.upperBound)..<range.upperBound
      } else if let quote = source.bytes[safe: range.lowerBound], quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"),
                range.count >= 2 {
        range = (range.lowerBound + 1)..<(range.upperBound - 1)
      }
      regions.append(Region(commands: commands(ArgumentTokenizer.tokenize(source.bytes, range: range, dialect: .posixShell), hits: hits),
                            groupKey: nil))
      return false
    }
    return regions
  }

  /// MSBuild element text and attribute values holding a hit. The text of one property
  /// (`<_XHarnessArgs>$(_XHarnessArgs) --engine-arg=…</_XHarnessArgs>`, appended to across the
  /// file) is one command line: its group is the property's name.
  static func msbuildText(_ source: SourceText, tree: Tree?, hits: [Int]) -> [Region]? {
    guard let tree else { return nil }
    var regions: [Region] = []
    tree.rootNode.walk { node in
      guard hits.contains(where: node.byteRange.contains) else { return false }
      switch node.type {
      case "CharData":
        let element = node.parent?.parent
        let name = element?.namedChildren.first.flatMap { $0.namedChildren.first }.map { source.text($0.byteRange) } ?? "?"
        regions.append(Region(commands: commands(ArgumentTokenizer.tokenize(source.bytes, range: node.byteRange, dialect: .msbuild)),
                              groupKey: "msbuild:\(name)"))
        return false
      case "AttValue" where node.byteRange.count >= 2:
        let range = (node.byteRange.lowerBound + 1)..<(node.byteRange.upperBound - 1)
        regions.append(Region(commands: commands(ArgumentTokenizer.tokenize(source.bytes, range: range, dialect: .msbuild)),
                              groupKey: nil))
        return false
      case "Comment": return false
      default: return true
      }
    }
    return regions
  }
}

/// One file's grammar parse and whole-file tokenization, each made at most once and shared
/// by `CommandRegions` (where the commands are) and `VariableDefinitions` (what their
/// variables hold): a workflow or MSBuild file was parsed twice, a shell script tokenized twice.
final class CommandFileReading {
  let source: SourceText
  let kind: PathKind
  private let parsers: ParserCache
  private var parsedTree: Tree??
  private var wholeTokens: [CommandLineDialect: TokenizedCommandLine] = [:]

  init(source: SourceText, kind: PathKind, parsers: ParserCache) {
    self.source = source
    self.kind = kind
    self.parsers = parsers
  }

  /// The file's tree in its kind's grammar; nil when there is no grammar or it cannot parse.
  var tree: Tree? {
    if let parsedTree { return parsedTree }
    let tree = CommandRegions.parse(source, kind: kind, parsers: parsers)
    parsedTree = .some(tree)
    return tree
  }

  /// The whole file tokenized in `dialect`.
  func tokens(_ dialect: CommandLineDialect) -> TokenizedCommandLine {
    if let cached = wholeTokens[dialect] { return cached }
    let tokens = ArgumentTokenizer.tokenize(source.bytes, dialect: dialect)
    wholeTokens[dialect] = tokens
    return tokens
  }
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
