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
}
