/// The `wasmtime` command line's own rules for its stack flags (facts §2 "CLI async history").
/// The CLI builds a `Config` from `-W` flags (and its TOML `--config` file), so the engine's
/// rule is the same; what differs is when async is on and what the CLI sets by itself.
enum WasmtimeCLI {
  /// `wasmtime run` became async in 25.0.0 (#9184); `serve` always was.
  static let runBecameAsync = WasmtimeVersion(25, 0, 0)
  /// `-W async-stack-size=N` and the derived `async = max + 512 KiB` (#9302, backported as #9305).
  static let asyncFlagAdded = WasmtimeVersion(25, 0, 1)
  /// `DEFAULT_HOST_STACK` in `crates/cli-flags/src/lib.rs`: what the CLI adds to `max-wasm-stack`.
  static let hostStack: Int128 = 512 << 10

  static func hasAsyncStackSizeFlag(_ v: WasmtimeVersion) -> Bool { v >= asyncFlagAdded }

  /// The CLI's async stack when only `max-wasm-stack` is given: from 25.0.1 it derives
  /// `max + 512 KiB`; before, Wasmtime's default (2 MiB) applies.
  static func derivedAsyncStackSize(max: Int128, version: WasmtimeVersion) -> Int128? {
    version >= asyncFlagAdded ? max + hostStack : nil
  }

  /// Whether the CLI's engine checks `max <= async`: `run` is async from 25.0.0, `serve`
  /// always; the engine's own checks (Rust crate with default features) apply then.
  static func checkApplies(_ c: CheckContext) -> (applies: Bool, reason: String) {
    let v = c.version
    if v >= runBecameAsync {
      return (true, "the Wasmtime \(v) CLI runs guests async and checks it")
    }
    return (false, "the Wasmtime \(v) CLI runs `wasmtime run` without async (async from 25.0.0); `wasmtime serve` checks it")
  }
}
