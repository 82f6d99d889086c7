import Foundation
import Testing
@testable import WasmfixSupport
@testable import WasmfixWorkspace
@testable import WasmfixSurfaces
@testable import WasmfixEvaluation

/// The constant index's candidate list keeps a directory number, a name and 3-byte name
/// fingerprints per file (issue 10: memory that does not grow with the tree), and still
/// parses exactly the files that define a wanted name.
@Suite struct CandidateFilesTests {
  private func builder(_ directories: DirectoryTable) -> CandidateFiles.Builder { CandidateFiles.Builder(directories: directories) }

  @Test func rebuildsPathsAndFindsTheFilesListingAName() {
    let directories = DirectoryTable()
    var first = builder(directories), second = builder(directories)
    first.append(absolutePath: "/r/src/a.rs", relativePath: "src/a.rs", language: .rust, definedNames: [NameHash.of("STACK")])
    first.append(absolutePath: "/r/src/b.rs", relativePath: "src/b.rs", language: .rust, definedNames: [NameHash.of("OTHER")])
    second.append(absolutePath: "/r/top.h", relativePath: "top.h", language: .c, definedNames: [NameHash.of("STACK"), NameHash.of("STACK")])
    // A path given outside the root keeps its own spelling.
    second.append(absolutePath: "/elsewhere/limits.h", relativePath: "../elsewhere/limits.h", language: .c, definedNames: [NameHash.of("STACK")])
    let candidates = CandidateFiles([first, second])
    #expect(candidates.count == 4)
    let found = candidates.files(mayDefine: [NameHash.of("STACK")]).sorted { $0.relativePath < $1.relativePath }
    #expect(found.map(\.relativePath) == ["../elsewhere/limits.h", "src/a.rs", "top.h"])
    #expect(found.map(\.absolutePath) == ["/elsewhere/limits.h", "/r/src/a.rs", "/r/top.h"])
    #expect(found.map(\.language) == [.c, .rust, .c])
    #expect(candidates.files(mayDefine: [NameHash.of("MISSING")]).isEmpty)
    #expect(candidates.files(at: ["/r/src/b.rs"]).map(\.relativePath) == ["src/b.rs"])
  }

  @Test func aFileCostsItsNameAndThreeBytesPerDefinedName() {
    let directories = DirectoryTable()
    var files = builder(directories)
    let names = (0..<10).map { NameHash.of("NAME_\($0)") }
    for i in 0..<1000 {
      files.append(absolutePath: "/work/trees/tree/crates/c\(i / 50)/src/f\(i).rs", relativePath: "crates/c\(i / 50)/src/f\(i).rs",
                   language: .rust, definedNames: names)
    }
    let candidates = CandidateFiles([files])
    // 4 (directory) + 1 + at most 7 (name, `f999.rs`) + 1 + 30 (fingerprints): the
    // directory's path is not repeated per file.
    #expect(candidates.recordBytes <= 1000 * 43)
    #expect(candidates.count == 1000)
  }

  /// Past its budget a worker's records go to an unlinked temporary file, a chunk at a time:
  /// what stays in memory does not grow with the tree, and every record is still found.
  @Test func recordsPastTheBudgetAreSpilledAndReadBack() throws {
    let directories = DirectoryTable()
    let spill = CandidateSpill(budget: 128 << 10)
    var files = CandidateFiles.Builder(directories: directories, spill: spill)
    for i in 0..<20_000 {
      files.append(absolutePath: "/r/crates/c\(i / 40)/src/f\(i).rs", relativePath: "crates/c\(i / 40)/src/f\(i).rs",
                   language: .rust, definedNames: [NameHash.of("NAME_\(i)"), NameHash.of("SHARED")])
    }
    let candidates = CandidateFiles([files])
    #expect(candidates.recordBytes > 384 << 10)
    #expect(candidates.residentBytes <= (128 << 10) + CandidateFiles.Builder.chunkSize)
    #expect(spill.spilledBytes >= candidates.recordBytes - candidates.residentBytes)
    #expect(candidates.count == 20_000)
    #expect(candidates.files(mayDefine: [NameHash.of("SHARED")]).count == 20_000)
    let one = candidates.files(mayDefine: [NameHash.of("NAME_17")]).map(\.relativePath)
    #expect(one.contains("crates/c0/src/f17.rs"))
    #expect(candidates.files(at: ["/r/crates/c499/src/f19999.rs"]).map(\.relativePath) == ["crates/c499/src/f19999.rs"])
    #expect(spill.readFailures == 0 && candidates.unreadChunks == 0)
  }

  /// Without a usable temporary folder the records stay in memory.
  @Test func recordsStayInMemoryWhenNoFileCanBeWritten() {
    let spill = CandidateSpill(budget: 0, directory: "/nonexistent-\(UUID().uuidString)")
    var files = CandidateFiles.Builder(directories: DirectoryTable(), spill: spill)
    for i in 0..<5_000 {
      files.append(absolutePath: "/r/f\(i).rs", relativePath: "f\(i).rs", language: .rust, definedNames: [NameHash.of("N\(i)")])
    }
    let candidates = CandidateFiles([files])
    #expect(spill.spilledBytes == 0)
    #expect(candidates.residentBytes >= candidates.recordBytes)
    #expect(candidates.files(mayDefine: [NameHash.of("N4999")]).map(\.relativePath) == ["f4999.rs"])
  }

  @Test func replacingAFileDropsItsOldRecord() {
    let directories = DirectoryTable()
    var files = builder(directories)
    files.append(absolutePath: "/r/a.rs", relativePath: "a.rs", language: .rust, definedNames: [NameHash.of("OLD")])
    let edited = CandidateFiles([files]).replacing([
      ConstantIndex.CandidateFile(absolutePath: "/r/a.rs", relativePath: "a.rs", language: .rust, definedNames: [NameHash.of("NEW")]),
    ])
    #expect(edited.files(mayDefine: [NameHash.of("OLD")]).isEmpty)
    #expect(edited.files(mayDefine: [NameHash.of("NEW")]).map(\.relativePath) == ["a.rs"])
    #expect(edited.count == 1)
  }

  /// Two names whose fingerprints collide: the file defining only the other one is listed as
  /// a candidate, but its own names rule it out before any parse (no content hash recorded).
  @Test func aFingerprintMatchByChanceParsesNothing() throws {
    var seen: [UInt32: String] = [:]
    var pair: (String, String)? = nil
    for i in 0..<200_000 {
      let name = "LIMIT_\(i)"
      let print = CandidateFiles.fingerprint(NameHash.of(name))
      if let other = seen[print] { pair = (other, name); break }
      seen[print] = name
    }
    let (wanted, lookalike) = try #require(pair)
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-candidates-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    try "pub const \(wanted): usize = 1 << 20;\n".write(toFile: root + "/a.rs", atomically: true, encoding: .utf8)
    try "pub const \(lookalike): usize = 2 << 20;\n".write(toFile: root + "/b.rs", atomically: true, encoding: .utf8)
    var files = builder(DirectoryTable())
    files.append(absolutePath: root + "/a.rs", relativePath: "a.rs", language: .rust, definedNames: [NameHash.of(wanted)])
    files.append(absolutePath: root + "/b.rs", relativePath: "b.rs", language: .rust, definedNames: [NameHash.of(lookalike)])
    let candidates = CandidateFiles([files])
    #expect(candidates.files(mayDefine: [NameHash.of(wanted)]).count == 2)
    let index = ConstantIndex(files: candidates)
    index.index(names: [wanted])
    #expect(Array(index.hashes.keys) == ["a.rs"])
    #expect(index.definitions(named: wanted).map(\.path) == ["a.rs"])
    #expect(index.definitions(named: lookalike).isEmpty)
  }
}
