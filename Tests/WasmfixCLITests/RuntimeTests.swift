import Foundation
import Testing

// Proof against the real runtime (issue 3): each case under Tests/RuntimeFixtures/<case>/ is a
// small program whose engine creation FAILS on `before/` (Wasmtime rejects the stack settings)
// and SUCCEEDS after `wasmfix scan . --write`.
//
//   C      compiled with `cc` and linked to the real Wasmtime C library from the PyPI wheels
//          (Tests/Runtime/fetch-wasmtime.sh puts it in $WASMFIX_CACHE/wasmtime/<version>/);
//   Rust   compiled with `rustc` against Tests/Runtime/wasmtime_stub.rs, built per case for the
//          Wasmtime version and Cargo features its case.json names (default 25.0.0 with `async`)
//          as an rlib named `wasmtime`, once per (version, features) and run;
//   C#     compiled with mono's `mcs` together with Tests/Runtime/WasmtimeStandIn.cs, whose
//          `Engine` P/Invokes the real library, and run with `mono`;
//   C++    every .cc/.cpp/.cxx compiled with `g++ -std=c++17` against Tests/Runtime/wasmtime_standin.hh
//          (copied into a temporary include folder as `wasmtime.hh`: the C++ API's Config/Engine
//          over the real C functions, since the wheels ship no headers) and linked to the real
//          Wasmtime C library as C programs are.
//
// A case folder holds `before/` (the tree), `case.json` (language, library version, whether the
// fix changes files, and the runs: environment + expected failure message before/after, `null`
// meaning "must succeed"), an optional `args` (extra wasmfix flags) and, optionally, `after/`
// (the expected tree after `--write`, recorded with WASMFIX_RECORD=1 and reviewed by hand) and
// `expected.diff` (the `--diff` output, byte for byte, recorded and reviewed the same way). The
// Rust stub plays the `wasmtime` version and features case.json names; `beforeBuildFails` marks
// a `before/` program that must not build (a call the library removed).
//
// Rust cases model what Cargo would build without Cargo (no crates can be fetched here):
// `crates` are the case's library crates, compiled in order as rlibs, each seeing `wasmtime`
// and the crates before it (a workspace's members, or the package's own library for its
// `src/main.rs` and `tests/`); a run may name the program's root (`main`, default
// src/main.rs), build it as a test harness (`test`: `rustc --test`, as `cargo test` builds a
// `tests/*.rs` file; a failing test fails the run), the wasmtime features Cargo resolves for
// that build (`features`: `cargo test` adds the dev-dependencies', a workspace unifies its
// members') and the package's own enabled features (`cfg`: `--cfg feature="x"`, as
// `cargo build --features x` passes them) and which of the `crates` it needs (`crates`, default
// all: a package outside the workspace needs none). Each distinct build is compiled once.
// Nothing here is skipped: a missing tool or library fails the test and says what to install.

struct RuntimeCase: CustomTestStringConvertible, Sendable {
  struct Spec: Decodable, Sendable {
    struct Run: Decodable, Sendable {
      /// Extra environment for the program (WASM_STACK=...).
      var env: [String: String]
      /// `nil`: the program must exit 0; else it must fail with output containing this text.
      var before: String?
      var after: String?
      /// Rust only (see the header): how this run's program is built.
      var main: String?
      var test: Bool?
      var features: [String]?
      var cfg: [String]?
      /// The names of the case's `crates` this build compiles (default: all of them).
      var crates: [String]?
    }
    /// Rust only: the library crates, in build order.
    struct Crate: Decodable, Sendable {
      var name: String
      /// The crate root (`crates/sandbox/src/lib.rs`), relative to the tree.
      var root: String
    }
    var crates: [Crate]?
    var language: String
    /// The Wasmtime C library the program links to (C, C++ and C#).
    var library: String?
    /// Rust: the `wasmtime` crate version the stub plays (default 25.0.0) and its Cargo
    /// features (default `["async"]`, as the crate ships by default). Keep them equal to what
    /// the case's Cargo.toml says, which is what wasmfix reads.
    var wasmtime: String?
    var features: [String]?
    /// Set when the `before/` program must NOT build (a call the library no longer has):
    /// text the compiler's or linker's output contains. The runs then apply to `after/` only.
    var beforeBuildFails: String?
    /// Whether `--write` changes the tree (false: an already-valid configuration).
    var changes: Bool
    var runs: [Run]
  }

  static let root = PackagePaths.root.appendingPathComponent("Tests/RuntimeFixtures")
  let name: String
  var directory: URL { Self.root.appendingPathComponent(name) }
  var testDescription: String { name }

  /// Every case with a `before/` tree, except the `cli-*` cases: those are command-line
  /// configurations that Tests/WasmfixCLITests/CLIRuntimeTests.swift checks with its oracle.
  /// `WASMFIX_RUNTIME_CASES=i9m-` keeps only the cases whose names start with it, while
  /// writing cases (Swift Testing filters tests, not their arguments); unset, all run.
  static var all: [RuntimeCase] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    let only = ProcessInfo.processInfo.environment["WASMFIX_RUNTIME_CASES"] ?? ""
    return names.sorted().filter {
      !$0.hasPrefix("cli-") && $0.hasPrefix(only) && FileManager.default.fileExists(atPath: root.appendingPathComponent("\($0)/before").path)
    }.map(RuntimeCase.init)
  }

  func spec() throws -> Spec {
    let data = try Data(contentsOf: directory.appendingPathComponent("case.json"))
    return try JSONDecoder().decode(Spec.self, from: data)
  }

  var extraArguments: [String] {
    guard let text = try? String(contentsOf: directory.appendingPathComponent("args"), encoding: .utf8) else { return [] }
    return text.split(whereSeparator: \.isWhitespace).map(String.init)
  }
}

struct RuntimeSetupError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// A case's program that does not compile or link, with the compiler's output.
struct RuntimeBuildError: Error, CustomStringConvertible {
  var description: String
  var output: String
}

/// Runs a command and captures its combined output.
enum RuntimeCommand {
  struct Result {
    var status: Int32
    var signaled: Bool
    var output: String
    var succeeded: Bool { !signaled && status == 0 }
    /// The output for a failure message, its middle cut when long (mono's crash reports).
    var excerpt: String {
      output.count <= 4000 ? output : "\(output.prefix(2500))\n[... \(output.count - 3500) characters cut ...]\n\(output.suffix(1000))"
    }
    var summary: String { signaled ? "killed by signal \(status)" : "exit \(status)" }
  }

  static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil,
                  environment: [String: String] = [:]) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    var env = ProcessInfo.processInfo.environment
    // Runs must not depend on the caller's shell.
    env["WASM_STACK"] = nil
    env["RUST_BACKTRACE"] = "0"
    env["NO_COLOR"] = "1"
    // mono: no gdb dump or crash-report file when the native library aborts the process.
    env["MONO_DEBUG"] = "no-gdb-backtrace"
    env["MONO_CRASH_NOFILE"] = "1"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // A hung program must not hang the suite.
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
    defer { watchdog.cancel() }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
                  output: String(decoding: data, as: UTF8.self))
  }
}

/// The tools and libraries the runtime cases need, found once per test run.
enum RuntimeToolchain {
  static let cache: URL = {
    if let explicit = ProcessInfo.processInfo.environment["WASMFIX_CACHE"], !explicit.isEmpty {
      return URL(fileURLWithPath: explicit)
    }
    return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/wasmfix")
  }()
  static let runtimeFolder = PackagePaths.root.appendingPathComponent("Tests/Runtime")

  /// `name` on PATH (or in `extra` folders), else an error saying what to install.
  static func tool(_ name: String, install: String, extra: [String] = []) throws -> String {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":").map(String.init) + extra {
      let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name).path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw RuntimeSetupError("`\(name)` not found on PATH: \(install)")
  }

  static func cc() throws -> String {
    try tool("cc", install: "install a C compiler (Debian: apt-get install gcc; scripts/setup.sh --test does)")
  }
  static func rustc() throws -> String {
    let home = FileManager.default.homeDirectoryForCurrentUser.path
    return try tool("rustc", install: "install Rust (rustc 1.70+ with edition 2021)", extra: ["\(home)/.cargo/bin"])
  }
  static func gxx() throws -> String {
    try tool("g++", install: "install a C++ compiler (Debian: apt-get install g++; scripts/setup.sh --test does)")
  }
  static func mcs() throws -> String {
    try tool("mcs", install: "install Debian's mono-mcs (apt-get install mono-mcs; scripts/setup.sh --test does)")
  }
  static func mono() throws -> String {
    try tool("mono", install: "install Debian's mono-runtime (apt-get install mono-runtime; scripts/setup.sh --test does)")
  }

  /// The pins in Tests/Runtime/wheels.lock: version -> "wheel-file sha256" (the stamp the
  /// fetch script leaves next to each extracted library).
  static func pins() throws -> [String: String] {
    let text = try String(contentsOf: runtimeFolder.appendingPathComponent("wheels.lock"), encoding: .utf8)
    var result: [String: String] = [:]
    for line in text.split(separator: "\n") {
      let fields = line.split(whereSeparator: \.isWhitespace).map(String.init)
      guard fields.count == 3, !fields[0].hasPrefix("#") else { continue }
      result[fields[0]] = "\(fields[1]) \(fields[2])"
    }
    return result
  }

  /// The folder holding `libwasmtime.so` for `version`, checked against its pin.
  static func libraryFolder(_ version: String) throws -> URL {
    let folder = cache.appendingPathComponent("wasmtime/\(version)")
    let library = folder.appendingPathComponent("libwasmtime.so")
    let fetch = "run Tests/Runtime/fetch-wasmtime.sh (scripts/setup.sh --test does)"
    guard let pin = try pins()[version] else {
      throw RuntimeSetupError("Wasmtime \(version) is not pinned in Tests/Runtime/wheels.lock")
    }
    guard FileManager.default.fileExists(atPath: library.path) else {
      throw RuntimeSetupError("the Wasmtime \(version) C library is missing at \(library.path): \(fetch)")
    }
    let stamp = (try? String(contentsOf: folder.appendingPathComponent(".stamp"), encoding: .utf8))?
      .trimmingCharacters(in: .whitespacesAndNewlines)
    guard stamp == pin else {
      throw RuntimeSetupError("\(library.path) was not extracted from the wheel pinned in wheels.lock (\(pin)): \(fetch)")
    }
    return folder
  }

  /// The `--cfg` flags that make Tests/Runtime/wasmtime_stub.rs play `version` with
  /// `features`: one cumulative `since_*` per release boundary reached (see the stub's header).
  static func stubConfiguration(version: String, features: [String]) throws -> [String] {
    let parts = version.split(separator: ".").compactMap { Int($0) }
    guard parts.count >= 2 else { throw RuntimeSetupError("not a Wasmtime version: \(version)") }
    let (major, minor) = (parts[0], parts[1])
    guard major > 0 || minor >= 25 else { throw RuntimeSetupError("the stub starts at Wasmtime 0.25 (asked for \(version))") }
    let boundaries: [(String, Bool)] = [
      ("since_0_35", major > 0 || minor >= 35), ("since_0_39", major > 0 || minor >= 39),
      ("since_12", major >= 12), ("since_35", major >= 35), ("since_42", major >= 42), ("since_47", major >= 47),
    ]
    let known = ["async", "stack-switching"]
    for feature in features where !known.contains(feature) {
      throw RuntimeSetupError("the stub models only the features \(known), not \(feature)")
    }
    return boundaries.filter(\.1).flatMap { ["--cfg", $0.0] } + features.sorted().flatMap { ["--cfg", "feature=\"\($0)\""] }
  }

  private static let stubLock = NSLock()
  nonisolated(unsafe) private static var stubs: [[String]: Swift.Result<URL, RuntimeSetupError>] = [:]

  /// Tests/Runtime/wasmtime_stub.rs built as an rlib named `wasmtime` with `configuration`,
  /// once per test run (and reused by later runs while the stub and rustc are unchanged).
  static func stubRlib(_ configuration: [String]) -> Swift.Result<URL, RuntimeSetupError> {
    stubLock.lock()
    defer { stubLock.unlock() }
    if let built = stubs[configuration] { return built }
    let built = buildStub(configuration)
    stubs[configuration] = built
    return built
  }

  private static func buildStub(_ configuration: [String]) -> Swift.Result<URL, RuntimeSetupError> {
    do {
      let rustc = try rustc()
      let stub = runtimeFolder.appendingPathComponent("wasmtime_stub.rs")
      let source = try String(contentsOf: stub, encoding: .utf8)
      let version = try RuntimeCommand.run(rustc, ["--version", "--verbose"]).output
      let key = String(fnv1a(source + "\u{0}" + version + "\u{0}" + configuration.joined(separator: " ")), radix: 16)
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-runtime-stub-\(key)")
      let rlib = folder.appendingPathComponent("libwasmtime.rlib")
      if FileManager.default.fileExists(atPath: rlib.path) { return .success(rlib) }
      let staging = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-runtime-stub-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
      let built = try RuntimeCommand.run(rustc, ["--edition", "2021", "--crate-type", "rlib", "--crate-name", "wasmtime",
                                         "-o", staging.appendingPathComponent("libwasmtime.rlib").path, stub.path] + configuration)
      guard built.succeeded else {
        return .failure(RuntimeSetupError("compiling Tests/Runtime/wasmtime_stub.rs \(configuration) failed (\(built.summary)):\n\(built.output)"))
      }
      // Another process may have won the race; either copy is the same.
      if (try? FileManager.default.moveItem(at: staging, to: folder)) == nil { try? FileManager.default.removeItem(at: staging) }
      return .success(rlib)
    } catch let error as RuntimeSetupError {
      return .failure(error)
    } catch {
      return .failure(RuntimeSetupError("building the Rust stub: \(error)"))
    }
  }

  static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
  }
}

/// Builds and runs one case's program.
struct RuntimeProgram {
  let spec: RuntimeCase.Spec
  let name: String

  /// Every regular file below `tree` whose name ends with `suffix`, sorted, as paths.
  static func files(in tree: URL, suffix: String) -> [String] {
    let enumerator = FileManager.default.enumerator(at: tree, includingPropertiesForKeys: nil)
    var result: [String] = []
    while let url = enumerator?.nextObject() as? URL {
      if url.lastPathComponent.hasSuffix(suffix) { result.append(url.path) }
    }
    return result.sorted()
  }

  func library() throws -> String {
    guard let library = spec.library else { throw RuntimeSetupError("\(name)/case.json: a \(spec.language) case names its \"library\"") }
    return library
  }

  /// What distinguishes one run's build from another's (Rust), so each is compiled once.
  static func buildKey(_ run: RuntimeCase.Spec.Run?) -> String {
    guard let run else { return "default" }
    return [run.main ?? "", run.test == true ? "test" : "", (run.features ?? ["*"]).joined(separator: ","),
            (run.cfg ?? []).joined(separator: ","), (run.crates ?? ["*"]).joined(separator: ",")].joined(separator: "|")
  }

  /// "before", or "before (tests/x.rs --test, wasmtime features [], --cfg fibers)" for a Rust run that says how it is built.
  static func phase(_ name: String, _ run: RuntimeCase.Spec.Run) -> String {
    var parts: [String] = []
    if let main = run.main { parts.append(main + (run.test == true ? " --test" : "")) } else if run.test == true { parts.append("--test") }
    if let features = run.features { parts.append("wasmtime features \(features)") }
    if let cfg = run.cfg, !cfg.isEmpty { parts.append("--cfg " + cfg.joined(separator: ",")) }
    return parts.isEmpty ? name : "\(name) (\(parts.joined(separator: ", ")))"
  }

  /// Compiles the tree into `build`; returns the command that runs the program. `run`: the
  /// run whose build it is (Rust cases build per run; the other languages ignore it).
  func build(_ tree: URL, into build: URL, for run: RuntimeCase.Spec.Run? = nil) throws -> (executable: String, arguments: [String]) {
    try FileManager.default.createDirectory(at: build, withIntermediateDirectories: true)
    let program = build.appendingPathComponent("program").path
    let compiled: RuntimeCommand.Result
    switch spec.language {
    case "c":
      let folder = try RuntimeToolchain.libraryFolder(try library()).path
      let sources = Self.files(in: tree, suffix: ".c")
      compiled = try RuntimeCommand.run(try RuntimeToolchain.cc(),
                                 ["-std=c11", "-Wall", "-Werror", "-o", program] + sources
                                   + ["-L\(folder)", "-l:libwasmtime.so", "-Wl,-rpath,\(folder)"], in: tree)
      guard compiled.succeeded else { break }
      return (program, [])
    case "cpp":
      let folder = try RuntimeToolchain.libraryFolder(try library()).path
      // The programs `#include <wasmtime.hh>`: the stand-in, put where only this build sees it.
      let include = build.appendingPathComponent("include")
      try FileManager.default.createDirectory(at: include, withIntermediateDirectories: true)
      try FileManager.default.copyItem(at: RuntimeToolchain.runtimeFolder.appendingPathComponent("wasmtime_standin.hh"),
                                       to: include.appendingPathComponent("wasmtime.hh"))
      let sources = [".cc", ".cpp", ".cxx"].flatMap { Self.files(in: tree, suffix: $0) }.sorted()
      compiled = try RuntimeCommand.run(try RuntimeToolchain.gxx(),
                                 ["-std=c++17", "-Wall", "-Werror", "-I", include.path, "-o", program] + sources
                                   + ["-L\(folder)", "-l:libwasmtime.so", "-Wl,-rpath,\(folder)"], in: tree)
      guard compiled.succeeded else { break }
      return (program, [])
    case "rust":
      let configuration = try RuntimeToolchain.stubConfiguration(version: spec.wasmtime ?? "25.0.0",
                                                                  features: run?.features ?? spec.features ?? ["async"])
      let rlib = try RuntimeToolchain.stubRlib(configuration).get()
      let rustc = try RuntimeToolchain.rustc()
      // The package's own features, as Cargo passes them to every crate it compiles.
      let features = (run?.cfg ?? []).flatMap { ["--cfg", "feature=\"\($0)\""] }
      // `-L dependency=`: a crate that uses wasmtime only through a library crate still finds it.
      var externs = ["--extern", "wasmtime=\(rlib.path)", "-L", "dependency=\(rlib.deletingLastPathComponent().path)",
                     "-L", "dependency=\(build.path)"]
      var failed: RuntimeCommand.Result?
      for library in spec.crates ?? [] where run?.crates?.contains(library.name) ?? true {
        let output = build.appendingPathComponent("lib\(library.name).rlib").path
        let result = try RuntimeCommand.run(rustc, ["--edition", "2021", "--crate-type", "rlib", "--crate-name", library.name,
                                                    "-o", output, library.root] + externs + features, in: tree)
        guard result.succeeded else { failed = result; break }
        externs += ["--extern", "\(library.name)=\(output)"]
      }
      if let failed { compiled = failed; break }
      let kind = run?.test == true ? ["--test"] : ["--crate-type", "bin"]
      compiled = try RuntimeCommand.run(rustc, ["--edition", "2021"] + kind + ["--crate-name", "fixture", "-o", program,
                                                run?.main ?? "src/main.rs"] + externs + features, in: tree)
      guard compiled.succeeded else { break }
      return (program, [])
    case "csharp":
      let folder = try RuntimeToolchain.libraryFolder(try library())
      let library = folder.appendingPathComponent("libwasmtime.so").path
      let pathFile = build.appendingPathComponent("WasmtimeLibrary.cs")
      try """
        namespace Wasmtime { internal static class WasmtimeLibrary { public const string Path = "\(library)"; } }

        """.write(to: pathFile, atomically: true, encoding: .utf8)
      let standIn = RuntimeToolchain.runtimeFolder.appendingPathComponent("WasmtimeStandIn.cs").path
      let executable = program + ".exe"
      compiled = try RuntimeCommand.run(try RuntimeToolchain.mcs(),
                                 ["-nologo", "-out:\(executable)"] + Self.files(in: tree, suffix: ".cs")
                                   + [standIn, pathFile.path], in: tree)
      guard compiled.succeeded else { break }
      return (try RuntimeToolchain.mono(), [executable])
    default:
      throw RuntimeSetupError("\(name)/case.json: unknown language \(spec.language)")
    }
    throw RuntimeBuildError(description: "\(name): the program does not compile (\(compiled.summary)):\n\(compiled.output)",
                            output: compiled.output)
  }
}

/// Byte-level views of fixture trees.
enum RuntimeTree {
  /// The bytes of every file below `tree`, by relative path.
  static func snapshot(_ tree: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let base = tree.standardizedFileURL.path
    let enumerator = FileManager.default.enumerator(at: tree, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
      guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
      let path = url.standardizedFileURL.path
      result[String(path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
    }
    return result
  }

  /// The paths whose bytes differ between two snapshots.
  static func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
    Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
  }

  /// `diff -ru` of two trees, for failure messages.
  static func diff(_ old: URL, _ new: URL) -> String {
    (try? RuntimeCommand.run("/usr/bin/env", ["diff", "-ru", old.path, new.path]).excerpt) ?? "(diff unavailable)"
  }
}

@Suite("Runtime") struct RuntimeTests {
  @Test("enough runtime cases per language")
  func enoughCases() throws {
    let languages = try RuntimeCase.all.map { try $0.spec().language }
    #expect(languages.filter { $0 == "c" }.count >= 6)
    #expect(languages.filter { $0 == "rust" }.count >= 6)
    #expect(languages.filter { $0 == "csharp" }.count >= 2)
    #expect(languages.filter { $0 == "cpp" }.count >= 3)
  }

  @Test("the pinned Wasmtime libraries are fetched", arguments: ["25.0.0", "50.0.1"])
  func libraryPresent(_ version: String) throws {
    let folder = try RuntimeToolchain.libraryFolder(version)
    #expect(FileManager.default.isReadableFile(atPath: folder.appendingPathComponent("libwasmtime.so").path))
  }

  @Test("fails before, passes after wasmfix scan --write", arguments: RuntimeCase.all)
  func beforeAndAfter(_ fixture: RuntimeCase) throws {
    let spec = try fixture.spec()
    let program = RuntimeProgram(spec: spec, name: fixture.name)
    let before = fixture.directory.appendingPathComponent("before")
    let tree = try temporaryCopy(of: before)
    let build = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-runtime-build-\(UUID().uuidString)")
    defer {
      try? FileManager.default.removeItem(at: tree)
      try? FileManager.default.removeItem(at: build)
    }
    let original = try RuntimeTree.snapshot(tree)

    // 1. Before: the program builds, and each run fails (or passes) as the case says. Programs
    //    run in the build folder, so whatever they leave (mono's crash reports) stays out of the tree.
    //    A case whose `before/` must not build (a removed call) checks the compiler's message instead.
    if let expected = spec.beforeBuildFails {
      do {
        _ = try program.build(tree, into: build.appendingPathComponent("before"))
        Issue.record("before: expected the build to fail with \"\(expected)\", but it built")
      } catch let failure as RuntimeBuildError {
        #expect(failure.output.contains(expected), "before: the build failed without \"\(expected)\":\n\(failure.output)")
      }
    } else {
      var builds: [String: (executable: String, arguments: [String])] = [:]
      for run in spec.runs {
        let key = RuntimeProgram.buildKey(run)
        let beforeCommand = try builds[key] ?? program.build(tree, into: build.appendingPathComponent("before-\(builds.count)"), for: run)
        builds[key] = beforeCommand
        let result = try RuntimeCommand.run(beforeCommand.executable, beforeCommand.arguments, in: build, environment: run.env)
        check(result, expected: run.before, phase: RuntimeProgram.phase("before", run), env: run.env)
      }
    }

    // 2. The fix. Where the case pins the patch (`expected.diff`, hand-checked), `--diff` must
    //    print exactly those bytes; a case that changes nothing must print nothing.
    let diff = try WasmfixBinary.run(["scan", ".", "--diff"] + fixture.extraArguments, in: tree)
    let pinned = fixture.directory.appendingPathComponent("expected.diff")
    if isRecording, spec.changes {
      try diff.stdout.write(to: pinned, atomically: true, encoding: .utf8)
    } else if let expected = try? String(contentsOf: pinned, encoding: .utf8) {
      #expect(diff.stdout == expected, "--diff differs from \(fixture.name)/expected.diff:\n\(diff.stdout)")
    } else if !spec.changes {
      #expect(diff.stdout.isEmpty, "--diff is not empty for an already-valid configuration:\n\(diff.stdout)")
    }
    #expect(RuntimeTree.differences(original, try RuntimeTree.snapshot(tree)).isEmpty, "--diff changed the tree")
    let write = try WasmfixBinary.run(["scan", ".", "--write"] + fixture.extraArguments, in: tree)
    let report = "wasmfix scan . --write: exit \(write.status)\nstdout:\n\(write.stdout)\nstderr:\n\(write.stderr)"
    #expect(write.status == 0, "\(report)")
    let fixed = try RuntimeTree.snapshot(tree)
    let changed = RuntimeTree.differences(original, fixed)
    if spec.changes {
      #expect(!changed.isEmpty, "wasmfix changed nothing\n\(report)")
    } else {
      #expect(changed.isEmpty, "wasmfix changed an already-valid configuration: \(changed)\n\(RuntimeTree.diff(before, tree))")
    }

    // 3. After: it still builds, and each run now passes (or fails with the assertion).
    var afterWorks = true
    do {
      var builds: [String: (executable: String, arguments: [String])] = [:]
      for run in spec.runs {
        let key = RuntimeProgram.buildKey(run)
        let afterCommand = try builds[key] ?? program.build(tree, into: build.appendingPathComponent("after-\(builds.count)"), for: run)
        builds[key] = afterCommand
        let result = try RuntimeCommand.run(afterCommand.executable, afterCommand.arguments, in: build, environment: run.env)
        afterWorks = check(result, expected: run.after, phase: RuntimeProgram.phase("after", run), env: run.env,
                           diff: { RuntimeTree.diff(before, tree) }) && afterWorks
      }
    } catch {
      Issue.record("after wasmfix --write: \(error)\n\(RuntimeTree.diff(before, tree))")
      afterWorks = false
    }

    // 4. The written tree equals the reviewed after/ tree, where the case has one. Recording
    //    refuses a tree whose program does not work: that fix is wrong, not golden.
    let after = fixture.directory.appendingPathComponent("after")
    if isRecording {
      if afterWorks {
        try? FileManager.default.removeItem(at: after)
        try FileManager.default.copyItem(at: tree, to: after)
        Issue.record("recorded \(fixture.name)/after; unset WASMFIX_RECORD and review the diff")
      } else {
        Issue.record("not recording \(fixture.name)/after: the written program does not work")
      }
    } else if FileManager.default.fileExists(atPath: after.path) {
      let expected = try RuntimeTree.snapshot(after)
      let mismatched = RuntimeTree.differences(expected, fixed)
      #expect(mismatched.isEmpty, "written tree differs from \(fixture.name)/after in \(mismatched):\n\(RuntimeTree.diff(after, tree))")
    }

    // 5. A second --write changes nothing and exits 0.
    let again = try WasmfixBinary.run(["scan", ".", "--write"] + fixture.extraArguments, in: tree)
    #expect(again.status == 0, "second --write: exit \(again.status)\n\(again.stdout)\(again.stderr)")
    let second = RuntimeTree.differences(fixed, try RuntimeTree.snapshot(tree))
    #expect(second.isEmpty, "second --write changed \(second)\n\(again.stdout)\(again.stderr)")
  }

  /// Checks one run against its expectation; true when it met it.
  @discardableResult
  func check(_ result: RuntimeCommand.Result, expected: String?, phase: String, env: [String: String],
             diff: () -> String = { "" }, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    let label = env.isEmpty ? phase : "\(phase) with \(env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))"
    if let message = expected {
      let met = !result.succeeded && result.output.contains(message)
      #expect(!result.succeeded, "\(label): expected a failure containing \"\(message)\", but it succeeded:\n\(result.excerpt)\n\(diff())",
              sourceLocation: sourceLocation)
      #expect(result.output.contains(message), "\(label): output (\(result.summary)) lacks \"\(message)\":\n\(result.excerpt)\n\(diff())",
              sourceLocation: sourceLocation)
      return met
    } else {
      #expect(result.succeeded, "\(label): expected success, got \(result.summary):\n\(result.excerpt)\n\(diff())",
              sourceLocation: sourceLocation)
      return result.succeeded
    }
  }
}
