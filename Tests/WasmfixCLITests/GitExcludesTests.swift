import Foundation
import Testing

/// Git's excludes file (`core.excludesFile`, default `~/.config/git/ignore`) is honoured like
/// the repository's `.gitignore` (issue 11), only inside a repository, and `--no-ignore` turns
/// it off. HOME points at a temporary folder so the user's real git config plays no part.
@Suite struct GitExcludesTests {
  static let failing = """
    use wasmtime::{Config, Engine};
    fn main() {
        let mut config = Config::new();
        config.max_wasm_stack(0);
        let _ = Engine::new(&config);
    }

    """

  func files(_ files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-gitexcludes-\(UUID().uuidString)")
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return root
  }

  func reportedPaths(_ arguments: [String], in directory: URL, home: URL) throws -> [String] {
    let output = try WasmfixBinary.run(arguments + ["--format", "json"], in: directory,
                                       environment: ["HOME": home.path, "XDG_CONFIG_HOME": "", "GIT_CONFIG_NOSYSTEM": "1"])
    let json = try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any], "\(output.stderr)")
    return Array(Set((json["findings"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String })).sorted()
  }

  @Test func defaultExcludesFileUnderTheHomeConfigFolder() throws {
    let home = try files([".config/git/ignore": "generated/\n"])
    let repository = try files(["generated/host.rs": Self.failing, "src/host.rs": Self.failing, ".git/HEAD": "ref: refs/heads/main\n"])
    #expect(try reportedPaths(["scan", "."], in: repository, home: home) == ["src/host.rs"])
    #expect(try reportedPaths(["scan", ".", "--no-ignore"], in: repository, home: home) == ["generated/host.rs", "src/host.rs"])
  }

  @Test func coreExcludesFileFromGlobalAndRepositoryConfig() throws {
    let home = try files([".gitconfig": "[user]\n\tname = x\n[Core]\n\texcludesFile = \"~/my-ignore\"\n", "my-ignore": "vendor/\n",
                          ".config/git/ignore": "src/\n"])
    let repository = try files(["vendor/host.rs": Self.failing, "src/host.rs": Self.failing, ".git/HEAD": "ref: refs/heads/main\n"])
    // The global config's file replaces the default one (which would hide src/).
    #expect(try reportedPaths(["scan", "."], in: repository, home: home) == ["src/host.rs"])
    // The repository's own config wins over the global one.
    try Data("[core]\n\texcludesfile = local-ignore\n".utf8).write(to: repository.appendingPathComponent(".git/config"))
    try Data("src/\n".utf8).write(to: repository.appendingPathComponent("local-ignore"))
    #expect(try reportedPaths(["scan", "."], in: repository, home: home) == ["vendor/host.rs"])
  }

  @Test func outsideARepositoryTheExcludesFileDoesNotApply() throws {
    let home = try files([".config/git/ignore": "generated/\n"])
    let folder = try files(["generated/host.rs": Self.failing])
    #expect(try reportedPaths(["scan", "."], in: folder, home: home) == ["generated/host.rs"])
  }
}
