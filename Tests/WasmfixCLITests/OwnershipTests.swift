import Foundation
import Testing

/// Issue 10, item 8: `--write` never changes a file's owner. A fix is written to a temporary
/// file and renamed over the original; when wasmfix runs as another user than the file's owner
/// (a shared checkout, a file another user rewrote), the temporary file cannot be given the
/// owner back, and the file must be left alone rather than change hands. Run as `nobody`
/// through `setpriv`, which needs root (as CI runs).
@Suite struct OwnershipTests {
  static let engine = """
    use wasmtime::{Config, Engine};

    fn make() -> Engine {
        let mut config = Config::new();
        config.async_support(true);
        config.max_wasm_stack(8 << 20);
        Engine::new(&config).unwrap()
    }

    """

  static var canSwitchUser: Bool { getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") }

  @Test(.enabled(if: canSwitchUser, "needs root and setpriv to run wasmfix as another user"))
  func aFileOwnedBySomeoneElseIsNotTakenOver() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-owner-\(UUID().uuidString)")
    let tree = root.appendingPathComponent("tree"), bin = root.appendingPathComponent("bin")
    for folder in [root, tree, bin] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    defer { try? FileManager.default.removeItem(at: root) }
    // Everyone may create files in the tree (so the temporary file can be made) and write the
    // source file; the file belongs to root.
    for folder in [root, tree, bin] { chmod(folder.path, 0o777) }
    let file = tree.appendingPathComponent("engine.rs")
    try Data(Self.engine.utf8).write(to: file)
    chmod(file.path, 0o666)
    let binary = bin.appendingPathComponent("wasmfix")
    try FileManager.default.copyItem(atPath: WasmfixBinary.path, toPath: binary.path)
    chmod(binary.path, 0o755)

    let write = try ProcessRunner.run("/usr/bin/setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", binary.path,
                                                           "scan", ".", "--write"], in: tree)
    #expect(write.status == 2, "\(write.stdout)\(write.stderr)")
    #expect(write.stderr.contains("owner or group could not be kept"), "\(write.stderr)")
    var info = stat()
    #expect(stat(file.path, &info) == 0)
    #expect(info.st_uid == 0)
    #expect(try String(contentsOf: file, encoding: .utf8) == Self.engine)
  }
}
