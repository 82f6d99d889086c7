import WasmfixEvaluation
/// One engine configuration: the calls on one config object or builder chain in one scope,
/// with the values Wasmtime will use (explicit, its default, or not known until run time).
public struct EngineGroup: Sendable {
  public enum Source: String, Codable, Sendable {
    case explicit, `default`, unresolved
    /// Computed by the tool from the other value (the CLI's `max + 512 KiB`).
    case derived
  }

  /// The value a group ends up with for one setting.
  public struct EffectiveValue: Sendable {
    public var value: Int128?
    public var source: Source
    /// Index into `ScanResult.sites` of the last call that sets it (nil when implicit).
    public var siteIndex: Int?
    /// When alternatives set it (`#[cfg(debug_assertions)]` / `#[cfg(not(...))]`), the one
    /// whose value is the worst case for the check (largest max, smallest async).
    public var alternative: String? = nil
  }

  public var id: String
  public var path: String
  public var line: Int
  public var language: SurfaceID
  /// The Wasmtime API the group's surface configures.
  public var binding: WasmtimeBinding
  /// Indexes into `ScanResult.sites`, in source order.
  public var siteIndexes: [Int]
  public var version: DetectedVersion
  public var maxWasmStack: EffectiveValue
  /// `source == .default` with a nil value when the version has no async stack at all (< 0.25).
  public var asyncStackSize: EffectiveValue
  /// The group's `async_support(x)` value: nil when not called or not a constant.
  public var asyncSupport: Bool?
  public var asyncSupportCalled: Bool
  /// Whether Wasmtime's max <= async check runs for this group, and why.
  public var checkApplies: Bool
  public var checkReason: String
  /// Whether the documenting comment (or an assertion of the invariant) is already there.
  public var isDocumented: Bool
  /// The configuration object is created in the group's scope; when false it comes from a
  /// parameter or another function, which may already have set the "implicit" value.
  public var configIsFresh: Bool
  /// `max_wasm_stack <= async_stack_size` is proved for every run-time value (`x` and
  /// `x + 1 MiB`, `size / 2` and `size`): nothing to assert.
  public var relationHolds: Bool = false
  /// A function that forwards its parameter to a setter on a configuration it was given (a
  /// binding, a builder wrapper): it configures nothing itself, its callers do.
  public var isPassThrough: Bool = false
  /// The code expects Wasmtime to reject this configuration (a negative test).
  public var expectsFailure: Bool = false
  /// Wasmtime 0.25-0.38 check in the setters, at call time: the call that fails with the
  /// values set so far (`max_wasm_stack` raised while the async stack is still the default),
  /// as (site index, why); nil when every call passes in order or a value is unknown.
  public var setterOrderFailure: (site: Int, why: String)? = nil
  /// Alternative builds (`cfg_if!` branches, `#[cfg]`/`#ifdef` pairs) other than the one
  /// `maxWasmStack`/`asyncStackSize` describe (the worst) whose max also exceeds their async.
  public var otherFailingBuilds: [Build] = []

  /// One alternative build's pair of values.
  public struct Build: Sendable {
    public var max: EffectiveValue
    public var async: EffectiveValue
  }

  /// Wasmtime 0.25-0.38 Rust with the check compiled in: each setter compares its value with
  /// the other one set so far and returns Wasmtime's error at the call, so a run-time value is
  /// checked there (in call order) without any assertion.
  public var checksInSetters: Bool {
    binding == .rustCrate && checkApplies && version.version >= WasmtimeVersion(0, 25) && version.version < WasmtimeVersion(0, 39)
  }

  /// The API this group's code calls, named for messages about what it cannot set.
  var bindingName: String {
    switch language {
    case .csharp: return "wasmtime-dotnet's WithMaximumStackSize"
    case .rust where version.cargoAsyncFeature == false: return "a crate without wasmtime's async feature"
    case .rust where version.cargoAsyncCondition == .otherWorkspaceMember && version.version < WasmtimeVersion(47, 0):
      return "a crate that gets wasmtime's async feature only from another workspace member (built alone, `cargo build -p`, it has no async_stack_size; add `features = [\"async\"]` to its wasmtime dependency, then raise)"
    case .c where version.cargoAsyncFeature == false, .cpp where version.cargoAsyncFeature == false:
      return "a C API build without WASMTIME_FEATURE_ASYNC"
    default: return "Wasmtime \(version.version)'s API"
    }
  }

  /// Whether this group's code can call `async_stack_size` at all.
  public var canSetAsyncStack: Bool {
    switch binding {
    // `Config::async_stack_size` is `#[cfg(feature = "async")]` in 0.25-34.x,
    // `#[cfg(any(feature = "async", feature = "stack-switching"))]` in 35-46.x, and has no cfg
    // from 47.0.0 (read at the tags in crates/wasmtime/src/config.rs).
    case .rustCrate:
      // Async that only another workspace member turns on is missing from `cargo build -p` of
      // this crate, and so is the setter.
      return version.version >= WasmtimeVersion(0, 25)
        && (version.version >= WasmtimeVersion(47, 0)
          || (version.cargoAsyncFeature != false && version.cargoAsyncCondition != .otherWorkspaceMember))
    // wasmtime/async.h declares the setter only under WASMTIME_FEATURE_ASYNC.
    case .cAPI: return WasmtimeFacts.hasAsyncStackSize(version.version, binding: binding) && version.cargoAsyncFeature != false
    case .cli: return WasmtimeFacts.hasAsyncStackSize(version.version, binding: binding)
    // wasmtime-dotnet has no async stack setter; only builds that expose WithAsyncStackSize can.
    case .dotnet: return asyncStackSize.siteIndex != nil
    }
  }
}
