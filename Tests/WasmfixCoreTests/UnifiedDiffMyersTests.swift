import Foundation
import Testing
@testable import WasmfixCore
@testable import WasmfixAnalysis
@testable import WasmfixFixing

/// The diff's long-middle path (issue 10, item 3): Myers' walk must give a script that turns
/// the old lines into the new ones with as few changes as the LCS, on random edits.
@Suite struct UnifiedDiffMyersTests {
  typealias Line = UnifiedDiff.Line

  static func apply(_ script: [UnifiedDiff.Entry], _ a: [Line], _ b: [Line]) -> [Line] {
    script.compactMap { entry in
      switch entry.kind {
      case .same: return a[entry.oldIndex]
      case .insert: return b[entry.newIndex]
      case .delete: return nil
      }
    }
  }

  /// Insertions plus deletions of a shortest edit script, from the LCS length.
  static func distance(_ a: [Line], _ b: [Line]) -> Int {
    var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    return a.count + b.count - 2 * table[0][0]
  }

  @Test func myersIsAShortestScriptOnRandomEdits() {
    var seed: UInt64 = 0x5eed
    func next(_ bound: Int) -> Int {  // deterministic: a fixed-seed LCG
      seed = seed &* 6364136223846793005 &+ 1442695040888963407
      return Int((seed >> 33) % UInt64(bound))
    }
    for _ in 0..<300 {
      let a = (0..<next(40)).map { _ in Line(text: "l\(next(6))\n", terminated: true) }
      var b = a
      for _ in 0..<next(6) {
        if !b.isEmpty, next(2) == 0 { b.remove(at: next(b.count)) } else { b.insert(Line(text: "n\(next(6))\n", terminated: true), at: next(b.count + 1)) }
      }
      let script = UnifiedDiff.myers(a, b, offsetA: 0, offsetB: 0)
      #expect(Self.apply(script, a, b) == b)
      #expect(script.filter { $0.kind != .same }.count == Self.distance(a, b))
    }
  }

  @Test func aLongMiddleRendersAPatchThatReproducesTheFile() {
    // 12,000 lines, a line added at the top and one near the bottom: the case that took
    // 1.2 GB and 20 s with the LCS table.
    let old = (0..<12_000).map { "int v\($0) = \($0);\n" }
    var new = old
    new.insert("#include <stdlib.h>\n", at: 0)
    new.insert("    abort();\n", at: 11_990)
    let a = old.map { Line(text: $0, terminated: true) }, b = new.map { Line(text: $0, terminated: true) }
    let script = UnifiedDiff.diff(a, b)
    #expect(Self.apply(script, a, b) == b)
    #expect(script.filter { $0.kind != .same }.count == 2)
    let patch = UnifiedDiff.render(path: "x.c", old: Array(old.joined().utf8), new: Array(new.joined().utf8))
    #expect(patch.components(separatedBy: "\n@@ ").count == 3)  // two hunks
  }

  /// The diff rendered around the applied edits' spans (issue 10, item 3) turns the old file
  /// into the new one, on random edits: insertions, replacements and deletions, several on a
  /// line, at the start and at the end, with and without a final line break.
  @Test func theDiffAroundTheEditsReproducesTheFile() throws {
    var seed: UInt64 = 0xd1ff
    func next(_ bound: Int) -> Int {  // deterministic: a fixed-seed LCG
      seed = seed &* 6364136223846793005 &+ 1442695040888963407
      return Int((seed >> 33) % UInt64(bound))
    }
    let file = FileRef(path: "x.c", absolutePath: "/x.c")
    for _ in 0..<400 {
      var old = Array((0..<next(30)).map { "line \($0 % 4)\n" }.joined().utf8)
      if next(3) == 0 { old += Array("tail".utf8) }
      var edits: [TextEdit] = []
      var cursor = 0
      while cursor <= old.count, edits.count < 6 {
        let start = cursor + next(Swift.max(1, old.count - cursor + 1))
        guard start <= old.count else { break }
        let end = Swift.min(old.count, start + (next(3) == 0 ? next(12) : 0))
        let text = ["", "x", "new line\n", "a\nb\n", "\n"][next(5)]
        edits.append(.replacement(text, of: start..<end, in: file))
        cursor = end + 1
      }
      let (new, _, spans) = try EditApplier.applyTracking(edits, to: old)
      let a = UnifiedDiff.lines(old), b = UnifiedDiff.lines(new)
      let script = UnifiedDiff.diffAround(spans, a, b, old: old, new: new)
      #expect(Self.apply(script, a, b) == b, "edits \(edits.map { ($0.range, $0.replacement) })")
      #expect(script.filter { $0.kind != .insert }.map(\.oldIndex) == Array(a.indices))
    }
  }

  /// A byte that is not UTF-8 in a context line reaches the patch as it is (issue 10, item 12).
  @Test func contextLinesKeepTheFilesBytes() {
    let old: [UInt8] = Array("/* Gr".utf8) + [0xF6, 0xDF] + Array("e */\n#define A 1\n".utf8)
    let new: [UInt8] = Array("/* Gr".utf8) + [0xF6, 0xDF] + Array("e */\n#define A 2\n".utf8)
    let patch = UnifiedDiff.renderBytes(path: "a.h", old: old, new: new, changed: [ChangedSpan(old: 22..<23, new: 22..<23)])
    #expect(patch.firstRange(of: [UInt8(ascii: " ")] + old[0..<12]) != nil)
    #expect(!patch.contains(0xEF))  // no U+FFFD (EF BF BD)
    #expect(String(decoding: patch, as: UTF8.self).hasSuffix("-#define A 1\n+#define A 2\n"))
  }
}
