import Foundation
import Testing

/// Issue 11 (config part): `.wasmfix.toml` files, rule selection and exit control, through the
/// real binary. Every tree gets a `.git` folder so discovery stops at it, as in a repository.
@Suite struct ConfigCLITests {
  func tree(_ files: [String: String]) throws -> URL {
    let root = try TemporaryTree.make(files, prefix: "wasmfix-config")
    try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
    return root
  }

  func json(_ output: WasmfixBinary.Output) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any], "not JSON: \(output.stdout) \(output.stderr)")
  }

  func findings(_ output: WasmfixBinary.Output) throws -> [(rule: String, severity: String, path: String)] {
    let list = try json(output)["findings"] as? [[String: Any]] ?? []
    return list.map { ($0["rule"] as? String ?? "", $0["severity"] as? String ?? "", $0["path"] as? String ?? "") }
  }

  func read(_ root: URL, _ path: String) throws -> String { try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) }

  /// WF001 (error) with async on; pinned to Wasmtime 25 by the manifest.
  static let failing = """
    use wasmtime::{Config, Engine};

    fn main() {
        let mut config = Config::new();
        config.async_support(true);
        config.max_wasm_stack(8 << 20);
        let _engine = Engine::new(&config).unwrap();
    }

    """
  /// WF003 (warning) and WF005 (warning) on Wasmtime 25: max set, async left to the default, async off.
  static let latent = """
    use wasmtime::{Config, Engine};

    fn main() {
        let mut config = Config::new();
        config.max_wasm_stack(8 << 20);
        let _engine = Engine::new(&config).unwrap();
    }

    """
  /// A valid explicit pair: WF006 (note) with harden.
  static let valid = """
    use wasmtime::{Config, Engine};

    fn main() {
        let mut config = Config::new();
        config.max_wasm_stack(1 << 20);
        config.async_stack_size(2 << 20);
        let _engine = Engine::new(&config).unwrap();
    }

    """
  static let manifest = "[package]\nname = \"x\"\nversion = \"0.1.0\"\n\n[dependencies]\nwasmtime = \"25\"\n"

  // MARK: Errors name the file, the line and the key

  @Test func unknownKeyIsAnErrorWithFileLineAndKey() throws {
    let root = try tree(["src/main.rs": Self.failing, ".wasmfix.toml": "# settings\nharden = false\nstratgy = \"lower-max\"\n"])
    let output = try WasmfixBinary.run(["scan", "."], in: root)
    #expect(output.status == 2)
    #expect(output.stderr.hasPrefix("wasmfix: .wasmfix.toml:3: unknown key 'stratgy'"), "\(output.stderr)")
    #expect(output.stdout.isEmpty)
  }

  @Test(arguments: [
    ("strategy = \"fastest\"\n", 1, "'strategy' must be one of"),
    ("\n\nheadroom = \"12Q\"\n", 3, "'headroom'"),
    ("harden = \"yes\"\n", 1, "'harden' must be true or false"),
    ("select = \"WF001\"\n", 1, "'select' must be an array of strings"),
    ("wasmtime-version = \"twenty\"\n", 1, "'wasmtime-version'"),
    ("fail-on = \"fatal\"\n", 1, "'fail-on' must be one of"),
    ("[severity]\nWF005 = \"loud\"\n", 2, "'severity.WF005' must be one of"),
    ("[severity]\nWF001 = \"off\"\nWF099 = \"off\"\n", 3, "unknown rule code 'WF099' in [severity]"),
    ("ignore = [\"WF003\", \"WF123\"]\n", 1, "unknown rule code 'WF123' in 'ignore'"),
    ("[setters]\nset_stack = \"stack_size\"\n", 2, "'setters.set_stack' must be one of"),
    ("[setters]\n\"set stack\" = \"max_wasm_stack\"\n", 2, "setter 'set stack' is not a function or method name"),
    // TOMLKit places an unclosed array at the line that opens it.
    ("select = [\n", 1, "invalid TOML"),
    // Patterns that can never match or do not parse (as --include/--exclude on the command line).
    ("\nexclude = [\"generated/\", \"[abc\"]\n", 2, "'exclude' pattern \"[abc\": unclosed '['"),
    ("include = [\"../other/**\"]\n", 1, "'include' pattern \"../other/**\": '..' cannot match"),
  ])
  func badValueIsAnErrorWithFileLineAndKey(_ config: String, _ line: Int, _ message: String) throws {
    let root = try tree(["src/main.rs": Self.failing, "wasmfix.toml": config])
    let output = try WasmfixBinary.run(["scan", "."], in: root)
    #expect(output.status == 2, "\(config): \(output.stderr)")
    #expect(output.stderr.hasPrefix("wasmfix: wasmfix.toml:\(line): "), "\(config): \(output.stderr)")
    #expect(output.stderr.contains(message), "\(config): \(output.stderr)")
  }

  @Test func brokenNestedConfigIsAnError() throws {
    let root = try tree(["a/src/main.rs": Self.failing, "a/.wasmfix.toml": "\nsevrity = 1\n"])
    let output = try WasmfixBinary.run(["scan", "."], in: root)
    #expect(output.status == 2)
    #expect(output.stderr.contains("a/.wasmfix.toml:2: unknown key 'sevrity'"), "\(output.stderr)")
  }

  // MARK: Each key is honoured

  @Test func strategyAndHeadroomFromTheConfigShapeTheFix() throws {
    // Lowering a stack is an unsafe fix: the config's `unsafe-fixes` allows it like the flag.
    let root = try tree(["src/main.rs": Self.failing, ".wasmfix.toml": "strategy = \"lower-max\"\nheadroom = \"1M\"\n"])
    #expect(try WasmfixBinary.run(["scan", ".", "--write"], in: root).status == 1)
    #expect(try read(root, "src/main.rs") == Self.failing)
    try Data("strategy = \"lower-max\"\nheadroom = \"1M\"\nunsafe-fixes = true\n".utf8).write(to: root.appendingPathComponent(".wasmfix.toml"))
    #expect(try WasmfixBinary.run(["scan", ".", "--write"], in: root).status == 0)
    // lower-max: 2 MiB default async - 1 MiB headroom = 1 MiB (written with shifts like the 8 << 20 it replaces).
    let fixed = try read(root, "src/main.rs")
    #expect(fixed.contains("config.max_wasm_stack(1 << 20);"), "\(fixed)")
  }

  @Test func integerHeadroomAndTheFlagWinsOverTheFile() throws {
    let root = try tree(["src/main.rs": Self.failing, ".wasmfix.toml": "strategy = \"lower-max\"\nheadroom = 1048576\n"])
    // --strategy on the command line beats the file's lower-max; the file's headroom still applies.
    let diff = try WasmfixBinary.run(["scan", ".", "--diff", "--strategy", "raise-async"], in: root)
    // 8 MiB + 1 MiB, written with shifts like its neighbour `8 << 20`.
    #expect(diff.stdout.contains("+    config.async_stack_size(9 << 20);"), "\(diff.stdout)")
    let flagHeadroom = try WasmfixBinary.run(["scan", ".", "--diff", "--strategy", "raise-async", "--headroom", "0"], in: root)
    #expect(flagHeadroom.stdout.contains("+    config.async_stack_size(8 << 20);"), "\(flagHeadroom.stdout)")
  }

  @Test func includeAndExcludeAreRelativeToTheConfigFolder() throws {
    let root = try tree([
      "svc/src/main.rs": Self.failing, "svc/generated/gen.rs": Self.failing, "svc/.wasmfix.toml": "exclude = [\"generated/\"]\n",
      "tools/src/main.rs": Self.failing, "tools/bench/main.rs": Self.failing, "tools/.wasmfix.toml": "include = [\"src/**\"]\n",
    ])
    let paths = Set(try findings(WasmfixBinary.run(["scan", ".", "--format", "json"], in: root)).map(\.path))
    #expect(paths == ["svc/src/main.rs", "tools/src/main.rs"])
    // --exclude on the command line replaces the config's exclude.
    let flagged = Set(try findings(WasmfixBinary.run(["scan", ".", "--format", "json", "--exclude", "bench"], in: root)).map(\.path))
    #expect(flagged == ["svc/src/main.rs", "svc/generated/gen.rs", "tools/src/main.rs"])
  }

  @Test func wasmtimeVersionFromTheConfigBeatsManifestsButNotTheFlag() throws {
    let root = try tree(["Cargo.toml": Self.manifest, "src/main.rs": Self.latent, ".wasmfix.toml": "wasmtime-version = \"47.0.0\"\n"])
    let report = try json(WasmfixBinary.run(["scan", ".", "--format", "json"], in: root))
    let groups = report["groups"] as? [[String: Any]] ?? []
    #expect(groups.first?["wasmtime_version"] as? String == "47.0.0")
    // 47: the check always applies, so the latent WF005 becomes WF001.
    #expect(try findings(WasmfixBinary.run(["scan", ".", "--format", "json"], in: root)).map(\.rule).contains("WF001"))
    let flag = try findings(WasmfixBinary.run(["scan", ".", "--format", "json", "--wasmtime-version", "25.0.0"], in: root))
    #expect(flag.map(\.rule).sorted() == ["WF003", "WF005"])
  }

  @Test func hardenFromTheConfig() throws {
    let root = try tree(["src/main.rs": Self.valid, ".wasmfix.toml": "harden = true\n"])
    #expect(try findings(WasmfixBinary.run(["scan", ".", "--format", "json"], in: root)).map(\.rule) == ["WF006"])
    #expect(try findings(WasmfixBinary.run(["scan", ".", "--format", "json", "--isolated"], in: root)).isEmpty)
  }

  @Test func selectIgnoreAndSeverityFromTheConfig() throws {
    let root = try tree(["Cargo.toml": Self.manifest, "src/main.rs": Self.latent])
    func run(_ config: String, _ extra: [String] = []) throws -> [(rule: String, severity: String, path: String)] {
      try Data(config.utf8).write(to: root.appendingPathComponent(".wasmfix.toml"))
      return try findings(WasmfixBinary.run(["scan", ".", "--format", "json"] + extra, in: root))
    }
    #expect(try run("").map(\.rule) == ["WF003", "WF005"])
    #expect(try run("select = [\"WF005\"]\n").map(\.rule) == ["WF005"])
    #expect(try run("ignore = [\"implicit-stack-default\"]\n").map(\.rule) == ["WF005"])
    let raised = try run("[severity]\nWF005 = \"error\"\nWF003 = \"off\"\n")
    #expect(raised.map(\.rule) == ["WF005"])
    #expect(raised.map(\.severity) == ["error"])
    #expect(try WasmfixBinary.run(["scan", "."], in: root).status == 1, "WF005 raised to error fails the run")
    // --select replaces the config's select; --ignore adds to its ignore.
    #expect(try run("select = [\"WF005\"]\n", ["--select", "WF003"]).map(\.rule) == ["WF003"])
    #expect(try run("ignore = [\"WF003\"]\n", ["--ignore", "WF005"]).isEmpty)
  }

  @Test func failOnFromTheConfig() throws {
    let root = try tree(["Cargo.toml": Self.manifest, "src/main.rs": Self.latent, ".wasmfix.toml": "fail-on = \"warning\"\n"])
    #expect(try WasmfixBinary.run(["scan", "."], in: root).status == 1)
    #expect(try WasmfixBinary.run(["scan", ".", "--fail-on", "error"], in: root).status == 0, "the flag wins over the file")
  }

  @Test func settersFromTheConfigMakeWrapperCallsSites() throws {
    let source = """
      use wasmtime::{Config, Engine};

      fn build(limits: &mut Limits) {
          let mut config = Config::new();
          config.async_support(true);
          config.set_wasm_stack(8 << 20);
          let _engine = Engine::new(&config).unwrap();
      }

      """
    let root = try tree(["src/main.rs": source])
    #expect(try findings(WasmfixBinary.run(["scan", ".", "--format", "json"], in: root)).isEmpty, "no wrapper known: no site")
    try Data("[setters]\nset_wasm_stack = \"max_wasm_stack\"\n".utf8).write(to: root.appendingPathComponent(".wasmfix.toml"))
    let report = try json(WasmfixBinary.run(["scan", ".", "--format", "json"], in: root))
    let sites = report["sites"] as? [[String: Any]] ?? []
    #expect(sites.contains { $0["setting"] as? String == "max_wasm_stack" && $0["line"] as? Int == 6 && $0["value"] as? Int == 8 << 20 })
    #expect(try findings(WasmfixBinary.run(["scan", ".", "--format", "json"], in: root)).map(\.rule) == ["WF001", "WF003"])
  }

  // MARK: Discovery

  @Test func configFlagAndIsolated() throws {
    let root = try tree(["Cargo.toml": Self.manifest, "src/main.rs": Self.latent, ".wasmfix.toml": "ignore = [\"WF003\"]\n",
                         "ci/strict.toml": "fail-on = \"warning\"\nselect = [\"WF003\"]\n"])
    #expect(try findings(WasmfixBinary.run(["scan", ".", "--format", "json"], in: root)).map(\.rule) == ["WF005"])
    let strict = try WasmfixBinary.run(["scan", ".", "--format", "json", "--config", "ci/strict.toml"], in: root)
    #expect(try findings(strict).map(\.rule) == ["WF003"])
    #expect(strict.status == 1)
    #expect(try findings(WasmfixBinary.run(["scan", ".", "--format", "json", "--isolated"], in: root)).map(\.rule) == ["WF003", "WF005"])
    let missing = try WasmfixBinary.run(["scan", ".", "--config", "nope.toml"], in: root)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("nope.toml"))
    #expect(try WasmfixBinary.run(["scan", ".", "--config", "ci/strict.toml", "--isolated"], in: root).status == 2)
  }

  @Test func discoveryWalksUpFromTheScannedPathAndStopsAtTheRepositoryRoot() throws {
    let outer = try tree([".wasmfix.toml": "select = [\"WF003\"]\n"])
    let repo = outer.appendingPathComponent("repo")
    for (path, text) in ["Cargo.toml": Self.manifest, "src/main.rs": Self.latent, ".git/HEAD": "ref: refs/heads/main\n"] {
      let url = repo.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    // The config above the repository's root is not read.
    #expect(try findings(WasmfixBinary.run(["scan", ".", "--format", "json"], in: repo)).map(\.rule) == ["WF003", "WF005"])
    // Within the repository, scanning a subfolder finds the root's config above it.
    try Data("select = [\"WF005\"]\n".utf8).write(to: repo.appendingPathComponent(".wasmfix.toml"))
    #expect(try findings(WasmfixBinary.run(["scan", "src", "--format", "json"], in: repo)).map(\.rule) == ["WF005"])
  }

  @Test func nestedConfigsInAMonorepo() throws {
    let root = try tree([
      "Cargo.toml": Self.manifest, ".wasmfix.toml": "fail-on = \"warning\"\nignore = [\"WF003\"]\n",
      "crates/a/src/lib.rs": Self.latent,
      // The nearest config wins for its subtree: b sees WF003 again (no ignore) but not WF005.
      "crates/b/.wasmfix.toml": "ignore = [\"WF005\"]\nstrategy = \"lower-max\"\n", "crates/b/src/lib.rs": Self.latent,
      "crates/c/wasmfix.toml": "[severity]\nWF005 = \"note\"\n", "crates/c/src/lib.rs": Self.latent,
    ])
    let output = try WasmfixBinary.run(["scan", ".", "--format", "json"], in: root)
    let found = try findings(output).map { "\($0.path) \($0.rule) \($0.severity)" }
    #expect(found == [
      "crates/a/src/lib.rs WF005 warning",
      "crates/b/src/lib.rs WF003 warning",
      "crates/c/src/lib.rs WF003 warning", "crates/c/src/lib.rs WF005 note",
    ])
    // fail-on is whole-run: the root's `warning` applies; b's strategy is said to be ignored.
    #expect(output.status == 1)
    #expect(output.stderr.contains("crates/b/.wasmfix.toml:2: 'strategy' applies to the whole run"), "\(output.stderr)")
  }

  // MARK: Rule selection and exit control flags

  @Test func selectAndIgnoreFlags() throws {
    let root = try tree(["Cargo.toml": Self.manifest, "src/main.rs": Self.latent])
    #expect(try findings(WasmfixBinary.run(["scan", ".", "--format", "json", "--select", "WF005"], in: root)).map(\.rule) == ["WF005"])
    #expect(try findings(WasmfixBinary.run(["scan", ".", "--format", "json", "--select", "WF001,WF003", "--select", "wf005"], in: root))
      .map(\.rule) == ["WF003", "WF005"])
    #expect(try findings(WasmfixBinary.run(["scan", ".", "--format", "json", "--ignore", "WF003,latent-stack-mismatch"], in: root)).isEmpty)
    let unknown = try WasmfixBinary.run(["scan", ".", "--select", "WF001,WF777"], in: root)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("unknown rule code 'WF777'"))
    #expect(try WasmfixBinary.run(["scan", ".", "--ignore", "nope"], in: root).status == 2)
  }

  /// WF009 is added after the other rules ran (when suppressions are settled): it must follow
  /// the selection and severities too.
  @Test func unusedSuppressionFollowsSelectionAndSeverity() throws {
    let root = try tree(["Cargo.toml": Self.manifest, "src/main.rs": Self.valid + "// wasmfix: ignore[WF001]\n"])
    #expect(try findings(WasmfixBinary.run(["scan", ".", "--format", "json"], in: root)).map(\.rule) == ["WF009"])
    #expect(try findings(WasmfixBinary.run(["scan", ".", "--format", "json", "--ignore", "WF009"], in: root)).isEmpty)
    try Data("[severity]\nWF009 = \"error\"\n".utf8).write(to: root.appendingPathComponent(".wasmfix.toml"))
    let strict = try WasmfixBinary.run(["scan", ".", "--format", "json"], in: root)
    #expect(try findings(strict).map(\.severity) == ["error"])
    #expect(strict.status == 1)
  }

  @Test func ignoredRulesAreNotFixed() throws {
    let root = try tree(["Cargo.toml": Self.manifest, "src/main.rs": Self.latent])
    let diff = try WasmfixBinary.run(["scan", ".", "--diff", "--ignore", "WF003"], in: root)
    #expect(diff.stdout.contains("async_stack_size"), "WF005 is still fixed: \(diff.stdout)")
    #expect(try WasmfixBinary.run(["scan", ".", "--diff", "--select", "WF006"], in: root).stdout.isEmpty)
  }

  @Test func exitZeroAndFailOn() throws {
    let root = try tree(["Cargo.toml": Self.manifest, "src/main.rs": Self.failing.replacingOccurrences(of: "config.async_support(true);\n", with: "")])
    // WF003 and WF005 are warnings: error (the default) passes, warning and note fail.
    #expect(try WasmfixBinary.run(["scan", "."], in: root).status == 0)
    #expect(try WasmfixBinary.run(["scan", ".", "--fail-on", "warning"], in: root).status == 1)
    #expect(try WasmfixBinary.run(["scan", ".", "--fail-on", "note"], in: root).status == 1)
    #expect(try WasmfixBinary.run(["scan", ".", "--fail-on", "fatal"], in: root).status == 2)
    #expect(try WasmfixBinary.run(["scan", ".", "--fail-on", "warning", "--exit-zero"], in: root).status == 0)
    #expect(try WasmfixBinary.run(["scan", ".", "--diff", "--fail-on", "warning"], in: root).status == 1)
    // Fixed findings no longer count: after --write nothing at or above warning remains.
    #expect(try WasmfixBinary.run(["scan", ".", "--write", "--fail-on", "warning"], in: root).status == 0)

    let failing = try tree(["src/main.rs": Self.failing])
    #expect(try WasmfixBinary.run(["scan", "."], in: failing).status == 1)
    #expect(try WasmfixBinary.run(["scan", ".", "--exit-zero"], in: failing).status == 0)
    // --exit-zero never hides a failure.
    #expect(try WasmfixBinary.run(["scan", "missing", "--exit-zero"], in: failing).status == 2)
  }
}
