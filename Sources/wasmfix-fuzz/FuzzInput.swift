import WasmfixCore

/// What one fuzz input stands for. Its first byte picks the kind of file (among those the run
/// allows, `WASMFIX_FUZZ_LANG`) and the Wasmtime version; the rest is the file's bytes. The seed
/// corpus (Seeds.swift) writes the same first byte, so this table is the only place it is defined.
struct FuzzInput {
  /// A kind of file: the `WASMFIX_FUZZ_LANG` it belongs to and the path it is scanned as.
  struct Kind {
    var language: String
    var path: String
  }

  /// Every surface wasmfix reads: the code surfaces, and the command-line ones (the `cli` group).
  static let kinds: [Kind] = [
    Kind(language: "rust", path: "src/main.rs"),
    Kind(language: "c", path: "main.c"),
    Kind(language: "cpp", path: "main.cpp"),
    Kind(language: "csharp", path: "Program.cs"),
    Kind(language: "cli", path: "run.sh"),
    Kind(language: "cli", path: "Directory.Build.props"),
    Kind(language: "cli", path: ".github/workflows/ci.yml"),
    Kind(language: "cli", path: "wasmtime.toml"),
    Kind(language: "cli", path: "Makefile"),
    Kind(language: "cli", path: "Dockerfile"),
    Kind(language: "cli", path: "run.ps1"),
    Kind(language: "cli", path: "run.py"),
    Kind(language: "cli", path: "run.js"),
  ]
  static let languages = ["rust", "c", "cpp", "csharp", "cli", "all"]

  /// The versions that change the rules' verdicts (async on by default from 25 with no
  /// `async_support` from 42, 1 MiB default stack before 0.35, ...); nil is a project
  /// without manifests (the default version).
  static let versions: [WasmtimeVersion?] = [nil, WasmtimeVersion(0, 34), WasmtimeVersion(13), WasmtimeVersion(22),
                                             WasmtimeVersion(25), WasmtimeVersion(41), WasmtimeVersion(47)]

  /// The kinds a run allows: those of one language, or all of them.
  static func allowed(language: String) -> [Kind] {
    language == "all" ? kinds : kinds.filter { $0.language == language }
  }

  /// The folder the file lies in: it need not exist (nothing is read or written there).
  static let folder = "/nonexistent-wasmfix-fuzz"

  var kind: Kind
  var version: WasmtimeVersion?
  var bytes: [UInt8]

  /// nil for an empty input (no first byte).
  init?(_ data: UnsafeRawBufferPointer, allowed: [Kind]) {
    guard let first = data.first else { return nil }
    kind = allowed[Int(first) % allowed.count]
    version = Self.versions[Int(first) / allowed.count % Self.versions.count]
    bytes = Array(data.dropFirst())
  }

  var absolutePath: String { Self.folder + "/" + kind.path }

  /// The first byte of a seed for a file of `kind` (version nil) in a run allowing `allowed`.
  static func firstByte(for kind: Kind, allowed: [Kind]) -> UInt8? {
    allowed.firstIndex { $0.path == kind.path }.map(UInt8.init)
  }
}
