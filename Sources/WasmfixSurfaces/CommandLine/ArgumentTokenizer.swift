import WasmfixWorkspace
import Foundation

// Splits command-line text found in files (shell scripts, Makefile recipes, Dockerfile `RUN`,
// YAML `run:` blocks, MSBuild property text, PowerShell, cmd) into argv-like tokens, keeping
// for every unquoted byte the source bytes it came from, so a fix can replace exactly the
// digits of `8388608` inside `"max-wasm-stack=8388608"` or `--engine-arg=max-wasm-stack=8388608`.
//
// Design: the region is first decoded into *units* (one output byte each, with the source
// bytes it stands for): the identity for shell, PowerShell and cmd; `$$` → `$` for Make;
// XML entities (`&quot;`) and `%XX` escapes for MSBuild, because MSBuild decodes them before the
// text reaches a shell. One forward pass over the units then builds tokens. Every scan moves
// the position forward and never back, and nothing recurses, so any input (unterminated
// quotes, `$((((…`, megabytes) finishes in linear time.

/// The quoting and expansion rules of a command-line region.
public enum CommandLineDialect: Sendable, Hashable, CaseIterable {
  /// POSIX `sh`/bash: `'…'`, `"…"`, `\` escapes, `\`+newline continuations, `#` comments,
  /// `;` `&&` `||` `|` `&` `(` `)` and newlines between commands, `$VAR`, `${VAR:-default}`,
  /// `$(…)`, `` `…` ``. Also right for Dockerfile `RUN`, YAML `run:` blocks and GitHub
  /// Actions, and any text a shell eventually reads. `$(NAME)` with a plain name is reported as a
  /// variable (Make and MSBuild write variables that way; in a real shell it would run `NAME`).
  case posixShell
  /// A Makefile recipe: the shell rules, after Make's own `$$` → `$` (so `$$HOME` is the shell
  /// variable `HOME`), with `$(VAR)`/`${VAR}` as Make variables. A recipe's `@`, `-`, `+`
  /// prefixes stay in the first token; `WasmtimeFlags` ignores them when finding the program.
  case makefile
  /// MSBuild property or item text that ends up in a shell script or `Exec`: the shell rules,
  /// after decoding XML entities (`&quot;` `&apos;` `&amp;` `&lt;` `&gt;` `&#NN;` `&#xHH;`) and
  /// MSBuild `%XX` escapes (`%24` → `$`, `%3B` → `;`); `$(Prop)`, `@(Item)`, `%(Meta)` are
  /// variables, `$([MSBuild]::…)` a substitution.
  case msbuild
  /// PowerShell: `'…'` (`''` escapes `'`), `"…"` (`` ` `` and `""` escapes), backtick escapes
  /// and continuations, `#`/`<#…#>` comments, `$var`, `${var}`, `$env:NAME`, `$(…)`. Inside
  /// `(…)`, `@(…)` newlines do not end the command and `,` separates elements, so
  /// `@('-W', 'max-wasm-stack=16777216', $wasm)` yields three tokens. `{`/`}` start and end
  /// commands (script blocks). The call operator `&` is a token of its own.
  case powerShell
  /// Windows `cmd`/batch: `"…"` (quotes removed), `^` escapes and continuations, `%VAR%`,
  /// `%1`, `%~dp0`, `!VAR!`, `&` `&&` `||` `|` `(` `)` and newlines between commands,
  /// `rem`/`::` comments.
  case cmd
}

/// A byte run of a token's unquoted text and the source bytes it came from.
public struct TokenSegment: Sendable, Hashable {
  /// UTF-8 offsets into `CommandToken.bytes`.
  public var text: Range<Int>
  /// File byte offsets.
  public var source: Range<Int>
  /// The text bytes are exactly the source bytes (same length, same values), so any
  /// sub-range maps linearly. False for escapes (`\"` → `"`), entities (`&quot;` → `"`) and
  /// Make's `$$` → `$`: such a segment maps only as a whole.
  public var isVerbatim: Bool

  public init(text: Range<Int>, source: Range<Int>, isVerbatim: Bool) {
    self.text = text
    self.source = source
    self.isVerbatim = isVerbatim
  }
}

/// A variable reference or substitution inside a token, kept raw in the token's text.
public struct VariableReference: Sendable, Hashable {
  /// How the reference is written.
  public enum Syntax: Sendable, Hashable {
    /// `$NAME`, `$1`, `$@` (shell); `$name`, `$env:NAME` (PowerShell).
    case dollarName
    /// `${NAME}`, `${NAME:-default}` (shell, Make); `${name}` (PowerShell).
    case dollarBrace
    /// `$(NAME)`: a Make variable or MSBuild property (a plain name inside the parentheses).
    case dollarParen
    /// `@(Items)` (MSBuild).
    case msbuildItem
    /// `%(Metadata)` (MSBuild).
    case msbuildMetadata
    /// `%NAME%`, `%1`, `%~dp0`, `!NAME!` (cmd).
    case percent
    /// Runs code: `$(cmd …)`, `` `cmd` ``, `$((…))`, `$([MSBuild]::…)`, PowerShell `$(…)`.
    case commandSubstitution
    /// An interpolation inside a string literal: `${expr}` (JS template, Kotlin),
    /// `#{expr}` (Elixir, Ruby), `{expr}` (Python f-string).
    case interpolation
  }

  public var syntax: Syntax
  /// The variable's name (`STACK` in `${STACK:-1048576}`, `WasmXHarnessArgs` in
  /// `$(WasmXHarnessArgs)`); the expression text for an interpolation; nil for a substitution.
  public var name: String?
  /// `:-`, `-`, `:=` or `=` in `${NAME:-default}`: the forms whose word is used when the
  /// variable is unset (`:` forms: also when empty). Nil otherwise.
  public var fallbackOperator: String?
  /// The raw text after the operator (`1048576` in `${STACK:-1048576}`).
  public var defaultText: String?
  /// Where `defaultText` sits in the file.
  public var defaultSourceRange: Range<Int>?
  /// UTF-8 offsets of the whole reference in `CommandToken.bytes`.
  public var textRange: Range<Int>
  /// File byte offsets of the whole reference.
  public var sourceRange: Range<Int>

  public init(
    syntax: Syntax, name: String?, fallbackOperator: String? = nil, defaultText: String? = nil,
    defaultSourceRange: Range<Int>? = nil, textRange: Range<Int>, sourceRange: Range<Int>
  ) {
    self.syntax = syntax
    self.name = name
    self.fallbackOperator = fallbackOperator
    self.defaultText = defaultText
    self.defaultSourceRange = defaultSourceRange
    self.textRange = textRange
    self.sourceRange = sourceRange
  }

  /// Whether this names a variable (as opposed to running code).
  public var isNamedVariable: Bool { syntax != .commandSubstitution && name != nil }
}

/// One argv element of a command, as the program would receive it (variables kept raw).
public struct CommandToken: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// An argument (or the program name).
    case word
    /// A redirection operator (`>`, `2>&1`'s `>&`, `<`): not passed to the program. The
    /// word after it is its target.
    case redirection
  }

  public var kind: Kind
  /// The unquoted text, UTF-8. Variable references stay as written (`${STACK:-1048576}`).
  public var bytes: [UInt8]
  /// The whole raw token in the file, quotes included.
  public var range: Range<Int>
  /// How `bytes` maps back to the file, in text order, covering all of `bytes`.
  public var segments: [TokenSegment]
  /// Variable references and substitutions inside `bytes`, in text order.
  public var variables: [VariableReference]
  /// Which command of the region the token belongs to (0-based, in order).
  public var commandIndex: Int
  /// Some of the token was quoted.
  public var hasQuotes: Bool
  /// A quote, `${…}` or `$(…)` in the token was not closed before the region ended.
  public var isUnterminated: Bool

  public init(
    kind: Kind = .word, bytes: [UInt8], range: Range<Int>, segments: [TokenSegment],
    variables: [VariableReference] = [], commandIndex: Int = 0, hasQuotes: Bool = false,
    isUnterminated: Bool = false
  ) {
    self.kind = kind
    self.bytes = bytes
    self.range = range
    self.segments = segments
    self.variables = variables
    self.commandIndex = commandIndex
    self.hasQuotes = hasQuotes
    self.isUnterminated = isUnterminated
  }

  /// The unquoted text (invalid UTF-8 shows as U+FFFD; offsets refer to `bytes`).
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// The file bytes that produced `bytes[textRange]`, or nil when they are not one contiguous
  /// run that can be replaced as a whole: the range cuts through an escape or entity, or
  /// spans a quote (`83"886"08`). An empty range maps to an empty range at its position.
  public func sourceRange(forTextRange textRange: Range<Int>) -> Range<Int>? {
    guard textRange.lowerBound >= 0, textRange.upperBound <= bytes.count else { return nil }
    if textRange.isEmpty { return sourcePosition(forTextOffset: textRange.lowerBound) }
    var start: Int?
    var end = 0
    for segment in segments {
      if segment.text.upperBound <= textRange.lowerBound { continue }
      if segment.text.lowerBound >= textRange.upperBound { break }
      let lo = max(segment.text.lowerBound, textRange.lowerBound)
      let hi = min(segment.text.upperBound, textRange.upperBound)
      let partial = lo != segment.text.lowerBound || hi != segment.text.upperBound
      if partial && !segment.isVerbatim { return nil }
      let sourceLo = segment.isVerbatim ? segment.source.lowerBound + (lo - segment.text.lowerBound) : segment.source.lowerBound
      let sourceHi = segment.isVerbatim ? segment.source.lowerBound + (hi - segment.text.lowerBound) : segment.source.upperBound
      if let _ = start {
        guard sourceLo == end else { return nil }
      } else {
        start = sourceLo
      }
      end = sourceHi
    }
    guard let start else { return nil }
    return start..<end
  }

  /// An empty source range where text offset `offset` sits (between two mapped bytes), or nil.
  private func sourcePosition(forTextOffset offset: Int) -> Range<Int>? {
    for segment in segments {
      if segment.text.lowerBound < offset && offset < segment.text.upperBound {
        guard segment.isVerbatim else { return nil }
        let p = segment.source.lowerBound + (offset - segment.text.lowerBound)
        return p..<p
      }
      if segment.text.upperBound == offset {
        // After this segment; if the next segment starts here too it must be adjacent.
        return segment.source.upperBound..<segment.source.upperBound
      }
      if segment.text.lowerBound == offset {
        return segment.source.lowerBound..<segment.source.lowerBound
      }
    }
    return nil
  }

  /// The variable references overlapping `textRange`.
  public func variables(overlapping textRange: Range<Int>) -> [VariableReference] {
    variables.filter { $0.textRange.overlaps(textRange) }
  }
}

/// The tokens of a region, grouped into commands.
public struct TokenizedCommandLine: Sendable, Hashable {
  public var tokens: [CommandToken]
  /// Token index ranges, one per command that has tokens, in order; `tokens[commands[k]]` all
  /// have `commandIndex == k`.
  public var commands: [Range<Int>]

  public init(tokens: [CommandToken], commands: [Range<Int>]) {
    self.tokens = tokens
    self.commands = commands
  }

  /// The tokens of command `index`.
  public func tokens(ofCommand index: Int) -> ArraySlice<CommandToken> {
    guard commands.indices.contains(index) else { return [] }
    return tokens[commands[index]]
  }
}

/// A string literal already extracted from source code (Python, JS, Elixir, C#, …) that is one
/// argv element, e.g. each element of `["-W", "max-wasm-stack=134217728"]`.
public struct StringLiteralArgument: Sendable, Hashable {
  /// The literal's value (escapes decoded).
  public var text: String
  /// The file bytes between the quotes.
  public var contentRange: Range<Int>

  public init(text: String, contentRange: Range<Int>) {
    self.text = text
    self.contentRange = contentRange
  }
}

/// Which interpolations a string literal's text may contain.
public enum LiteralInterpolation: Sendable, Hashable {
  case none
  /// `${expr}`: JS template literals, Kotlin, Groovy.
  case dollarBrace
  /// `#{expr}`: Elixir, Ruby, CoffeeScript.
  case hashBrace
  /// `{expr}` (`{{` is a literal brace): Python f-strings, C# `$"…"`.
  case brace
}

/// Splits command-line text into tokens. See `CommandLineDialect` for the rules per dialect.
public enum ArgumentTokenizer {
  /// Tokenizes `bytes[range]` (clamped to the buffer). Offsets in the result are offsets into
  /// `bytes`.
  public static func tokenize(_ bytes: UnsafeRawBufferPointer, range: Range<Int>, dialect: CommandLineDialect) -> TokenizedCommandLine {
    let lo = max(0, min(range.lowerBound, bytes.count))
    let hi = max(lo, min(range.upperBound, bytes.count))
    let units = CommandLineUnits(decoding: bytes, lo..<hi, dialect: dialect)
    var scanner = CommandScanner(units: units, dialect: dialect)
    return scanner.run()
  }

  /// Tokenizes `bytes[range]` (all of `bytes` when `range` is nil).
  public static func tokenize(_ bytes: [UInt8], range: Range<Int>? = nil, dialect: CommandLineDialect) -> TokenizedCommandLine {
    bytes.withUnsafeBytes { tokenize($0, range: range ?? 0..<bytes.count, dialect: dialect) }
  }

  /// Tokenizes a string; offsets are UTF-8 offsets into `text`.
  public static func tokenize(_ text: String, dialect: CommandLineDialect) -> TokenizedCommandLine {
    tokenize(Array(text.utf8), dialect: dialect)
  }

  /// One token per literal, all in command 0, in the given order. A literal whose text equals
  /// its source bytes maps byte for byte; one with escapes maps only as a whole. `source` is
  /// the file's bytes (to check that the text is verbatim); without it, text and content of
  /// equal length are taken as verbatim.
  public static func tokens(
    fromLiterals literals: [StringLiteralArgument], source: [UInt8]? = nil,
    interpolation: LiteralInterpolation = .none
  ) -> TokenizedCommandLine {
    var tokens: [CommandToken] = []
    tokens.reserveCapacity(literals.count)
    for literal in literals {
      let text = Array(literal.text.utf8)
      let content = literal.contentRange
      var verbatim = text.count == content.count
      if verbatim, let source {
        if content.lowerBound < 0 || content.upperBound > source.count {
          verbatim = false
        } else {
          verbatim = source[content].elementsEqual(text)
        }
      }
      let segments =
        text.isEmpty && content.isEmpty ? [] : [TokenSegment(text: 0..<text.count, source: content, isVerbatim: verbatim)]
      var token = CommandToken(bytes: text, range: content, segments: segments)
      token.variables = interpolations(in: text, style: interpolation, token: token)
      tokens.append(token)
    }
    return TokenizedCommandLine(tokens: tokens, commands: tokens.isEmpty ? [] : [0..<tokens.count])
  }

  private static func interpolations(in text: [UInt8], style: LiteralInterpolation, token: CommandToken) -> [VariableReference] {
    let opener: [UInt8]
    switch style {
    case .none: return []
    case .dollarBrace: opener = [UInt8(ascii: "$"), UInt8(ascii: "{")]
    case .hashBrace: opener = [UInt8(ascii: "#"), UInt8(ascii: "{")]
    case .brace: opener = [UInt8(ascii: "{")]
    }
    var result: [VariableReference] = []
    var i = 0
    while i < text.count {
      if style == .brace, text[i] == UInt8(ascii: "{"), i + 1 < text.count, text[i + 1] == UInt8(ascii: "{") {
        i += 2
        continue
      }
      guard i + opener.count <= text.count, text[i..<(i + opener.count)].elementsEqual(opener) else {
        i += 1
        continue
      }
      var depth = 1
      var j = i + opener.count
      while j < text.count {
        if text[j] == UInt8(ascii: "{") { depth += 1 }
        if text[j] == UInt8(ascii: "}") {
          depth -= 1
          if depth == 0 { break }
        }
        j += 1
      }
      let end = min(j + 1, text.count)
      let inner = String(decoding: text[(i + opener.count)..<min(j, text.count)], as: UTF8.self)
        .trimmingCharacters(in: .whitespaces)
      let textRange = i..<end
      let source = token.sourceRange(forTextRange: textRange) ?? token.range
      result.append(VariableReference(syntax: .interpolation, name: inner, textRange: textRange, sourceRange: source))
      i = end
    }
    return result
  }
}

// MARK: - CommandLineUnits

/// The region decoded into units: one output byte each, with the file bytes it stands for.
/// Identity for most dialects (no arrays kept); Make and MSBuild decode escapes first.
fileprivate struct CommandLineUnits {
  var bytes: [UInt8]
  /// Source offset of unit 0 when `starts` is nil (identity mapping).
  let base: Int
  /// Per-unit source ranges when decoding changed lengths.
  var starts: [Int]?
  var ends: [Int]?
  let regionEnd: Int

  var count: Int { bytes.count }

  @inline(__always) func start(_ i: Int) -> Int {
    if i >= bytes.count { return regionEnd }
    if let starts { return starts[i] }
    return base + i
  }

  @inline(__always) func end(_ i: Int) -> Int {
    if let ends { return ends[i] }
    return base + i + 1
  }

  /// The unit is the one source byte it came from.
  @inline(__always) func isVerbatim(_ i: Int) -> Bool {
    guard let starts, let ends else { return true }
    return ends[i] - starts[i] == 1
  }

  init(decoding buffer: UnsafeRawBufferPointer, _ range: Range<Int>, dialect: CommandLineDialect) {
    base = range.lowerBound
    regionEnd = range.upperBound
    switch dialect {
    case .posixShell, .powerShell, .cmd:
      bytes = Array(buffer[range])
      starts = nil
      ends = nil
    case .makefile:
      bytes = []
      starts = []
      ends = []
      CommandLineUnits.decodeMake(buffer, range, into: &self)
    case .msbuild:
      bytes = []
      starts = []
      ends = []
      CommandLineUnits.decodeMSBuild(buffer, range, into: &self)
    }
  }

  private mutating func append(_ byte: UInt8, _ source: Range<Int>) {
    bytes.append(byte)
    starts!.append(source.lowerBound)
    ends!.append(source.upperBound)
  }

  private static func decodeMake(_ b: UnsafeRawBufferPointer, _ range: Range<Int>, into units: inout CommandLineUnits) {
    units.bytes.reserveCapacity(range.count)
    var i = range.lowerBound
    while i < range.upperBound {
      if b[i] == UInt8(ascii: "$"), i + 1 < range.upperBound, b[i + 1] == UInt8(ascii: "$") {
        units.append(UInt8(ascii: "$"), i..<(i + 2))
        i += 2
      } else {
        units.append(b[i], i..<(i + 1))
        i += 1
      }
    }
  }

  private static func decodeMSBuild(_ b: UnsafeRawBufferPointer, _ range: Range<Int>, into units: inout CommandLineUnits) {
    units.bytes.reserveCapacity(range.count)
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
      let c = b[i]
      if c == UInt8(ascii: "&") {
        // An entity is short: look at most 10 bytes ahead for its `;`.
        var j = i + 1
        while j < end, j - i <= 10, b[j] != UInt8(ascii: ";") { j += 1 }
        if j < end, b[j] == UInt8(ascii: ";"), let decoded = CommandLineUnits.entity(b, (i + 1)..<j) {
          for byte in decoded { units.append(byte, i..<(j + 1)) }
          i = j + 1
          continue
        }
      } else if c == UInt8(ascii: "%"), i + 2 < end, let h = hexValue(b[i + 1]), let l = hexValue(b[i + 2]) {
        units.append(UInt8(h << 4 | l), i..<(i + 3))
        i += 3
        continue
      }
      units.append(c, i..<(i + 1))
      i += 1
    }
  }

  private static func entity(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> [UInt8]? {
    let name = String(decoding: b[r], as: UTF8.self)
    switch name {
    case "quot": return [UInt8(ascii: "\"")]
    case "apos": return [UInt8(ascii: "'")]
    case "amp": return [UInt8(ascii: "&")]
    case "lt": return [UInt8(ascii: "<")]
    case "gt": return [UInt8(ascii: ">")]
    default: break
    }
    guard name.hasPrefix("#") else { return nil }
    let digits = name.dropFirst()
    let value: UInt32?
    if digits.hasPrefix("x") || digits.hasPrefix("X") {
      value = UInt32(digits.dropFirst(), radix: 16)
    } else {
      value = UInt32(digits, radix: 10)
    }
    guard let value, let scalar = Unicode.Scalar(value) else { return nil }
    return Array(String(Character(scalar)).utf8)
  }

  static func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}

// MARK: - Scanner

private let space = UInt8(ascii: " ")
private let tab = UInt8(ascii: "\t")
private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
private let backslash = UInt8(ascii: "\\")
private let singleQuote = UInt8(ascii: "'")
private let doubleQuote = UInt8(ascii: "\"")
private let dollar = UInt8(ascii: "$")
private let backtick = UInt8(ascii: "`")
private let hash = UInt8(ascii: "#")
private let semicolon = UInt8(ascii: ";")
private let ampersand = UInt8(ascii: "&")
private let pipe = UInt8(ascii: "|")
private let openParen = UInt8(ascii: "(")
private let closeParen = UInt8(ascii: ")")
private let openBrace = UInt8(ascii: "{")
private let closeBrace = UInt8(ascii: "}")
private let less = UInt8(ascii: "<")
private let greater = UInt8(ascii: ">")
private let percent = UInt8(ascii: "%")
private let at = UInt8(ascii: "@")
private let comma = UInt8(ascii: ",")
private let caret = UInt8(ascii: "^")
private let bang = UInt8(ascii: "!")
private let colon = UInt8(ascii: ":")

@inline(__always) private func isNameStart(_ c: UInt8) -> Bool {
  (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
    || c == UInt8(ascii: "_")
}

@inline(__always) private func isNameChar(_ c: UInt8) -> Bool {
  isNameStart(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
}

@inline(__always) private func isDigit(_ c: UInt8) -> Bool {
  c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
}

/// The token being built.
private struct TokenBuilder {
  var bytes: [UInt8] = []
  var segments: [TokenSegment] = []
  var variables: [VariableReference] = []
  var rangeStart: Int
  var rangeEnd: Int
  var hasQuotes = false
  var isUnterminated = false

  init(at offset: Int) {
    rangeStart = offset
    rangeEnd = offset
  }

  /// Appends one output byte that stands for `source`.
  mutating func append(_ byte: UInt8, source: Range<Int>, verbatim: Bool) {
    let t = bytes.count
    bytes.append(byte)
    if var last = segments.last, last.text.upperBound == t {
      if verbatim, last.isVerbatim, last.source.upperBound == source.lowerBound {
        last.text = last.text.lowerBound..<(t + 1)
        last.source = last.source.lowerBound..<source.upperBound
        segments[segments.count - 1] = last
        return
      }
      if !verbatim, !last.isVerbatim, last.source == source {
        // Several output bytes of one decoded entity (`&#233;`).
        last.text = last.text.lowerBound..<(t + 1)
        segments[segments.count - 1] = last
        return
      }
    }
    segments.append(TokenSegment(text: t..<(t + 1), source: source, isVerbatim: verbatim))
  }
}

private struct CommandScanner {
  let u: CommandLineUnits
  let dialect: CommandLineDialect
  var tokens: [CommandToken] = []
  var commands: [Range<Int>] = []
  var current: TokenBuilder?
  var commandStartToken = 0
  /// PowerShell: depth of `(`/`@(`; newlines inside do not end the command.
  var parenDepth = 0

  init(units: CommandLineUnits, dialect: CommandLineDialect) {
    self.u = units
    self.dialect = dialect
  }

  var n: Int { u.count }

  mutating func run() -> TokenizedCommandLine {
    var i = 0
    switch dialect {
    case .posixShell, .makefile, .msbuild:
      while i < n { i = stepPosix(i) }
    case .powerShell:
      while i < n { i = stepPowerShell(i) }
    case .cmd:
      while i < n { i = stepCmd(i) }
    }
    endCommand()
    return TokenizedCommandLine(tokens: tokens, commands: commands)
  }

  // MARK: Token and command boundaries

  /// Runs `body` on the current token, starting one at unit `i` if needed. The token is
  /// mutated in place (`current!`): copying it out and back would copy its arrays on every
  /// byte and make long tokens quadratic.
  mutating func withToken(at i: Int, _ body: (inout TokenBuilder) -> Void) {
    if current == nil { current = TokenBuilder(at: u.start(i)) }
    body(&current!)
  }

  /// Appends unit `i` verbatim to the current token (starting one if needed).
  mutating func appendUnit(_ i: Int) {
    let byte = u.bytes[i]
    let source = u.start(i)..<u.end(i)
    let verbatim = u.isVerbatim(i)
    withToken(at: i) { t in
      t.append(byte, source: source, verbatim: verbatim)
      t.rangeEnd = source.upperBound
    }
  }

  /// Appends `byte`, which stands for units `a..<b` (an escape), to the current token.
  mutating func appendDecoded(_ byte: UInt8, units a: Int, _ b: Int) {
    let source = u.start(a)..<u.end(b - 1)
    withToken(at: a) { t in
      t.append(byte, source: source, verbatim: false)
      t.rangeEnd = source.upperBound
    }
  }

  /// Marks units `a..<b` as consumed by the current token without text (quotes, continuations).
  mutating func consumeSilently(_ a: Int, _ b: Int, quote: Bool) {
    guard b > a else { return }
    let end = u.end(b - 1)
    withToken(at: a) { t in
      t.rangeEnd = end
      if quote { t.hasQuotes = true }
    }
  }

  mutating func finishToken(kind: CommandToken.Kind = .word) {
    guard let t = current else { return }
    current = nil
    tokens.append(
      CommandToken(
        kind: kind, bytes: t.bytes, range: t.rangeStart..<t.rangeEnd, segments: t.segments, variables: t.variables,
        commandIndex: commands.count, hasQuotes: t.hasQuotes, isUnterminated: t.isUnterminated))
  }

  mutating func endCommand() {
    finishToken()
    if tokens.count > commandStartToken {
      commands.append(commandStartToken..<tokens.count)
      commandStartToken = tokens.count
    }
    parenDepth = 0
  }

  /// Emits an operator token (redirection, PowerShell `&`) made of units `a..<b`.
  mutating func emitOperator(_ a: Int, _ b: Int, kind: CommandToken.Kind) {
    finishToken()
    for k in a..<b { appendUnit(k) }
    finishToken(kind: kind)
  }

  /// Skips to the newline ending a comment (the newline itself is left to end the command).
  func skipToLineEnd(_ i: Int) -> Int {
    var j = i
    while j < n, u.bytes[j] != newline { j += 1 }
    return j
  }

  /// The unit after a line break starting at `i` (`\n` or `\r\n`), or nil.
  func lineBreakEnd(_ i: Int) -> Int? {
    guard i < n else { return nil }
    if u.bytes[i] == newline { return i + 1 }
    if u.bytes[i] == carriageReturn, i + 1 < n, u.bytes[i + 1] == newline { return i + 2 }
    return nil
  }

  // MARK: Variable references (appended raw)

  /// Appends units `a..<b` raw and records them as a reference.
  mutating func appendReference(
    _ a: Int, _ b: Int, syntax: VariableReference.Syntax, name: String?,
    fallback: (op: String, range: Range<Int>)? = nil, unterminated: Bool = false
  ) {
    if current == nil { current = TokenBuilder(at: u.start(a)) }
    let textStart = current!.bytes.count
    for k in a..<b { appendUnit(k) }
    if unterminated { current!.isUnterminated = true }
    var ref = VariableReference(
      syntax: syntax, name: name, textRange: textStart..<current!.bytes.count,
      sourceRange: u.start(a)..<(b > a ? u.end(b - 1) : u.start(a)))
    if let fallback {
      ref.fallbackOperator = fallback.op
      ref.defaultText = String(decoding: u.bytes[fallback.range], as: UTF8.self)
      let lo = u.start(fallback.range.lowerBound)
      ref.defaultSourceRange = fallback.range.isEmpty ? lo..<lo : lo..<u.end(fallback.range.upperBound - 1)
    }
    current!.variables.append(ref)
  }

  /// The unit after the `)` matching the `(` at `open`, counting nesting; `n` when unclosed.
  func matchParen(_ open: Int) -> (end: Int, closed: Bool) {
    var depth = 0
    var j = open
    while j < n {
      let c = u.bytes[j]
      if c == openParen { depth += 1 } else if c == closeParen {
        depth -= 1
        if depth == 0 { return (j + 1, true) }
      }
      j += 1
    }
    return (n, false)
  }

  /// The unit after the `}` matching the `{` at `open`; `n` when unclosed.
  func matchBrace(_ open: Int) -> (end: Int, closed: Bool) {
    var depth = 0
    var j = open
    while j < n {
      let c = u.bytes[j]
      if c == openBrace { depth += 1 } else if c == closeBrace {
        depth -= 1
        if depth == 0 { return (j + 1, true) }
      }
      j += 1
    }
    return (n, false)
  }

  /// `X(…)` at `i` where X is `$`, `@` or `%`: a variable when the parentheses hold a plain
  /// name (Make, MSBuild), else a substitution. Returns the unit after it.
  mutating func parenReference(_ i: Int, syntaxForName: VariableReference.Syntax) -> Int {
    let (end, closed) = matchParen(i + 1)
    let innerEnd = closed ? end - 1 : end
    let inner = (i + 2)..<max(i + 2, innerEnd)
    let isName =
      !inner.isEmpty && isNameStart(u.bytes[inner.lowerBound])
      && u.bytes[inner].allSatisfy { isNameChar($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
    if isName && closed {
      appendReference(i, end, syntax: syntaxForName, name: String(decoding: u.bytes[inner], as: UTF8.self))
    } else {
      appendReference(i, end, syntax: .commandSubstitution, name: nil, unterminated: !closed)
    }
    return end
  }

  /// `${…}` at `i`: name plus optional `:-default` etc. Returns the unit after it.
  mutating func braceReference(_ i: Int) -> Int {
    let (end, closed) = matchBrace(i + 1)
    let innerEnd = closed ? end - 1 : end
    var j = i + 2
    // `${#VAR}` (length) and `${!VAR}` (indirection) prefixes.
    if j < innerEnd, u.bytes[j] == hash || u.bytes[j] == bang, j + 1 < innerEnd, isNameChar(u.bytes[j + 1]) { j += 1 }
    let nameStart = j
    if j < innerEnd, isNameStart(u.bytes[j]) {
      while j < innerEnd, isNameChar(u.bytes[j]) { j += 1 }
    } else if j < innerEnd, isDigit(u.bytes[j]) {
      while j < innerEnd, isDigit(u.bytes[j]) { j += 1 }
    } else if j < innerEnd, "@*#?$!-".utf8.contains(u.bytes[j]) {
      j += 1
    }
    let name = j > nameStart ? String(decoding: u.bytes[nameStart..<j], as: UTF8.self) : nil
    var fallback: (op: String, range: Range<Int>)?
    if j < innerEnd {
      var op: [UInt8] = []
      var k = j
      if u.bytes[k] == colon { op.append(colon); k += 1 }
      if k < innerEnd, u.bytes[k] == UInt8(ascii: "-") || u.bytes[k] == UInt8(ascii: "=") {
        op.append(u.bytes[k])
        k += 1
        fallback = (String(decoding: op, as: UTF8.self), k..<innerEnd)
      }
    }
    appendReference(i, end, syntax: .dollarBrace, name: name, fallback: fallback, unterminated: !closed)
    return end
  }

  /// `$…` at `i` in the shell dialects (also inside double quotes). Returns the unit after it.
  mutating func posixDollar(_ i: Int) -> Int {
    guard i + 1 < n else {
      appendUnit(i)
      return i + 1
    }
    let next = u.bytes[i + 1]
    // Make: a `$` written as `$$` reaches the shell, so `$$(cmd)` is the shell's substitution;
    // a plain `$` followed by `@ < ^ ? * + | %` is one of Make's automatic variables.
    let fromMakeEscape = dialect == .makefile && !u.isVerbatim(i)
    if next == openBrace { return braceReference(i) }
    if next == openParen {
      if fromMakeEscape {
        let (end, closed) = matchParen(i + 1)
        appendReference(i, end, syntax: .commandSubstitution, name: nil, unterminated: !closed)
        return end
      }
      return parenReference(i, syntaxForName: .dollarParen)
    }
    if dialect == .makefile, !fromMakeEscape, "@<^?*+|%".utf8.contains(next) {
      appendReference(i, i + 2, syntax: .dollarName, name: String(decoding: [next], as: UTF8.self))
      return i + 2
    }
    if isNameStart(next) {
      var j = i + 1
      while j < n, isNameChar(u.bytes[j]) { j += 1 }
      appendReference(i, j, syntax: .dollarName, name: String(decoding: u.bytes[(i + 1)..<j], as: UTF8.self))
      return j
    }
    if isDigit(next) || "@*#?$!-".utf8.contains(next) {
      appendReference(i, i + 2, syntax: .dollarName, name: String(decoding: [next], as: UTF8.self))
      return i + 2
    }
    appendUnit(i)
    return i + 1
  }

  /// `` `…` `` at `i`: a command substitution kept raw. Returns the unit after it.
  mutating func backtickSubstitution(_ i: Int) -> Int {
    var j = i + 1
    while j < n, u.bytes[j] != backtick {
      if u.bytes[j] == backslash { j += 1 }
      j += 1
    }
    let closed = j < n
    let end = closed ? j + 1 : n
    appendReference(i, end, syntax: .commandSubstitution, name: nil, unterminated: !closed)
    return end
  }

  // MARK: POSIX shell, Make, MSBuild

  mutating func stepPosix(_ i: Int) -> Int {
    let c = u.bytes[i]
    switch c {
    case space, tab, carriageReturn:
      finishToken()
      return i + 1
    case newline:
      endCommand()
      return i + 1
    case backslash:
      if let after = lineBreakEnd(i + 1) {
        // Line continuation: removed; a token being built goes on after it (its range grows
        // only when more of it follows, so an insertion after the token stays on this line).
        return after
      }
      if i + 1 < n {
        appendDecoded(u.bytes[i + 1], units: i, i + 2)
        return i + 2
      }
      appendUnit(i)
      return i + 1
    case singleQuote:
      return singleQuoted(i)
    case doubleQuote:
      return doubleQuoted(i)
    case dollar:
      if i + 1 < n, u.bytes[i + 1] == singleQuote { return ansiCQuoted(i) }
      if i + 1 < n, u.bytes[i + 1] == doubleQuote {
        // `$"…"` (locale translation) reads like `"…"`.
        consumeSilently(i, i + 1, quote: true)
        return doubleQuoted(i + 1)
      }
      return posixDollar(i)
    case backtick:
      return backtickSubstitution(i)
    case at where dialect == .msbuild && i + 1 < n && u.bytes[i + 1] == openParen:
      return parenReference(i, syntaxForName: .msbuildItem)
    case percent where dialect == .msbuild && i + 1 < n && u.bytes[i + 1] == openParen:
      return parenReference(i, syntaxForName: .msbuildMetadata)
    case hash where current == nil:
      return skipToLineEnd(i)
    case semicolon, openParen, closeParen:
      endCommand()
      return i + 1
    case ampersand:
      if i + 1 < n, u.bytes[i + 1] == greater {
        // `&>file`, `&>>file`
        var j = i + 2
        if j < n, u.bytes[j] == greater { j += 1 }
        emitOperator(i, j, kind: .redirection)
        return j
      }
      endCommand()
      return i + 1 < n && u.bytes[i + 1] == ampersand ? i + 2 : i + 1
    case pipe:
      endCommand()
      return i + 1 < n && u.bytes[i + 1] == pipe ? i + 2 : i + 1
    case less, greater:
      return redirection(i)
    default:
      appendUnit(i)
      return i + 1
    }
  }

  /// `>`, `>>`, `>&`, `>|`, `<`, `<<`, `<&`, `<>` at `i`; a pending all-digit word (`2` in
  /// `2>&1`) is the file descriptor and joins the operator.
  mutating func redirection(_ i: Int) -> Int {
    var j = i + 1
    if j < n, u.bytes[j] == u.bytes[i] || u.bytes[j] == ampersand || u.bytes[j] == pipe
      || (u.bytes[i] == less && u.bytes[j] == greater)
    {
      j += 1
    }
    if let t = current, !t.bytes.isEmpty, t.variables.isEmpty, !t.hasQuotes, t.rangeEnd == u.start(i),
      t.bytes.allSatisfy(isDigit)
    {
      for k in i..<j { appendUnit(k) }
      finishToken(kind: .redirection)
      return j
    }
    emitOperator(i, j, kind: .redirection)
    return j
  }

  mutating func singleQuoted(_ i: Int) -> Int {
    consumeSilently(i, i + 1, quote: true)
    var j = i + 1
    while j < n, u.bytes[j] != singleQuote {
      appendUnit(j)
      j += 1
    }
    if j < n {
      consumeSilently(j, j + 1, quote: true)
      return j + 1
    }
    current!.isUnterminated = true
    return n
  }

  /// `$'…'`: backslash escapes decoded (`\n`, `\t`, `\\`, `\'`, `\"`); other escapes kept.
  mutating func ansiCQuoted(_ i: Int) -> Int {
    consumeSilently(i, i + 2, quote: true)
    var j = i + 2
    while j < n, u.bytes[j] != singleQuote {
      if u.bytes[j] == backslash, j + 1 < n {
        let e = u.bytes[j + 1]
        let decoded: UInt8? =
          switch e {
          case UInt8(ascii: "n"): newline
          case UInt8(ascii: "t"): tab
          case UInt8(ascii: "r"): carriageReturn
          case backslash, singleQuote, doubleQuote: e
          default: nil
          }
        if let decoded {
          appendDecoded(decoded, units: j, j + 2)
        } else {
          appendUnit(j)
          appendUnit(j + 1)
        }
        j += 2
        continue
      }
      appendUnit(j)
      j += 1
    }
    if j < n {
      consumeSilently(j, j + 1, quote: true)
      return j + 1
    }
    current!.isUnterminated = true
    return n
  }

  mutating func doubleQuoted(_ i: Int) -> Int {
    consumeSilently(i, i + 1, quote: true)
    var j = i + 1
    while j < n {
      let c = u.bytes[j]
      if c == doubleQuote {
        consumeSilently(j, j + 1, quote: true)
        return j + 1
      }
      if c == backslash, j + 1 < n {
        if let after = lineBreakEnd(j + 1) {
          consumeSilently(j, after, quote: true)
          j = after
          continue
        }
        let e = u.bytes[j + 1]
        if e == dollar || e == backtick || e == doubleQuote || e == backslash {
          appendDecoded(e, units: j, j + 2)
          j += 2
          continue
        }
        appendUnit(j)
        j += 1
        continue
      }
      if c == dollar {
        j = posixDollar(j)
        continue
      }
      if c == backtick {
        j = backtickSubstitution(j)
        continue
      }
      if dialect == .msbuild, c == at || c == percent, j + 1 < n, u.bytes[j + 1] == openParen {
        j = parenReference(j, syntaxForName: c == at ? .msbuildItem : .msbuildMetadata)
        continue
      }
      appendUnit(j)
      j += 1
    }
    current!.isUnterminated = true
    return n
  }

  // MARK: PowerShell

  mutating func stepPowerShell(_ i: Int) -> Int {
    let c = u.bytes[i]
    switch c {
    case space, tab, carriageReturn:
      finishToken()
      return i + 1
    case newline:
      if parenDepth > 0 {
        finishToken()
      } else {
        endCommand()
      }
      return i + 1
    case backtick:
      if let after = lineBreakEnd(i + 1) { return after }
      if i + 1 < n {
        appendDecoded(powerShellEscape(u.bytes[i + 1]), units: i, i + 2)
        return i + 2
      }
      appendUnit(i)
      return i + 1
    case singleQuote:
      return powerShellSingleQuoted(i)
    case doubleQuote:
      return powerShellDoubleQuoted(i)
    case dollar:
      return powerShellDollar(i)
    case hash where current == nil:
      return skipToLineEnd(i)
    case less where current == nil && i + 1 < n && u.bytes[i + 1] == hash:
      // `<# … #>` block comment.
      var j = i + 2
      while j + 1 < n, !(u.bytes[j] == hash && u.bytes[j + 1] == greater) { j += 1 }
      return min(n, j + 2)
    case at where current == nil && i + 1 < n && u.bytes[i + 1] == openParen:
      finishToken()
      parenDepth += 1
      return i + 2
    case openParen:
      finishToken()
      parenDepth += 1
      return i + 1
    case closeParen:
      finishToken()
      parenDepth = max(0, parenDepth - 1)
      return i + 1
    case comma:
      finishToken()
      return i + 1
    case semicolon:
      if parenDepth > 0 {
        finishToken()
      } else {
        endCommand()
      }
      return i + 1
    case openBrace, closeBrace:
      endCommand()
      return i + 1
    case pipe:
      endCommand()
      return i + 1 < n && u.bytes[i + 1] == pipe ? i + 2 : i + 1
    case ampersand:
      if i + 1 < n, u.bytes[i + 1] == ampersand {
        endCommand()
        return i + 2
      }
      // The call operator: `& $wasmtime -W …`.
      emitOperator(i, i + 1, kind: .word)
      return i + 1
    case greater:
      return redirection(i)
    default:
      appendUnit(i)
      return i + 1
    }
  }

  func powerShellEscape(_ e: UInt8) -> UInt8 {
    switch e {
    case UInt8(ascii: "n"): return newline
    case UInt8(ascii: "t"): return tab
    case UInt8(ascii: "r"): return carriageReturn
    case UInt8(ascii: "0"): return 0
    case UInt8(ascii: "a"): return 7
    case UInt8(ascii: "b"): return 8
    case UInt8(ascii: "f"): return 12
    case UInt8(ascii: "v"): return 11
    default: return e
    }
  }

  mutating func powerShellSingleQuoted(_ i: Int) -> Int {
    consumeSilently(i, i + 1, quote: true)
    var j = i + 1
    while j < n {
      if u.bytes[j] == singleQuote {
        if j + 1 < n, u.bytes[j + 1] == singleQuote {
          appendDecoded(singleQuote, units: j, j + 2)
          j += 2
          continue
        }
        consumeSilently(j, j + 1, quote: true)
        return j + 1
      }
      appendUnit(j)
      j += 1
    }
    current!.isUnterminated = true
    return n
  }

  mutating func powerShellDoubleQuoted(_ i: Int) -> Int {
    consumeSilently(i, i + 1, quote: true)
    var j = i + 1
    while j < n {
      let c = u.bytes[j]
      if c == doubleQuote {
        if j + 1 < n, u.bytes[j + 1] == doubleQuote {
          appendDecoded(doubleQuote, units: j, j + 2)
          j += 2
          continue
        }
        consumeSilently(j, j + 1, quote: true)
        return j + 1
      }
      if c == backtick, j + 1 < n {
        appendDecoded(powerShellEscape(u.bytes[j + 1]), units: j, j + 2)
        j += 2
        continue
      }
      if c == dollar {
        j = powerShellDollar(j)
        continue
      }
      appendUnit(j)
      j += 1
    }
    current!.isUnterminated = true
    return n
  }

  /// `$name`, `$env:NAME`, `${any name}`, `$(…)`, `$_`, `$?`, `$$`. Returns the unit after it.
  mutating func powerShellDollar(_ i: Int) -> Int {
    guard i + 1 < n else {
      appendUnit(i)
      return i + 1
    }
    let next = u.bytes[i + 1]
    if next == openParen {
      let (end, closed) = matchParen(i + 1)
      appendReference(i, end, syntax: .commandSubstitution, name: nil, unterminated: !closed)
      return end
    }
    if next == openBrace {
      var j = i + 2
      while j < n, u.bytes[j] != closeBrace {
        if u.bytes[j] == backtick { j += 1 }
        j += 1
      }
      let closed = j < n
      let end = closed ? j + 1 : n
      let name = String(decoding: u.bytes[(i + 2)..<min(j, n)], as: UTF8.self)
      appendReference(i, end, syntax: .dollarBrace, name: name, unterminated: !closed)
      return end
    }
    if isNameChar(next) {
      var j = i + 1
      while j < n {
        let c = u.bytes[j]
        // `$env:NAME`, `$script:x`: one scope qualifier.
        if c == colon, j + 1 < n, isNameChar(u.bytes[j + 1]) {
          j += 1
          continue
        }
        guard isNameChar(c) else { break }
        j += 1
      }
      appendReference(i, j, syntax: .dollarName, name: String(decoding: u.bytes[(i + 1)..<j], as: UTF8.self))
      return j
    }
    if next == dollar || next == UInt8(ascii: "?") || next == caret {
      appendReference(i, i + 2, syntax: .dollarName, name: String(decoding: [next], as: UTF8.self))
      return i + 2
    }
    appendUnit(i)
    return i + 1
  }

  // MARK: cmd

  mutating func stepCmd(_ i: Int) -> Int {
    let c = u.bytes[i]
    switch c {
    case space, tab, carriageReturn:
      let j = finishCmdWord(at: i)
      return j
    case newline:
      _ = finishCmdWord(at: i)
      endCommand()
      return i + 1
    case caret:
      if let after = lineBreakEnd(i + 1) { return after }
      if i + 1 < n {
        appendDecoded(u.bytes[i + 1], units: i, i + 2)
        return i + 2
      }
      appendUnit(i)
      return i + 1
    case doubleQuote:
      consumeSilently(i, i + 1, quote: true)
      var j = i + 1
      while j < n, u.bytes[j] != doubleQuote, u.bytes[j] != newline {
        if u.bytes[j] == percent || u.bytes[j] == bang, let end = cmdVariable(j) {
          j = end
          continue
        }
        appendUnit(j)
        j += 1
      }
      if j < n, u.bytes[j] == doubleQuote {
        consumeSilently(j, j + 1, quote: true)
        return j + 1
      }
      current!.isUnterminated = true
      return j
    case percent, bang:
      if let end = cmdVariable(i) { return end }
      appendUnit(i)
      return i + 1
    case ampersand, pipe:
      _ = finishCmdWord(at: i)
      endCommand()
      return i + 1 < n && u.bytes[i + 1] == c ? i + 2 : i + 1
    case openParen, closeParen:
      _ = finishCmdWord(at: i)
      endCommand()
      return i + 1
    case less, greater:
      return redirection(i)
    default:
      appendUnit(i)
      return i + 1
    }
  }

  /// Ends the current word; a command's first word `rem`/`@rem`/`::…` starts a comment.
  mutating func finishCmdWord(at i: Int) -> Int {
    guard let t = current else { return i + 1 }
    if tokens.count == commandStartToken, !t.hasQuotes {
      let word = String(decoding: t.bytes, as: UTF8.self).lowercased()
      if word == "rem" || word == "@rem" || word.hasPrefix("::") {
        current = nil
        return skipToLineEnd(i)
      }
    }
    finishToken()
    return i + 1
  }

  /// `%NAME%`, `%1`, `%*`, `%~dp0`, `%%i`, `!NAME!` at `i`; nil when it is a plain character.
  mutating func cmdVariable(_ i: Int) -> Int? {
    let c = u.bytes[i]
    guard i + 1 < n else { return nil }
    let next = u.bytes[i + 1]
    if c == percent {
      if isDigit(next) || next == UInt8(ascii: "*") {
        appendReference(i, i + 2, syntax: .percent, name: String(decoding: [next], as: UTF8.self))
        return i + 2
      }
      if next == UInt8(ascii: "~") {
        var j = i + 2
        while j < n, isNameStart(u.bytes[j]) || u.bytes[j] == UInt8(ascii: "$") || u.bytes[j] == colon { j += 1 }
        if j < n, isDigit(u.bytes[j]) {
          appendReference(i, j + 1, syntax: .percent, name: String(decoding: u.bytes[(i + 1)...j], as: UTF8.self))
          return j + 1
        }
        return nil
      }
      if next == percent, i + 2 < n, isNameChar(u.bytes[i + 2]) {
        // `%%i` loop variable in a batch file.
        appendReference(i, i + 3, syntax: .percent, name: String(decoding: [u.bytes[i + 2]], as: UTF8.self))
        return i + 3
      }
    }
    // `%NAME%` / `!NAME!`: up to the next same character on the line.
    var j = i + 1
    while j < n, u.bytes[j] != c, u.bytes[j] != newline { j += 1 }
    guard j < n, u.bytes[j] == c, j > i + 1 else { return nil }
    var name = String(decoding: u.bytes[(i + 1)..<j], as: UTF8.self)
    // `%VAR:~0,4%` substring and `%VAR:a=b%` replacement: the name is before the colon.
    if let cut = name.firstIndex(of: ":") { name = String(name[..<cut]) }
    appendReference(i, j + 1, syntax: .percent, name: name)
    return j + 1
  }
}
