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

/// Everything under one name, so `swift test --filter WasmtimeFlags` selects it all.
enum WasmtimeFlagsTests {
  static func slice(_ source: String, _ range: Range<Int>?) -> String? {
    ArgumentTokenizerTests.slice(source, range)
  }

  /// The analyses of every command in `source`.
  static func analyses(_ source: String, _ dialect: CommandLineDialect = .posixShell) -> [WasmtimeCommandAnalysis] {
    WasmtimeFlags.analyze(ArgumentTokenizer.tokenize(source, dialect: dialect))
  }

  /// All occurrences of all commands.
  static func occurrences(_ source: String, _ dialect: CommandLineDialect = .posixShell) -> [WasmtimeFlagOccurrence] {
    analyses(source, dialect).flatMap(\.occurrences)
  }

  /// Splices `text` into `source` at a UTF-8 offset.
  static func inserting(_ text: String, at offset: Int, into source: String) -> String {
    var bytes = Array(source.utf8)
    bytes.insert(contentsOf: Array(text.utf8), at: offset)
    return String(decoding: bytes, as: UTF8.self)
  }

  static func replacing(_ range: Range<Int>, with text: String, in source: String) -> String {
    var bytes = Array(source.utf8)
    bytes.replaceSubrange(range, with: Array(text.utf8))
    return String(decoding: bytes, as: UTF8.self)
  }
}

// MARK: - Spellings

extension WasmtimeFlagsTests {
  /// (source, form, value, text of the whole occurrence)
  static let spellingCases: [(String, WasmtimeFlagSpelling.Form, Int128, String)] = [
    ("wasmtime run -W max-wasm-stack=8388608 app.wasm", .shortSeparate, 8_388_608, "-W max-wasm-stack=8388608"),
    ("wasmtime run -Wmax-wasm-stack=8388608 app.wasm", .shortAttached, 8_388_608, "-Wmax-wasm-stack=8388608"),
    ("wasmtime run -W=max-wasm-stack=8388608 app.wasm", .shortEquals, 8_388_608, "-W=max-wasm-stack=8388608"),
    // wasmtime#9298's repro (dotnet): the long form, implicit run.
    (
      "wasmtime --dir=. --wasm max-wasm-stack=134217728 --wasi http --wasi inherit-network --wasi allow-ip-name-lookup dotnet.wasm",
      .longSeparate, 134_217_728, "--wasm max-wasm-stack=134217728"
    ),
    ("wasmtime --wasm=max-wasm-stack=1048576 app.wasm", .longEquals, 1_048_576, "--wasm=max-wasm-stack=1048576"),
    // minijinja scripts/wasmtime-wrapper.sh (CLI 13): the old flag.
    ("exec wasmtime run --max-wasm-stack=4194304 \"$@\"", .legacyEquals, 4_194_304, "--max-wasm-stack=4194304"),
    ("wasmtime --max-wasm-stack 1048576 app.wasm", .legacySeparate, 1_048_576, "--max-wasm-stack 1048576"),
    ("wasmtime run '-W' \"max-wasm-stack=4294967295\" x.wasm", .shortSeparate, 4_294_967_295, "'-W' \"max-wasm-stack=4294967295\""),
  ]

  @Suite("WasmtimeFlags: spellings")
  struct Spellings {
    @Test("each spelling is found with exact byte ranges", arguments: spellingCases)
    func spelling(source: String, form: WasmtimeFlagSpelling.Form, value: Int128, whole: String) throws {
      let found = occurrences(source)
      #expect(found.count == 1)
      let occurrence = try #require(found.first)
      #expect(occurrence.setting == .maxWasmStack)
      #expect(occurrence.spelling.form == form)
      #expect(occurrence.spelling.engineArgument == nil)
      #expect(occurrence.value == .number(value, []))
      #expect(occurrence.valueText == "\(value)")
      #expect(slice(source, occurrence.valueSourceRange) == "\(value)")
      #expect(slice(source, occurrence.range) == whole)
      #expect(!occurrence.isListMember)
      #expect(!occurrence.followsModule)
    }

    @Test func commaLists() throws {
      let source = "wasmtime run -W relaxed-simd-deterministic,max-wasm-stack=1048576,async-stack-size=2097152 app.wasm"
      let found = occurrences(source)
      #expect(found.map(\.setting) == [.maxWasmStack, .asyncStackSize])
      #expect(found.map(\.listIndex) == [1, 2])
      #expect(found.map(\.listCount) == [3, 3])
      #expect(found.allSatisfy { $0.isListMember })
      #expect(found.map { slice(source, $0.entrySourceRange) } == ["max-wasm-stack=1048576", "async-stack-size=2097152"])
      #expect(found.map { slice(source, $0.valueSourceRange) } == ["1048576", "2097152"])
      #expect(found.map { slice(source, $0.range) } == Array(repeating: "-W relaxed-simd-deterministic,max-wasm-stack=1048576,async-stack-size=2097152", count: 2))
    }

    @Test func keysAreKebabCaseOnly() {
      // `max_wasm_stack` is an unknown -W option to the CLI, and ` max-wasm-stack` (one argv
      // element with a space) is too.
      #expect(occurrences("wasmtime -W max_wasm_stack=1 a.wasm").isEmpty)
      #expect(occurrences("wasmtime \"-W max-wasm-stack=1\" a.wasm").isEmpty)
      #expect(occurrences("wasmtime -W max-wasm-stacks=1 a.wasm").isEmpty)
      // A trailing `-W` has no value.
      #expect(occurrences("wasmtime run -W").isEmpty)
    }
  }
}

// MARK: - Values

extension WasmtimeFlagsTests {
  @Suite("WasmtimeFlags: values")
  struct Values {
    /// (value as written, expected)
    static let cases: [(String, WasmtimeFlagValue)] = [
      ("8388608", .number(8_388_608, [])),
      ("0x800000", .number(8_388_608, .hex)),
      ("0xFFff", .number(65535, .hex)),
      ("1_048_576", .number(1_048_576, .underscores)),
      ("0x_10_0000", .number(1_048_576, [.hex, .underscores])),
      ("+4096", .number(4096, .plusSign)),
      ("18446744073709551615", .number(18_446_744_073_709_551_615, [])),
      ("18446744073709551616", .notANumber("number too large to fit in target type")),
      ("8M", .notANumber("invalid digit found in string")),
      ("8MiB", .notANumber("invalid digit found in string")),
      ("0X10", .notANumber("invalid digit found in string")),
      ("-1", .notANumber("invalid digit found in string")),
      ("1e6", .notANumber("invalid digit found in string")),
      ("", .notANumber("cannot parse integer from empty string")),
      ("0x", .notANumber("cannot parse integer from empty string")),
    ]

    @Test("constants parse as the newest CLI does", arguments: cases)
    func constant(text: String, expected: WasmtimeFlagValue) throws {
      let source = "wasmtime run -W max-wasm-stack=\(text) app.wasm"
      let occurrence = try #require(occurrences(source).first)
      #expect(occurrence.value == expected)
      #expect(occurrence.valueText == text)
      #expect(slice(source, occurrence.valueSourceRange) == text)
    }

    @Test func missingValue() throws {
      let occurrence = try #require(occurrences("wasmtime run -W max-wasm-stack,async-stack-size=1 app.wasm").first)
      #expect(occurrence.value == .missing)
      #expect(occurrence.valueSourceRange == nil)
    }

    @Test func shellVariableWithDefault() throws {
      let source = "wasmtime run -W max-wasm-stack=${STACK:-1048576} app.wasm"
      let occurrence = try #require(occurrences(source).first)
      guard case .variable(let ref) = occurrence.value else {
        Issue.record("expected a variable, got \(occurrence.value)")
        return
      }
      #expect(ref.name == "STACK")
      #expect(ref.defaultText == "1048576")
      #expect(slice(source, ref.defaultSourceRange) == "1048576")
      #expect(occurrence.fallbackNumber == 1_048_576)
      #expect(occurrence.valueText == "${STACK:-1048576}")
      #expect(slice(source, occurrence.valueSourceRange) == "${STACK:-1048576}")
    }

    @Test(
      "variables and computed values",
      arguments: [
        ("wasmtime -W max-wasm-stack=$STACK a.wasm", CommandLineDialect.posixShell, "STACK"),
        ("$(WASMTIME) run -W max-wasm-stack=$(STACK) a.wasm", .makefile, "STACK"),
        ("wasmtime -W max-wasm-stack=$(WasmStack) a.wasm", .msbuild, "WasmStack"),
        ("wasmtime -W max-wasm-stack=%STACK% a.wasm", .cmd, "STACK"),
        ("wasmtime -W \"max-wasm-stack=$stack\" a.wasm", .powerShell, "stack"),
      ])
    func variable(source: String, dialect: CommandLineDialect, name: String) throws {
      let occurrence = try #require(occurrences(source, dialect).first)
      guard case .variable(let ref) = occurrence.value else {
        Issue.record("expected a variable, got \(occurrence.value)")
        return
      }
      #expect(ref.name == name)
      #expect(occurrence.fallbackNumber == nil)
    }

    @Test func computedValuesAreDynamic() throws {
      for source in ["wasmtime -W \"max-wasm-stack=$((8 << 20))\" a.wasm", "wasmtime -W max-wasm-stack=${MB}000000 a.wasm"] {
        #expect(try #require(occurrences(source).first).value == .dynamic, "\(source)")
      }
    }

    @Test func legacyValuesAreDecimalOnly() throws {
      #expect(try #require(occurrences("wasmtime --max-wasm-stack=0x10 a.wasm").first).value == .notANumber("invalid digit found in string"))
      #expect(try #require(occurrences("wasmtime --max-wasm-stack=1_0 a.wasm").first).value == .notANumber("invalid digit found in string"))
      #expect(try #require(occurrences("wasmtime --max-wasm-stack=+10 a.wasm").first).value == .number(10, .plusSign))
    }

    @Test func commasInsideAVariableDoNotSplit() throws {
      let found = occurrences("wasmtime -W max-wasm-stack=${S:-1,2},async-stack-size=9 a.wasm")
      #expect(found.map(\.setting) == [.maxWasmStack, .asyncStackSize])
      #expect(found.map(\.valueText) == ["${S:-1,2}", "9"])
    }
  }
}

// MARK: - Real-world forms (facts §3, §3.1)

extension WasmtimeFlagsTests {
  @Suite("WasmtimeFlags: real-world forms")
  struct RealWorld {
    /// dotnet/runtime `eng/testing/tests.wasi.targets`: `_XHarnessArgs` gets the stack flag
    /// through XHarness `--engine-arg`, next to `$(WasmXHarnessArgs)`.
    @Test func dotnetMSBuildProperty() throws {
      let file = """
        <_XHarnessArgs Condition="'$(WasmXHarnessArgs)' != ''"         >$(_XHarnessArgs) $(WasmXHarnessArgs)</_XHarnessArgs>
            <_XHarnessArgs                                                 >$(_XHarnessArgs) --engine-arg=-W --engine-arg=max-wasm-stack=134217728</_XHarnessArgs>
        """
      let bytes = Array(file.utf8)
      // The surface hands over the text between `>` and `</` of the second property.
      let text = "$(_XHarnessArgs) --engine-arg=-W --engine-arg=max-wasm-stack=134217728"
      let start = try #require(file.range(of: text)).lowerBound.utf16Offset(in: file)
      let line = ArgumentTokenizer.tokenize(bytes, range: start..<(start + text.utf8.count), dialect: .msbuild)
      let analysis = try #require(WasmtimeFlags.analyze(line).first)
      let occurrence = try #require(analysis.occurrences.first)
      #expect(analysis.occurrences.count == 1)
      #expect(occurrence.spelling == WasmtimeFlagSpelling(form: .shortSeparate, engineArgument: EngineArgumentWrapper(flag: "--engine-arg", separator: .equals)))
      #expect(occurrence.value == .number(134_217_728, []))
      #expect(slice(file, occurrence.valueSourceRange) == "134217728")
      #expect(slice(file, occurrence.range) == "--engine-arg=-W --engine-arg=max-wasm-stack=134217728")
      // No program token: XHarness is implied by `--engine-arg`, and runs wasmtime's implicit `run`.
      #expect(analysis.invocation == WasmtimeInvocation(program: .xharness, programTokenIndex: nil, subcommand: .run, isImplicitRun: true, subcommandTokenIndex: nil))
      #expect(analysis.key == CommandLineKey(commandIndex: 0, start: start))

      let sibling = try #require(WasmtimeFlags.renderSibling(.asyncStackSize, value: "134742016", like: occurrence))
      #expect(sibling.text == " --engine-arg=-W --engine-arg=async-stack-size=134742016")
      #expect(sibling.arguments == ["--engine-arg=-W", "--engine-arg=async-stack-size=134742016"])
      #expect(sibling.insertionOffset == occurrence.range.upperBound)
    }

    @Test func dotnetRunScriptCommand() throws {
      let text = "$HARNESS_RUNNER $(_XHarnessArgs) %24XHARNESS_ARGS %24WasmXHarnessArgs -- $(WasmXHarnessMonoArgs) %24WasmXHarnessMonoArgs $(_AppArgs)"
      let analysis = try #require(analyses(text, .msbuild).first)
      #expect(analysis.invocation?.program == .xharness)
      #expect(analysis.invocation?.programTokenIndex == 0)
      #expect(analysis.occurrences.isEmpty)
    }

    @Test(
      "XHarness engine-arg spellings",
      arguments: [
        ("dotnet xharness wasi test --engine-arg=-W --engine-arg=max-wasm-stack=1", EngineArgumentWrapper.Separator.equals, "--engine-arg", WasmtimeFlagSpelling.Form.shortSeparate),
        ("xharness wasi test --engine-arg -W --engine-arg max-wasm-stack=1", .nextArgument, "--engine-arg", .shortSeparate),
        ("xharness wasi test --engine-arg:-W --engine-arg:max-wasm-stack=1", .colon, "--engine-arg", .shortSeparate),
        ("xharness wasi test -engine-arg=-Wmax-wasm-stack=1", .equals, "-engine-arg", .shortAttached),
        ("dotnet exec $XHARNESS_CLI_PATH wasi test --engine-arg=--wasm=max-wasm-stack=1", .equals, "--engine-arg", .longEquals),
      ])
    func xharness(source: String, separator: EngineArgumentWrapper.Separator, flag: String, form: WasmtimeFlagSpelling.Form) throws {
      let analysis = try #require(analyses(source).first)
      #expect(analysis.invocation?.program == .xharness)
      #expect(analysis.invocation?.programTokenIndex != nil)
      let occurrence = try #require(analysis.occurrences.first)
      #expect(analysis.occurrences.count == 1)
      #expect(occurrence.spelling.form == form)
      #expect(occurrence.spelling.engineArgument == EngineArgumentWrapper(flag: flag, separator: separator))
      #expect(occurrence.value == .number(1, []))
      #expect(slice(source, occurrence.valueSourceRange) == "1")
      #expect(occurrence.range.upperBound == source.utf8.count)
    }

    @Test func xharnessSubcommandFromEngineArgs() throws {
      let analysis = try #require(analyses("xharness wasi test --engine-arg=serve --engine-arg=-W --engine-arg=max-wasm-stack=1").first)
      #expect(analysis.invocation?.subcommand == .serve)
      #expect(analysis.invocation?.isImplicitRun == false)
      #expect(analysis.occurrences.count == 1)
    }

    /// cpython `Tools/wasm/wasi/__main__.py`: the default host runner is a Python string whose
    /// content is shell text.
    @Test func cpythonHostRunnerString() throws {
      let file = #"""
            default_host_runner = (f"{WASMTIME_HOST_RUNNER_VAR} run "
                "--wasm max-wasm-stack=16777216 "
                "--wasi preview2 --dir {HOST_DIR}::{GUEST_DIR} ")
        """#
      let content = "--wasm max-wasm-stack=16777216 "
      let start = try #require(file.range(of: content)).lowerBound.utf16Offset(in: file)
      let line = ArgumentTokenizer.tokenize(Array(file.utf8), range: start..<(start + content.utf8.count), dialect: .posixShell)
      let analysis = try #require(WasmtimeFlags.analyze(line).first)
      #expect(analysis.invocation == nil)
      let occurrence = try #require(analysis.occurrences.first)
      #expect(occurrence.spelling.form == .longSeparate)
      #expect(occurrence.value == .number(16_777_216, []))
      #expect(slice(file, occurrence.valueSourceRange) == "16777216")
    }

    @Test func powerShellStartProcess() throws {
      let source = "Start-Process -FilePath wasmtime -ArgumentList @('-W', 'max-wasm-stack=16777216', $wasm) -Wait"
      let analysis = try #require(analyses(source, .powerShell).first)
      #expect(analysis.invocation?.program == .wasmtime)
      #expect(analysis.invocation?.isImplicitRun == true)
      let occurrence = try #require(analysis.occurrences.first)
      #expect(occurrence.spelling.form == .shortSeparate)
      #expect(slice(source, occurrence.valueSourceRange) == "16777216")
      #expect(slice(source, occurrence.range) == "'-W', 'max-wasm-stack=16777216'")
      #expect(!occurrence.followsModule)
    }

    @Test(
      "string-literal argument lists",
      arguments: [
        (#"System.cmd("wasmtime", ["-W", "max-wasm-stack=134217728", path])"#, Int128(134_217_728)),  // Elixir
        (#"subprocess.run(["wasmtime", "-W", "max-wasm-stack=1073741824", wasm])"#, 1_073_741_824),  // Python
      ])
    func literalLists(source: String, value: Int128) throws {
      let literals = ArgumentTokenizerTests.Literals.literals(in: source)
      let line = ArgumentTokenizer.tokens(fromLiterals: literals, source: Array(source.utf8))
      let analysis = try #require(WasmtimeFlags.analyze(line).first)
      #expect(analysis.invocation?.program == .wasmtime)
      let occurrence = try #require(analysis.occurrences.first)
      #expect(occurrence.value == .number(value, []))
      #expect(slice(source, occurrence.valueSourceRange) == "\(value)")
      let sibling = try #require(WasmtimeFlags.renderSibling(.asyncStackSize, value: "\(value + 524_288)", like: occurrence))
      #expect(sibling.arguments == ["-W", "async-stack-size=\(value + 524_288)"])
    }

    @Test func jsTemplateLiteralIsDynamic() throws {
      let source = "spawn('wasmtime', ['-W', `max-wasm-stack=${limits.wasm_stack_bytes}`, file])"
      let line = ArgumentTokenizer.tokens(
        fromLiterals: ArgumentTokenizerTests.Literals.literals(in: source), source: Array(source.utf8), interpolation: .dollarBrace)
      let occurrence = try #require(WasmtimeFlags.occurrences(in: line.tokens[...]).first)
      #expect(occurrence.value == .dynamic)
      #expect(occurrence.valueText == "${limits.wasm_stack_bytes}")
    }

    @Test func makefileRecipe() throws {
      let source = "test: app.wasm\n\t@$(WASMTIME) run -W max-wasm-stack=16777216 $<\n"
      let recipe = try #require(source.range(of: "@$(WASMTIME)")).lowerBound.utf16Offset(in: source)
      let line = ArgumentTokenizer.tokenize(Array(source.utf8), range: recipe..<(source.utf8.count - 1), dialect: .makefile)
      let analysis = try #require(WasmtimeFlags.analyze(line).first)
      #expect(analysis.invocation?.program == .wasmtime)
      #expect(analysis.invocation?.subcommand == .run)
      #expect(analysis.invocation?.isImplicitRun == false)
      #expect(slice(source, analysis.occurrences.first?.valueSourceRange) == "16777216")
    }

    @Test func yamlRunBlockAndDockerfile() throws {
      let yaml = "    - run: |\n        cargo build --target wasm32-wasip1\n        wasmtime run -W max-wasm-stack=4294967295 target/x.wasm\n"
      let block = try #require(yaml.range(of: "        cargo")).lowerBound.utf16Offset(in: yaml)
      let commands = WasmtimeFlags.analyze(ArgumentTokenizer.tokenize(Array(yaml.utf8), range: block..<yaml.utf8.count, dialect: .posixShell))
      #expect(commands.count == 2)
      #expect(commands[0].invocation == nil)
      #expect(commands[1].invocation?.program == .wasmtime)
      #expect(commands[1].occurrences.first?.value == .number(4_294_967_295, []))

      let docker = "RUN wasmtime compile -W max-wasm-stack=8388608 app.wasm && \\\n    echo done\n"
      let line = ArgumentTokenizer.tokenize(Array(docker.utf8), range: 4..<docker.utf8.count, dialect: .posixShell)
      let analyses = WasmtimeFlags.analyze(line)
      #expect(analyses.count == 2)
      #expect(analyses[0].invocation?.subcommand == .compile)
      #expect(slice(docker, analyses[0].occurrences.first?.valueSourceRange) == "8388608")
    }
  }
}

// MARK: - Invocations

extension WasmtimeFlagsTests {
  @Suite("WasmtimeFlags: invocations")
  struct Invocations {
    /// (command, program, subcommand, implicit, program token text)
    static let cases: [(String, WasmtimeInvocation.Program?, WasmtimeSubcommand, Bool, String?)] = [
      ("wasmtime app.wasm", .wasmtime, .run, true, "wasmtime"),
      ("wasmtime run app.wasm", .wasmtime, .run, false, "wasmtime"),
      ("/usr/local/bin/wasmtime serve -W max-wasm-stack=1 proxy.wasm", .wasmtime, .serve, false, "/usr/local/bin/wasmtime"),
      ("C:/tools/wasmtime.exe compile app.wasm", .wasmtime, .compile, false, "C:/tools/wasmtime.exe"),
      ("${WASMTIME} wast spec.wast", .wasmtime, .wast, false, "${WASMTIME}"),
      ("$WASMTIME -W max-wasm-stack=1 app.wasm", .wasmtime, .run, true, "$WASMTIME"),
      ("\"$WASMTIME_DIR/wasmtime\" run a.wasm", .wasmtime, .run, false, "$WASMTIME_DIR/wasmtime"),
      ("env RUST_LOG=debug wasmtime run a.wasm", .wasmtime, .run, false, "wasmtime"),
      ("FOO=1 BAR=2 wasmtime explore a.wasm", .wasmtime, .explore, false, "wasmtime"),
      ("sudo -E wasmtime run a.wasm", .wasmtime, .run, false, "wasmtime"),
      ("timeout 60 wasmtime run a.wasm", .wasmtime, .run, false, "wasmtime"),
      ("wasmtime -W max-wasm-stack=1 run", .wasmtime, .run, true, "wasmtime"),  // `run` is the module here
      ("dotnet xharness wasi test --app=.", .xharness, .run, true, "xharness"),
      ("cargo run", nil, .run, true, nil),
      ("echo wasmtime -W max-wasm-stack=1", nil, .run, true, nil),
    ]

    @Test("programs and subcommands", arguments: cases)
    func invocation(source: String, program: WasmtimeInvocation.Program?, subcommand: WasmtimeSubcommand, implicit: Bool, token: String?) throws {
      let line = ArgumentTokenizer.tokenize(source, dialect: .posixShell)
      let analysis = try #require(WasmtimeFlags.analyze(line).first)
      #expect(analysis.invocation?.program == program)
      guard let invocation = analysis.invocation else { return }
      #expect(invocation.subcommand == subcommand)
      #expect(invocation.isImplicitRun == implicit)
      #expect(invocation.programTokenIndex.map { line.tokens[$0].text } == token)
    }

    @Test func followsModule() throws {
      let after = try #require(occurrences("wasmtime run app.wasm -W max-wasm-stack=1").first)
      #expect(after.followsModule)
      let before = try #require(occurrences("wasmtime run --dir . --env A=1 -W max-wasm-stack=1 app.wasm").first)
      #expect(!before.followsModule)
      let dashes = try #require(occurrences("wasmtime run -- app.wasm -W max-wasm-stack=1").first)
      #expect(dashes.followsModule)
    }

    @Test func configFile() throws {
      let analysis = try #require(analyses("wasmtime run --config wasmtime.toml -W max-wasm-stack=1 app.wasm").first)
      #expect(analysis.configFilePath == "wasmtime.toml")
      #expect(analysis.configFileTokenIndex == 3)
      #expect(try #require(analyses("wasmtime --config=cfg.toml app.wasm").first).configFilePath == "cfg.toml")
      #expect(try #require(analyses("wasmtime app.wasm --config x.toml").first).configFilePath == nil)
    }

    @Test func oneKeyPerCommand() {
      let found = analyses("wasmtime -W max-wasm-stack=1 a.wasm; wasmtime -W async-stack-size=2 b.wasm")
      #expect(found.count == 2)
      #expect(found[0].key != found[1].key)
      #expect(found.map(\.key.commandIndex) == [0, 1])
      #expect(found.map(\.key.start) == [0, 37])
    }
  }
}

// MARK: - Siblings

extension WasmtimeFlagsTests {
  /// (source, expected sibling text)
  static let siblingCases: [(String, String)] = [
    ("wasmtime run -W max-wasm-stack=8388608 app.wasm", " -W async-stack-size=8912896"),
    ("wasmtime run -Wmax-wasm-stack=8388608 app.wasm", " -Wasync-stack-size=8912896"),
    ("wasmtime run -W=max-wasm-stack=8388608 app.wasm", " -W=async-stack-size=8912896"),
    ("wasmtime --wasm max-wasm-stack=8388608 app.wasm", " --wasm async-stack-size=8912896"),
    ("wasmtime --wasm=max-wasm-stack=8388608 app.wasm", " --wasm=async-stack-size=8912896"),
    ("wasmtime -W fuel=1,max-wasm-stack=8388608,epoch-interruption app.wasm", ",async-stack-size=8912896"),
    ("wasmtime '-W' 'max-wasm-stack=8388608' app.wasm", " -W async-stack-size=8912896"),
    ("xharness wasi test --engine-arg=-W --engine-arg=max-wasm-stack=8388608", " --engine-arg=-W --engine-arg=async-stack-size=8912896"),
    ("xharness wasi test --engine-arg -W --engine-arg max-wasm-stack=8388608", " --engine-arg -W --engine-arg async-stack-size=8912896"),
    ("xharness wasi test --engine-arg:-W --engine-arg:max-wasm-stack=8388608", " --engine-arg:-W --engine-arg:async-stack-size=8912896"),
    ("xharness wasi test --engine-arg=-Wmax-wasm-stack=8388608", " --engine-arg=-Wasync-stack-size=8912896"),
  ]

  @Suite("WasmtimeFlags: siblings")
  struct Siblings {
    /// The rendered sibling, spliced in, is found again with its value, in the same spelling.
    @Test("sibling in the occurrence's spelling", arguments: siblingCases)
    func sibling(source: String, expected: String) throws {
      let occurrence = try #require(occurrences(source).first)
      let sibling = try #require(WasmtimeFlags.renderSibling(.asyncStackSize, value: "8912896", like: occurrence))
      #expect(sibling.text == expected)
      let edited = inserting(sibling.text, at: sibling.insertionOffset, into: source)
      let found = occurrences(edited)
      #expect(found.map(\.setting) == [.maxWasmStack, .asyncStackSize], "\(edited)")
      let added = try #require(found.last)
      #expect(added.value == .number(8_912_896, []))
      #expect(added.spelling == occurrence.spelling)
      #expect(slice(edited, added.valueSourceRange) == "8912896")
    }

    @Test func placementOverride() throws {
      let source = "wasmtime -W fuel=1,max-wasm-stack=8388608 app.wasm"
      let occurrence = try #require(occurrences(source).first)
      let separate = try #require(WasmtimeFlags.renderSibling(.asyncStackSize, value: "9", like: occurrence, placement: .separateArguments))
      #expect(separate.text == " -W async-stack-size=9")
      #expect(separate.insertionOffset == 41)
      #expect(slice(source, 0..<separate.insertionOffset) == "wasmtime -W fuel=1,max-wasm-stack=8388608")
      let single = try #require(occurrences("wasmtime -W max-wasm-stack=1 a.wasm").first)
      let list = try #require(WasmtimeFlags.renderSibling(.asyncStackSize, value: "9", like: single, placement: .sameList))
      #expect(list.text == ",async-stack-size=9")
      #expect(list.arguments.isEmpty)
    }

    @Test func legacyFlagHasNoAsyncSibling() throws {
      let equals = try #require(occurrences("wasmtime --max-wasm-stack=4194304 a.wasm").first)
      #expect(WasmtimeFlags.renderSibling(.asyncStackSize, value: "1", like: equals) == nil)
      #expect(WasmtimeFlags.renderSibling(.maxWasmStack, value: "1048576", like: equals)?.text == " --max-wasm-stack=1048576")
      let separate = try #require(occurrences("wasmtime --max-wasm-stack 4194304 a.wasm").first)
      #expect(WasmtimeFlags.renderSibling(.maxWasmStack, value: "1048576", like: separate)?.arguments == ["--max-wasm-stack", "1048576"])
    }

    @Test func replacingTheValueKeepsTheRest() throws {
      let source = "wasmtime run -W \"max-wasm-stack=0x800000\",fuel=1 app.wasm"
      let occurrence = try #require(occurrences(source).first)
      let range = try #require(occurrence.valueSourceRange)
      let edited = replacing(range, with: "1048576", in: source)
      #expect(edited == "wasmtime run -W \"max-wasm-stack=1048576\",fuel=1 app.wasm")
      #expect(try #require(occurrences(edited).first).value == .number(1_048_576, []))
    }

    @Test func quotingOfOddValues() {
      #expect(WasmtimeFlags.shellQuoted("async-stack-size=1") == "async-stack-size=1")
      #expect(WasmtimeFlags.shellQuoted("a b") == "'a b'")
      #expect(WasmtimeFlags.shellQuoted("it's") == #"'it'\''s'"#)
      #expect(WasmtimeFlags.shellQuoted("") == "''")
    }
  }
}
