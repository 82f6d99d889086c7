import WasmfixEvaluation
/// Everything `WasmtimeFacts.checkApplies` needs to know about one engine configuration.
public struct CheckContext: Sendable, Equatable {
  /// The Wasmtime version that applies to the group's file.
  public var version: WasmtimeVersion
  /// The binding: Rust is the crate itself; C/C++ the C API; C# wasmtime-dotnet, which wraps the
  /// C API of the same version number.
  public var binding: WasmtimeBinding
  /// The group's `async_support(x)` (C: `wasmtime_config_async_support_set(cfg, x)`) value;
  /// nil when not called or not resolvable.
  public var asyncSupport: Bool?
  /// `false` when the crate's `Cargo.toml` has `default-features = false` for wasmtime and
  /// neither the `async` nor the `stack-switching` feature; `true` or nil (no Cargo.toml) otherwise.
  public var cargoAsyncFeature: Bool?
  /// How the crate gets async when its own wasmtime entries leave it off (see `DetectedVersion`).
  public var cargoAsyncCondition: CargoAsyncCondition? = nil

  public init(
    version: WasmtimeVersion, binding: WasmtimeBinding, asyncSupport: Bool? = nil,
    cargoAsyncFeature: Bool? = nil
  ) {
    self.version = version
    self.binding = binding
    self.asyncSupport = asyncSupport
    self.cargoAsyncFeature = cargoAsyncFeature
  }
}

/// The Wasmtime facts (shared/wasmtime-facts.md §1.2, §1.3, §2) as code. Each boundary names the
/// release or PR behind it; the probe column refers to the C API inside PyPI `wasmtime` wheels.
public enum WasmtimeFacts {
  // MARK: Version boundaries

  /// `Config::max_wasm_stack` exists (#1490).
  static let maxWasmStackIntroduced = WasmtimeVersion(0, 16, 0)
  /// `async_stack_size`, `async_support` and the `async` Cargo feature exist (#2434); the setters
  /// check `max <= async` at call time when the feature is compiled in.
  static let asyncIntroduced = WasmtimeVersion(0, 25, 0)
  /// Default `max_wasm_stack` lowered from 1 MiB to 512 KiB (#3861, aeaca2062f).
  static let smallerDefaultMaxStack = WasmtimeVersion(0, 35, 0)
  /// The check moved from the setters to `Config::validate` at `Engine::new` (#4262, 72f0e46fdb).
  static let checkInValidate = WasmtimeVersion(0, 39, 0)
  /// C API wheels 10.x/11.x compiled `wasmtime/async` in through wasmtime-wasi's `preview2`
  /// default feature (facts §1.4 footnote ³; wasmtime-go#182).
  static let cAPIAsyncCompiledIn = WasmtimeVersion(10, 0, 0)
  /// The check runs only when `async_support` is true (#6771, 7dfae4c38e).
  static let checkGatedOnAsyncSupport = WasmtimeVersion(12, 0, 0)
  /// The C API gains `wasmtime_config_async_support_set` / `…_async_stack_size_set` (#7106).
  static let cAPIAsyncFunctions = WasmtimeVersion(14, 0, 0)
  /// `async_support` becomes a deprecated no-op; the C function is removed (#12371, cc8d04f45d).
  static let asyncSupportRemoved = WasmtimeVersion(42, 0, 0)
  /// The check loses its cfg gate and runs unconditionally (#13671, abcde9b59f; dfinity/ic#10994).
  static let checkUnconditional = WasmtimeVersion(47, 0, 0)

  static let kib = 1024
  static let mib = 1024 * 1024

  // MARK: Defaults (facts §1.3)

  /// Default `max_wasm_stack` in bytes: 1 MiB for 0.16–0.34.x (#1490), 512 KiB from 0.35.0 (#3861).
  /// Versions before 0.16 had no setting; 1 MiB is returned for them too.
  public static func defaultMaxWasmStack(_ v: WasmtimeVersion) -> Int {
    v >= smallerDefaultMaxStack ? 512 * kib : 1 * mib
  }

  /// Default `async_stack_size` in bytes: 2 MiB from 0.25.0 (never changed); nil before, where the
  /// setting does not exist.
  public static func defaultAsyncStackSize(_ v: WasmtimeVersion) -> Int? {
    v >= asyncIntroduced ? 2 * mib : nil
  }

  // MARK: API surface per binding (facts §2)

  /// Whether code in `language` can set `async_stack_size` on version `v`:
  /// Rust `Config::async_stack_size` since 0.25.0; C/C++ `wasmtime_config_async_stack_size_set`
  /// since 14.0.0 (#7106); C# never (wasmtime-dotnet has no setter and declares no P/Invoke for it).
  public static func hasAsyncStackSize(_ v: WasmtimeVersion, binding: WasmtimeBinding) -> Bool {
    switch binding {
    case .rustCrate: v >= asyncIntroduced
    case .cAPI: v >= cAPIAsyncFunctions
    case .dotnet: false
    case .cli: WasmtimeCLI.hasAsyncStackSizeFlag(v)
    }
  }

  /// Whether `async_support` is a real knob for `language` on version `v`: Rust 0.25–41.x
  /// (a deprecated no-op from 42.0.0, #12371); C/C++ `wasmtime_config_async_support_set`
  /// 14.0–41.x (added #7106, removed #12371: calling it fails to link on 42+);
  /// C# never (wasmtime-dotnet has no async setter).
  public static func hasAsyncSupportKnob(_ v: WasmtimeVersion, binding: WasmtimeBinding) -> Bool {
    switch binding {
    case .rustCrate: v >= asyncIntroduced && v < asyncSupportRemoved
    case .cAPI: v >= cAPIAsyncFunctions && v < asyncSupportRemoved
    case .dotnet, .cli: false
    }
  }

  /// Whether Wasmtime rejects `max_wasm_stack == 0`: since 0.25.0 (the setter refused it; from
  /// 0.39.0 `Config::validate` does, unconditionally: "max_wasm_stack size cannot be zero").
  /// The 0.25–0.38 C API ignored the refused value instead of failing, but the setting still did
  /// not take effect, so it is reported as rejected.
  public static func zeroRejected(_ v: WasmtimeVersion) -> Bool {
    v >= asyncIntroduced
  }

  // MARK: When the max <= async check runs (facts §1.2, §1.4)

  /// Whether Wasmtime refuses `max_wasm_stack > async_stack_size` for this context (at
  /// `Engine::new`, or in the setters on 0.25–0.38), with a one-line reason naming the version,
  /// e.g. "Wasmtime 25.0.0 checks it only when async_support(true) is set".
  public static func checkApplies(_ c: CheckContext) -> (applies: Bool, reason: String) {
    let v = c.version
    switch c.binding {
    case .rustCrate: return rustCheckApplies(c)
    case .cli: return WasmtimeCLI.checkApplies(c)
    case .cAPI, .dotnet:
      let who = c.binding == .dotnet ? "wasmtime-dotnet \(v) (C API)" : "the Wasmtime \(v) C API"
      if v < asyncIntroduced {
        return (false, "\(who) has no async_stack_size (added in 0.25.0)")
      }
      if v < checkInValidate {
        // Footnote ¹/²: the C setter returned bool and silently kept the old value.
        return (false, "\(who) ignores a rejected stack size instead of failing")
      }
      if c.binding == .cAPI, c.cargoAsyncFeature == false, v < checkUnconditional {
        // CMake's WASMTIME_FEATURE_ASYNC=OFF builds the library without wasmtime's async feature.
        return (false, "\(who) is built without WASMTIME_FEATURE_ASYNC, which compiles the check out before 47.0.0")
      }
      if v < cAPIAsyncCompiledIn {
        // Footnote ²: the C API crate was built without the `async` feature.
        return (false, "\(who) is built without the async feature, so the check is compiled out")
      }
      if v < checkGatedOnAsyncSupport {
        // Footnote ³: wasmtime-wasi preview2 pulled in wasmtime/async; predates #6771.
        return (true, "\(who) checks it regardless of async support (async compiled in, wasmtime-go#182)")
      }
      if v < asyncSupportRemoved {
        if c.binding == .dotnet, c.asyncSupport != true {
          // wasmtime-dotnet has no way to enable async support (it declares no such P/Invoke).
          return (false, "\(who) checks it only with async support, which wasmtime-dotnet never enables")
        }
        let knob = "wasmtime_config_async_support_set(config, true)"
        if c.asyncSupport == true {
          return (true, "\(who) checks it when async support is enabled, as it is here")
        }
        if v < cAPIAsyncFunctions {
          return (false, "\(who) checks it only with async support, which it cannot enable (no \(knob) before 14.0.0)")
        }
        return (false, "\(who) checks it only when \(knob) is called")
      }
      if v < checkUnconditional {
        return (true, "\(who) is built with async and always checks it (async_support was removed in 42.0.0)")
      }
      return (true, "\(who) always checks it")
    }
  }

  private static func rustCheckApplies(_ c: CheckContext) -> (applies: Bool, reason: String) {
    let v = c.version
    let featureOff = c.cargoAsyncFeature == false
    // Why the feature is on, when the crate's own wasmtime entry is not the reason.
    func on(_ byDefault: String) -> String {
      switch c.cargoAsyncCondition {
      case let .crateFeature(feature)?: return "the crate's default feature `\(feature)` turns async on"
      case .otherWorkspaceMember?: return "another member of the workspace turns async on, and Cargo builds one wasmtime for both"
      case nil: return byDefault
      }
    }
    if v < asyncIntroduced {
      return (false, "Wasmtime \(v) has no async_stack_size (added in 0.25.0)")
    }
    if v < checkInValidate {
      return featureOff
        ? (false, "Wasmtime \(v) checks it only with the async Cargo feature, which Cargo.toml disables")
        : (true, "Wasmtime \(v) checks it in the setters whenever the async Cargo feature is compiled in (\(on("it is on by default")))")
    }
    if v < checkGatedOnAsyncSupport {
      return featureOff
        ? (false, "Wasmtime \(v) checks it only with the async Cargo feature, which Cargo.toml disables")
        : (true, "Wasmtime \(v) checks it whenever the async Cargo feature is compiled in (\(on("it is on by default"))), regardless of async_support")
    }
    if v < asyncSupportRemoved {
      // 35.0.0 widened the cfg to `any(async, stack-switching)` (#10388; v34.0.0's config.rs still
      // has `feature = "async"` only); cargoAsyncFeature covers both.
      // Without the feature, async_support does not even exist: say that first.
      if featureOff {
        return (false, "Wasmtime \(v) checks it only with the async Cargo feature, which Cargo.toml disables")
      }
      if c.asyncSupport != true {
        return (false, "Wasmtime \(v) checks it only when async_support(true) is set")
      }
      return (true, "Wasmtime \(v) checks it when async_support(true) is set, as it is here")
    }
    if v < checkUnconditional {
      return featureOff
        ? (false, "Wasmtime \(v) checks it only when the async or stack-switching Cargo feature is compiled in, and Cargo.toml disables both")
        : (true, "Wasmtime \(v) checks it whenever the async or stack-switching Cargo feature is compiled in (\(on("both are on by default"))), whatever async_support says")
    }
    return (true, "Wasmtime \(v) always checks it")
  }
}
