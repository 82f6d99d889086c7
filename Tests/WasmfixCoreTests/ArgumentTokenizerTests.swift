import Foundation
import Testing

@testable import WasmfixCore
@testable import WasmfixSupport
@testable import WasmfixWorkspace
@testable import WasmfixSurfaces
@testable import WasmfixEvaluation
@testable import WasmfixAnalysis
@testable import WasmfixFixing
@testable import WasmfixReporting

/// Everything under one name, so `swift test --filter ArgumentTokenizer` selects it all.
enum ArgumentTokenizerTests {
  /// The source text of `range` (UTF-8 offsets into `source`).
  static func slice(_ source: String, _ range: Range<Int>?) -> String? {
    guard let range else { return nil }
    let bytes = Array(source.utf8)
    guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return "<out of bounds>" }
    return String(decoding: bytes[range], as: UTF8.self)
  }

  static func texts(_ line: TokenizedCommandLine) -> [[String]] {
    line.commands.map { line.tokens[$0].map(\.text) }
  }

  /// The text range of the first occurrence of `needle` in a token's bytes.
  static func textRange(of needle: String, in token: CommandToken) -> Range<Int>? {
    let n = Array(needle.utf8)
    let b = token.bytes
    guard n.count <= b.count else { return nil }
    for i in 0...(b.count - n.count) where b[i..<(i + n.count)].elementsEqual(n) { return i..<(i + n.count) }
    return nil
  }

  /// Checks the structural invariants every tokenization must keep, whatever the input.
  /// Collects problems and expects once: a per-segment `#expect` would dominate the run time
  /// on the 100k-token inputs.
  static func checkInvariants(_ line: TokenizedCommandLine, source: [UInt8], region: Range<Int>, sourceLocation: SourceLocation = #_sourceLocation) {
    var problems: [String] = []
    func check(_ condition: Bool, _ message: @autoclosure () -> String) {
      if !condition, problems.count < 10 { problems.append(message()) }
    }
    for (c, command) in line.commands.enumerated() {
      check(!command.isEmpty, "command \(c) is empty")
      check(command.lowerBound == (c == 0 ? 0 : line.commands[c - 1].upperBound), "command \(c) does not follow the previous one")
      for index in command { check(line.tokens[index].commandIndex == c, "token \(index) has the wrong command index") }
    }
    check((line.commands.last?.upperBound ?? 0) == line.tokens.count, "tokens outside commands")
    var previousEnd = region.lowerBound
    for (index, token) in line.tokens.enumerated() {
      check(token.range.lowerBound >= previousEnd, "token \(index) overlaps or goes backwards")
      check(token.range.upperBound <= region.upperBound, "token \(index) ends outside the region")
      previousEnd = token.range.upperBound
      var textPosition = 0
      for segment in token.segments {
        check(segment.text.lowerBound == textPosition, "token \(index): segments do not cover the text in order")
        textPosition = segment.text.upperBound
        check(
          segment.source.lowerBound >= token.range.lowerBound && segment.source.upperBound <= token.range.upperBound,
          "token \(index): segment source outside the token")
        if segment.isVerbatim {
          check(token.bytes[segment.text].elementsEqual(source[segment.source]), "token \(index): verbatim segment differs from the source")
        }
      }
      check(textPosition == token.bytes.count, "token \(index): segments do not cover the text")
      for ref in token.variables {
        check(ref.textRange.upperBound <= token.bytes.count, "token \(index): reference outside the text")
        check(
          ref.sourceRange.lowerBound >= token.range.lowerBound && ref.sourceRange.upperBound <= token.range.upperBound,
          "token \(index): reference source outside the token")
      }
    }
    #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
  }
}

// MARK: - POSIX shell

extension ArgumentTokenizerTests {
  @Suite("ArgumentTokenizer: POSIX shell")
  struct Posix {
    @Test func splitsWordsAndCommands() {
      let line = ArgumentTokenizer.tokenize("wasmtime run -W max-wasm-stack=8388608 app.wasm", dialect: .posixShell)
      #expect(texts(line) == [["wasmtime", "run", "-W", "max-wasm-stack=8388608", "app.wasm"]])
      let source = "wasmtime run -W max-wasm-stack=8388608 app.wasm"
      #expect(line.tokens.map { slice(source, $0.range) } == ["wasmtime", "run", "-W", "max-wasm-stack=8388608", "app.wasm"])
    }

    @Test(
      "separators end commands",
      arguments: [
        ("a; b", [["a"], ["b"]]),
        ("a && b || c", [["a"], ["b"], ["c"]]),
        ("a | b |& c", [["a"], ["b"], ["c"]]),
        ("a & b", [["a"], ["b"]]),
        ("a\nb\r\nc", [["a"], ["b"], ["c"]]),
        ("(cd x && wasmtime run y)", [["cd", "x"], ["wasmtime", "run", "y"]]),
        ("a;;b", [["a"], ["b"]]),
        ("", []),
        ("   \n\n ; ", []),
      ])
    func separators(source: String, expected: [[String]]) {
      #expect(texts(ArgumentTokenizer.tokenize(source, dialect: .posixShell)) == expected)
    }

    @Test func quotesAndMapping() throws {
      let source = #"wasmtime "-W" 'max-wasm-stack=8388608' "max-wasm-stack="8388608 max-wasm-stack=83"88"608"#
      let line = ArgumentTokenizer.tokenize(source, dialect: .posixShell)
      #expect(line.tokens.map(\.text) == ["wasmtime", "-W", "max-wasm-stack=8388608", "max-wasm-stack=8388608", "max-wasm-stack=8388608"])
      #expect(line.tokens.map(\.hasQuotes) == [false, true, true, true, true])
      #expect(slice(source, line.tokens[1].range) == #""-W""#)
      #expect(slice(source, line.tokens[2].range) == "'max-wasm-stack=8388608'")
      for index in [2, 3] {
        let token = line.tokens[index]
        let digits = try #require(textRange(of: "8388608", in: token))
        #expect(slice(source, token.sourceRange(forTextRange: digits)) == "8388608")
      }
      // The digits span a quote: no single run of bytes to replace.
      let split = line.tokens[4]
      #expect(split.sourceRange(forTextRange: try #require(textRange(of: "8388608", in: split))) == nil)
      #expect(slice(source, split.sourceRange(forTextRange: try #require(textRange(of: "max-wasm-stack=83", in: split)))) == "max-wasm-stack=83")
      // Across the opening quote of token 3: not one run either.
      #expect(line.tokens[3].sourceRange(forTextRange: 0..<line.tokens[3].bytes.count) == nil)
    }

    @Test func escapes() throws {
      let source = #"echo "a\"b" c\ d 'x\y' "\$HOME" "\q""#
      let line = ArgumentTokenizer.tokenize(source, dialect: .posixShell)
      #expect(line.tokens.map(\.text) == ["echo", #"a"b"#, "c d", #"x\y"#, "$HOME", #"\q"#])
      // An escape maps only as a whole: `"` ← `\"`.
      let quote = line.tokens[1]
      #expect(slice(source, quote.sourceRange(forTextRange: 1..<2)) == #"\""#)
      #expect(slice(source, quote.sourceRange(forTextRange: 0..<3)) == #"a\"b"#)
      // `\$` is not a variable.
      #expect(line.tokens[4].variables.isEmpty)
    }

    @Test func continuations() throws {
      let source = "wasmtime run \\\n  -W max-wasm-stack=1 \\\r\n  app.wasm\nnext"
      let line = ArgumentTokenizer.tokenize(source, dialect: .posixShell)
      #expect(texts(line) == [["wasmtime", "run", "-W", "max-wasm-stack=1", "app.wasm"], ["next"]])
      // A token's range stops before the continuation (an insertion after it stays on its line).
      #expect(slice(source, line.tokens[1].range) == "run")
      #expect(slice(source, line.tokens[3].range) == "max-wasm-stack=1")

      let inside = "max-wasm\\\n-stack=5"
      let joined = ArgumentTokenizer.tokenize(inside, dialect: .posixShell)
      #expect(joined.tokens.map(\.text) == ["max-wasm-stack=5"])
      #expect(joined.tokens[0].segments.count == 2)
      #expect(slice(inside, joined.tokens[0].sourceRange(forTextRange: 15..<16)) == "5")
      #expect(joined.tokens[0].sourceRange(forTextRange: 0..<14) == nil)
    }

    @Test func comments() {
      let source = "wasmtime -W a=1 # -W max-wasm-stack=9\nfoo#bar\n  # whole line\nlast"
      #expect(texts(ArgumentTokenizer.tokenize(source, dialect: .posixShell)) == [["wasmtime", "-W", "a=1"], ["foo#bar"], ["last"]])
    }

    @Test func redirections() {
      let source = "wasmtime run app.wasm > out.txt 2>&1 </dev/null &>log"
      let line = ArgumentTokenizer.tokenize(source, dialect: .posixShell)
      #expect(line.tokens.map(\.text) == ["wasmtime", "run", "app.wasm", ">", "out.txt", "2>&", "1", "<", "/dev/null", "&>", "log"])
      #expect(line.tokens.map(\.kind) == [.word, .word, .word, .redirection, .word, .redirection, .word, .redirection, .word, .redirection, .word])
      #expect(line.commands.count == 1)
    }

    @Test func variables() throws {
      let source = #"x $VAR ${BRACED} ${STACK:-1048576} "$HOME/bin" '$NOPE' $(WASMTIME) $((8*1024)) `date` $1 ${N:=7} ${#LEN} $"loc""#
      let line = ArgumentTokenizer.tokenize(source, dialect: .posixShell)
      let refs = line.tokens.map(\.variables)
      #expect(line.tokens[1].text == "$VAR")
      #expect(refs[1].map(\.name) == ["VAR"])
      #expect(refs[1].map(\.syntax) == [.dollarName])
      #expect(refs[2].map(\.syntax) == [.dollarBrace])
      #expect(refs[2].map(\.name) == ["BRACED"])

      let stack = try #require(refs[3].first)
      #expect(line.tokens[3].text == "${STACK:-1048576}")
      #expect(stack.name == "STACK")
      #expect(stack.fallbackOperator == ":-")
      #expect(stack.defaultText == "1048576")
      #expect(slice(source, stack.defaultSourceRange) == "1048576")
      #expect(slice(source, stack.sourceRange) == "${STACK:-1048576}")

      #expect(line.tokens[4].text == "$HOME/bin")
      #expect(refs[4].map(\.name) == ["HOME"])
      #expect(refs[4].first?.textRange == 0..<5)
      #expect(refs[5].isEmpty)  // single quotes do not expand
      #expect(refs[6].map(\.syntax) == [.dollarParen])
      #expect(refs[6].map(\.name) == ["WASMTIME"])
      #expect(refs[7].map(\.syntax) == [.commandSubstitution])
      #expect(refs[7].first?.name == nil)
      #expect(refs[8].map(\.syntax) == [.commandSubstitution])
      #expect(refs[9].map(\.name) == ["1"])
      #expect(refs[10].first?.fallbackOperator == ":=")
      #expect(refs[10].first?.defaultText == "7")
      #expect(refs[11].first?.name == "LEN")
      #expect(line.tokens[12].text == "loc")
    }

    @Test func unterminatedInputsDoNotCrash() {
      for source in [#"wasmtime "-W max"#, "wasmtime 'abc", "x ${X", "x $(foo", "x `cmd", "x \\", "x $", "$'a\\", "x \"a\\"] {
        let line = ArgumentTokenizer.tokenize(source, dialect: .posixShell)
        #expect(!line.tokens.isEmpty, "\(source)")
        checkInvariants(line, source: Array(source.utf8), region: 0..<source.utf8.count)
      }
      let open = ArgumentTokenizer.tokenize(#"wasmtime "-W max"#, dialect: .posixShell)
      #expect(open.tokens.last?.text == "-W max")
      #expect(open.tokens.last?.isUnterminated == true)
      #expect(ArgumentTokenizer.tokenize("x ${X", dialect: .posixShell).tokens.last?.isUnterminated == true)
      #expect(ArgumentTokenizer.tokenize("x $(foo", dialect: .posixShell).tokens.last?.isUnterminated == true)
    }

    @Test func subRangeOfABuffer() {
      let file = Array("ignored \"wasmtime -W max-wasm-stack=1\" tail".utf8)
      // Tokenize only the string's content, as a surface would for a command in a string literal.
      let line = ArgumentTokenizer.tokenize(file, range: 9..<37, dialect: .posixShell)
      #expect(line.tokens.map(\.text) == ["wasmtime", "-W", "max-wasm-stack=1"])
      #expect(line.tokens.map(\.range) == [9..<17, 18..<20, 21..<37])
      // Out-of-bounds ranges are clamped, not trapped on.
      #expect(ArgumentTokenizer.tokenize(file, range: 40..<999, dialect: .posixShell).tokens.map(\.text) == ["ail"])
    }
  }
}

// MARK: - Make and MSBuild

extension ArgumentTokenizerTests {
  @Suite("ArgumentTokenizer: Make and MSBuild")
  struct BuildFiles {
    @Test func makefileDollars() throws {
      let source = "\t@$(WASMTIME) run -W max-wasm-stack=$$STACK ${FLAGS} $<"
      let line = ArgumentTokenizer.tokenize(source, dialect: .makefile)
      #expect(line.tokens.map(\.text) == ["@$(WASMTIME)", "run", "-W", "max-wasm-stack=$STACK", "${FLAGS}", "$<"])
      let stack = try #require(line.tokens[3].variables.first)
      #expect(stack.name == "STACK")
      #expect(slice(source, stack.sourceRange) == "$$STACK")
      #expect(line.tokens[0].variables.first?.name == "WASMTIME")
      // `$$` → `$` is not verbatim: the value maps only as a whole.
      #expect(line.tokens[3].segments.contains { !$0.isVerbatim })
    }

    @Test func msbuildEntitiesAndEscapes() throws {
      let source =
        "$(_XHarnessArgs) &quot;--timeout=$(WasmXHarnessTestsTimeout)&quot; %24XHARNESS_ARGS @(Items) --engine-arg=-W --engine-arg=max-wasm-stack=134217728 $([System.IO.Path]::GetFileName('$(X)'))"
      let line = ArgumentTokenizer.tokenize(source, dialect: .msbuild)
      #expect(
        line.tokens.map(\.text) == [
          "$(_XHarnessArgs)", "--timeout=$(WasmXHarnessTestsTimeout)", "$XHARNESS_ARGS", "@(Items)", "--engine-arg=-W",
          "--engine-arg=max-wasm-stack=134217728", "$([System.IO.Path]::GetFileName('$(X)'))",
        ])
      #expect(line.commands.count == 1, "`&quot;` is a quote, not `&` + `;`")
      #expect(line.tokens[1].hasQuotes)
      #expect(line.tokens[0].variables.map(\.syntax) == [.dollarParen])
      #expect(line.tokens[0].variables.map(\.name) == ["_XHarnessArgs"])
      #expect(line.tokens[2].variables.map(\.name) == ["XHARNESS_ARGS"])
      #expect(slice(source, line.tokens[2].variables.first?.sourceRange) == "%24XHARNESS_ARGS")
      #expect(line.tokens[3].variables.map(\.syntax) == [.msbuildItem])
      #expect(line.tokens[6].variables.map(\.syntax) == [.commandSubstitution])
      let value = line.tokens[5]
      #expect(slice(source, value.sourceRange(forTextRange: try #require(textRange(of: "134217728", in: value)))) == "134217728")
    }
  }
}

// MARK: - PowerShell and cmd

extension ArgumentTokenizerTests {
  @Suite("ArgumentTokenizer: PowerShell and cmd")
  struct Windows {
    @Test func powerShellArrays() throws {
      let source = "Start-Process -FilePath wasmtime -ArgumentList @('-W', 'max-wasm-stack=16777216', $wasm) -NoNewWindow"
      let line = ArgumentTokenizer.tokenize(source, dialect: .powerShell)
      #expect(
        texts(line) == [
          ["Start-Process", "-FilePath", "wasmtime", "-ArgumentList", "-W", "max-wasm-stack=16777216", "$wasm", "-NoNewWindow"]
        ])
      let value = line.tokens[5]
      #expect(slice(source, value.range) == "'max-wasm-stack=16777216'")
      #expect(slice(source, value.sourceRange(forTextRange: try #require(textRange(of: "16777216", in: value)))) == "16777216")
      #expect(line.tokens[6].variables.map(\.name) == ["wasm"])
    }

    @Test func powerShellQuotingAndLines() {
      let source = """
        & $env:WASMTIME run `
          -W "max-wasm-stack=$stack" 'it''s' "a`"b" "x""y" # comment
        $args = @(
          '-W',
          'max-wasm-stack=1'
        ) <# block
        comment #> ; next
        """
      let line = ArgumentTokenizer.tokenize(source, dialect: .powerShell)
      #expect(
        texts(line) == [
          ["&", "$env:WASMTIME", "run", "-W", "max-wasm-stack=$stack", "it's", #"a"b"#, #"x"y"#],
          ["$args", "=", "-W", "max-wasm-stack=1"],
          ["next"],
        ])
      #expect(line.tokens[1].variables.first?.name == "env:WASMTIME")
      #expect(line.tokens[4].variables.first?.name == "stack")
    }

    @Test func cmdBatch() throws {
      let source = """
        @echo off
        rem -W max-wasm-stack=1 is a comment
        :: so is this
        set STACK=8388608 & "%WASMTIME%" run -W max-wasm-stack=%STACK% ^
          --dir=. app.wasm
        """
      let line = ArgumentTokenizer.tokenize(source, dialect: .cmd)
      #expect(
        texts(line) == [
          ["@echo", "off"], ["set", "STACK=8388608"],
          ["%WASMTIME%", "run", "-W", "max-wasm-stack=%STACK%", "--dir=.", "app.wasm"],
        ])
      let program = line.tokens[line.commands[2].lowerBound]
      #expect(program.variables.map(\.name) == ["WASMTIME"])
      #expect(program.hasQuotes)
      let value = line.tokens[line.commands[2].lowerBound + 3]
      #expect(value.variables.map(\.name) == ["STACK"])
      #expect(value.variables.map(\.syntax) == [.percent])
    }
  }
}

// MARK: - String-literal argument lists

extension ArgumentTokenizerTests {
  @Suite("ArgumentTokenizer: literal lists")
  struct Literals {
    /// The literals of a `["…", "…"]` list, found the simple way (no escapes in these tests
    /// except where noted).
    static func literals(in source: String) -> [StringLiteralArgument] {
      let bytes = Array(source.utf8)
      var result: [StringLiteralArgument] = []
      var i = 0
      while i < bytes.count {
        let q = bytes[i]
        if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") || q == UInt8(ascii: "`") {
          var j = i + 1
          while j < bytes.count, bytes[j] != q { j += 1 }
          result.append(StringLiteralArgument(text: String(decoding: bytes[(i + 1)..<j], as: UTF8.self), contentRange: (i + 1)..<j))
          i = j + 1
        } else {
          i += 1
        }
      }
      return result
    }

    @Test(
      "each literal is one argument",
      arguments: [
        #"System.cmd("wasmtime", ["-W", "max-wasm-stack=134217728", path])"#,  // Elixir
        #"subprocess.run(["wasmtime", "-W", "max-wasm-stack=1073741824", wasm])"#,  // Python
      ])
    func oneTokenPerLiteral(source: String) throws {
      let line = ArgumentTokenizer.tokens(fromLiterals: Self.literals(in: source), source: Array(source.utf8))
      #expect(line.tokens.count == 3)
      #expect(line.commands == [0..<3])
      #expect(line.tokens[1].text == "-W")
      let value = line.tokens[2]
      let digits = try #require(textRange(of: "=", in: value)).upperBound..<value.bytes.count
      #expect(slice(source, value.sourceRange(forTextRange: digits)) == value.text.split(separator: "=").last.map(String.init))
    }

    @Test func escapedLiteralMapsAsAWhole() {
      // Python "max-wasm-stack=\x31" decodes to "max-wasm-stack=1": not verbatim.
      let source = #"["-W", "max-wasm-stack=\x31"]"#
      let literal = StringLiteralArgument(text: "max-wasm-stack=1", contentRange: 8..<27)
      let line = ArgumentTokenizer.tokens(fromLiterals: [literal], source: Array(source.utf8))
      #expect(line.tokens[0].segments.map(\.isVerbatim) == [false])
      #expect(line.tokens[0].sourceRange(forTextRange: 15..<16) == nil)
      #expect(slice(source, line.tokens[0].sourceRange(forTextRange: 0..<16)) == #"max-wasm-stack=\x31"#)
    }

    @Test func templateInterpolation() throws {
      let source = "spawn('wasmtime', ['-W', `max-wasm-stack=${limits.wasm_stack_bytes}`])"
      let line = ArgumentTokenizer.tokens(
        fromLiterals: Self.literals(in: source), source: Array(source.utf8), interpolation: .dollarBrace)
      let ref = try #require(line.tokens[2].variables.first)
      #expect(ref.syntax == .interpolation)
      #expect(ref.name == "limits.wasm_stack_bytes")
      #expect(slice(source, ref.sourceRange) == "${limits.wasm_stack_bytes}")
    }
  }
}

// MARK: - Robustness

extension ArgumentTokenizerTests {
  @Suite("ArgumentTokenizer: robustness")
  struct Robustness {
    @Test(.timeLimit(.minutes(1)))
    func hundredThousandTokens() {
      let source = String(repeating: "-W max-wasm-stack=1 ", count: 50_000)
      for dialect in CommandLineDialect.allCases {
        let line = ArgumentTokenizer.tokenize(source, dialect: dialect)
        #expect(line.tokens.count == 100_000, "\(dialect)")
        #expect(line.commands.count == 1)
      }
    }

    @Test(.timeLimit(.minutes(1)))
    func pathologicalNesting() {
      let inputs = [
        String(repeating: "$(", count: 100_000), String(repeating: "${", count: 100_000),
        String(repeating: "\"", count: 100_001), String(repeating: "'", count: 100_001), String(repeating: "\\", count: 100_001),
        String(repeating: "`", count: 100_001), String(repeating: "(", count: 100_000) + String(repeating: ")", count: 100_000),
        String(repeating: "%", count: 100_001), String(repeating: "!a ", count: 50_000), String(repeating: "&qu", count: 50_000),
        String(repeating: "<#", count: 50_000), String(repeating: "$$(", count: 50_000),
      ]
      for source in inputs {
        for dialect in CommandLineDialect.allCases {
          let line = ArgumentTokenizer.tokenize(source, dialect: dialect)
          checkInvariants(line, source: Array(source.utf8), region: 0..<source.utf8.count)
        }
      }
    }

    /// Random bytes drawn from the characters the tokenizer cares about, in every dialect.
    @Test func randomInputsKeepInvariants() {
      var state: UInt64 = 0x9E37_79B9_7F4A_7C15
      func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
      }
      let alphabet = Array(" \t\n\r\\'\"$`#;&|()<>{}@%,^!:=-_aZ09x".utf8) + [0xC3, 0xA9, 0xFF]
      for _ in 0..<400 {
        let count = Int(next() % 60)
        let bytes = (0..<count).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }
        for dialect in CommandLineDialect.allCases {
          let line = ArgumentTokenizer.tokenize(bytes, dialect: dialect)
          checkInvariants(line, source: bytes, region: 0..<bytes.count)
        }
      }
    }
  }
}
