import Foundation
import Testing
@testable import WasmfixConfig
@testable import WasmfixCore
@testable import WasmfixAnalysis

/// Issue 11 (config part): parsing `.wasmfix.toml`, locating keys, discovery, rule policies.
@Suite struct ConfigParserTests {
  func parse(_ text: String) throws -> ProjectConfig {
    try ConfigParser.parse(text, path: "/p/.wasmfix.toml", displayPath: ".wasmfix.toml")
  }

  @Test func everyKeyIsRead() throws {
    let config = try parse("""
      strategy = "lower-max"
      headroom = "512K"
      include = ["src/**"]
      exclude = ["generated/", "*.pb.rs"]
      wasmtime-version = "25.0.1"
      harden = true
      select = ["WF001", "WF005"]
      ignore = ["WF003"]
      unsafe-fixes = true
      fail-on = "warning"

      [severity]
      WF005 = "error"
      WF006 = "off"

      [setters]
      set_wasm_stack = "max_wasm_stack"
      set_fiber_stack = "async_stack_size"
      """)
    #expect(config.strategy == .lowerMax)
    #expect(config.headroom == 512 << 10)
    #expect(config.include == ["src/**"])
    #expect(config.exclude == ["generated/", "*.pb.rs"])
    #expect(config.wasmtimeVersion == WasmtimeVersion(25, 0, 1))
    #expect(config.harden == true)
    #expect(config.select == ["WF001", "WF005"])
    #expect(config.ignore == ["WF003"])
    #expect(config.unsafeFixes == true)
    #expect(config.failOn == "warning")
    #expect(config.severity == ["WF005": .error, "WF006": .off])
    #expect(config.setters == ["set_wasm_stack": "max_wasm_stack", "set_fiber_stack": "async_stack_size"])
    #expect(config.line(of: "severity.WF006") == 14)
    #expect(config.line(of: "setters.set_fiber_stack") == 18)
    #expect(config.wholeRunKeysSet == ["strategy", "headroom", "unsafe-fixes", "fail-on"])
  }

  @Test func integerHeadroomAndDottedKeys() throws {
    let config = try parse("headroom = 1_048_576\nseverity.WF003 = \"note\"\n")
    #expect(config.headroom == 1 << 20)
    #expect(config.severity == ["WF003": .note])
    #expect(config.line(of: "severity.WF003") == 2)
  }

  @Test func anEmptyFileSetsNothing() throws {
    let config = try parse("# nothing yet\n")
    #expect(config.strategy == nil && config.select == nil && config.setters.isEmpty && config.wholeRunKeysSet.isEmpty)
  }

  @Test func errorsNameFileLineAndKey() {
    #expect(throws: ConfigError(path: ".wasmfix.toml", line: 3, message: "unknown key 'stratgy' (known: \(ProjectConfig.knownKeys.sorted().joined(separator: ", ")))")) {
      try parse("harden = true\n\nstratgy = \"lower-max\"\n")
    }
    #expect(throws: ConfigError(path: ".wasmfix.toml", line: 2, message: "'headroom' must not be negative")) {
      try parse("\nheadroom = -1\n")
    }
    #expect(throws: ConfigError(path: ".wasmfix.toml", line: 2, message: "'exclude' must be an array of strings; found integer")) {
      try parse("include = []\nexclude = [1]\n")
    }
  }

  @Test func setterNames() {
    #expect(SetterName.isValid("set_wasm_stack"))
    #expect(SetterName.isValid("WithFiberStack2"))
    #expect(!SetterName.isValid("x"))
    #expect(!SetterName.isValid("2fast"))
    #expect(!SetterName.isValid("config.set"))
  }

  // MARK: Discovery

  func tree(_ files: [String: String]) throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-config-unit-\(UUID().uuidString)")
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return root.standardizedFileURL.path
  }

  @Test func nearestConfigWinsAndDiscoveryStopsAtTheRepositoryRoot() throws {
    let root = try tree([
      ".wasmfix.toml": "select = [\"WF001\"]\n", "repo/.git/HEAD": "", "repo/wasmfix.toml": "harden = true\n",
      "repo/a/.wasmfix.toml": "harden = false\n", "repo/a/wasmfix.toml": "harden = true\n", "repo/b/c/x.rs": "",
      "other/.git/HEAD": "", "other/src/x.rs": "",
    ])
    let project = try ProjectConfiguration(mode: .discover, scanRoot: root + "/repo")
    #expect(project.run?.path == root + "/repo/wasmfix.toml")
    // `.wasmfix.toml` is preferred over `wasmfix.toml` in one folder.
    #expect(project.config(forFile: root + "/repo/a/deep/x.rs")?.harden == false)
    #expect(project.config(forFile: root + "/repo/b/c/x.rs")?.path == root + "/repo/wasmfix.toml")
    // `other` is its own repository: the config above it is not read.
    #expect(project.config(forFile: root + "/other/src/x.rs") == nil)
    #expect(project.loaded.map(\.path) == [root + "/repo/a/.wasmfix.toml", root + "/repo/wasmfix.toml"])
  }

  @Test func configFileModeAppliesOneFileEverywhere() throws {
    let root = try tree(["ci.toml": "fail-on = \"note\"\n", "a/.wasmfix.toml": "harden = true\n", "a/x.rs": ""])
    let project = try ProjectConfiguration(mode: .file(root + "/ci.toml"), scanRoot: root)
    #expect(project.config(forFile: root + "/a/x.rs")?.path == root + "/ci.toml")
    #expect(project.run?.failOn == "note")
    #expect(throws: ConfigError.self) { try ProjectConfiguration(mode: .file(root + "/missing.toml"), scanRoot: root) }
  }

  @Test func aBrokenNestedConfigIsRecorded() throws {
    let root = try tree([".git/HEAD": "", "a/.wasmfix.toml": "x = 1\n"])
    let project = try ProjectConfiguration(mode: .discover, scanRoot: root)
    #expect(project.config(forFile: root + "/a/x.rs") == nil)
    #expect(project.errors.map(\.message) == ["unknown key 'x' (known: \(ProjectConfig.knownKeys.sorted().joined(separator: ", ")))"])
  }

  // MARK: Rule policy

  func finding(_ code: String) -> Finding {
    Finding(rule: Rules.named(code)!.id, severity: Rules.named(code)!.severity, path: "a.rs", line: 1, column: 1, groupID: "a.rs:1",
            message: "", fixable: true)
  }

  @Test func policyLayersConfigAndFlags() throws {
    var config = try parse("select = [\"WF001\", \"WF003\", \"WF005\", \"WF006\"]\nignore = [\"WF003\"]\n[severity]\nWF005 = \"note\"\nWF001 = \"off\"\n")
    var options = ScanOptions()
    var policy = RulePolicy(config: config, options: options)
    #expect(policy.apply(finding("WF001")) == nil, "off removes the rule")
    #expect(policy.apply(finding("WF002")) == nil, "not selected")
    #expect(policy.apply(finding("WF003")) == nil, "ignored")
    #expect(policy.apply(finding("WF005"))?.severity == .note)
    #expect(policy.apply(finding("WF006")) == nil, "WF006 needs harden")
    config.harden = true
    #expect(RulePolicy(config: config, options: options).apply(finding("WF006")) != nil)
    options.select = ["WF002"]
    options.ignore = ["WF005"]
    policy = RulePolicy(config: config, options: options)
    #expect(policy.apply(finding("WF002")) != nil)
    #expect(policy.apply(finding("WF005")) == nil)
    #expect(RulePolicy(config: nil, options: ScanOptions()).apply(finding("WF003"))?.severity == .warning)
  }

  @Test func unknownRuleCodesInAConfig() throws {
    #expect(throws: ConfigError(path: ".wasmfix.toml", line: 2, message: "unknown rule code 'WF404' in 'select' (known: \(RuleCodes.known))")) {
      try RuleCodes.validate(try parse("harden = true\nselect = [\"WF001\", \"WF404\"]\n"))
    }
    try RuleCodes.validate(try parse("select = [\"wf001\", \"latent-stack-mismatch\"]\n"))
    #expect(RuleCodes.unknown(["WF001", "nope", "zero-wasm-stack"]) == ["nope"])
  }
}
