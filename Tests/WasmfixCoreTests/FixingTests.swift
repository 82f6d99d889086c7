import Foundation
import Testing
@testable import WasmfixCore
@testable import WasmfixSupport
@testable import WasmfixWorkspace
@testable import WasmfixSurfaces
@testable import WasmfixEvaluation
@testable import WasmfixAnalysis
@testable import WasmfixFixing
@testable import WasmfixReporting

@Suite struct EditApplierTests {
  let file = FileRef(path: "a.rs", absolutePath: "/tmp/a.rs")

  @Test func splicesAndKeepsOtherBytes() throws {
    let original = Array("a(1);\nb(2);\n".utf8)
    let edits: [TextEdit] = [.replacement("9", of: 2..<3, in: file), .insertion("\nc(3);", at: 5, in: file)]
    #expect(try EditApplier.apply(edits, to: original) == Array("a(9);\nc(3);\nb(2);\n".utf8))
  }

  @Test func insertedLineBreaksFollowCRLFFiles() throws {
    let original = Array("a(1);\r\nb(2);\r\n".utf8)
    let edited = try EditApplier.apply([.insertion("\nc(3);", at: 5, in: file)], to: original)
    #expect(edited == Array("a(1);\r\nc(3);\r\nb(2);\r\n".utf8))
  }

  @Test func refusesOverlappingEdits() {
    let original = Array("abcdef".utf8)
    #expect(throws: EditApplier.Failure.self) {
      try EditApplier.apply([.replacement("x", of: 1..<4, in: file), .replacement("y", of: 3..<5, in: file)], to: original)
    }
    #expect(throws: EditApplier.Failure.self) {
      try EditApplier.apply([.replacement("x", of: 1..<4, in: file), .insertion("y", at: 2, in: file)], to: original)
    }
  }

  @Test func identicalEditsApplyOnce() throws {
    let original = Array("x\n".utf8)
    let comment = TextEdit.insertion("// c\n", at: 0, in: file)
    #expect(try EditApplier.apply([comment, comment], to: original) == Array("// c\nx\n".utf8))
  }

  @Test func insertionsAtOneOffsetKeepPlanOrder() throws {
    let edits: [TextEdit] = [.insertion("1", at: 0, in: file), .insertion("2", at: 0, in: file)]
    #expect(try EditApplier.apply(edits, to: Array("x".utf8)) == Array("12x".utf8))
  }

  @Test func syntaxCheckRefusesEditsThatBreakParsing() throws {
    let original = Array("fn f() { g(1); }\n".utf8)
    let broken = try EditApplier.apply([.insertion("{ ", at: 9, in: file)], to: original)
    #expect(SyntaxCheck.newErrors(path: "a.rs", original: original, edited: broken) != nil)
    let fine = try EditApplier.apply([.insertion("h(2); ", at: 9, in: file)], to: original)
    #expect(SyntaxCheck.newErrors(path: "a.rs", original: original, edited: fine) == nil)
  }
}

@Suite struct ValueFormatterTests {
  @Test(arguments: [
    (Int128(9 << 20), SurfaceID.rust, false, "9 * 1024 * 1024"),
    (Int128(8704 << 10), .rust, false, "8704 * 1024"),
    (Int128(8704 << 10), .c, true, "8704 << 10"),
    (Int128(9 << 20), .csharp, true, "9 << 20"),
    (Int128(1_000_001), .rust, false, "1_000_001"),
    (Int128(1_000_001), .c, false, "1000001"),
    (Int128(1000), .rust, false, "1000"),
  ])
  func formats(value: Int128, language: SurfaceID, shifts: Bool, expected: String) {
    #expect(ValueFormatter.format(value, language: language, preferShifts: shifts) == expected)
  }
}

@Suite struct UnifiedDiffTests {
  @Test func rendersHunksWithContext() {
    let old = Array("1\n2\n3\n4\n5\n6\n7\n8\n".utf8)
    let new = Array("1\n2\n3\n4\nX\n5\n6\n7\n8\n".utf8)
    let diff = UnifiedDiff.render(path: "f.c", old: old, new: new)
    #expect(diff == "diff --git a/f.c b/f.c\n--- a/f.c\n+++ b/f.c\n@@ -2,6 +2,7 @@\n 2\n 3\n 4\n+X\n 5\n 6\n 7\n")
  }

  @Test func marksAMissingFinalNewline() {
    let diff = UnifiedDiff.render(path: "f.c", old: Array("a\nb".utf8), new: Array("a\nc".utf8))
    #expect(diff.contains("-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"))
  }

  @Test func noChangeNoDiff() {
    #expect(UnifiedDiff.render(path: "f", old: Array("a\n".utf8), new: Array("a\n".utf8)).isEmpty)
  }
}

@Suite struct SafeFileWriterTests {
  func temporaryFile(_ contents: String, mode: Int) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-writer-\(UUID().uuidString).rs").path
    try contents.write(toFile: path, atomically: false, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    return path
  }

  @Test func keepsThePermissionBits() throws {
    let path = try temporaryFile("old\n", mode: 0o755)
    try SafeFileWriter.write(Array("new\n".utf8), to: path, expecting: Array("old\n".utf8))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
    #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o755)
  }

  @Test func refusesAFileThatChangedSinceItWasRead() throws {
    let path = try temporaryFile("changed\n", mode: 0o644)
    #expect(throws: SafeFileWriter.Failure.self) {
      try SafeFileWriter.write(Array("new\n".utf8), to: path, expecting: Array("old\n".utf8))
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "changed\n")
  }

  @Test func writesThroughASymlinkAndKeepsTheLink() throws {
    let target = try temporaryFile("old\n", mode: 0o644)
    let link = target + ".link.rs"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    try SafeFileWriter.write(Array("new\n".utf8), to: link, expecting: Array("old\n".utf8))
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
  }

  @Test func refusesHardLinkedFiles() throws {
    let path = try temporaryFile("old\n", mode: 0o644)
    try FileManager.default.linkItem(atPath: path, toPath: path + ".hard")
    #expect(throws: SafeFileWriter.Failure.self) {
      try SafeFileWriter.write(Array("new\n".utf8), to: path, expecting: Array("old\n".utf8))
    }
  }
}
