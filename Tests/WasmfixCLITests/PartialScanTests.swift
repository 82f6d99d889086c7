import Foundation
import Testing

/// Issue 10, item 5: a scan of some files of a repository (a pre-commit hook's file list, an
/// editor's file) or one narrowed by `--include` resolves constants and manifests across the
/// whole repository and reports only the files asked about. Before, `wasmfix scan
/// src/runner.c` saw `EMBED_WASM_STACK` (6 MiB, in `../include/limits.h`) as unknown, exited 0
/// with warnings, and `--diff` inserted an assertion that always aborts.
@Suite struct PartialScanTests {
  static let header = "#define EMBED_WASM_STACK (6 * 1024 * 1024)\n"
  static let runner = """
    #include <wasmtime.h>
    #include "../include/limits.h"

    wasm_engine_t *make_engine(void) {
      wasm_config_t *config = wasm_config_new();
      wasmtime_config_async_support_set(config, true);
      wasmtime_config_max_wasm_stack_set(config, EMBED_WASM_STACK);
      return wasm_engine_new_with_config(config);
    }

    """
  static let other = "#include <wasmtime.h>\nvoid f(wasm_config_t *config) { wasmtime_config_max_wasm_stack_set(config, 0); }\n"

  func repository() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-partial-\(UUID().uuidString)")
    for (path, text) in ["include/limits.h": Self.header, "src/runner.c": Self.runner, "src/other.c": Self.other,
                         "wasmtime-version.txt": "25.0.0\n", ".git/HEAD": "ref: refs/heads/main\n"] {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return root
  }

  func findings(_ output: WasmfixBinary.Output) throws -> [(rule: String, path: String, message: String)] {
    let json = try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any], "\(output.stderr)")
    return (json["findings"] as? [[String: Any]] ?? []).map { ($0["rule"] as? String ?? "", $0["path"] as? String ?? "", $0["message"] as? String ?? "") }
  }

  @Test func aSingleFileSeesTheProjectsConstantsAndOnlyItselfIsReported() throws {
    let root = try repository()
    let output = try WasmfixBinary.run(["scan", "src/runner.c", "--format", "json"], in: root)
    #expect(output.status == 1, "\(output.stderr)")
    let found = try findings(output)
    #expect(found.map(\.rule).sorted() == ["WF001", "WF003"])
    #expect(Set(found.map(\.path)) == ["src/runner.c"], "src/other.c is not asked about")
    #expect(found.contains { $0.rule == "WF001" && $0.message.contains("EMBED_WASM_STACK at include/limits.h:1") })
    let json = try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    #expect((json["summary"] as? [String: Any])?["files_scanned"] as? Int == 1)
    // From inside src/, the same verdict, paths relative to where it ran.
    let inside = try WasmfixBinary.run(["scan", "runner.c", "--format", "json"], in: root.appendingPathComponent("src"))
    #expect(try findings(inside).map(\.path).allSatisfy { $0 == "runner.c" })
    #expect(inside.status == 1)
  }

  @Test func theFixRaisesTheAsyncStackInsteadOfAnAlwaysFailingAssertion() throws {
    let root = try repository()
    let diff = try WasmfixBinary.run(["scan", "src/runner.c", "--diff", "--unsafe-fixes"], in: root)
    #expect(!diff.stdout.contains("abort()"), "\(diff.stdout)")
    // In the project's names (issue 9, item 4): a constant next to the header's, used at the call.
    #expect(diff.stdout.contains("+#define EMBED_ASYNC_STACK (EMBED_WASM_STACK + 512 * 1024)"), "\(diff.stdout)")
    #expect(diff.stdout.contains("+  wasmtime_config_async_stack_size_set(config, EMBED_ASYNC_STACK);"), "\(diff.stdout)")
    #expect(!diff.stdout.contains("other.c"))
  }

  @Test func includeGlobsChooseWhatIsReportedNotWhatIsRead() throws {
    let root = try repository()
    let output = try WasmfixBinary.run(["scan", ".", "--include", "**/*.c", "--format", "json"], in: root)
    let found = try findings(output)
    #expect(found.contains { $0.rule == "WF001" && $0.path == "src/runner.c" }, "\(found)")
    #expect(found.contains { $0.path == "src/other.c" })
    let excluded = try findings(WasmfixBinary.run(["scan", ".", "--exclude", "other.c", "--format", "json"], in: root))
    #expect(excluded.contains { $0.rule == "WF001" } && !excluded.contains { $0.path == "src/other.c" }, "\(excluded)")
  }
}
