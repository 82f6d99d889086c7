import Foundation
import Testing

/// The hooks in `.pre-commit-hooks.yaml` (issue 11), run by pre-commit itself with `try-repo`
/// on a small repository holding a violation: `wasmfix` fails, `wasmfix-fix` fixes it, then
/// `wasmfix` passes. Needs pre-commit (`scripts/setup.sh --test` installs it from PyPI); the
/// hooks are `language: system`, so the built binary goes first on PATH.
@Suite struct PreCommitTests {
  @Test func hookFailsFixHookFixesThenHookPasses() throws {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-precommit-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    let repo = work.appendingPathComponent("repo")
    try FileManager.default.createDirectory(at: repo.appendingPathComponent("src"), withIntermediateDirectories: true)
    let source = repo.appendingPathComponent("src/main.rs")
    try Data(CLITests.failing.utf8).write(to: source)
    for arguments in [["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "violation"]] {
      let git = try ProcessRunner.run("/usr/bin/env", ["git"] + arguments, in: repo)
      try #require(git.status == 0, "git \(arguments): \(git.stderr)")
    }

    let binDirectory = URL(fileURLWithPath: WasmfixBinary.path).deletingLastPathComponent().path
    let environment = [
      "PATH": binDirectory + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
      "PRE_COMMIT_HOME": work.appendingPathComponent("cache").path,  // never the user's cache
      "NO_COLOR": "1",
    ]
    func hook(_ id: String) throws -> WasmfixBinary.Output {
      try ProcessRunner.run("/usr/bin/env", ["python3", "-m", "pre_commit", "try-repo", PackagePaths.root.path, id, "--all-files"],
                            in: repo, environment: environment)
    }

    let failing = try hook("wasmfix")
    #expect(failing.status == 1, "the hook must fail on the violation:\n\(failing.stdout)\(failing.stderr)")
    #expect(failing.stdout.contains("error[WF001]"), "\(failing.stdout)")

    let fixing = try hook("wasmfix-fix")
    // pre-commit fails a hook that modified files, so the user reviews and re-stages them.
    #expect(fixing.stdout.contains("files were modified by this hook"), "\(fixing.stdout)\(fixing.stderr)")
    #expect(try String(contentsOf: source, encoding: .utf8).contains("config.async_stack_size("))

    let add = try ProcessRunner.run("/usr/bin/env", ["git", "add", "-A"], in: repo)
    #expect(add.status == 0)
    let passing = try hook("wasmfix")
    #expect(passing.status == 0, "the hook must pass after the fix:\n\(passing.stdout)\(passing.stderr)")
    #expect(passing.stdout.contains("Passed"))
  }
}
