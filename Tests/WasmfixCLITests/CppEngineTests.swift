import Foundation
import Testing

/// Proof against the real runtime for C++ (issue 8, acceptance 2): each case under
/// `Tests/CppRuntimeFixtures/<case>/before/` is a program compiled with g++ against
/// `Tests/Runtime/wasmtime_standin.hh` (installed as `wasmtime.hh`: Wasmtime's C++ API over the
/// real C functions; the wheels ship no headers) and linked to the real Wasmtime C library
/// (25.0.0). Engine creation aborts before `wasmfix scan . --write` and succeeds after; a valid
/// program is not changed.
@Suite("C++ programs against the real engine") struct CppEngineTests {
  static let root = PackagePaths.root.appendingPathComponent("Tests/CppRuntimeFixtures")

  static var cases: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
  }

  /// Compiles every `.cc` of the tree with the stand-in header and runs the program.
  static func buildAndRun(_ tree: URL) throws -> RuntimeCommand.Result {
    let gxx = try RuntimeToolchain.tool("g++", install: "install a C++ compiler (Debian: apt-get install g++; scripts/setup.sh --test does)")
    let include = tree.appendingPathComponent(".include")
    try FileManager.default.createDirectory(at: include, withIntermediateDirectories: true)
    try? FileManager.default.removeItem(at: include.appendingPathComponent("wasmtime.hh"))
    try FileManager.default.copyItem(at: RuntimeToolchain.runtimeFolder.appendingPathComponent("wasmtime_standin.hh"),
                                     to: include.appendingPathComponent("wasmtime.hh"))
    let sources = FileManager.default.enumerator(atPath: tree.path)!.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".cc") || $0.hasSuffix(".cpp") }.map { tree.appendingPathComponent($0).path }
    let folder = try RuntimeToolchain.libraryFolder("25.0.0").path
    let binary = tree.appendingPathComponent(".program").path
    let compile = try RuntimeCommand.run(gxx, ["-std=c++17", "-I", include.path] + sources
                                         + ["-o", binary, "-L\(folder)", "-l:libwasmtime.so", "-Wl,-rpath,\(folder)"], in: tree)
    guard compile.succeeded else { return compile }
    return try RuntimeCommand.run(binary, [], in: tree)
  }

  @Test("aborts before, starts after wasmfix scan --write", arguments: cases)
  func fixedProgramStarts(_ name: String) throws {
    let tree = try temporaryCopy(of: Self.root.appendingPathComponent("\(name)/before"))
    defer { try? FileManager.default.removeItem(at: tree) }
    let valid = name.contains("valid")
    let before = try Self.buildAndRun(tree)
    if valid {
      #expect(before.succeeded, "before: \(before.excerpt)")
    } else {
      #expect(!before.succeeded && before.output.contains("max_wasm_stack size cannot exceed the async_stack_size"), "before: \(before.excerpt)")
    }
    let snapshot = try TreeSnapshot(tree)
    let write = try WasmfixBinary.run(["scan", ".", "--write"], in: tree)
    #expect(write.status == 0, "wasmfix --write: \(write.stdout)\(write.stderr)")
    if valid { #expect(try TreeSnapshot(tree) == snapshot, "a valid program was changed") }
    let after = try Self.buildAndRun(tree)
    #expect(after.succeeded && after.output.contains("engine created"), "after: \(after.excerpt)")
  }

  @Test("there are C++ runtime cases") func casesExist() { #expect(Self.cases.count >= 3) }
}
