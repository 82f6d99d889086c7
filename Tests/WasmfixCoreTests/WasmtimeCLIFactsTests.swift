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

/// Everything under one name, so `swift test --filter WasmtimeCLIFacts` selects it all.
enum WasmtimeCLIFactsTests {
  static func v(_ text: String) -> WasmtimeVersion { WasmtimeVersion(text)! }
  static let kib: Int128 = 1024
  static let mib: Int128 = 1024 * 1024
}

// MARK: - Spellings per version

extension WasmtimeCLIFactsTests {
  @Suite("WasmtimeCLIFacts: spellings per version")
  struct Spellings {
    /// (version, -W/--wasm, --max-wasm-stack, -W async-stack-size)
    static let cases: [(String, Bool, Bool, Bool)] = [
      ("2.0.2", false, false, false),
      ("3.0.0", false, true, false),
      ("13.0.0", false, true, false),
      ("13.0.1", false, true, false),
      ("14.0.0", true, false, false),
      ("14.0.2", true, false, false),
      ("14.0.3", true, true, false),  // the compatibility layer (#7385) shipped in 14.0.3
      ("14.0.4", true, true, false),
      ("21.0.0", true, true, false),
      ("21.0.2", true, true, false),
      ("22.0.0", true, false, false),
      ("23.0.1", true, false, false),  // dotnet/runtime's pin
      ("25.0.0", true, false, false),
      ("25.0.1", true, false, true),
      ("25.0.3", true, false, true),
      ("26.0.0", true, false, true),
      ("30.0.0", true, false, true),
      ("48.0.0", true, false, true),
    ]

    @Test("which flags a version takes", arguments: cases)
    func flags(version: String, optionGroups: Bool, legacy: Bool, asyncOption: Bool) {
      let version = v(version)
      let groups = WasmtimeCLIFacts.acceptsOptionGroups(version)
      #expect(groups.holds == optionGroups)
      #expect(WasmtimeCLIFacts.acceptsLegacyMaxWasmStackFlag(version).holds == legacy)
      #expect(WasmtimeCLIFacts.acceptsAsyncStackSizeOption(version).holds == asyncOption)
      #expect(!groups.evidence.isEmpty && !groups.evidence.contains("\n"))
    }

    @Test func legacyEvidenceNamesTheLayer() {
      #expect(WasmtimeCLIFacts.acceptsLegacyMaxWasmStackFlag(v("14.0.1")).evidence.contains("14.0.3"))
      #expect(WasmtimeCLIFacts.acceptsLegacyMaxWasmStackFlag(v("18.0.0")).evidence.contains("old_cli.rs"))
      #expect(WasmtimeCLIFacts.acceptsLegacyMaxWasmStackFlag(v("22.0.0")).evidence.contains("#8597"))
    }

    @Test func configFlagMeaning() {
      #expect(WasmtimeCLIFacts.configFlag(v("13.0.0")) == .cacheConfig)
      #expect(WasmtimeCLIFacts.configFlag(v("14.0.0")) == WasmtimeConfigFlag.none)
      #expect(WasmtimeCLIFacts.configFlag(v("29.0.0")) == WasmtimeConfigFlag.none)
      #expect(WasmtimeCLIFacts.configFlag(v("30.0.0")) == .tomlOptions)
      #expect(!WasmtimeCLIFacts.hasTOMLConfig(v("29.0.1")).holds)
      #expect(WasmtimeCLIFacts.hasTOMLConfig(v("30.0.0")).holds)
      #expect(WasmtimeCLIFacts.optionsOverrideTOML(v("30.0.0")).holds)
      #expect(!WasmtimeCLIFacts.optionsOverrideTOML(v("25.0.1")).holds)
    }
  }
}

// MARK: - Async per subcommand

extension WasmtimeCLIFactsTests {
  @Suite("WasmtimeCLIFacts: async")
  struct Async {
    /// (version, subcommand, async)
    static let cases: [(String, WasmtimeSubcommand, Bool)] = [
      ("13.0.0", .run, false), ("24.0.0", .run, false), ("25.0.0", .run, true), ("48.0.0", .run, true),
      ("13.0.0", .serve, false), ("14.0.0", .serve, true), ("24.0.0", .serve, true),
      ("31.0.0", .wast, false), ("32.0.0", .wast, true),
      ("25.0.0", .compile, false), ("48.0.0", .compile, false), ("48.0.0", .explore, false),
    ]

    @Test("which subcommands enable async_support", arguments: cases)
    func async(version: String, subcommand: WasmtimeSubcommand, expected: Bool) {
      #expect(WasmtimeCLIFacts.isAsync(v(version), subcommand: subcommand).holds == expected)
    }

    @Test func derivation() {
      #expect(!WasmtimeCLIFacts.derivesAsyncStackSize(v("25.0.0")).holds)
      #expect(WasmtimeCLIFacts.derivesAsyncStackSize(v("25.0.1")).holds)
      #expect(WasmtimeCLIFacts.derivesAsyncStackSize(v("26.0.0")).holds)
      #expect(WasmtimeCLIFacts.hostStackHeadroom == 524_288)
    }

    @Test func asyncStackSizeWithoutAsync() {
      #expect(WasmtimeCLIFacts.asyncStackSizeWithoutAsync(v("25.0.0")).contains("unknown -W option"))
      #expect(WasmtimeCLIFacts.asyncStackSizeWithoutAsync(v("30.0.0")).contains("not inspected"))
      #expect(WasmtimeCLIFacts.asyncStackSizeWithoutAsync(v("42.0.0")).contains("always compared"))
    }

    @Test func subcommandNames() {
      #expect(WasmtimeSubcommand(name: "serve") == .serve)
      #expect(WasmtimeSubcommand(name: "hot-blocks") == .other("hot-blocks"))
      #expect(WasmtimeSubcommand.other("completion").name == "completion")
      #expect(WasmtimeSubcommand.run.buildsEngine && !WasmtimeSubcommand.settings.buildsEngine)
    }
  }
}

// MARK: - Size values per version

extension WasmtimeCLIFactsTests {
  @Suite("WasmtimeCLIFacts: size values")
  struct Sizes {
    /// (text, version, expected value or nil when rejected)
    static let cases: [(String, String, Int128?)] = [
      ("8388608", "14.0.0", 8_388_608),
      ("+8388608", "14.0.0", 8_388_608),
      ("0x800000", "19.0.2", nil),  // hex came in 20.0.0
      ("0x800000", "20.0.0", 8_388_608),
      ("0X800000", "48.0.0", nil),
      ("0x+10", "20.0.0", 16),  // from_str_radix takes a sign after the prefix
      ("8_388_608", "25.0.3", nil),  // `_` came in 26.0.0
      ("8_388_608", "26.0.0", 8_388_608),
      ("0_x10", "26.0.0", 16),  // underscores go first, then the prefix is read
      ("_", "26.0.0", nil),
      ("8M", "48.0.0", nil),
      ("8MiB", "48.0.0", nil),
      (" 8", "48.0.0", nil),
      ("18446744073709551615", "48.0.0", 18_446_744_073_709_551_615),
      ("18446744073709551616", "48.0.0", nil),
      ("0xFFFFFFFFFFFFFFFF", "48.0.0", 18_446_744_073_709_551_615),
      ("0x10000000000000000", "48.0.0", nil),
    ]

    @Test("parses as the given version does", arguments: cases)
    func parse(text: String, version: String, expected: Int128?) {
      #expect(WasmtimeCLIFacts.parseOptionSize(text, version: v(version)).value == expected)
    }

    @Test func messages() {
      #expect(WasmtimeCLIFacts.parseOptionSize("") == .rejected("cannot parse integer from empty string"))
      #expect(WasmtimeCLIFacts.parseOptionSize("+") == .rejected("invalid digit found in string"))
      #expect(WasmtimeCLIFacts.parseOptionSize("1x") == .rejected("invalid digit found in string"))
      #expect(WasmtimeCLIFacts.parseOptionSize("99999999999999999999x") == .rejected("number too large to fit in target type"))
      #expect(WasmtimeCLIFacts.parseLegacySize("0x10") == .rejected("invalid digit found in string"))
      #expect(WasmtimeCLIFacts.parseLegacySize("4194304") == .value(4_194_304, []))
    }

    /// `accepts(syntax, v)` agrees with parsing at `v` for everything the newest CLI takes.
    @Test func acceptsAgreesWithParsing() {
      let texts = ["1048576", "+1", "0x10", "0xff_ff", "1_000", "0_x1", "0x+1_0"]
      for version in ["14.0.0", "19.0.2", "20.0.0", "25.0.3", "26.0.0", "48.0.0"].map(v) {
        for text in texts {
          guard case .value(_, let syntax) = WasmtimeCLIFacts.parseOptionSize(text) else {
            Issue.record("\(text) should parse with the newest rules")
            continue
          }
          let direct = WasmtimeCLIFacts.parseOptionSize(text, version: version).value != nil
          #expect(WasmtimeCLIFacts.accepts(syntax, version).holds == direct, "\(text) at \(version)")
        }
      }
    }
  }
}

// MARK: - What reaches the engine

extension WasmtimeCLIFactsTests {
  @Suite("WasmtimeCLIFacts: effective stacks")
  struct Effective {
    struct Case: CustomTestStringConvertible, Sendable {
      var version: String
      var subcommand: WasmtimeSubcommand
      var max: Int128?
      var async: Int128?
      var expectedMax: Int128
      var expectedAsync: Int128
      var checkApplies: Bool
      var engineError: String?
      var cliError: Bool = false
      var testDescription: String { "\(version) \(subcommand.name) max=\(String(describing: max)) async=\(String(describing: async))" }
    }

    static let exceed = "max_wasm_stack size cannot exceed the async_stack_size"
    static let zero = "max_wasm_stack size cannot be zero"

    static let cases: [Case] = [
      // wasmtime#9298 / dotnet/runtime#108179: 128 MiB on 25.0.0's now-async `run`.
      Case(version: "25.0.0", subcommand: .run, max: 128 * mib, async: nil, expectedMax: 128 * mib, expectedAsync: 2 * mib, checkApplies: true, engineError: exceed),
      // 25.0.1: derived async = max + 512 KiB.
      Case(version: "25.0.1", subcommand: .run, max: 128 * mib, async: nil, expectedMax: 128 * mib, expectedAsync: 128 * mib + 512 * kib, checkApplies: true),
      // An explicit smaller async still fails.
      Case(version: "25.0.1", subcommand: .run, max: 128 * mib, async: 2 * mib, expectedMax: 128 * mib, expectedAsync: 2 * mib, checkApplies: true, engineError: exceed),
      Case(version: "26.0.0", subcommand: .run, max: 8 * mib, async: 8 * mib, expectedMax: 8 * mib, expectedAsync: 8 * mib, checkApplies: true),
      // dotnet's pin 23.0.1: run is synchronous, no check.
      Case(version: "23.0.1", subcommand: .run, max: 128 * mib, async: nil, expectedMax: 128 * mib, expectedAsync: 2 * mib, checkApplies: false),
      // serve was always async.
      Case(version: "24.0.0", subcommand: .serve, max: 8 * mib, async: nil, expectedMax: 8 * mib, expectedAsync: 2 * mib, checkApplies: true, engineError: exceed),
      // minijinja: CLI 13 run with 4 MiB.
      Case(version: "13.0.0", subcommand: .run, max: 4 * mib, async: nil, expectedMax: 4 * mib, expectedAsync: 2 * mib, checkApplies: false),
      // CLI 10/11: async compiled in, checked regardless of async_support.
      Case(version: "11.0.0", subcommand: .run, max: 4 * mib, async: nil, expectedMax: 4 * mib, expectedAsync: 2 * mib, checkApplies: true, engineError: exceed),
      Case(version: "10.0.0", subcommand: .compile, max: 4 * mib, async: nil, expectedMax: 4 * mib, expectedAsync: 2 * mib, checkApplies: true, engineError: exceed),
      Case(version: "9.0.0", subcommand: .run, max: 4 * mib, async: nil, expectedMax: 4 * mib, expectedAsync: 2 * mib, checkApplies: false),
      // 42+: every engine is checked; the derivation keeps compile working.
      Case(version: "42.0.0", subcommand: .compile, max: 4 * mib, async: nil, expectedMax: 4 * mib, expectedAsync: 4 * mib + 512 * kib, checkApplies: true),
      Case(version: "41.0.0", subcommand: .compile, max: 4 * mib, async: 1 * mib, expectedMax: 4 * mib, expectedAsync: 1 * mib, checkApplies: false),
      Case(version: "42.0.0", subcommand: .compile, max: 4 * mib, async: 1 * mib, expectedMax: 4 * mib, expectedAsync: 1 * mib, checkApplies: true, engineError: exceed),
      Case(version: "48.0.0", subcommand: .run, max: nil, async: nil, expectedMax: 512 * kib, expectedAsync: 2 * mib, checkApplies: true),
      Case(version: "48.0.0", subcommand: .settings, max: 8 * mib, async: nil, expectedMax: 8 * mib, expectedAsync: 8 * mib + 512 * kib, checkApplies: false),
      // wast: async from 32.0.0.
      Case(version: "31.0.0", subcommand: .wast, max: 8 * mib, async: 1 * mib, expectedMax: 8 * mib, expectedAsync: 1 * mib, checkApplies: false),
      Case(version: "32.0.0", subcommand: .wast, max: 8 * mib, async: 1 * mib, expectedMax: 8 * mib, expectedAsync: 1 * mib, checkApplies: true, engineError: exceed),
      // Zero is rejected on its own.
      Case(version: "30.0.0", subcommand: .run, max: 0, async: nil, expectedMax: 0, expectedAsync: 512 * kib, checkApplies: true, engineError: zero),
      // usize overflow of max + 512 KiB wraps in a release build.
      Case(version: "25.0.1", subcommand: .run, max: Int128(UInt64.max), async: nil, expectedMax: Int128(UInt64.max), expectedAsync: 512 * kib - 1, checkApplies: true, engineError: exceed),
      // Options the version does not have.
      Case(version: "25.0.0", subcommand: .run, max: nil, async: 4 * mib, expectedMax: 512 * kib, expectedAsync: 2 * mib, checkApplies: true, cliError: true),
      Case(version: "2.0.0", subcommand: .run, max: 4 * mib, async: nil, expectedMax: 512 * kib, expectedAsync: 2 * mib, checkApplies: false, cliError: true),
      Case(version: "14.0.0", subcommand: .serve, max: nil, async: nil, expectedMax: 512 * kib, expectedAsync: 2 * mib, checkApplies: true, cliError: true),
      Case(version: "0.30.0", subcommand: .run, max: nil, async: nil, expectedMax: 1 * mib, expectedAsync: 2 * mib, checkApplies: false),
    ]

    @Test("what the CLI hands to the engine", arguments: cases)
    func effective(_ c: Case) {
      let result = WasmtimeCLIFacts.effectiveStacks(version: v(c.version), subcommand: c.subcommand, max: c.max, async: c.async)
      #expect(result.max == c.expectedMax)
      #expect(result.async == c.expectedAsync)
      #expect(result.checkApplies == c.checkApplies, "\(result.reason)")
      #expect(result.engineError == c.engineError)
      #expect((result.cliError != nil) == c.cliError, "\(String(describing: result.cliError))")
      #expect(!result.reason.isEmpty && !result.reason.contains("\n"))
    }

    @Test func sources() {
      let derived = WasmtimeCLIFacts.effectiveStacks(version: v("25.0.1"), subcommand: .run, max: 8 * mib, async: nil)
      #expect(derived.maxSource == .option)
      #expect(derived.asyncSource == .derivedFromMax)
      #expect(derived.reason.contains("max + 512 KiB"))
      let defaults = WasmtimeCLIFacts.effectiveStacks(version: v("25.0.0"), subcommand: .run, max: 8 * mib, async: nil)
      #expect(defaults.asyncSource == .engineDefault)
      #expect(defaults.reason.contains("enables async_support"))
    }

    @Test func defaults() {
      #expect(WasmtimeCLIFacts.defaultMaxWasmStack(v("0.34.0")) == 1 * mib)
      #expect(WasmtimeCLIFacts.defaultMaxWasmStack(v("0.35.0")) == 512 * kib)
      #expect(WasmtimeCLIFacts.defaultAsyncStackSize(v("0.24.0")) == nil)
      #expect(WasmtimeCLIFacts.defaultAsyncStackSize(v("0.25.0")) == 2 * mib)
    }
  }
}
