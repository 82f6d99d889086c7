import WasmfixWorkspace
import TreeSitter

/// Wasmtime CLI flags wherever a command line is written: shell scripts, Makefiles, GitHub
/// workflow `run:` steps, MSBuild properties, Dockerfiles, PowerShell, and argument lists in
/// Python/JS/Elixir strings. Each file kind is a surface of its own (its id is what the report
/// calls the language) that differs only in where command lines are (`CommandRegions`), how
/// they are quoted (`CommandLineDialect`) and how a comment is written. Flags are read by
/// `ArgumentTokenizer` + `WasmtimeFlags`, never by a regular expression over the file.
struct CommandLineSurface: Surface {
  let id: SurfaceID
  let kind: PathKind
  let binding = WasmtimeBinding.cli
  var constantFamily: SurfaceID { id }
  let search: Prefilter.SurfaceSearch
  var syntax: EditSyntax { CommandLineSyntax(kind: kind) }

  init(id: SurfaceID, kind: PathKind) {
    self.id = id
    self.kind = kind
    // MSBuild properties may come from another file (`Directory.Build.props`, an imported
    // `.props`): every element name is a candidate definition for the constant index.
    let keywords: [DefinitionScan.Keyword] = kind == .msbuild ? [.init("PropertyGroup", .elementNames)] : []
    search = Prefilter.SurfaceSearch(stems: [.init("max-wasm-stack"), .init("async-stack-size")], keywords: keywords)
  }

  static let shell = CommandLineSurface(id: SurfaceID("shell"), kind: .shell)
  static let makefile = CommandLineSurface(id: SurfaceID("makefile"), kind: .makefile)
  static let workflow = CommandLineSurface(id: SurfaceID("yaml"), kind: .yaml)
  static let msbuild = CommandLineSurface(id: SurfaceID("msbuild"), kind: .msbuild)
  static let dockerfile = CommandLineSurface(id: SurfaceID("dockerfile"), kind: .dockerfile)
  static let powershell = CommandLineSurface(id: SurfaceID("powershell"), kind: .powershell)
  static let scriptArguments = CommandLineSurface(id: SurfaceID("script-args"), kind: .scriptArguments)
  static let javascriptArguments = CommandLineSurface(id: SurfaceID("js-args"), kind: .javascriptArguments)

  func extract(_ bytes: [UInt8], hits: [Int], path: String, parsers: ParserCache) -> Extraction {
    let source = SourceText(bytes: bytes)
    let reading = CommandFileReading(source: source, kind: kind, parsers: parsers)
    guard let regions = CommandRegions.find(in: reading, hits: hits) else {
      return .unparsable(reason: "tree-sitter could not parse the file")
    }
    // Read the file's variable definitions (from the same parse or tokens) only when a flag's
    // value is a variable: most files with a hit are decoys or hold plain numbers.
    let variables = LazyVariables { VariableDefinitions(reading, path: path) }
    var sites: [ExtractedSite] = []
    for region in regions {
      for command in region.commands where !command.occurrences.isEmpty {
        // Text that is not itself a command (an MSBuild property a harness passes on, a
        // script's argument list or string) carries flags without naming wasmtime; in a
        // script or workflow, a command must run wasmtime (`echo -W max-wasm-stack=…` does not).
        if let invocation = command.invocation, !invocation.subcommand.buildsEngine { continue }
        if command.invocation == nil, ![.msbuild, .scriptArguments, .javascriptArguments].contains(kind) { continue }
        let commandRange = command.range
        for occurrence in command.occurrences {
          sites.append(makeSite(occurrence, command: command, commandRange: commandRange, group: region.groupKey ?? "\(command.key.start)",
                                source: source, variables: variables))
        }
      }
    }
    // Only files with sites need the version they name (most hits are decoys or comments).
    if !sites.isEmpty, let hint = CLIVersionHints.find(in: source) {
      for i in sites.indices { sites[i].version = (version: hint.version, source: "\(path):\(hint.line) (\(hint.what))") }
    }
    let documented = sites.map { site -> Bool in
      let line = source.lineIndex(of: site.statementRange?.lowerBound ?? site.callRange.lowerBound)
      let window = source.text(source.lineStarts[max(0, line - 4)]..<source.lineRange(containing: site.callRange.lowerBound).upperBound)
      return window.contains(InvariantComment.marker)
    }
    return .scanned(FileScan(sites: sites, source: source, documented: documented))
  }

  private func makeSite(_ occurrence: WasmtimeFlagOccurrence, command: CommandRegions.Command, commandRange: Range<Int>,
                        group: String, source: SourceText, variables: LazyVariables) -> ExtractedSite {
    let setting: Setting = occurrence.setting == .maxWasmStack ? .maxWasmStack : .asyncStackSize
    let key = occurrence.setting.optionKey
    // The name token: the key inside `key=value`, or the old flag itself.
    let nameRange: Range<Int>
    if let entry = occurrence.entrySourceRange, !occurrence.spelling.isLegacy {
      nameRange = entry.lowerBound..<min(entry.lowerBound + key.utf8.count, entry.upperBound)
    } else if !occurrence.spelling.isLegacy,
              let offset = ByteSearch.occurrences(of: Array(key.utf8), in: Array(source.bytes[occurrence.range])).first {
      // `-W max-wasm-stack="$S"`: the entry spans a quote, but the key itself is plain text.
      nameRange = (occurrence.range.lowerBound + offset)..<(occurrence.range.lowerBound + offset + key.utf8.count)
    } else {
      nameRange = occurrence.range
    }
    var argument: Expression
    var definition: ConstantDefinition?
    switch occurrence.value {
    case let .number(value, _): argument = .integer(value)
    case let .variable(reference):
      if let name = reference.name, let found = variables.value.definition(of: name, before: occurrence.range.lowerBound) {
        argument = found.value
        definition = found
      } else if kind == .msbuild, let name = reference.name, reference.syntax == .dollarParen {
        // Looked up across the tree's MSBuild files by the constant index.
        argument = .name([name])
      } else if let name = reference.name {
        let fallback = reference.defaultText.map { ", default \($0)" } ?? ""
        argument = .opaque("\(name) is set outside this file (environment or caller\(fallback))")
      } else {
        argument = .opaque("\(occurrence.valueText) is computed when the command runs")
      }
    case .dynamic: argument = .opaque("\(occurrence.valueText) is computed when the command runs")
    case let .notANumber(message): argument = .opaque("the CLI rejects `\(occurrence.valueText)`: \(message)")
    case .missing: argument = .opaque("no value is given")
    }
    return ExtractedSite(
      setting: setting, apiName: occurrence.spelling.isLegacy ? "--\(key)" : key, nameRange: nameRange,
      argument: argument, argumentText: occurrence.valueText,
      argumentRange: occurrence.valueSourceRange ?? occurrence.range, callRange: occurrence.range,
      scopeStart: 0, receiverKey: group, receiverText: "", statementRange: commandRange,
      isChainLink: false, inErrorRegion: false, configIsFresh: true, definition: definition,
      impliesAsync: command.invocation?.subcommand == .serve, configFile: command.configFile)
  }

  func constants(in source: SourceText, mentions: [Int], path: String, parsers: ParserCache) -> [ConstantDefinition]? {
    guard kind == .msbuild else { return [] }
    return VariableDefinitions(source: source, kind: kind, path: path, parsers: parsers).all
  }

  func newSyntaxErrors(original: [UInt8], edited: [UInt8], editStarts: [Int], parsers: ParserCache) -> String? {
    guard let grammar = CommandRegions.grammar(for: kind) else { return nil }
    guard let parser = parsers.parser(for: CommandRegions.parserKey(kind), grammar: grammar) else { return "could not re-parse the edited file" }
    return TreeSitterParsing.newErrors(original: original, edited: edited, parser: parser)
  }
}

/// A file's variable definitions, read on first use.
final class LazyVariables {
  private let make: () -> VariableDefinitions
  private(set) lazy var value: VariableDefinitions = make()
  init(_ make: @escaping () -> VariableDefinitions) { self.make = make }
}
