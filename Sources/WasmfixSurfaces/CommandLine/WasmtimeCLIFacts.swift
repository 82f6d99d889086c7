import WasmfixWorkspace
import Foundation

// What the `wasmtime` executable does with stack sizes, per release. Every boundary below was
// read from Wasmtime's own source at release tags (`git show <tag>:<file>` on
// bytecodealliance/wasmtime); the doc comment of each names the tag, file and symbol.

/// A subcommand of the `wasmtime` executable.
public enum WasmtimeSubcommand: Hashable, Sendable {
  case run, serve, compile, wast, explore, config, settings, objdump, wizer
  /// A subcommand wasmfix has no facts for (`completion`, `hot-blocks`, `help`, …).
  case other(String)

  /// The subcommand names `wasmtime` recognises as its first argument (v48.0.0
  /// `src/bin/wasmtime.rs` `enum Subcommand`; the old ≤ 13 CLI had `run`, `compile`, `config`,
  /// `settings`, `wast`, `explore`, `wasm2obj`).
  public static let knownNames: Set<String> = [
    "run", "serve", "compile", "wast", "explore", "config", "settings", "objdump", "wizer", "completion",
    "hot-blocks", "help", "wasm2obj",
  ]

  public init(name: String) {
    switch name {
    case "run": self = .run
    case "serve": self = .serve
    case "compile": self = .compile
    case "wast": self = .wast
    case "explore": self = .explore
    case "config": self = .config
    case "settings": self = .settings
    case "objdump": self = .objdump
    case "wizer": self = .wizer
    default: self = .other(name)
    }
  }

  public var name: String {
    switch self {
    case .run: "run"
    case .serve: "serve"
    case .compile: "compile"
    case .wast: "wast"
    case .explore: "explore"
    case .config: "config"
    case .settings: "settings"
    case .objdump: "objdump"
    case .wizer: "wizer"
    case .other(let name): name
    }
  }

  /// Whether the subcommand builds a `wasmtime::Engine` from the `-W` options (and so runs
  /// `Config::validate`). `config`, `settings`, `completion`, `help` do not.
  public var buildsEngine: Bool {
    switch self {
    case .run, .serve, .compile, .wast, .explore, .objdump, .wizer: true
    case .config, .settings: false
    case .other(let name): name == "wasm2obj"
    }
  }
}

/// A yes/no fact about one CLI version, with the source evidence behind the answer.
public struct CLIFact: Sendable, Hashable {
  public var holds: Bool
  /// Tag, file and symbol the answer rests on.
  public var evidence: String

  public init(_ holds: Bool, _ evidence: String) {
    self.holds = holds
    self.evidence = evidence
  }
}

/// How a size value was written; some spellings need a newer CLI.
public struct WasmtimeNumberSyntax: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// `0x…` (lowercase `x`; `0X` is rejected).
  public static let hex = WasmtimeNumberSyntax(rawValue: 1)
  /// `_` anywhere in the value (all removed before parsing).
  public static let underscores = WasmtimeNumberSyntax(rawValue: 2)
  /// A leading `+` (Rust's integer parser takes it).
  public static let plusSign = WasmtimeNumberSyntax(rawValue: 4)
}

/// The result of parsing a size value as the CLI would.
public enum WasmtimeSizeParse: Sendable, Hashable {
  case value(Int128, WasmtimeNumberSyntax)
  /// The CLI rejects the value; the text is Rust's `ParseIntError` message.
  case rejected(String)

  public var value: Int128? {
    if case .value(let v, _) = self { return v }
    return nil
  }
}

/// What `--config FILE` means to a CLI version.
public enum WasmtimeConfigFlag: Sendable, Hashable {
  /// ≤ 13.x: a *cache* configuration file (v13.0.0 `crates/cli-flags/src/lib.rs`
  /// `CommonOptions::config` → `Config::cache_config_load`); no stack settings.
  case cacheConfig
  /// 14.0.0–29.x: no such flag (the cache file moved to `-C cache-config=FILE`).
  case none
  /// 30.0.0+: a TOML file with the `-O/-C/-D/-W/-S` tables, `[wasm]` holding
  /// `max-wasm-stack` and `async-stack-size`.
  case tomlOptions
}

/// What the CLI hands to the engine for one invocation, and whether Wasmtime compares them.
public struct EffectiveStacks: Sendable, Hashable {
  /// Where a value came from.
  public enum Source: Sendable, Hashable {
    case option
    case engineDefault
    /// `max + 512 KiB`, computed by the CLI (25.0.1+).
    case derivedFromMax
  }

  public var max: Int128
  public var async: Int128
  public var maxSource: Source
  public var asyncSource: Source
  /// Whether `Config::validate` compares `max_wasm_stack` with `async_stack_size` here.
  public var checkApplies: Bool
  /// One line: the version facts behind `checkApplies` and the values.
  public var reason: String
  /// The CLI rejects the command line before creating an engine (an option it does not know).
  public var cliError: String?
  /// The error `Engine::new` returns for these values, if any.
  public var engineError: String?
}

/// The Wasmtime CLI's stack-size facts per version.
public enum WasmtimeCLIFacts {
  static let kib: Int128 = 1024
  static let mib: Int128 = 1024 * 1024
  /// `usize::MAX` on the 64-bit hosts Wasmtime's CLI ships for.
  static let usizeMax = Int128(UInt64.max)

  // MARK: Version boundaries

  /// `--max-wasm-stack <N>` appears: v3.0.0 `crates/cli-flags/src/lib.rs`
  /// `CommonOptions::max_wasm_stack: Option<usize>` (`#[clap(long)]`, #5156, commit 95ecb7e4d4);
  /// absent in v2.0.2.
  public static let legacyFlagIntroduced = WasmtimeVersion(3, 0, 0)
  /// The option-group CLI (#6925): v14.0.0 `crates/cli-flags/src/lib.rs`
  /// `CommonOptions::wasm_raw` (`#[clap(short = 'W', long = "wasm")]`, parsed by
  /// `crates/cli-flags/src/opt.rs` `CommaSeparatedParser`); `WasmOptions::max_wasm_stack`.
  public static let optionGroupsIntroduced = WasmtimeVersion(14, 0, 0)
  /// The Wasmtime 13 compatibility layer: v14.0.3 `src/old_cli.rs` (added by #7385/#7395,
  /// commit 196e90d423) keeps `max_wasm_stack: Option<usize>` (`#[clap(long)]`) and copies it to
  /// `ret.wasm.max_wasm_stack`; `src/bin/wasmtime.rs` `old_cli::main` runs both parsers and uses
  /// the old one when only it succeeds (`old-cli` is a default feature). Not in v14.0.0–v14.0.2.
  public static let compatibilityLayerIntroduced = WasmtimeVersion(14, 0, 3)
  /// `src/old_cli.rs` removed (#8597, commit ffd6bb55ce): present in v21.0.2, absent in v22.0.0.
  public static let compatibilityLayerRemoved = WasmtimeVersion(22, 0, 0)
  /// `0x` hex sizes: v20.0.0 `crates/cli-flags/src/opt.rs` `impl WasmtimeOptionValue for usize`
  /// (`val.strip_prefix("0x")` → `usize::from_str_radix(hex, 16)`, commit 8c8725e50c, #8140);
  /// v19.0.2 has only `val.parse()`.
  public static let hexValuesIntroduced = WasmtimeVersion(20, 0, 0)
  /// `_` in sizes: v26.0.0 `crates/cli-flags/src/opt.rs` `IGNORED_NUMBER_CHARS = ['_']`,
  /// removed with `.replace(IGNORED_NUMBER_CHARS, "")` before parsing (#9332, commit
  /// 81f9efc087); absent in v25.0.3.
  public static let underscoreValuesIntroduced = WasmtimeVersion(26, 0, 0)
  /// `serve` is a default-feature subcommand (#7392, RELEASES 14.0.3); in v14.0.0–14.0.2 it
  /// needed `--features serve`. Always `config.async_support(true)` (v14.0.0
  /// `src/commands/serve.rs` `ServeCommand::serve`).
  public static let serveInDefaultBuild = WasmtimeVersion(14, 0, 3)
  /// `run` becomes async: v25.0.0 `src/commands/run.rs` `RunCommand::execute` calls
  /// `config.async_support(true)` (#9184, commit 4005a813e8); not in v24.0.0.
  public static let runIsAsync = WasmtimeVersion(25, 0, 0)
  /// `-W async-stack-size=N` and the derived async size: v25.0.1 `crates/cli-flags/src/lib.rs`
  /// `WasmOptions::async_stack_size` and `CommonOptions::config`: `if
  /// self.wasm.async_stack_size.is_none() { const DEFAULT_HOST_STACK: usize = 512 << 10;
  /// config.async_stack_size(max + DEFAULT_HOST_STACK); }` (#9302 backported as #9305, commit
  /// 611f79d261); also in v25.0.2, v25.0.3, v26.0.0 → v48.0.0. Not in v25.0.0.
  public static let asyncStackSizeOptionIntroduced = WasmtimeVersion(25, 0, 1)
  /// `wast` becomes async: v32.0.0 `src/commands/wast.rs` `config.async_support(true)` (#10366,
  /// commit 83575995d4); v39.0.0 adds `--async=<bool>` (default true, #11953).
  public static let wastIsAsync = WasmtimeVersion(32, 0, 0)
  /// `--config FILE` TOML options: v30.0.0 `crates/cli-flags/src/lib.rs` `CommonOptions::config`
  /// (`#[arg(long = "config")]`), `CommonOptions::from_file` (`toml::from_str`), `#[serde(rename_all
  /// = "kebab-case", deny_unknown_fields)]` on `WasmOptions`; absent in v29.0.0.
  public static let tomlConfigIntroduced = WasmtimeVersion(30, 0, 0)
  /// The CLI's wasmtime is compiled with the `async` feature through `wasmtime-wasi`'s default
  /// `preview2` feature (v10.0.0 `crates/wasi/Cargo.toml` `preview2 = ['wasmtime/async', …]`,
  /// default features on in the root `Cargo.toml`); in v3.0.0–v9.0.0 nothing the CLI depends
  /// on enables `wasmtime/async` (`wiggle` is used with `default-features = false`). Read from
  /// the manifests, not measured.
  public static let cliCompiledWithAsync = WasmtimeVersion(10, 0, 0)
  /// `Config::validate` checks only when `async_support` is on (#6771; v12.0.0
  /// `crates/wasmtime/src/config.rs` `if self.async_support && self.max_wasm_stack > …`).
  public static let checkGatedOnAsyncSupport = WasmtimeVersion(12, 0, 0)
  /// `async_support` no longer exists as a knob (#12371): the check runs whenever the build
  /// has `async` or `stack-switching` (both in the CLI's default features: v42.0.0 `Cargo.toml`
  /// `run`/`serve` → `wasmtime-cli-flags/async`, default `stack-switching`); v42.0.0 `src/`
  /// has no `async_support(` call.
  public static let checkForEveryEngine = WasmtimeVersion(42, 0, 0)
  /// The default `max_wasm_stack` becomes 512 KiB (#3861; v0.35.0 `crates/wasmtime/src/config.rs`
  /// `max_wasm_stack: 512 * 1024`), 1 MiB before.
  static let smallerDefaultMaxStack = WasmtimeVersion(0, 35, 0)
  /// `async_stack_size` exists (default `2 << 20` in `Config::new` from v0.25.0 to v48.0.0).
  static let asyncStackSizeExists = WasmtimeVersion(0, 25, 0)
  /// `max_wasm_stack size cannot be zero` in `Config::validate` (v0.39.0+).
  static let zeroCheckInValidate = WasmtimeVersion(0, 39, 0)
  /// `-W async-stack-size` in a build without the feature: `support for async disabled at
  /// compile time` (`match_feature!`, v25.0.1–v34.x), then `support for async/stack-switching
  /// disabled at compile time` (v35.0.0+ `CommonOptions::config`).
  static let stackSwitchingMessage = WasmtimeVersion(35, 0, 0)

  // MARK: Defaults

  /// `DEFAULT_HOST_STACK` (512 KiB) in `crates/cli-flags/src/lib.rs` `CommonOptions::config`
  /// (v25.0.1 → v48.0.0): the host's share added to `max-wasm-stack` when no
  /// `async-stack-size` is given.
  public static let hostStackHeadroom: Int128 = 512 * 1024

  /// The engine's default `max_wasm_stack`: 512 KiB since 0.35.0, 1 MiB before.
  public static func defaultMaxWasmStack(_ v: WasmtimeVersion) -> Int128 {
    v >= smallerDefaultMaxStack ? 512 * kib : 1 * mib
  }

  /// The engine's default `async_stack_size`: 2 MiB (`2 << 20`) since 0.25.0 (checked at v14.0.0,
  /// v25.0.0, v48.0.0 `crates/wasmtime/src/config.rs` `Config::new`); nil before it existed.
  public static func defaultAsyncStackSize(_ v: WasmtimeVersion) -> Int128? {
    v >= asyncStackSizeExists ? 2 * mib : nil
  }

  // MARK: Which spellings a version takes

  /// `-W k=v` / `--wasm k=v` (and `-Wk=v`, `--wasm=k=v`, comma lists): 14.0.0+.
  public static func acceptsOptionGroups(_ v: WasmtimeVersion) -> CLIFact {
    v >= optionGroupsIntroduced
      ? CLIFact(true, "-W/--wasm since 14.0.0 (v14.0.0 crates/cli-flags/src/lib.rs CommonOptions::wasm_raw, #6925)")
      : CLIFact(false, "\(v) predates the -W/--wasm option groups (added in 14.0.0, #6925)")
  }

  /// `--max-wasm-stack N` / `--max-wasm-stack=N`: natively 3.0.0–13.x; through the compatibility
  /// layer 14.0.3–21.x (with a warning, and only when the whole command line parses with the
  /// old parser: mixing it with `-W` options fails; `WASMTIME_NEW_CLI=1` also rejects it);
  /// rejected as an unexpected argument by 14.0.0–14.0.2 and 22.0.0+.
  public static func acceptsLegacyMaxWasmStackFlag(_ v: WasmtimeVersion) -> CLIFact {
    if v < legacyFlagIntroduced {
      return CLIFact(false, "\(v) predates --max-wasm-stack (added in 3.0.0, #5156)")
    }
    if v < optionGroupsIntroduced {
      return CLIFact(true, "--max-wasm-stack is a native flag in 3.0.0–13.x (v13.0.0 crates/cli-flags/src/lib.rs CommonOptions::max_wasm_stack)")
    }
    if v < compatibilityLayerIntroduced {
      return CLIFact(false, "14.0.0–14.0.2 have the new CLI only and reject --max-wasm-stack; the Wasmtime 13 compatibility layer arrived in 14.0.3 (#7385, src/old_cli.rs)")
    }
    if v < compatibilityLayerRemoved {
      return CLIFact(true, "14.0.3–21.x accept --max-wasm-stack through the Wasmtime 13 compatibility layer (src/old_cli.rs RunCommand::max_wasm_stack, with a deprecation warning; not together with -W options)")
    }
    return CLIFact(false, "22.0.0 removed the Wasmtime 13 compatibility layer (#8597): --max-wasm-stack is an unexpected argument; use -W max-wasm-stack=N")
  }

  /// `-W async-stack-size=N`: 25.0.1+ (the 25.0.x patch releases after 25.0.0 and 26.0.0 on).
  public static func acceptsAsyncStackSizeOption(_ v: WasmtimeVersion) -> CLIFact {
    if v >= asyncStackSizeOptionIntroduced {
      return CLIFact(true, "-W async-stack-size since 25.0.1 (#9302/#9305, crates/cli-flags/src/lib.rs WasmOptions::async_stack_size)")
    }
    if v >= optionGroupsIntroduced {
      return CLIFact(false, "\(v) has no -W async-stack-size (added in 25.0.1, #9302): `unknown -W / --wasm option: async-stack-size`")
    }
    return CLIFact(false, "\(v) has no option for async_stack_size (the CLI gained -W async-stack-size in 25.0.1)")
  }

  /// Whether the subcommand turns on `async_support` (before 42.0.0 the only thing that makes
  /// the check run, from 12.0.0 on): `serve` always (14.0.0+), `run` from 25.0.0, `wast`
  /// from 32.0.0 (`--async=false` turns it off again from 39.0.0). From 42.0.0 the knob is gone
  /// and the question no longer matters (see `effectiveStacks`).
  public static func isAsync(_ v: WasmtimeVersion, subcommand: WasmtimeSubcommand) -> CLIFact {
    switch subcommand {
    case .serve:
      return v >= optionGroupsIntroduced
        ? CLIFact(true, "serve always enables async_support (src/commands/serve.rs, 14.0.0+)")
        : CLIFact(false, "\(v) has no serve subcommand (added in 14.0.0)")
    case .run:
      return v >= runIsAsync
        ? CLIFact(true, "run enables async_support since 25.0.0 (#9184, src/commands/run.rs RunCommand::execute)")
        : CLIFact(false, "run is synchronous before 25.0.0 (#9184 made it async)")
    case .wast:
      return v >= wastIsAsync
        ? CLIFact(true, "wast enables async_support since 32.0.0 (#10366, src/commands/wast.rs); --async=false turns it off from 39.0.0 (#11953)")
        : CLIFact(false, "wast is synchronous before 32.0.0 (#10366)")
    default:
      return CLIFact(false, "\(subcommand.name) never enables async_support")
    }
  }

  /// Whether `-W max-wasm-stack=N` alone also sets `async_stack_size = N + 512 KiB`: 25.0.1+.
  public static func derivesAsyncStackSize(_ v: WasmtimeVersion) -> CLIFact {
    v >= asyncStackSizeOptionIntroduced
      ? CLIFact(true, "since 25.0.1 a max-wasm-stack without async-stack-size sets async_stack_size = max + 512 KiB (DEFAULT_HOST_STACK in crates/cli-flags/src/lib.rs CommonOptions::config)")
      : CLIFact(false, "\(v) leaves async_stack_size at the engine default when max-wasm-stack is given (the derivation came in 25.0.1, #9302)")
  }

  /// Whether `--config FILE` reads a TOML file with `[wasm]` keys: 30.0.0+.
  public static func hasTOMLConfig(_ v: WasmtimeVersion) -> CLIFact {
    v >= tomlConfigIntroduced
      ? CLIFact(true, "--config FILE reads TOML with [wasm] max-wasm-stack / async-stack-size since 30.0.0 (crates/cli-flags/src/lib.rs CommonOptions::from_file)")
      : CLIFact(false, "\(v) has no TOML options file (added in 30.0.0)")
  }

  /// Whether `-W` options win over the TOML file: yes, key by key. `CommonOptions::configure`
  /// (v30.0.0 → v48.0.0) first replaces `self.wasm` with the file's `[wasm]` table, then applies
  /// `self.wasm.configure_with(&self.wasm_raw)`, which sets only the keys given on the command
  /// line. Tested by `tests/all/cli_tests.rs` (`-W max-wasm-stack=0` overrides the file's 65536).
  /// Note the derivation checks the merged value: an `async-stack-size` from the file stops
  /// `max + 512 KiB`.
  public static func optionsOverrideTOML(_ v: WasmtimeVersion) -> CLIFact {
    v >= tomlConfigIntroduced
      ? CLIFact(true, "-W options override the TOML file key by key (CommonOptions::configure applies wasm_raw after from_file)")
      : CLIFact(false, "\(v) has no TOML options file")
  }

  /// What `--config FILE` means to version `v`.
  public static func configFlag(_ v: WasmtimeVersion) -> WasmtimeConfigFlag {
    if v >= tomlConfigIntroduced { return .tomlOptions }
    if v >= optionGroupsIntroduced { return .none }
    return .cacheConfig
  }

  /// What the CLI does with `-W async-stack-size=N` when the engine is not async.
  public static func asyncStackSizeWithoutAsync(_ v: WasmtimeVersion) -> String {
    if v < asyncStackSizeOptionIntroduced {
      return "\(v) has no -W async-stack-size option; the CLI rejects it as an unknown -W option"
    }
    if v < checkForEveryEngine {
      return "the value is passed to Config::async_stack_size but not inspected: Config::validate compares the stacks only when async_support is on (12.0.0–41.x)"
    }
    return "the value is passed to Config::async_stack_size and always compared (42.0.0+ has no async_support knob; the CLI is built with async and stack-switching); a build without both features fails with `support for async/stack-switching disabled at compile time`"
  }

  // MARK: Size values

  /// Whether version `v`'s `-W` parser takes a value written with `syntax`: hex from 20.0.0,
  /// `_` from 26.0.0, `+` always (Rust's integer parser).
  public static func accepts(_ syntax: WasmtimeNumberSyntax, _ v: WasmtimeVersion) -> CLIFact {
    if syntax.contains(.hex), v < hexValuesIntroduced {
      return CLIFact(false, "\(v) parses -W sizes as decimal only; 0x hex came in 20.0.0 (crates/cli-flags/src/opt.rs WasmtimeOptionValue for usize)")
    }
    if syntax.contains(.underscores), v < underscoreValuesIntroduced {
      return CLIFact(false, "\(v) rejects `_` in -W sizes; IGNORED_NUMBER_CHARS came in 26.0.0 (#9332)")
    }
    return CLIFact(true, "\(v) parses this size spelling")
  }

  /// Parses a `-W max-wasm-stack=` / `async-stack-size=` value exactly as version `v` does
  /// (nil = the newest rules): 26.0.0+ removes every `_` first; 20.0.0+ reads `0x…` as hex
  /// (`usize::from_str_radix`); otherwise `usize::from_str` (decimal, optional `+`). No size
  /// suffixes (`K`, `M`, `MiB`) in any version. Values above `usize::MAX` (64-bit) are rejected.
  public static func parseOptionSize(_ text: some StringProtocol, version v: WasmtimeVersion? = nil) -> WasmtimeSizeParse {
    var bytes = Array(text.utf8)
    var syntax: WasmtimeNumberSyntax = []
    if v.map({ $0 >= underscoreValuesIntroduced }) ?? true, bytes.contains(UInt8(ascii: "_")) {
      bytes.removeAll { $0 == UInt8(ascii: "_") }
      syntax.insert(.underscores)
    }
    if v.map({ $0 >= hexValuesIntroduced }) ?? true, bytes.count >= 2, bytes[0] == UInt8(ascii: "0"),
      bytes[1] == UInt8(ascii: "x")
    {
      syntax.insert(.hex)
      return rustUnsigned(bytes[2...], radix: 16, syntax: syntax)
    }
    return rustUnsigned(bytes[...], radix: 10, syntax: syntax)
  }

  /// Parses a `--max-wasm-stack` value (3.0.0–21.x): `usize::from_str` through clap, decimal
  /// with an optional `+`.
  public static func parseLegacySize(_ text: some StringProtocol) -> WasmtimeSizeParse {
    rustUnsigned(Array(text.utf8)[...], radix: 10, syntax: [])
  }

  /// Rust's `usize::from_str_radix` for a 64-bit `usize`, with its error messages.
  static func rustUnsigned(_ digits: ArraySlice<UInt8>, radix: Int128, syntax: WasmtimeNumberSyntax) -> WasmtimeSizeParse {
    var syntax = syntax
    var rest = digits
    if rest.isEmpty { return .rejected("cannot parse integer from empty string") }
    if rest.first == UInt8(ascii: "+") {
      rest = rest.dropFirst()
      syntax.insert(.plusSign)
      if rest.isEmpty { return .rejected("invalid digit found in string") }
    }
    var value: Int128 = 0
    // Digits are read left to right and the first problem wins, as in Rust: an overflow
    // before a bad digit reports the overflow.
    for c in rest {
      let d: Int128
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = Int128(c - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = Int128(c - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = Int128(c - UInt8(ascii: "A") + 10)
      default: return .rejected("invalid digit found in string")
      }
      guard d < radix else { return .rejected("invalid digit found in string") }
      value = value * radix + d
      if value > usizeMax { return .rejected("number too large to fit in target type") }
    }
    return .value(value, syntax)
  }

  // MARK: What reaches the engine

  /// What the CLI hands to the engine for `max`/`async` given on its command line (nil = not
  /// given), and whether `Config::validate` compares them:
  /// * 3.0.0–9.x: never (the CLI's wasmtime has no `async` feature);
  /// * 10.0.0–11.x: for every subcommand that builds an engine, regardless of `async_support`
  ///   (feature compiled in through wasmtime-wasi's `preview2`, and #6771 not yet there);
  /// * 12.0.0–41.x: only where async is on (`serve`; `run` from 25.0.0; `wast` from 32.0.0);
  /// * 42.0.0+: for every subcommand that builds an engine.
  /// Without `async`, 25.0.1+ derives `max + 512 KiB` (wrapping at 2^64 as a release build's
  /// `usize` addition does); else the engine default 2 MiB applies.
  public static func effectiveStacks(
    version v: WasmtimeVersion, subcommand: WasmtimeSubcommand, max: Int128?, async: Int128?
  ) -> EffectiveStacks {
    var cliError: String?
    if max != nil, v < legacyFlagIntroduced {
      cliError = "Wasmtime CLI \(v) has no option for max_wasm_stack (--max-wasm-stack came in 3.0.0)"
    }
    let asyncOption = acceptsAsyncStackSizeOption(v)
    if async != nil, !asyncOption.holds {
      cliError =
        v >= optionGroupsIntroduced
        ? "unknown -W / --wasm option: async-stack-size (Wasmtime CLI \(v); the option came in 25.0.1)"
        : "Wasmtime CLI \(v) has no option for async_stack_size (-W async-stack-size came in 25.0.1)"
    }
    if subcommand == .serve, v < serveInDefaultBuild {
      cliError =
        v < optionGroupsIntroduced
        ? "Wasmtime CLI \(v) has no serve subcommand (added in 14.0.0)"
        : "Wasmtime CLI \(v) default builds have no serve subcommand (enabled by default in 14.0.3, #7392)"
    }

    let usableMax = v >= legacyFlagIntroduced ? max : nil
    let usableAsync = asyncOption.holds ? async : nil
    let effectiveMax = usableMax ?? defaultMaxWasmStack(v)
    let maxSource: EffectiveStacks.Source = usableMax == nil ? .engineDefault : .option
    let effectiveAsync: Int128
    let asyncSource: EffectiveStacks.Source
    if let usableAsync {
      effectiveAsync = usableAsync
      asyncSource = .option
    } else if let usableMax, derivesAsyncStackSize(v).holds {
      // `max + DEFAULT_HOST_STACK` in `usize`: release builds do not check overflow.
      effectiveAsync = (usableMax + hostStackHeadroom) % (usizeMax + 1)
      asyncSource = .derivedFromMax
    } else {
      effectiveAsync = defaultAsyncStackSize(v) ?? 2 * mib
      asyncSource = .engineDefault
    }

    let checkApplies: Bool
    var why: String
    if !subcommand.buildsEngine {
      checkApplies = false
      why = "`\(subcommand.name)` creates no engine"
    } else if v < legacyFlagIntroduced {
      checkApplies = false
      why = "CLI \(v) cannot set max_wasm_stack, so the defaults always pass"
    } else if v < cliCompiledWithAsync {
      checkApplies = false
      why = "CLI 3.0–9.x is built without wasmtime's `async` feature, so Config::validate has no stack check"
    } else if v < checkGatedOnAsyncSupport {
      checkApplies = true
      why = "CLI 10.x/11.x compiles `async` in (wasmtime-wasi preview2) and checks regardless of async_support (before #6771)"
    } else if v < checkForEveryEngine {
      let async = isAsync(v, subcommand: subcommand)
      checkApplies = async.holds
      why =
        async.holds
        ? "CLI \(v) `\(subcommand.name)` enables async_support, so Config::validate compares the stacks"
        : "CLI \(v) `\(subcommand.name)` leaves async_support off, so 12.0–41.x skip the comparison"
    } else {
      checkApplies = true
      why = "CLI \(v) (42.0.0+) compares the stacks for every engine: async and stack-switching are compiled in and async_support is gone"
    }

    var engineError: String?
    if cliError == nil, subcommand.buildsEngine {
      if checkApplies, effectiveMax > effectiveAsync {
        engineError = "max_wasm_stack size cannot exceed the async_stack_size"
      } else if effectiveMax == 0, v >= zeroCheckInValidate {
        engineError = "max_wasm_stack size cannot be zero"
      }
    }
    let asyncWhy: String
    switch asyncSource {
    case .option: asyncWhy = "async \(effectiveAsync) from -W async-stack-size"
    case .derivedFromMax: asyncWhy = "async \(effectiveAsync) = max + 512 KiB (derived since 25.0.1)"
    case .engineDefault: asyncWhy = "async \(effectiveAsync) (engine default)"
    }
    let maxWhy = maxSource == .option ? "max \(effectiveMax)" : "max \(effectiveMax) (engine default)"
    let reason = "\(why); \(maxWhy), \(asyncWhy)"
    return EffectiveStacks(
      max: effectiveMax, async: effectiveAsync, maxSource: maxSource, asyncSource: asyncSource,
      checkApplies: checkApplies, reason: reason, cliError: cliError, engineError: engineError)
  }
}
