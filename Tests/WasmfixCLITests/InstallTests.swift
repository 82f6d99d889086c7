import Foundation
import Testing

/// `make install PREFIX=...` and `make uninstall` (issue 11) into a temporary prefix. Slow the
/// first time (a static release build, about 3 minutes on 2 cores); it reuses `.build-release`
/// (the Makefile's scratch folder, apart from `swift test`'s `.build`) after that, so a
/// developer's earlier `make install` makes it quick.
@Suite(.serialized) struct InstallTests {
  static let installed = [
    "bin/wasmfix", "share/man/man1/wasmfix.1", "share/bash-completion/completions/wasmfix",
    "share/zsh/site-functions/_wasmfix", "share/fish/vendor_completions.d/wasmfix.fish",
  ]

  @Test func installsAStaticBinaryCompletionsAndManPageThenUninstalls() throws {
    let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-prefix-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: prefix) }
    let install = try Self.make(["install", "PREFIX=\(prefix.path)"])
    try #require(install.status == 0, "make install failed:\n\(install.stderr.suffix(4000))")
    for path in Self.installed {
      let size = (try? FileManager.default.attributesOfItem(atPath: prefix.appendingPathComponent(path).path)[.size] as? Int) ?? 0
      #expect(size > 0, "\(path) missing or empty")
    }

    // The binary runs, from the prefix, and is this commit's.
    let binary = prefix.appendingPathComponent("bin/wasmfix").path
    let version = try ProcessRunner.run(binary, ["--version"], in: prefix)
    #expect(version.status == 0)
    #expect(version.stdout == RulesCommandTests.expectedVersionLine)
    let scan = try ProcessRunner.run(binary, ["scan", PackagePaths.examples.path, "--format", "json"], in: prefix)
    #expect(scan.status == 1, "the examples have errors: \(scan.stderr)")

    // Static: no Swift runtime or tree-sitter library to find at run time.
    let ldd = try ProcessRunner.run("/usr/bin/env", ["ldd", binary], in: prefix)
    #expect(ldd.status == 0)
    #expect(!ldd.stdout.contains("libswift"), "dynamic Swift runtime:\n\(ldd.stdout)")
    #expect(!ldd.stdout.contains("tree-sitter"), "dynamic tree-sitter:\n\(ldd.stdout)")
    #expect(!ldd.stdout.contains("libFoundation"), "dynamic Foundation:\n\(ldd.stdout)")

    // The man page renders cleanly and covers the subcommands.
    let page = prefix.appendingPathComponent("share/man/man1/wasmfix.1").path
    let man = try ProcessRunner.run("/usr/bin/env", ["man", "-l", page], in: prefix, environment: ["MANPAGER": "cat", "MANWIDTH": "80"])
    #expect(man.status == 0)
    #expect(man.stderr.isEmpty, "man -l warnings:\n\(man.stderr)")
    for text in ["WASMFIX(1)", "Exit codes:", "scan", "explain", "rules", "--headroom", "help"] {
      #expect(man.stdout.contains(text), "man page lacks \(text)")
    }
    #expect(!man.stdout.contains("dump-tree"), "the hidden developer command is documented")

    // The bash completion is valid bash and completes the subcommands.
    let bash = prefix.appendingPathComponent("share/bash-completion/completions/wasmfix").path
    let syntax = try ProcessRunner.run("/usr/bin/env", ["bash", "-n", bash], in: prefix)
    #expect(syntax.status == 0, "\(syntax.stderr)")
    let completions = try String(contentsOfFile: bash, encoding: .utf8)
    #expect(completions.contains("scan") && completions.contains("rules"))
    #expect(try String(contentsOf: prefix.appendingPathComponent(Self.installed[3]), encoding: .utf8).hasPrefix("#compdef wasmfix"))

    let uninstall = try Self.make(["uninstall", "PREFIX=\(prefix.path)"])
    #expect(uninstall.status == 0, "\(uninstall.stderr)")
    for path in Self.installed {
      #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent(path).path), "\(path) left behind")
    }
  }

  /// zsh passes `PREFIX=~/.local` with its `~` unexpanded (bash expands it); the Makefile does.
  @Test func prefixWithATildeMeansHome() throws {
    let dryRun = try Self.make(["-n", "uninstall", "PREFIX=~/.local"])
    #expect(dryRun.status == 0)
    let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
    #expect(dryRun.stdout.contains("rm -f \(home)/.local/bin/wasmfix "), "\(dryRun.stdout)")
    #expect(!dryRun.stdout.contains("~"))
  }

  static func make(_ arguments: [String]) throws -> WasmfixBinary.Output {
    try ProcessRunner.run("/usr/bin/env", ["make", "-C", PackagePaths.root.path] + arguments, in: PackagePaths.root)
  }
}
