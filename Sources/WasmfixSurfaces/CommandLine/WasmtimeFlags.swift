import WasmfixWorkspace
import Foundation

// Finds Wasmtime stack settings in one tokenized command: `-W max-wasm-stack=N` and its
// spellings, comma lists, dotnet XHarness's `--engine-arg=…` forwarding, and the old
// `--max-wasm-stack N` flag; and renders a sibling setting in the same spelling.
//
// Option syntax (clap, `crates/cli-flags/src/lib.rs` `CommonOptions::wasm_raw`,
// `#[arg(short = 'W', long = "wasm")]`): `-W v`, `-Wv`, `-W=v` (clap strips the `=` of an
// attached short value), `--wasm v`, `--wasm=v`. The value is a comma list of `key[=val]`
// split at every `,` and then at the first `=` (`crates/cli-flags/src/opt.rs`
// `CommaSeparatedParser::parse_ref`); keys are kebab-case only (`max_wasm_stack` is an
// unknown option). XHarness (dotnet/arcade `WasmEngineArguments`, Mono.Options prototype
// `engine-arg=`) takes `--engine-arg=V`, `--engine-arg:V`, `-engine-arg=V`, `/engine-arg=V`
// and `--engine-arg V`, and runs `wasmtime` with the values in order, then the arguments after
// `--` (`WasiTestCommand.InvokeInternal`), with no subcommand: an implicit `run`.

/// A Wasmtime stack setting, named by its `-W` key.
public enum WasmtimeStackSetting: String, Sendable, Hashable, CaseIterable {
  case maxWasmStack = "max-wasm-stack"
  case asyncStackSize = "async-stack-size"

  /// The `-W` / TOML `[wasm]` key.
  public var optionKey: String { rawValue }
}

/// dotnet XHarness's way of passing one argument on to `wasmtime`.
public struct EngineArgumentWrapper: Sendable, Hashable {
  public enum Separator: Sendable, Hashable {
    /// `--engine-arg=V`
    case equals
    /// `--engine-arg:V`
    case colon
    /// `--engine-arg V`
    case nextArgument
  }

  /// The flag as written: `--engine-arg`, `-engine-arg` or `/engine-arg`.
  public var flag: String
  public var separator: Separator

  public init(flag: String, separator: Separator) {
    self.flag = flag
    self.separator = separator
  }

  /// The XHarness arguments that pass `argument` to wasmtime.
  public func wrap(_ argument: String) -> [String] {
    switch separator {
    case .equals: ["\(flag)=\(argument)"]
    case .colon: ["\(flag):\(argument)"]
    case .nextArgument: [flag, argument]
    }
  }
}

/// How a stack setting is spelled: enough to write a sibling the same way.
public struct WasmtimeFlagSpelling: Sendable, Hashable {
  public enum Form: Sendable, Hashable {
    /// `-W max-wasm-stack=N`
    case shortSeparate
    /// `-Wmax-wasm-stack=N`
    case shortAttached
    /// `-W=max-wasm-stack=N`
    case shortEquals
    /// `--wasm max-wasm-stack=N`
    case longSeparate
    /// `--wasm=max-wasm-stack=N`
    case longEquals
    /// `--max-wasm-stack N` (CLI 3.0–13.x; 14.0.3–21.x through the compatibility layer)
    case legacySeparate
    /// `--max-wasm-stack=N`
    case legacyEquals
  }

  public var form: Form
  /// Set when the arguments reach wasmtime through XHarness `--engine-arg`.
  public var engineArgument: EngineArgumentWrapper?

  public init(form: Form, engineArgument: EngineArgumentWrapper? = nil) {
    self.form = form
    self.engineArgument = engineArgument
  }

  /// The old `--max-wasm-stack` flag, which has no async counterpart.
  public var isLegacy: Bool { form == .legacySeparate || form == .legacyEquals }

  /// The wasmtime arguments that set `key` to `value` in this form.
  func wasmtimeArguments(_ setting: WasmtimeStackSetting, _ value: String) -> [String]? {
    let entry = "\(setting.optionKey)=\(value)"
    switch form {
    case .shortSeparate: return ["-W", entry]
    case .shortAttached: return ["-W\(entry)"]
    case .shortEquals: return ["-W=\(entry)"]
    case .longSeparate: return ["--wasm", entry]
    case .longEquals: return ["--wasm=\(entry)"]
    case .legacySeparate:
      return setting == .maxWasmStack ? ["--max-wasm-stack", value] : nil
    case .legacyEquals:
      return setting == .maxWasmStack ? ["--max-wasm-stack=\(value)"] : nil
    }
  }
}

/// A setting's value as written.
public enum WasmtimeFlagValue: Sendable, Hashable {
  /// A constant the CLI parses (with the newest CLI's rules; `syntax` says which spellings
  /// an older CLI rejects, see `WasmtimeCLIFacts.accepts`).
  case number(Int128, WasmtimeNumberSyntax)
  /// Exactly one variable reference (`$STACK`, `${STACK:-1048576}`, `$(WasmStack)`, `%STACK%`).
  case variable(VariableReference)
  /// Partly variable, or computed (`$((8 << 20))`, `${A}000`, a template interpolation).
  case dynamic
  /// A constant the CLI rejects; the text is the parser's message.
  case notANumber(String)
  /// `-W max-wasm-stack` without `=value` (the CLI says the value must be given).
  case missing
}

/// One stack setting in a command.
public struct WasmtimeFlagOccurrence: Sendable, Hashable {
  public var setting: WasmtimeStackSetting
  public var spelling: WasmtimeFlagSpelling
  /// The entry's position in its comma list and the list's length (0 and 1 when alone).
  public var listIndex: Int
  public var listCount: Int
  /// The value's unquoted text, variables raw (`8388608`, `0x800000`, `${STACK:-1048576}`).
  public var valueText: String
  public var value: WasmtimeFlagValue
  /// The exact file bytes of the value, for replacing it; nil when the value cannot be
  /// replaced as one run (it spans a quote or part of an escape).
  public var valueSourceRange: Range<Int>?
  /// The file bytes of `key=value`; nil when not one run.
  public var entrySourceRange: Range<Int>?
  /// The whole occurrence, from the flag to the end of its value, `--engine-arg` wrappers
  /// included: a sibling goes right after it.
  public var range: Range<Int>
  /// Indices of the tokens that make it up (into the token array the slice came from).
  public var tokenIndices: ClosedRange<Int>
  /// The occurrence comes after the module path: the new CLI (14.0+) hands it to the guest
  /// program; the ≤ 13 CLI still read it as a Wasmtime option. A heuristic (it needs to know
  /// which options take a value), false when no program was recognised.
  public var followsModule: Bool

  public var isListMember: Bool { listCount > 1 }

  /// The variable's `:-default` value parsed as a size, when the value is a variable with one.
  public var fallbackNumber: Int128? {
    guard case .variable(let ref) = value, let text = ref.defaultText else { return nil }
    let parse = spelling.isLegacy ? WasmtimeCLIFacts.parseLegacySize(text) : WasmtimeCLIFacts.parseOptionSize(text)
    return parse.value
  }
}

/// Where a Wasmtime invocation starts in a command.
public struct WasmtimeInvocation: Sendable, Hashable {
  public enum Program: Sendable, Hashable {
    case wasmtime
    /// dotnet XHarness (`xharness wasi …`, `dotnet xharness …`, `$HARNESS_RUNNER`), which runs
    /// wasmtime with its `--engine-arg` values.
    case xharness
  }

  public var program: Program
  /// The program token; nil when the program is only implied by `--engine-arg` tokens (MSBuild
  /// text that appends to `$(_XHarnessArgs)`).
  public var programTokenIndex: Int?
  /// The wasmtime subcommand (`run` when implicit).
  public var subcommand: WasmtimeSubcommand
  /// No subcommand was written: `wasmtime foo.wasm` and XHarness run the module.
  public var isImplicitRun: Bool
  /// The subcommand's token, when written.
  public var subcommandTokenIndex: Int?
}

/// Identifies one command line of a file: the group key for settings that configure one engine.
public struct CommandLineKey: Sendable, Hashable {
  /// The command's index in its tokenized region.
  public var commandIndex: Int
  /// The file offset of the command's first token.
  public var start: Int

  public init(commandIndex: Int, start: Int) {
    self.commandIndex = commandIndex
    self.start = start
  }
}

/// Everything about one command.
public struct WasmtimeCommandAnalysis: Sendable, Hashable {
  public var key: CommandLineKey
  public var invocation: WasmtimeInvocation?
  public var occurrences: [WasmtimeFlagOccurrence]
  /// `--config FILE` / `--config=FILE` among the wasmtime arguments: a TOML options file from
  /// 30.0.0 (its `[wasm]` keys apply unless `-W` overrides them), a cache config ≤ 13.x (see
  /// `WasmtimeCLIFacts.configFlag`).
  public var configFileTokenIndex: Int?
  public var configFilePath: String?
}

/// Where a sibling setting goes.
public enum SiblingPlacement: Sendable, Hashable {
  /// In the same comma list when the occurrence is a list member, else as new arguments.
  case automatic
  /// New arguments after the occurrence (` -W async-stack-size=N`).
  case separateArguments
  /// A new entry after the occurrence's entry in the same argument (`,async-stack-size=N`).
  case sameList
}

/// A sibling setting rendered in an occurrence's spelling.
public struct WasmtimeSiblingText: Sendable, Hashable {
  /// The file offset to insert at.
  public var insertionOffset: Int
  /// The text to insert there in a shell-like source: ` -W async-stack-size=N`,
  /// ` --engine-arg=-W --engine-arg=async-stack-size=N`, or `,async-stack-size=N` inside a list.
  public var text: String
  /// The new argv elements (a string-literal list renders these in its own syntax); empty
  /// when `text` extends an existing argument.
  public var arguments: [String]
}

/// Finds Wasmtime invocations and stack settings in tokenized commands.
public enum WasmtimeFlags {
  /// Analyzes every command of a tokenized region.
  public static func analyze(_ line: TokenizedCommandLine) -> [WasmtimeCommandAnalysis] {
    line.commands.map { analyze(line.tokens[$0]) }
  }

  /// Analyzes one command (the tokens of one `commands` entry, or a literal list).
  public static func analyze(_ tokens: ArraySlice<CommandToken>) -> WasmtimeCommandAnalysis {
    let key = CommandLineKey(
      commandIndex: tokens.first?.commandIndex ?? 0, start: tokens.first?.range.lowerBound ?? 0)
    let streams = ArgumentStreams(tokens)
    var invocation = findInvocation(tokens, words: streams.words)
    if invocation == nil, !streams.engine.isEmpty {
      invocation = WasmtimeInvocation(
        program: .xharness, programTokenIndex: nil, subcommand: .run, isImplicitRun: true, subcommandTokenIndex: nil)
    }
    if var inv = invocation, inv.program == .xharness {
      // XHarness runs `wasmtime <engine args…>`: a first engine argument naming a subcommand
      // is one.
      if let first = streams.engine.first {
        let text = first.text(tokens)
        if WasmtimeSubcommand.knownNames.contains(text) {
          inv.subcommand = WasmtimeSubcommand(name: text)
          inv.isImplicitRun = false
          inv.subcommandTokenIndex = first.tokenIndex
        }
      }
      invocation = inv
    }

    var occurrences: [WasmtimeFlagOccurrence] = []
    var configIndex: Int?
    var configPath: String?
    // Direct arguments: wasmtime's own when the program is wasmtime; XHarness's otherwise
    // (reported anyway: arguments after `--` reach wasmtime too).
    var direct = streams.direct
    var directModule: Int?
    if let inv = invocation, inv.program == .wasmtime, let p = inv.programTokenIndex {
      let after = inv.subcommandTokenIndex ?? p
      direct = direct.filter { $0.tokenIndex > after }
      directModule = moduleItem(direct, tokens)
    }
    scan(direct, tokens, moduleItem: directModule, into: &occurrences)
    let engineModule = streams.engine.isEmpty ? nil : moduleItem(streams.engine, tokens)
    scan(streams.engine, tokens, moduleItem: engineModule, into: &occurrences)
    occurrences.sort { $0.range.lowerBound < $1.range.lowerBound }

    if invocation != nil {
      for stream in [direct, streams.engine] {
        if let found = configFile(stream, tokens) {
          configIndex = found.0
          configPath = found.1
          break
        }
      }
    }
    return WasmtimeCommandAnalysis(
      key: key, invocation: invocation, occurrences: occurrences, configFileTokenIndex: configIndex,
      configFilePath: configPath)
  }

  /// The stack settings of one command.
  public static func occurrences(in tokens: ArraySlice<CommandToken>) -> [WasmtimeFlagOccurrence] {
    analyze(tokens).occurrences
  }

  /// Where wasmtime (or XHarness) is invoked in one command, if it is.
  public static func invocation(in tokens: ArraySlice<CommandToken>) -> WasmtimeInvocation? {
    analyze(tokens).invocation
  }

  /// Renders `setting = value` in the spelling of `occurrence`, to insert after it (or after
  /// its list entry). Nil when the spelling cannot express the setting (the old
  /// `--max-wasm-stack` CLI has no async option) or a list entry's bytes are not one run.
  public static func renderSibling(
    _ setting: WasmtimeStackSetting, value: String, like occurrence: WasmtimeFlagOccurrence,
    placement: SiblingPlacement = .automatic
  ) -> WasmtimeSiblingText? {
    let spelling = occurrence.spelling
    let inList = placement == .sameList || (placement == .automatic && occurrence.isListMember)
    if inList {
      guard !spelling.isLegacy, let entry = occurrence.entrySourceRange else { return nil }
      return WasmtimeSiblingText(
        insertionOffset: entry.upperBound, text: ",\(setting.optionKey)=\(value)", arguments: [])
    }
    guard let wasmtimeArguments = spelling.wasmtimeArguments(setting, value) else { return nil }
    let arguments = spelling.engineArgument.map { wrapper in wasmtimeArguments.flatMap { wrapper.wrap($0) } } ?? wasmtimeArguments
    let text = arguments.map(shellQuoted).map { " " + $0 }.joined()
    return WasmtimeSiblingText(insertionOffset: occurrence.range.upperBound, text: text, arguments: arguments)
  }

  /// Quotes an argument for a POSIX shell when it has characters the shell would read.
  static func shellQuoted(_ argument: String) -> String {
    let safe = argument.utf8.allSatisfy { c in
      (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
        || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || "-_=.,:/+@%".utf8.contains(c)
    }
    if safe && !argument.isEmpty { return argument }
    return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  // MARK: Argument streams

  /// One argument as wasmtime (or XHarness) receives it: a token, or the part of a token after
  /// `--engine-arg=`.
  struct ArgumentItem {
    var tokenIndex: Int
    var textRange: Range<Int>
    var wrapper: EngineArgumentWrapper?
    /// The first token of the item (the `--engine-arg` flag of `--engine-arg V`).
    var firstTokenIndex: Int

    func bytes(_ tokens: ArraySlice<CommandToken>) -> ArraySlice<UInt8> { tokens[tokenIndex].bytes[textRange] }
    func text(_ tokens: ArraySlice<CommandToken>) -> String { String(decoding: bytes(tokens), as: UTF8.self) }
  }

  /// The word tokens of a command split into the arguments the program sees (`direct`) and
  /// those XHarness forwards to wasmtime (`engine`).
  struct ArgumentStreams {
    var words: [Int] = []
    var direct: [ArgumentItem] = []
    var engine: [ArgumentItem] = []

    static let engineFlags = ["--engine-arg", "-engine-arg", "/engine-arg"]

    init(_ tokens: ArraySlice<CommandToken>) {
      var skipNext = false
      for index in tokens.indices {
        let token = tokens[index]
        if token.kind == .redirection {
          skipNext = true
          continue
        }
        if skipNext {
          skipNext = false
          continue
        }
        words.append(index)
      }
      var k = 0
      while k < words.count {
        let index = words[k]
        let bytes = tokens[index].bytes
        if let (flag, separator) = ArgumentStreams.engineFlag(bytes) {
          if separator == .nextArgument {
            if k + 1 < words.count {
              let next = words[k + 1]
              engine.append(
                ArgumentItem(
                  tokenIndex: next, textRange: 0..<tokens[next].bytes.count,
                  wrapper: EngineArgumentWrapper(flag: flag, separator: .nextArgument), firstTokenIndex: index))
              k += 2
              continue
            }
          } else {
            let offset = flag.utf8.count + 1
            engine.append(
              ArgumentItem(
                tokenIndex: index, textRange: offset..<bytes.count,
                wrapper: EngineArgumentWrapper(flag: flag, separator: separator), firstTokenIndex: index))
            k += 1
            continue
          }
        }
        direct.append(ArgumentItem(tokenIndex: index, textRange: 0..<bytes.count, wrapper: nil, firstTokenIndex: index))
        k += 1
      }
    }

    static func engineFlag(_ bytes: [UInt8]) -> (String, EngineArgumentWrapper.Separator)? {
      for flag in engineFlags {
        let f = Array(flag.utf8)
        guard bytes.count >= f.count, bytes[0..<f.count].elementsEqual(f) else { continue }
        if bytes.count == f.count { return (flag, .nextArgument) }
        if bytes[f.count] == UInt8(ascii: "=") { return (flag, .equals) }
        if bytes[f.count] == UInt8(ascii: ":") { return (flag, .colon) }
      }
      return nil
    }
  }

  // MARK: Finding settings

  static func hasPrefix(_ bytes: ArraySlice<UInt8>, _ prefix: String) -> Bool {
    let p = prefix.utf8
    return bytes.count >= p.count && bytes.prefix(p.count).elementsEqual(p)
  }

  static func equals(_ bytes: ArraySlice<UInt8>, _ text: String) -> Bool {
    bytes.elementsEqual(text.utf8)
  }

  /// Scans a stream for `-W`/`--wasm`/`--max-wasm-stack` forms.
  static func scan(
    _ items: [ArgumentItem], _ tokens: ArraySlice<CommandToken>, moduleItem: Int?,
    into occurrences: inout [WasmtimeFlagOccurrence]
  ) {
    var k = 0
    while k < items.count {
      let item = items[k]
      let b = item.bytes(tokens)
      let follows = moduleItem.map { k > $0 } ?? false
      var consumed = 1
      let spelling: (WasmtimeFlagSpelling.Form, valueItem: ArgumentItem, valueOffset: Int)?
      if equals(b, "-W") || equals(b, "--wasm") {
        spelling = k + 1 < items.count ? (equals(b, "-W") ? .shortSeparate : .longSeparate, items[k + 1], 0) : nil
        consumed = 2
      } else if equals(b, "--max-wasm-stack") {
        spelling = k + 1 < items.count ? (.legacySeparate, items[k + 1], 0) : nil
        consumed = 2
      } else if hasPrefix(b, "--max-wasm-stack=") {
        spelling = (.legacyEquals, item, "--max-wasm-stack=".utf8.count)
      } else if hasPrefix(b, "--wasm=") {
        spelling = (.longEquals, item, "--wasm=".utf8.count)
      } else if hasPrefix(b, "-W=") {
        spelling = (.shortEquals, item, 3)
      } else if hasPrefix(b, "-W"), b.count > 2 {
        spelling = (.shortAttached, item, 2)
      } else {
        spelling = nil
      }
      guard let (form, valueItem, offset) = spelling else {
        k += 1
        continue
      }
      let first = item.firstTokenIndex
      let last = valueItem.tokenIndex
      let range = tokens[first].range.lowerBound..<tokens[last].range.upperBound
      let valueRange = (valueItem.textRange.lowerBound + offset)..<valueItem.textRange.upperBound
      let wrapper = item.wrapper
      let context = OccurrenceContext(
        spelling: WasmtimeFlagSpelling(form: form, engineArgument: wrapper), range: range,
        tokenIndices: min(first, last)...max(first, last), followsModule: follows)
      if form == .legacySeparate || form == .legacyEquals {
        occurrences.append(legacyOccurrence(tokens[valueItem.tokenIndex], valueRange, context))
      } else {
        occurrences.append(contentsOf: listOccurrences(tokens[valueItem.tokenIndex], valueRange, context))
      }
      k += consumed
    }
  }

  struct OccurrenceContext {
    var spelling: WasmtimeFlagSpelling
    var range: Range<Int>
    var tokenIndices: ClosedRange<Int>
    var followsModule: Bool
  }

  static func legacyOccurrence(_ token: CommandToken, _ valueRange: Range<Int>, _ c: OccurrenceContext) -> WasmtimeFlagOccurrence {
    let (value, text) = classify(token, valueRange, legacy: true)
    return WasmtimeFlagOccurrence(
      setting: .maxWasmStack, spelling: c.spelling, listIndex: 0, listCount: 1, valueText: text, value: value,
      valueSourceRange: token.sourceRange(forTextRange: valueRange), entrySourceRange: token.sourceRange(forTextRange: valueRange),
      range: c.range, tokenIndices: c.tokenIndices, followsModule: c.followsModule)
  }

  /// The stack settings in a `-W` value: a comma list of `key[=value]`, split the way
  /// `CommaSeparatedParser` does (every `,`, then the first `=`), except that commas and `=`
  /// inside a variable reference (`${A:-1,2}`) do not split.
  static func listOccurrences(_ token: CommandToken, _ valueRange: Range<Int>, _ c: OccurrenceContext) -> [WasmtimeFlagOccurrence] {
    let bytes = token.bytes
    let refs = token.variables.filter { $0.textRange.overlaps(valueRange) }
    func insideReference(_ p: Int) -> Bool { refs.contains { $0.textRange.lowerBound < p && p < $0.textRange.upperBound } }
    var entries: [Range<Int>] = []
    var start = valueRange.lowerBound
    var p = valueRange.lowerBound
    while p < valueRange.upperBound {
      if bytes[p] == UInt8(ascii: ","), !insideReference(p) {
        entries.append(start..<p)
        start = p + 1
      }
      p += 1
    }
    entries.append(start..<valueRange.upperBound)

    var result: [WasmtimeFlagOccurrence] = []
    for (index, entry) in entries.enumerated() {
      var eq: Int?
      var q = entry.lowerBound
      while q < entry.upperBound {
        if bytes[q] == UInt8(ascii: "="), !insideReference(q) {
          eq = q
          break
        }
        q += 1
      }
      let keyRange = entry.lowerBound..<(eq ?? entry.upperBound)
      let key = String(decoding: bytes[keyRange], as: UTF8.self)
      guard let setting = WasmtimeStackSetting(rawValue: key) else { continue }
      let value: WasmtimeFlagValue
      let text: String
      let valueSource: Range<Int>?
      if let eq {
        let v = (eq + 1)..<entry.upperBound
        (value, text) = classify(token, v, legacy: false)
        valueSource = token.sourceRange(forTextRange: v)
      } else {
        value = .missing
        text = ""
        valueSource = nil
      }
      result.append(
        WasmtimeFlagOccurrence(
          setting: setting, spelling: c.spelling, listIndex: index, listCount: entries.count, valueText: text,
          value: value, valueSourceRange: valueSource, entrySourceRange: token.sourceRange(forTextRange: entry),
          range: c.range, tokenIndices: c.tokenIndices, followsModule: c.followsModule))
    }
    return result
  }

  /// A value's meaning: one variable, something computed, or a constant parsed as the CLI would.
  static func classify(_ token: CommandToken, _ range: Range<Int>, legacy: Bool) -> (WasmtimeFlagValue, String) {
    let text = String(decoding: token.bytes[range], as: UTF8.self)
    let refs = token.variables.filter { $0.textRange.overlaps(range) }
    if refs.count == 1, refs[0].textRange == range, refs[0].isNamedVariable, refs[0].syntax != .interpolation {
      return (.variable(refs[0]), text)
    }
    if !refs.isEmpty { return (.dynamic, text) }
    let parse = legacy ? WasmtimeCLIFacts.parseLegacySize(text) : WasmtimeCLIFacts.parseOptionSize(text)
    switch parse {
    case .value(let v, let syntax): return (.number(v, syntax), text)
    case .rejected(let message): return (.notANumber(message), text)
    }
  }

  // MARK: Module position and `--config`

  /// Wasmtime options that take the next argument as their value (new CLI `CommonOptions`,
  /// `RunCommon`, `RunCommand`, `ServeCommand`, `CompileCommand`; old ≤ 13 CLI flags).
  static let valueOptions: Set<String> = [
    "-O", "--optimize", "-C", "--codegen", "-D", "--debug", "-W", "--wasm", "-S", "--wasi", "-R", "--record",
    "--dir", "--env", "-g", "--gdbstub", "--invoke", "--argv0", "--preload", "--profile", "--config", "--target",
    "--addr", "--shutdown-addr", "-o", "--output", "--emit-clif", "--mapdir", "--tcplisten", "--fuel",
    "--wasm-timeout", "--max-wasm-stack", "--wasm-features", "--wasi-modules", "--cranelift-set",
    "--cranelift-enable", "--opt-level", "--static-memory-maximum-size", "--static-memory-guard-size",
    "--dynamic-memory-guard-size", "--dynamic-memory-reserved-for-growth", "--compiler", "--coredump-on-trap",
    "--wasi-nn-graph", "--max-memory-size", "--max-table-elements", "--max-instances", "--max-tables",
    "--max-memories",
  ]

  /// The index of the module path in a wasmtime argument stream: the first argument that is
  /// neither an option nor an option's value (after `--`, the next argument).
  static func moduleItem(_ items: [ArgumentItem], _ tokens: ArraySlice<CommandToken>) -> Int? {
    var k = 0
    while k < items.count {
      let text = items[k].text(tokens)
      if text == "--" { return k + 1 < items.count ? k + 1 : nil }
      if text.hasPrefix("-"), text.count > 1 {
        k += valueOptions.contains(text) ? 2 : 1
        continue
      }
      return k
    }
    return nil
  }

  static func configFile(_ items: [ArgumentItem], _ tokens: ArraySlice<CommandToken>) -> (Int, String)? {
    let module = moduleItem(items, tokens) ?? items.count
    var k = 0
    while k < min(module, items.count) {
      let text = items[k].text(tokens)
      if text == "--config", k + 1 < items.count { return (items[k + 1].tokenIndex, items[k + 1].text(tokens)) }
      if text.hasPrefix("--config=") { return (items[k].tokenIndex, String(text.dropFirst("--config=".count))) }
      k += valueOptions.contains(text) ? 2 : 1
    }
    return nil
  }

  // MARK: Finding the program

  /// Words before the program that do not name it.
  static let commandPrefixes: Set<String> = [
    "env", "sudo", "exec", "time", "nice", "nohup", "command", "builtin", "then", "do", "else", "elif", "if",
    "while", "until", "!", "{", "&", ".", "call", "xargs", "timeout", "stdbuf", "eval",
  ]
  static let wasmtimeVariableNames: Set<String> = [
    "WASMTIME", "WASMTIME_BIN", "WASMTIME_EXE", "WASMTIME_PATH", "WASMTIME_CMD", "WASMTIME_CLI", "WASMTIME_BINARY",
  ]
  static let xharnessVariableNames: Set<String> = [
    "HARNESS_RUNNER", "XHARNESS", "XHARNESS_CLI", "XHARNESS_CLI_PATH", "XHARNESS_PATH", "XHARNESS_EXE",
  ]

  static func findInvocation(_ tokens: ArraySlice<CommandToken>, words: [Int]) -> WasmtimeInvocation? {
    var k = 0
    while k < words.count {
      let token = tokens[words[k]]
      let text = token.text
      let lower = stripRecipePrefix(text).lowercased()
      if isAssignment(token) || commandPrefixes.contains(lower) {
        k += 1
        // `env -i`, `sudo -E`, `timeout 60`: skip the wrapper's own options.
        while k < words.count, tokens[words[k]].text.hasPrefix("-") { k += 1 }
        if lower == "timeout", k < words.count { k += 1 }
        continue
      }
      break
    }
    guard k < words.count else { return nil }
    var programIndex = words[k]
    var program = tokens[programIndex]
    var name = programName(program)

    if name == "start-process" || name == "saps" || name == "start" {
      // PowerShell `Start-Process -FilePath wasmtime -ArgumentList @(…)`.
      var j = k + 1
      var found: Int?
      while j < words.count {
        let t = tokens[words[j]].text.lowercased()
        if t == "-filepath", j + 1 < words.count {
          found = j + 1
          break
        }
        if !t.hasPrefix("-") {
          found = j
          break
        }
        j += 1
      }
      guard let found else { return nil }
      k = found
      programIndex = words[k]
      program = tokens[programIndex]
      name = programName(program)
    }

    if isWasmtime(program, name: name) {
      var subcommand = WasmtimeSubcommand.run
      var implicit = true
      var subcommandIndex: Int?
      if k + 1 < words.count {
        let next = tokens[words[k + 1]].text
        if WasmtimeSubcommand.knownNames.contains(next) {
          subcommand = WasmtimeSubcommand(name: next)
          implicit = false
          subcommandIndex = words[k + 1]
        }
      }
      return WasmtimeInvocation(
        program: .wasmtime, programTokenIndex: programIndex, subcommand: subcommand, isImplicitRun: implicit,
        subcommandTokenIndex: subcommandIndex)
    }
    if isXHarness(program, name: name) {
      return WasmtimeInvocation(
        program: .xharness, programTokenIndex: programIndex, subcommand: .run, isImplicitRun: true,
        subcommandTokenIndex: nil)
    }
    if name == "dotnet" || name == "dotnet.exe" {
      // `dotnet xharness …`, `dotnet exec <path>/Microsoft.DotNet.XHarness.CLI.dll …`,
      // `dotnet tool run xharness …`.
      var j = k + 1
      while j < words.count, j <= k + 3 {
        let t = tokens[words[j]]
        if isXHarness(t, name: programName(t)) {
          return WasmtimeInvocation(
            program: .xharness, programTokenIndex: words[j], subcommand: .run, isImplicitRun: true,
            subcommandTokenIndex: nil)
        }
        let word = t.text
        guard word == "exec" || word == "tool" || word == "run" else { break }
        j += 1
      }
    }
    return nil
  }

  /// Make recipe prefixes `@`, `-`, `+` before the command.
  static func stripRecipePrefix(_ text: String) -> Substring {
    var s = Substring(text)
    while let c = s.first, c == "@" || c == "-" || c == "+", s.count > 1 { s = s.dropFirst() }
    return s
  }

  /// `NAME=value` before the program.
  static func isAssignment(_ token: CommandToken) -> Bool {
    let b = token.bytes
    guard let eq = b.firstIndex(of: UInt8(ascii: "=")), eq > 0 else { return false }
    let name = b[..<eq]
    guard let first = name.first, !(first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else { return false }
    return name.allSatisfy {
      ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z"))
        || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_")
    }
  }

  /// The lowercased file name a program token names: after the last `/`, `\` or variable
  /// reference (`$(WasmtimeDir)wasmtime.exe` → `wasmtime.exe`), Make prefixes removed.
  static func programName(_ token: CommandToken) -> String {
    var cut = 0
    for (i, c) in token.bytes.enumerated() where c == UInt8(ascii: "/") || c == UInt8(ascii: "\\") { cut = max(cut, i + 1) }
    if let last = token.variables.last, last.textRange.upperBound < token.bytes.count { cut = max(cut, last.textRange.upperBound) }
    let tail = String(decoding: token.bytes[cut...], as: UTF8.self)
    return String(stripRecipePrefix(tail)).lowercased()
  }

  /// The whole token is one variable reference; its name (Make prefixes removed from the text).
  static func soleVariableName(_ token: CommandToken) -> String? {
    var start = 0
    while start < token.bytes.count, [UInt8(ascii: "@"), UInt8(ascii: "-"), UInt8(ascii: "+")].contains(token.bytes[start]) {
      start += 1
    }
    guard token.variables.count == 1, let ref = token.variables.first, ref.isNamedVariable,
      ref.textRange == start..<token.bytes.count, let name = ref.name
    else { return nil }
    return name.uppercased()
  }

  static func isWasmtime(_ token: CommandToken, name: String) -> Bool {
    if let variable = soleVariableName(token) { return wasmtimeVariableNames.contains(variable) || variable.hasSuffix(":WASMTIME") }
    return name == "wasmtime" || name == "wasmtime.exe"
  }

  static func isXHarness(_ token: CommandToken, name: String) -> Bool {
    if let variable = soleVariableName(token) { return xharnessVariableNames.contains(variable) }
    return name == "xharness" || name == "xharness.exe" || name == "microsoft.dotnet.xharness.cli.dll"
      || name == "microsoft.dotnet.xharness.cli"
  }
}
