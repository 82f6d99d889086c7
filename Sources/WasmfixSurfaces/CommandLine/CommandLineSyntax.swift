import WasmfixWorkspace
import Foundation

/// How a fix writes into a command line: plain decimal values (the CLI takes no
/// expressions), a sibling flag in the spelling of its neighbour (` -W async-stack-size=N`,
/// `,async-stack-size=N` in a comma list, ` --engine-arg=-W --engine-arg=async-stack-size=N`,
/// `, "-W", "async-stack-size=N"` in a script's list), and the file kind's comment.
package struct CommandLineSyntax: EditSyntax {
  let kind: PathKind

  package func comment(indent: String) -> String {
    switch kind {
    case .msbuild: return InvariantComment.lines.map { "\(indent)<!-- \($0) -->\n" }.joined()
    // A Make comment line (not a recipe line) among recipe lines is ignored by make.
    case .makefile: return InvariantComment.lines.map { "# \($0)\n" }.joined()
    case .javascriptArguments: return InvariantComment.lines.map { "\(indent)// \($0)\n" }.joined()
    default: return InvariantComment.lines.map { "\(indent)# \($0)\n" }.joined()
    }
  }

  package func formatValue(_ value: Int128, preferShifts: Bool) -> String { "\(value)" }

  package func insertSibling(_ setting: Setting, valueText: String, anchor: SiteAnchor, oldFallibleSetters: Bool, attribute: String?,
                             source: SourceText) -> [TextEdit]? {
    guard attribute == nil else { return nil }
    guard let occurrence = Self.occurrence(of: anchor, kind: kind, in: source) else { return nil }
    let key: WasmtimeStackSetting = setting == .maxWasmStack ? .maxWasmStack : .asyncStackSize
    guard let sibling = WasmtimeFlags.renderSibling(key, value: valueText, like: occurrence) else { return nil }
    let file = FileRef(path: anchor.path, absolutePath: anchor.absolutePath)
    if kind == .scriptArguments || kind == .javascriptArguments, !sibling.arguments.isEmpty {
      // One literal per argument, quoted like the anchor's literal.
      let quote = anchor.argumentRange.upperBound < source.bytes.count ? Character(UnicodeScalar(source.bytes[anchor.argumentRange.upperBound])) : "\""
      let literalEnd = anchor.argumentRange.upperBound + 1
      let text = sibling.arguments.map { ", \(quote)\($0)\(quote)" }.joined()
      return [.insertion(text, at: literalEnd, in: file)]
    }
    return [.insertion(sibling.text, at: sibling.insertionOffset, in: file)]
  }

  /// The flag occurrence a site was made from, found again in the edited file's bytes.
  static func occurrence(of site: SiteAnchor, kind: PathKind, in source: SourceText) -> WasmtimeFlagOccurrence? {
    let regions: [CommandRegions.Region]?
    switch kind {
    case .scriptArguments, .javascriptArguments: regions = ScriptLiterals.regions(source, hits: [site.nameRange.lowerBound])
    case .msbuild, .yaml: regions = CommandRegions.find(in: source, kind: kind, hits: [site.nameRange.lowerBound], parsers: ParserCache())
    default:
      guard let statement = site.statementRange else { return nil }
      let dialect: CommandLineDialect = kind == .makefile ? .makefile : (kind == .powershell ? .powerShell : .posixShell)
      let instructions: Set<String> = kind == .dockerfile ? ["RUN", "CMD", "ENTRYPOINT"] : []
      regions = [CommandRegions.Region(commands: CommandRegions.commands(ArgumentTokenizer.tokenize(source.bytes, range: statement, dialect: dialect),
                                                                          instructions: instructions), groupKey: nil)]
    }
    return regions?.lazy.flatMap(\.commands).flatMap(\.occurrences).first { $0.range == site.callRange }
  }

  /// The old `--max-wasm-stack N` rewritten as `-W max-wasm-stack=N` (in the same
  /// `--engine-arg` wrapper, or as list elements in a script).
  package func rewriteInCurrentSpelling(_ site: SiteAnchor, in source: SourceText) -> [TextEdit]? {
    guard let occurrence = Self.occurrence(of: site, kind: kind, in: source) else { return nil }
    let key: WasmtimeStackSetting = site.setting == .maxWasmStack ? .maxWasmStack : .asyncStackSize
    // The value keeps its bytes as written (`$STACK` must stay a variable, quotes stay quotes).
    let arguments = ["-W", "\(key.optionKey)=\(source.text(site.argumentRange))"]
    let wrapped = occurrence.spelling.engineArgument.map { wrapper in arguments.flatMap { wrapper.wrap($0) } } ?? arguments
    let file = FileRef(path: site.path, absolutePath: site.absolutePath)
    if kind == .scriptArguments || kind == .javascriptArguments {
      // The occurrence spans its literals' contents: keep the anchor's quotes around each.
      let quote = site.callRange.upperBound < source.bytes.count ? Character(UnicodeScalar(source.bytes[site.callRange.upperBound])) : "\""
      return [.replacement(wrapped.joined(separator: "\(quote), \(quote)"), of: site.callRange, in: file)]
    }
    return [.replacement(wrapped.joined(separator: " "), of: site.callRange, in: file)]
  }

  package func assertionPrerequisites(in source: SourceText, file: FileRef) -> [TextEdit] { [] }
  /// Command lines get no inserted run-time check: a value from the environment is left to the
  /// finding (the CLI itself derives the async stack from 25.0.1).
  package func runtimeAssertion(max: String, async: String, indent: String) -> String? { nil }
  package func staticAssertion(max: String, async: String) -> String? { nil }
  /// The CLI derives the async stack itself (25.0.1+); files hold plain numbers.
  package func derivedAsync(fromMax operand: String, headroom: String) -> String? { nil }
  package func constantSum(_ operand: String, _ headroom: String) -> String? { nil }
  package func binding(name: String, expression: String, indent: String) -> String { "" }
  package func localName(_ setting: Setting) -> String { setting.rawValue }
}
