import Foundation
import Synchronization
import Testing

@testable import WasmfixCore
@testable import WasmfixSupport
@testable import WasmfixWorkspace
@testable import WasmfixSurfaces
@testable import WasmfixEvaluation
@testable import WasmfixAnalysis
@testable import WasmfixFixing
@testable import WasmfixReporting

/// Everything under one name, so `swift test --filter WasmtimeVersionTests` selects it all.
enum WasmtimeVersionTests {}

// MARK: - Parsing

extension WasmtimeVersionTests {
  @Suite("WasmtimeVersion")
  struct Parsing {
    @Test(
      "parses versions and requirements to their lowest version",
      arguments: [
        ("25", WasmtimeVersion(25, 0, 0)),
        ("25.0", WasmtimeVersion(25, 0, 0)),
        ("25.0.1", WasmtimeVersion(25, 0, 1)),
        ("0.35.0", WasmtimeVersion(0, 35, 0)),
        ("=25.0.0", WasmtimeVersion(25, 0, 0)),
        ("^25", WasmtimeVersion(25, 0, 0)),
        ("~25.1", WasmtimeVersion(25, 1, 0)),
        (">=25, <27", WasmtimeVersion(25, 0, 0)),
        ("<27, >=25.0.2", WasmtimeVersion(25, 0, 2)),
        (">= 36.0.1", WasmtimeVersion(36, 0, 1)),
        (">25", WasmtimeVersion(26, 0, 0)),
        (">25.0.0", WasmtimeVersion(25, 0, 1)),
        ("25.0.0-rc1", WasmtimeVersion(25, 0, 0)),
        ("25.0.0+build.7", WasmtimeVersion(25, 0, 0)),
        ("v23.0.1", WasmtimeVersion(23, 0, 1)),
        ("25.*", WasmtimeVersion(25, 0, 0)),
        ("  42.0.1 \n", WasmtimeVersion(42, 0, 1)),
        ("[22.0.0]", WasmtimeVersion(22, 0, 0)),
        ("[22.0.0, 23.0.0)", WasmtimeVersion(22, 0, 0)),
        ("\"25.0.1\"", WasmtimeVersion(25, 0, 1)),
      ])
    func parses(text: String, expected: WasmtimeVersion) {
      #expect(WasmtimeVersion(text) == expected)
    }

    @Test("rejects text naming no lowest version", arguments: ["", "*", "<27", "abc", "25a", "1.2.3.4", "=", ">=25, <25", "-1"])
    func rejects(text: String) {
      #expect(WasmtimeVersion(text) == nil)
    }

    @Test func descriptionAndOrder() {
      #expect(WasmtimeVersion(25, 0, 1).description == "25.0.1")
      #expect(WasmtimeVersion("0.35")?.description == "0.35.0")
      #expect(WasmtimeVersion(0, 38, 9) < WasmtimeVersion(0, 39, 0))
      #expect(WasmtimeVersion(9, 99, 99) < WasmtimeVersion(10, 0, 0))
      #expect(WasmtimeVersion(41, 0, 1) > WasmtimeVersion(41, 0, 0))
      #expect(WasmtimeVersion.newestKnown == WasmtimeVersion(50, 0, 1))
    }

    @Test func encodesAsString() throws {
      let data = try JSONEncoder().encode(["wasmtime": WasmtimeVersion(25, 0, 0)])
      #expect(String(decoding: data, as: UTF8.self) == #"{"wasmtime":"25.0.0"}"#)
      let decoded = try JSONDecoder().decode([WasmtimeVersion].self, from: Data(#"["25.0.1", "0.35"]"#.utf8))
      #expect(decoded == [WasmtimeVersion(25, 0, 1), WasmtimeVersion(0, 35, 0)])
      #expect(throws: DecodingError.self) { try JSONDecoder().decode([WasmtimeVersion].self, from: Data(#"["x"]"#.utf8)) }
    }

    @Test func requirementRanges() throws {
      let caret = try #require(WasmtimeVersionRange(parsing: "25"))
      #expect(caret.contains(WasmtimeVersion(25, 9, 9)))
      #expect(!caret.contains(WasmtimeVersion(26, 0, 0)))
      #expect(!caret.contains(WasmtimeVersion(24, 0, 0)))
      let zero = try #require(WasmtimeVersionRange(parsing: "0.35"))
      #expect(zero.contains(WasmtimeVersion(0, 35, 4)))
      #expect(!zero.contains(WasmtimeVersion(0, 36, 0)))
      let tilde = try #require(WasmtimeVersionRange(parsing: "~25.1"))
      #expect(tilde.contains(WasmtimeVersion(25, 1, 7)) && !tilde.contains(WasmtimeVersion(25, 2, 0)))
      let exact = try #require(WasmtimeVersionRange(parsing: "=25.0.0"))
      #expect(exact.contains(WasmtimeVersion(25, 0, 0)) && !exact.contains(WasmtimeVersion(25, 0, 1)))
      let span = try #require(WasmtimeVersionRange(parsing: ">=25, <27"))
      #expect(span.contains(WasmtimeVersion(26, 5, 0)) && !span.contains(WasmtimeVersion(27, 0, 0)))
    }
  }
}

// MARK: - Facts

extension WasmtimeVersionTests {
  @Suite("WasmtimeFacts")
  struct Facts {
    static let kib = 1024
    static let mib = 1024 * 1024

    @Test func defaultMaxWasmStack() {
      #expect(WasmtimeFacts.defaultMaxWasmStack(WasmtimeVersion(0, 16, 0)) == Self.mib)
      #expect(WasmtimeFacts.defaultMaxWasmStack(WasmtimeVersion(0, 34, 2)) == Self.mib)
      #expect(WasmtimeFacts.defaultMaxWasmStack(WasmtimeVersion(0, 35, 0)) == 512 * Self.kib)
      #expect(WasmtimeFacts.defaultMaxWasmStack(WasmtimeVersion(25, 0, 0)) == 524_288)
      #expect(WasmtimeFacts.defaultMaxWasmStack(.newestKnown) == 524_288)
    }

    @Test func defaultAsyncStackSize() {
      #expect(WasmtimeFacts.defaultAsyncStackSize(WasmtimeVersion(0, 24, 9)) == nil)
      #expect(WasmtimeFacts.defaultAsyncStackSize(WasmtimeVersion(0, 25, 0)) == 2 * Self.mib)
      #expect(WasmtimeFacts.defaultAsyncStackSize(WasmtimeVersion(47, 0, 0)) == 2_097_152)
    }

    @Test func asyncStackSizeSetter() {
      #expect(!WasmtimeFacts.hasAsyncStackSize(WasmtimeVersion(0, 24, 0), binding: .rustCrate))
      #expect(WasmtimeFacts.hasAsyncStackSize(WasmtimeVersion(0, 25, 0), binding: .rustCrate))
      for language in [WasmtimeBinding.cAPI] {
        #expect(!WasmtimeFacts.hasAsyncStackSize(WasmtimeVersion(13, 0, 1), binding: language))
        #expect(WasmtimeFacts.hasAsyncStackSize(WasmtimeVersion(14, 0, 0), binding: language))
        #expect(WasmtimeFacts.hasAsyncStackSize(WasmtimeVersion(50, 0, 1), binding: language))
      }
      #expect(!WasmtimeFacts.hasAsyncStackSize(WasmtimeVersion(22, 0, 0), binding: .dotnet))
      #expect(!WasmtimeFacts.hasAsyncStackSize(.newestKnown, binding: .dotnet))
    }

    @Test func asyncSupportKnob() {
      #expect(!WasmtimeFacts.hasAsyncSupportKnob(WasmtimeVersion(0, 24, 0), binding: .rustCrate))
      #expect(WasmtimeFacts.hasAsyncSupportKnob(WasmtimeVersion(0, 25, 0), binding: .rustCrate))
      #expect(WasmtimeFacts.hasAsyncSupportKnob(WasmtimeVersion(41, 0, 3), binding: .rustCrate))
      #expect(!WasmtimeFacts.hasAsyncSupportKnob(WasmtimeVersion(42, 0, 0), binding: .rustCrate))
      for language in [WasmtimeBinding.cAPI] {
        #expect(!WasmtimeFacts.hasAsyncSupportKnob(WasmtimeVersion(13, 0, 0), binding: language))
        #expect(WasmtimeFacts.hasAsyncSupportKnob(WasmtimeVersion(14, 0, 0), binding: language))
        #expect(WasmtimeFacts.hasAsyncSupportKnob(WasmtimeVersion(41, 0, 0), binding: language))
        #expect(!WasmtimeFacts.hasAsyncSupportKnob(WasmtimeVersion(42, 0, 0), binding: language))
      }
      #expect(!WasmtimeFacts.hasAsyncSupportKnob(WasmtimeVersion(22, 0, 0), binding: .dotnet))
    }

    @Test func zeroRejected() {
      #expect(!WasmtimeFacts.zeroRejected(WasmtimeVersion(0, 24, 0)))
      #expect(WasmtimeFacts.zeroRejected(WasmtimeVersion(0, 25, 0)))
      #expect(WasmtimeFacts.zeroRejected(WasmtimeVersion(0, 39, 0)))
      #expect(WasmtimeFacts.zeroRejected(.newestKnown))
    }

    /// (version, async_support, cargo async feature, applies) at every boundary of facts §1.2.
    static let rustCases: [(String, Bool?, Bool?, Bool)] = [
      // ≤ 0.24: no async_stack_size at all.
      ("0.24.0", nil, nil, false), ("0.24.0", true, true, false),
      // 0.25–0.38: setter check whenever the async feature is compiled in.
      ("0.25.0", nil, nil, true), ("0.25.0", false, true, true), ("0.25.0", true, false, false), ("0.25.0", nil, false, false),
      ("0.34.0", nil, nil, true), ("0.35.0", false, nil, true),
      ("0.38.0", nil, true, true), ("0.38.0", nil, false, false),
      // 0.39–11.x: validate, regardless of async_support.
      ("0.39.0", nil, nil, true), ("0.39.0", false, true, true), ("0.39.0", true, false, false),
      ("9.0.4", nil, nil, true), ("10.0.0", false, nil, true), ("10.0.0", nil, false, false),
      ("11.0.1", nil, nil, true), ("11.0.1", false, true, true), ("11.0.1", true, false, false),
      // 12–41: only with async_support(true) (#6771).
      ("12.0.0", nil, nil, false), ("12.0.0", false, true, false), ("12.0.0", true, nil, true), ("12.0.0", true, true, true),
      ("12.0.0", true, false, false),
      ("41.0.0", nil, nil, false), ("41.0.0", false, nil, false), ("41.0.0", true, nil, true), ("41.0.0", true, false, false),
      // 42–46: async_support is a no-op; the Cargo feature decides (#12371).
      ("42.0.0", nil, nil, true), ("42.0.0", false, nil, true), ("42.0.0", true, true, true), ("42.0.0", nil, false, false),
      ("42.0.0", true, false, false),
      ("46.0.1", false, nil, true), ("46.0.1", nil, false, false),
      // 47+: unconditional (#13671).
      ("47.0.0", nil, nil, true), ("47.0.0", false, false, true), ("47.0.0", true, false, true), ("50.0.1", nil, false, true),
    ]

    @Test("Rust applicability", arguments: rustCases)
    func rustApplicability(version: String, asyncSupport: Bool?, feature: Bool?, applies: Bool) throws {
      let v = try #require(WasmtimeVersion(version))
      let result = WasmtimeFacts.checkApplies(
        CheckContext(version: v, binding: .rustCrate, asyncSupport: asyncSupport, cargoAsyncFeature: feature))
      #expect(result.applies == applies, "\(version) async_support=\(String(describing: asyncSupport)) feature=\(String(describing: feature)): \(result.reason)")
      #expect(result.reason.contains(v.description))
      #expect(!result.reason.contains("\n"))
    }

    /// (version, async_support, applies) for the C API; the Cargo feature never matters there.
    static let cCases: [(String, Bool?, Bool)] = [
      ("0.24.0", nil, false),
      // 0.25–0.38: the C setter ignored a rejected value (footnote ¹).
      ("0.25.0", nil, false), ("0.34.0", nil, false), ("0.35.0", nil, false), ("0.38.0", nil, false),
      // 0.39–9.x: async compiled out of the C API (footnote ²).
      ("0.39.0", nil, false), ("9.0.0", nil, false),
      // 10–11: async compiled in via wasmtime-wasi preview2 (footnote ³, wasmtime-go#182).
      ("10.0.0", nil, true), ("10.0.0", false, true), ("11.0.0", nil, true),
      // 12–41: only with wasmtime_config_async_support_set(cfg, true) (14+).
      ("12.0.0", nil, false), ("13.0.0", nil, false), ("14.0.0", nil, false), ("14.0.0", false, false), ("14.0.0", true, true),
      ("41.0.0", nil, false), ("41.0.0", false, false), ("41.0.0", true, true),
      // 42+: always.
      ("42.0.0", nil, true), ("42.0.0", false, true), ("46.0.1", nil, true), ("47.0.0", nil, true), ("50.0.1", nil, true),
    ]

    @Test("C, C++ and C# applicability", arguments: cCases)
    func cApplicability(version: String, asyncSupport: Bool?, applies: Bool) throws {
      let v = try #require(WasmtimeVersion(version))
      for language in [WasmtimeBinding.cAPI, .dotnet] {
        for feature in [nil, false, true] as [Bool?] {
          let result = WasmtimeFacts.checkApplies(
            CheckContext(version: v, binding: language, asyncSupport: asyncSupport, cargoAsyncFeature: feature))
          // A C API built without WASMTIME_FEATURE_ASYNC compiles the check out until 47.0.0,
          // when it became unconditional; wasmtime-dotnet ships its own (async) library.
          let expected = language == .cAPI && feature == false && v < WasmtimeVersion(47, 0, 0) ? false : applies
          #expect(result.applies == expected, "\(language) \(version) feature \(String(describing: feature)): \(result.reason)")
          #expect(result.reason.contains(v.description))
        }
      }
    }

    @Test func reasonsNameTheCondition() {
      let v25 = WasmtimeFacts.checkApplies(CheckContext(version: WasmtimeVersion(25, 0, 0), binding: .rustCrate))
      #expect(v25.applies == false)
      #expect(v25.reason == "Wasmtime 25.0.0 checks it only when async_support(true) is set")
      let c25 = WasmtimeFacts.checkApplies(CheckContext(version: WasmtimeVersion(25, 0, 0), binding: .cAPI))
      #expect(c25.reason.contains("wasmtime_config_async_support_set"))
      let v47 = WasmtimeFacts.checkApplies(CheckContext(version: WasmtimeVersion(47, 0, 0), binding: .rustCrate))
      #expect(v47.reason == "Wasmtime 47.0.0 always checks it")
      let featureOff = WasmtimeFacts.checkApplies(
        CheckContext(version: WasmtimeVersion(45, 0, 0), binding: .rustCrate, cargoAsyncFeature: false))
      #expect(featureOff.reason.contains("Cargo.toml"))
    }
  }
}

// MARK: - Manifest readers

extension WasmtimeVersionTests {
  @Suite("Wasmtime manifests")
  struct Manifests {
    @Test func tomlReaderHandlesCommentsQuotesAndMultilineArrays() {
      let document = TOMLDocument(parsing: #"""
        # top comment
        [package]
        name = "demo" # trailing
        description = "has # and \" inside"

        [dependencies]
        "wasmtime" = { version = "28", features = [
          "cranelift", # why
          'async',
        ] }
        broken = = 3
        [target.'cfg(unix)'.dependencies.wasmtime]
        version = "29"
        """#)
      let pairs = document.entries.map { ($0.table + $0.key).joined(separator: ".") }
      #expect(pairs == ["package.name", "package.description", "dependencies.wasmtime", "target.cfg(unix).dependencies.wasmtime.version"])
      #expect(document.entries[1].value == .string("has # and \" inside"))
      let manifest = WasmtimeManifest.CargoManifest(parsing: #"""
        [dependencies]
        "wasmtime" = { version = "28", default-features = false, features = [
          "cranelift", # why
          'async',
        ] }
        """#)
      #expect(manifest.dependencies.count == 1)
      #expect(manifest.dependencies.first?.features == ["cranelift", "async"])
      #expect(manifest.dependencies.first?.enablesAsync == true)
    }

    @Test func cargoLockListsEveryWasmtime() {
      let lock = """
        version = 3

        [[package]]
        name = "wasmtime"
        version = "20.0.2"
        source = "registry+https://github.com/rust-lang/crates.io-index"

        [[package]]
        name = "wasmtime-environ"
        version = "99.0.0"

        [[package]]
        version = "25.0.3"
        name = "wasmtime"
        """
      #expect(WasmtimeManifest.cargoLockVersions(lock) == [WasmtimeVersion(20, 0, 2), WasmtimeVersion(25, 0, 3)])
    }

    @Test func headerDefines() {
      #expect(WasmtimeManifest.headerVersion("#ifndef WASMTIME_API_H\n#define WASMTIME_VERSION \"25.0.0\"\n") == WasmtimeVersion(25, 0, 0))
      #expect(
        WasmtimeManifest.headerVersion("# define WASMTIME_VERSION_MAJOR 30\n#define WASMTIME_VERSION_MINOR 0\n#define WASMTIME_VERSION_PATCH 2\n")
          == WasmtimeVersion(30, 0, 2))
      #expect(WasmtimeManifest.headerVersion("// #define WASMTIME_VERSION \"1.0.0\"\n") == nil)
    }

    /// A C API build's WASMTIME_FEATURE_ASYNC (issue 9 item 11): from a generated conf.h or the
    /// CMake forms that set the option; nil where the text only mentions it.
    @Test func cAsyncFeature() {
      #expect(WasmtimeManifest.cAsyncFeature("#define WASMTIME_FEATURE_WASI\n#define WASMTIME_FEATURE_ASYNC\n") == true)
      #expect(WasmtimeManifest.cAsyncFeature("#define WASMTIME_FEATURE_WASI\n/* #undef WASMTIME_FEATURE_ASYNC */\n") == false)
      #expect(WasmtimeManifest.cAsyncFeature("set(WASMTIME_FEATURE_ASYNC OFF CACHE BOOL \"\" FORCE)\n") == false)
      #expect(WasmtimeManifest.cAsyncFeature("option(WASMTIME_FEATURE_ASYNC \"Enable async\" ON)\n") == true)
      #expect(WasmtimeManifest.cAsyncFeature("\"cacheVariables\": {\"WASMTIME_FEATURE_ASYNC\": \"OFF\"}") == false)
      #expect(WasmtimeManifest.cAsyncFeature("cmake -DWASMTIME_FEATURE_ASYNC:BOOL=off ..\n") == false)
      #expect(WasmtimeManifest.cAsyncFeature("if(WASMTIME_FEATURE_ASYNC)\n  message(\"async\")\nendif()\n") == nil)
      #expect(WasmtimeManifest.cAsyncFeature("set(WASMTIME_FEATURE_ASYNC ${WITH_ASYNC})\n") == nil)
      #expect(WasmtimeManifest.cAsyncFeature("add_executable(runner main.c)\n") == nil)
    }
  }
}

// MARK: - Detection from trees

/// A temporary repository (it has `.git`, so the walk stops there) removed when the test ends.
private final class TempTree: Sendable {
  let root: String

  init(_ files: [String: String], gitRoot: String = "") throws {
    let base = FileManager.default.temporaryDirectory.path + "/wasmfix-version-" + UUID().uuidString
    root = VersionDetector.normalize(base)
    try FileManager.default.createDirectory(atPath: root + "/" + gitRoot + "/.git", withIntermediateDirectories: true)
    for (path, contents) in files { try write(path, contents) }
  }

  func write(_ path: String, _ contents: String) throws {
    let full = root + "/" + path
    try FileManager.default.createDirectory(atPath: VersionDetector.parent(of: full), withIntermediateDirectories: true)
    try Data(contents.utf8).write(to: URL(fileURLWithPath: full))
  }

  func path(_ relative: String) -> String { root + "/" + relative }

  func detect(_ file: String, root scanRoot: String = "", override: WasmtimeVersion? = nil) -> DetectedVersion {
    VersionDetector(root: path(scanRoot), override: override).version(forFileAt: path(file))
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }
}

extension WasmtimeVersionTests {
  @Suite("VersionDetector")
  struct Detection {
    static let lock = """
      # This file is automatically @generated by Cargo.
      version = 4

      [[package]]
      name = "wasmtime"
      version = "25.0.3"
      dependencies = [
       "anyhow",
       "wasmtime-environ",
      ]

      [[package]]
      name = "wasmtime-environ"
      version = "25.0.3"

      [[package]]
      name = "wasmtime"
      version = "20.0.0"
      """

    @Test func cargoLockWins() throws {
      let tree = try TempTree([
        "Cargo.toml": "[package]\nname = \"demo\"\n\n[dependencies]\nwasmtime = \"25\"\n",
        "Cargo.lock": Self.lock,
      ])
      let detected = tree.detect("src/engine.rs")
      #expect(detected == DetectedVersion(version: WasmtimeVersion(25, 0, 3), source: "Cargo.lock", assumed: false, cargoAsyncFeature: true))
    }

    @Test func cargoLockAloneTakesTheHighest() throws {
      let tree = try TempTree(["Cargo.lock": Self.lock])
      let detected = tree.detect("main.rs")
      #expect(detected.version == WasmtimeVersion(25, 0, 3))
      #expect(detected.source == "Cargo.lock")
      #expect(detected.cargoAsyncFeature == nil)
    }

    @Test func cargoLockMatchingTheRequirement() throws {
      // A lock holding two majors: the crate asking for "20" gets 20.0.0, not the highest.
      let tree = try TempTree(["Cargo.lock": Self.lock, "old/Cargo.toml": "[dependencies]\nwasmtime = \"20.0\"\n"])
      #expect(tree.detect("old/src/lib.rs").version == WasmtimeVersion(20, 0, 0))
      #expect(tree.detect("old/src/lib.rs").source == "Cargo.lock")
    }

    @Test func staleLockLosesToTheRequirement() throws {
      let tree = try TempTree([
        "Cargo.lock": "[[package]]\nname = \"wasmtime\"\nversion = \"20.0.0\"\n",
        "crate/Cargo.toml": "[dependencies]\nwasmtime = \"36\"\n",
      ])
      let detected = tree.detect("crate/src/lib.rs")
      #expect(detected.version == WasmtimeVersion(36, 0, 0))
      #expect(detected.source == "crate/Cargo.toml")
    }

    @Test func cargoTomlStringForm() throws {
      let tree = try TempTree(["Cargo.toml": "[dependencies]\nanyhow = \"1\"\nwasmtime = \"25\" # pinned\n"])
      #expect(
        tree.detect("src/lib.rs")
          == DetectedVersion(version: WasmtimeVersion(25, 0, 0), source: "Cargo.toml", assumed: false, cargoAsyncFeature: true))
    }

    @Test func windowsLineEndingsAndBOM() throws {
      let tree = try TempTree([
        "rust/Cargo.toml": "\u{FEFF}[dependencies]\r\nwasmtime = { version = \"28\", default-features = false }\r\n",
        "net/App.csproj": "\u{FEFF}<Project>\r\n<ItemGroup><PackageReference Include=\"Wasmtime\" Version=\"22.0.0\" /></ItemGroup>\r\n</Project>\r\n",
        "wasi/wasmtime-version.txt": "\u{FEFF}23.0.1\r\n",
      ])
      #expect(tree.detect("rust/src/lib.rs").version == WasmtimeVersion(28, 0, 0))
      #expect(tree.detect("rust/src/lib.rs").cargoAsyncFeature == false)
      #expect(tree.detect("net/Program.cs").version == WasmtimeVersion(22, 0, 0))
      #expect(tree.detect("wasi/main.c").version == WasmtimeVersion(23, 0, 1))
    }

    @Test func cargoTomlInlineTable() throws {
      let tree = try TempTree([
        "Cargo.toml": """
          [dependencies]
          # wasmtime = "10"
          wasmtime = { version = "27.0", default-features = false, features = ["cranelift", "async"] }
          """
      ])
      let detected = tree.detect("src/lib.rs")
      #expect(detected.version == WasmtimeVersion(27, 0, 0))
      #expect(detected.cargoAsyncFeature == true)
    }

    @Test func cargoTomlTableFormWithoutAsync() throws {
      let tree = try TempTree([
        "Cargo.toml": """
          [package]
          name = "fvm"

          [dependencies.wasmtime]
          version = "36.0.1"
          default-features = false
          features = [
            "cranelift",
            "runtime", # no async
          ]
          """
      ])
      let detected = tree.detect("src/engine/mod.rs")
      #expect(detected.version == WasmtimeVersion(36, 0, 1))
      #expect(detected.cargoAsyncFeature == false)
    }

    @Test(
      "default-features = false",
      arguments: [
        (#"wasmtime = { version = "45", default-features = false, features = ["cranelift"] }"#, false),
        (#"wasmtime = { version = "45", default-features = false }"#, false),
        (#"wasmtime = { version = "45", default_features = false, features = ["runtime"] }"#, false),
        (#"wasmtime = { version = "45", default-features = false, features = ["stack-switching"] }"#, true),
        (#"wasmtime = { version = "45", default-features = false, features = ["async"] }"#, true),
        (#"wasmtime = { version = "45", features = ["cranelift"] }"#, true),
        (#"wasmtime = { version = "45", default-features = true }"#, true),
      ])
    func defaultFeaturesOff(line: String, expected: Bool) throws {
      let tree = try TempTree(["Cargo.toml": "[dependencies]\n\(line)\n"])
      #expect(tree.detect("src/lib.rs").cargoAsyncFeature == expected)
      #expect(tree.detect("src/lib.rs").version == WasmtimeVersion(45, 0, 0))
    }

    /// Issue 9 item 10: dev-dependencies build tests, benches and examples only.
    @Test func devDependenciesCountForTestTargetsOnly() throws {
      let tree = try TempTree([
        "Cargo.toml": """
          [dependencies]
          wasmtime = { version = "45", default-features = false, features = ["cranelift"] }
          [dev-dependencies]
          wasmtime = { version = "45", features = ["async"] }
          [build-dependencies]
          wasmtime = { version = "45" }
          """
      ])
      #expect(tree.detect("src/lib.rs").cargoAsyncFeature == false)
      #expect(tree.detect("src/bin/tool.rs").cargoAsyncFeature == false)
      for file in ["tests/deep.rs", "tests/all/traps.rs", "benches/run.rs", "examples/demo.rs"] {
        #expect(tree.detect(file).cargoAsyncFeature == true, "\(file)")
      }
    }

    /// Listing wasmtime's `default` feature turns its default features (async) back on.
    @Test func theDefaultFeatureListedExplicitly() throws {
      let tree = try TempTree([
        "Cargo.toml": """
          [workspace.dependencies]
          wasmtime = { version = "25", default-features = false }
          [dependencies]
          wasmtime = { workspace = true, features = ["cranelift"] }
          [dev-dependencies]
          wasmtime = { workspace = true, features = ["default", "winch"] }
          """
      ])
      #expect(tree.detect("src/main.rs").cargoAsyncFeature == false)
      #expect(tree.detect("tests/all/traps.rs").cargoAsyncFeature == true)
    }

    /// Cargo unifies features across a workspace's members for the same wasmtime package.
    @Test func workspaceMembersShareFeatures() throws {
      let tree = try TempTree([
        "Cargo.toml": "[workspace]\nmembers = [\"crates/*\"]\nexclude = [\"crates/own\"]\n",
        "Cargo.lock": "[[package]]\nname = \"wasmtime\"\nversion = \"44.0.1\"\n\n[[package]]\nname = \"wasmtime\"\nversion = \"36.0.0\"\n",
        "crates/host/Cargo.toml": "[package]\nname = \"host\"\n[dependencies]\nwasmtime = { version = \"44\", features = [\"async\"] }\n",
        "crates/plain/Cargo.toml": "[package]\nname = \"plain\"\n[dependencies]\nwasmtime = { version = \"44\", default-features = false }\n",
        "crates/older/Cargo.toml": "[package]\nname = \"older\"\n[dependencies]\nwasmtime = { version = \"36\", default-features = false }\n",
        "crates/own/Cargo.toml": "[package]\nname = \"own\"\n[dependencies]\nwasmtime = { version = \"44\", default-features = false }\n",
      ])
      #expect(tree.detect("crates/plain/src/lib.rs").cargoAsyncFeature == true)
      // Only in a build with the host: `cargo build -p plain` has none.
      #expect(tree.detect("crates/plain/src/lib.rs").cargoAsyncCondition == .otherWorkspaceMember)
      #expect(tree.detect("crates/host/src/lib.rs").cargoAsyncCondition == nil)
      // Another wasmtime version in the lock is another package: nothing shared.
      #expect(tree.detect("crates/older/src/lib.rs").cargoAsyncFeature == false)
      // Excluded from the workspace.
      #expect(tree.detect("crates/own/src/lib.rs").cargoAsyncFeature == false)
    }

    @Test func crateDefaultFeatureTurnsAsyncOn() throws {
      let tree = try TempTree([
        "Cargo.toml": """
          [features]
          default = ["rt"]
          rt = ["wasmtime/async"]
          extra = ["wasmtime/stack-switching"]

          [dependencies]
          wasmtime = { version = "45", default-features = false }
          """
      ])
      #expect(tree.detect("src/lib.rs").cargoAsyncFeature == true)
      // The feature that lists wasmtime/async, not `default`: `--no-default-features` drops it.
      #expect(tree.detect("src/lib.rs").cargoAsyncCondition == .crateFeature("rt"))
      let listedInDefault = try TempTree([
        "Cargo.toml": "[features]\ndefault = [\"wasmtime/async\"]\n[dependencies]\nwasmtime = { version = \"45\", default-features = false }\n"
      ])
      #expect(listedInDefault.detect("src/lib.rs").cargoAsyncCondition == .crateFeature("default"))
      let optional = try TempTree([
        "Cargo.toml": "[features]\nextra = [\"wasmtime/async\"]\n[dependencies]\nwasmtime = { version = \"45\", default-features = false }\n"
      ])
      #expect(optional.detect("src/lib.rs").cargoAsyncFeature == false)
    }

    @Test func targetSpecificAndDottedAndRenamedDependencies() throws {
      let target = try TempTree([
        "Cargo.toml": """
          [target.'cfg(not(target_arch = "wasm32"))'.dependencies]
          wasmtime = { version = "15.0.0", default-features = false, features = ["cranelift"] }
          """
      ])
      #expect(target.detect("src/lib.rs").version == WasmtimeVersion(15, 0, 0))
      #expect(target.detect("src/lib.rs").cargoAsyncFeature == false)

      let dotted = try TempTree(["Cargo.toml": "[dev-dependencies]\nwasmtime.version = \"30\"\nwasmtime.default-features = false\n"])
      #expect(dotted.detect("tests/a.rs").version == WasmtimeVersion(30, 0, 0))
      #expect(dotted.detect("tests/a.rs").cargoAsyncFeature == false)

      let renamed = try TempTree(["Cargo.toml": "[dependencies]\nwt = { package = \"wasmtime\", version = \"=33.0.2\" }\nwasmtime-wasi = \"40\"\n"])
      #expect(renamed.detect("src/lib.rs").version == WasmtimeVersion(33, 0, 2))

      let other = try TempTree(["Cargo.toml": "[dependencies]\nwasmtime-wasi = \"40\"\n"])
      #expect(other.detect("src/lib.rs").assumed)
    }

    @Test func workspaceInheritance() throws {
      let tree = try TempTree([
        "Cargo.toml": """
          [workspace]
          members = ["crates/*"]

          [workspace.dependencies]
          wasmtime = { version = "36", default-features = false }
          """,
        "crates/engine/Cargo.toml": """
          [package]
          name = "engine"

          [dependencies]
          wasmtime = { workspace = true, features = ["cranelift"] }
          """,
        "crates/host/Cargo.toml": "[dependencies]\nwasmtime = { workspace = true, features = [\"async\"] }\n",
      ])
      // A file of the virtual manifest's own directory takes `[workspace.dependencies]`.
      #expect(tree.detect("build.rs").version == WasmtimeVersion(36, 0, 0))
      #expect(tree.detect("build.rs").cargoAsyncFeature == false)
      // The engine crate inherits `default-features = false`, but Cargo unifies features across
      // the workspace (issue 9 item 10): the host member's `async` is compiled into the one wasmtime.
      let engine = tree.detect("crates/engine/src/lib.rs")
      var unified = DetectedVersion(version: WasmtimeVersion(36, 0, 0), source: "Cargo.toml", assumed: false, cargoAsyncFeature: true)
      // ...but only there: `cargo build -p engine` has no async (and no async_stack_size before 47).
      unified.cargoAsyncCondition = .otherWorkspaceMember
      #expect(engine == unified)
      #expect(tree.detect("crates/host/src/lib.rs").cargoAsyncFeature == true)

      // The workspace's lock says more.
      try tree.write("Cargo.lock", "[[package]]\nname = \"wasmtime\"\nversion = \"36.0.2\"\n")
      let locked = tree.detect("crates/engine/src/lib.rs")
      #expect(locked.version == WasmtimeVersion(36, 0, 2))
      #expect(locked.source == "Cargo.lock")
      #expect(locked.cargoAsyncFeature == true)

      // Without the host in the workspace, the inherited `default-features = false` holds.
      let alone = try TempTree([
        "Cargo.toml": "[workspace]\nmembers = [\"crates/engine\"]\n\n[workspace.dependencies]\nwasmtime = { version = \"36\", default-features = false }\n",
        "crates/engine/Cargo.toml": "[package]\nname = \"engine\"\n\n[dependencies]\nwasmtime = { workspace = true, features = [\"cranelift\"] }\n",
        "crates/host/Cargo.toml": "[dependencies]\nwasmtime = { workspace = true, features = [\"async\"] }\n",
      ])
      #expect(alone.detect("crates/engine/src/lib.rs").cargoAsyncFeature == false)
    }

    @Test func pathDependencyReadsTheCratesVersion() throws {
      let tree = try TempTree([
        "Cargo.toml": "[dependencies]\nwasmtime = { path = \"vendor/wasmtime\" }\n",
        "vendor/wasmtime/Cargo.toml": "[package]\nname = \"wasmtime\"\nversion = \"29.0.1\"\n",
      ])
      let detected = tree.detect("src/main.rs")
      #expect(detected.version == WasmtimeVersion(29, 0, 1))
      #expect(detected.source == "vendor/wasmtime/Cargo.toml")
    }

    @Test func nearestManifestWinsInAMonorepo() throws {
      let tree = try TempTree([
        "wasmtime-version.txt": "23.0.1\n",
        "rust/Cargo.toml": "[dependencies]\nwasmtime = \"36\"\n",
        "dotnet/App/App.csproj": #"<Project><ItemGroup><PackageReference Include="Wasmtime" Version="22.0.0" /></ItemGroup></Project>"#,
        "c/include/wasmtime.h": "#define WASMTIME_VERSION \"25.0.0\"\n",
      ])
      #expect(tree.detect("rust/src/lib.rs").version == WasmtimeVersion(36, 0, 0))
      #expect(tree.detect("rust/src/lib.rs").source == "rust/Cargo.toml")
      #expect(tree.detect("dotnet/App/Program.cs").version == WasmtimeVersion(22, 0, 0))
      #expect(tree.detect("dotnet/App/Program.cs").source == "dotnet/App/App.csproj")
      #expect(tree.detect("c/src/engine.c").version == WasmtimeVersion(25, 0, 0))
      #expect(tree.detect("c/src/engine.c").source == "c/include/wasmtime.h")
      #expect(tree.detect("scripts/run.c").version == WasmtimeVersion(23, 0, 1))
      let detector = VersionDetector(root: tree.root, override: nil)
      #expect(
        detector.versionForRoot()
          == DetectedVersion(version: WasmtimeVersion(23, 0, 1), source: "wasmtime-version.txt", assumed: false, cargoAsyncFeature: nil))
      // Relative to the scan root, absolute outside it.
      #expect(tree.detect("rust/src/lib.rs", root: "rust").source == "Cargo.toml")
      #expect(tree.detect("scripts/run.c", root: "rust").source == tree.path("wasmtime-version.txt"))
    }

    @Test(
      "csproj forms",
      arguments: [
        #"<PackageReference Include="Wasmtime" Version="22.0.0" />"#,
        #"<PackageReference Version="22.0.0" Include="Wasmtime"/>"#,
        "<PackageReference\n    Include='wasmtime'\n    Version='[22.0.0]' />",
        "<PackageReference Include=\"Wasmtime\">\n  <Version>22.0.0</Version>\n</PackageReference>",
        #"<!-- <PackageReference Include="Wasmtime" Version="1.0.0" /> --><PackageReference Include="Wasmtime" Version="22.0.0" />"#,
      ])
    func csproj(reference: String) throws {
      let project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <ItemGroup>
            <PackageReference Include="Wasmtime.Extra" Version="9.0.0" />
            \(reference)
          </ItemGroup>
        </Project>
        """
      let tree = try TempTree(["src/Host/Host.csproj": project])
      let detected = tree.detect("src/Host/Engine.cs")
      #expect(detected.version == WasmtimeVersion(22, 0, 0))
      #expect(detected.source == "src/Host/Host.csproj")
    }

    @Test func centralPackageManagement() throws {
      let tree = try TempTree([
        "Directory.Packages.props": """
          <Project>
            <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
            <ItemGroup>
              <PackageVersion Version="22.0.0" Include="Wasmtime" />
            </ItemGroup>
          </Project>
          """,
        "src/App/App.csproj": #"<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Wasmtime" /></ItemGroup></Project>"#,
      ])
      let detected = tree.detect("src/App/Program.cs")
      #expect(detected.version == WasmtimeVersion(22, 0, 0))
      #expect(detected.source == "Directory.Packages.props")
    }

    @Test func directoryBuildPropsWithAProperty() throws {
      let tree = try TempTree([
        "Directory.Build.props": """
          <Project>
            <PropertyGroup><WasmtimeVersion>21.0.1</WasmtimeVersion></PropertyGroup>
            <ItemGroup><PackageReference Include="Wasmtime" Version="$(WasmtimeVersion)" /></ItemGroup>
          </Project>
          """
      ])
      let detected = tree.detect("tests/Stack.cs")
      #expect(detected.version == WasmtimeVersion(21, 0, 1))
      #expect(detected.source == "Directory.Build.props")
    }

    /// Issue 9 item 7: MSBuild imports the nearest Directory.Build.props above the project, so a
    /// project's `$(WasmtimeVersion)` is defined there (or in the one it imports above it).
    @Test func projectPropertyFromDirectoryBuildPropsAbove() throws {
      let project = #"<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Wasmtime" Version="$(WasmtimeVersion)" /></ItemGroup></Project>"#
      let tree = try TempTree([
        "Directory.Build.props": "<Project><PropertyGroup><WasmtimeVersion>22.0.0</WasmtimeVersion></PropertyGroup></Project>",
        "src/Host/Host.csproj": project,
        // Imports the parent: its property is visible.
        "lib/Directory.Build.props": #"<Project><Import Project="$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))" /></Project>"#,
        "lib/Core/Core.csproj": project,
        // Does not import the parent and does not define it: MSBuild sees no such property.
        "tools/Directory.Build.props": "<Project><PropertyGroup><Nullable>enable</Nullable></PropertyGroup></Project>",
        "tools/Gen/Gen.csproj": project,
      ])
      let host = tree.detect("src/Host/Program.cs")
      #expect(host.version == WasmtimeVersion(22, 0, 0))
      #expect(host.source == "Directory.Build.props")
      #expect(tree.detect("lib/Core/Engine.cs").version == WasmtimeVersion(22, 0, 0))
      #expect(tree.detect("tools/Gen/Engine.cs").assumed)
    }

    /// A versionless reference takes the nearest Directory.Packages.props, whose version may be a
    /// property of Directory.Build.props.
    @Test func centralVersionFromAProperty() throws {
      let tree = try TempTree([
        "Directory.Build.props": "<Project><PropertyGroup><WasmtimePackageVersion>21.0.1</WasmtimePackageVersion></PropertyGroup></Project>",
        "build/Directory.Packages.props": #"<Project><ItemGroup><PackageVersion Include="Wasmtime" Version="$(WasmtimePackageVersion)" /></ItemGroup></Project>"#,
        "build/app/Runner/Runner.csproj": #"<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Wasmtime" /></ItemGroup></Project>"#,
      ])
      let detected = tree.detect("build/app/Runner/GuestHost.cs")
      #expect(detected.version == WasmtimeVersion(21, 0, 1))
      #expect(detected.source == "Directory.Build.props")
    }

    @Test func versionFile() throws {
      let tree = try TempTree(["src/mono/wasi/wasmtime-version.txt": "\n23.0.1\n"])
      let detected = tree.detect("src/mono/wasi/runner/main.c")
      #expect(detected == DetectedVersion(version: WasmtimeVersion(23, 0, 1), source: "src/mono/wasi/wasmtime-version.txt", assumed: false, cargoAsyncFeature: nil))
    }

    @Test func vendoredHeader() throws {
      let tree = try TempTree([
        "third_party/wasmtime/wasmtime.h": "#ifndef WASMTIME_API_H\n#define WASMTIME_API_H\n#define WASMTIME_VERSION \"27.0.0\"\n#endif\n",
        "lib/include/wasmtime.h": "#define WASMTIME_VERSION \"14.0.4\"\n",
      ])
      #expect(tree.detect("third_party/wasmtime/embed.c").version == WasmtimeVersion(27, 0, 0))
      #expect(tree.detect("lib/src/engine.c").version == WasmtimeVersion(14, 0, 4))
      #expect(tree.detect("lib/src/engine.c").source == "lib/include/wasmtime.h")
    }

    @Test func overrideWins() throws {
      let tree = try TempTree([
        "Cargo.toml": "[dependencies]\nwasmtime = { version = \"25\", default-features = false }\n",
        "Cargo.lock": Self.lock,
      ])
      let detected = tree.detect("src/lib.rs", override: WasmtimeVersion(47, 0, 0))
      #expect(detected == DetectedVersion(version: WasmtimeVersion(47, 0, 0), source: "--wasmtime-version", assumed: false, cargoAsyncFeature: false))
      let root = VersionDetector(root: tree.root, override: WasmtimeVersion(30, 0, 0)).versionForRoot()
      #expect(root.version == WasmtimeVersion(30, 0, 0) && root.source == "--wasmtime-version" && !root.assumed)
    }

    @Test func noManifestAssumesTheNewest() throws {
      let tree = try TempTree(["src/engine.rs": "fn main() {}\n", "Cargo.toml": "[package]\nname = \"x\"\n"])
      let expected = DetectedVersion(version: .newestKnown, source: nil, assumed: true, cargoAsyncFeature: nil)
      #expect(tree.detect("src/engine.rs") == expected)
      #expect(VersionDetector(root: tree.root, override: nil).versionForRoot() == expected)
    }

    @Test func walkStopsAtTheRepositoryRoot() throws {
      // The outer directory's lock belongs to another project: `.git` in `repo/` ends the walk.
      let tree = try TempTree(["Cargo.lock": Self.lock, "repo/README.md": "x\n"], gitRoot: "repo")
      #expect(tree.detect("repo/src/lib.rs").assumed)
      #expect(tree.detect("other/src/lib.rs").assumed == false)  // no .git on that path: reaches the lock
    }

    @Test func concurrentLookupsAgree() throws {
      let tree = try TempTree(["Cargo.lock": Self.lock, "Cargo.toml": "[dependencies]\nwasmtime = \"25\"\n"])
      let detector = VersionDetector(root: tree.root, override: nil)
      let results = ResultBox()
      DispatchQueue.concurrentPerform(iterations: 64) { i in
        results.append(detector.version(forFileAt: tree.path("src/m\(i % 8)/f\(i).rs")).version)
      }
      #expect(results.values.count == 64)
      #expect(Set(results.values) == [WasmtimeVersion(25, 0, 3)])
    }
  }
}

private final class ResultBox: Sendable {
  private let storage = Mutex<[WasmtimeVersion]>([])
  func append(_ v: WasmtimeVersion) { storage.withLock { $0.append(v) } }
  var values: [WasmtimeVersion] { storage.withLock { $0 } }
}
