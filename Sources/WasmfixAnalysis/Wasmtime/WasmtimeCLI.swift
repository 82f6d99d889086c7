import WasmfixEvaluation
/// The `wasmtime` command line's rules as the analysis needs them, from the per-version facts
/// in `WasmtimeCLIFacts` (each read from Wasmtime's source at its release tags). The CLI builds
/// a `Config` from `-W` flags (and its TOML `--config` file), so the engine's rule is the same;
/// what differs is when async is on and what the CLI sets by itself.
enum WasmtimeCLI {
  /// The first CLI with `-W async-stack-size` and the derived `async = max + 512 KiB`.
  static var asyncFlagAdded: WasmtimeVersion { WasmtimeCLIFacts.asyncStackSizeOptionIntroduced }

  static func hasAsyncStackSizeFlag(_ v: WasmtimeVersion) -> Bool {
    WasmtimeCLIFacts.acceptsAsyncStackSizeOption(v).holds
  }

  /// The CLI's async stack when only `max-wasm-stack` is given: from 25.0.1 it derives
  /// `max + 512 KiB`; before, Wasmtime's default (2 MiB) applies.
  static func derivedAsyncStackSize(max: Int128, version: WasmtimeVersion) -> Int128? {
    WasmtimeCLIFacts.derivesAsyncStackSize(version).holds ? max + WasmtimeCLIFacts.hostStackHeadroom : nil
  }

  /// Whether the CLI's engine checks `max <= async`: when the subcommand runs async (`run`
  /// from 25.0.0; `serve` always, passed in as `asyncSupport`), or when the CLI of 10.x/11.x
  /// (built with async, before the check was gated on async support) runs at all.
  static func checkApplies(_ c: CheckContext) -> (applies: Bool, reason: String) {
    let v = c.version
    if c.asyncSupport == true {
      return (true, "`wasmtime serve` always runs guests async, and the Wasmtime \(v) engine checks it")
    }
    let run = WasmtimeCLIFacts.isAsync(v, subcommand: .run)
    if run.holds { return (true, "the Wasmtime \(v) CLI runs guests async (`wasmtime run` is async from 25.0.0) and checks it") }
    if v >= WasmtimeCLIFacts.cliCompiledWithAsync && v < WasmtimeCLIFacts.checkGatedOnAsyncSupport {
      return (true, "the Wasmtime \(v) CLI is built with async and checks it regardless of async support")
    }
    return (false, "the Wasmtime \(v) CLI runs `wasmtime run` without async")
  }
}

extension WasmtimeCLI {
  /// Why a CLI version rejects a site's flag or key, and how it can be rewritten.
  struct Rejection {
    enum Rewrite { case newSpelling, decimalValue }
    var what: String
    var why: String
    var rewrite: Rewrite?
  }

  /// Nil when the CLI of `version` accepts the site as written.
  static func rejection(of site: Site, version v: WasmtimeVersion) -> Rejection? {
    let isTOML = site.language == TOMLSurface.config.id
    if isTOML {
      let fact = WasmtimeCLIFacts.hasTOMLConfig(v)
      return fact.holds ? nil : Rejection(what: "a TOML options file", why: fact.evidence, rewrite: nil)
    }
    if site.apiName.hasPrefix("--") {
      let fact = WasmtimeCLIFacts.acceptsLegacyMaxWasmStackFlag(v)
      guard !fact.holds else { return nil }
      let canRewrite = WasmtimeCLIFacts.acceptsOptionGroups(v).holds
      return Rejection(what: "`\(site.apiName)`", why: fact.evidence, rewrite: canRewrite ? .newSpelling : nil)
    }
    let groups = WasmtimeCLIFacts.acceptsOptionGroups(v)
    if !groups.holds { return Rejection(what: "`-W \(site.apiName)`", why: groups.evidence, rewrite: nil) }
    if site.setting == .asyncStackSize {
      let fact = WasmtimeCLIFacts.acceptsAsyncStackSizeOption(v)
      if !fact.holds { return Rejection(what: "`-W async-stack-size`", why: fact.evidence + "; upgrade the CLI or remove the option", rewrite: nil) }
    }
    if case let .value(_, syntax) = WasmtimeCLIFacts.parseOptionSize(site.argumentText) {
      let fact = WasmtimeCLIFacts.accepts(syntax, v)
      if !fact.holds { return Rejection(what: "the size `\(site.argumentText)`", why: fact.evidence, rewrite: .decimalValue) }
    }
    return nil
  }
}
