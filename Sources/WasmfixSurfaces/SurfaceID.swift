import WasmfixWorkspace
/// The name of a surface (a kind of file wasmfix reads settings from), as the JSON report
/// writes it (`"language": "rust"`). Open: a new surface declares its own identifier, and no
/// code outside that surface needs to list it.
public struct SurfaceID: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }

  public static let rust = SurfaceID("rust")
  public static let c = SurfaceID("c")
  public static let cpp = SurfaceID("cpp")
  public static let csharp = SurfaceID("csharp")

  /// The surface that reads a path; nil for files wasmfix does not scan.
  public init?(path: String) {
    guard let surface = Surfaces.surface(forPath: path) else { return nil }
    self = surface.id
  }

  public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

/// Which Wasmtime API a surface configures. Wasmtime's facts (defaults, which setters exist,
/// when the check runs) are per binding, and this set is Wasmtime's, not ours: it is closed.
public enum WasmtimeBinding: String, Sendable {
  /// The `wasmtime` crate's `Config`.
  case rustCrate
  /// The C API (`wasmtime_config_*_set`), also reached from C++.
  case cAPI
  /// wasmtime-dotnet (`Config.WithMaximumStackSize`), over the C API.
  case dotnet
  /// The `wasmtime` command line: `-W` flags and its TOML `--config` file.
  case cli
}
