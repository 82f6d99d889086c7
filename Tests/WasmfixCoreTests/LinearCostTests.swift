import Foundation
import Testing
import TreeSitter
@testable import WasmfixSurfaces
@testable import WasmfixWorkspace

/// Issue 10, item 3: costs that grew with the square (or exponentially) with repository
/// content, counted in work done rather than timed.
@Suite struct LinearCostTests {
  static func run(_ pattern: String, _ text: String, memoizeAfter: Int = 64) -> (matched: Bool, evaluations: Int) {
    let p = Array(pattern.utf8), t = Array(text.utf8)
    return p.withUnsafeBufferPointer { pb in
      t.withUnsafeBufferPointer { tb in
        var run = WildMatch.Run(pattern: pb, text: tb)
        run.memoizeAfter = memoizeAfter
        let matched = run.matches()
        return (matched, run.evaluations)
      }
    }
  }

  /// A `.gitignore` line with a dozen `**/` against a 40-deep path backtracked through every
  /// way of splitting the path (over a minute); each (pattern, text) pair is now worked out once.
  @Test func aDozenDoubleStarsAgainstADeepPathIsBoundedByPatternTimesText() {
    let pattern = Array(repeating: "**/a", count: 12).joined(separator: "/") + "/b"
    let deep = Array(repeating: "a", count: 40).joined(separator: "/")
    let pairs = (pattern.utf8.count + 1) * (deep.utf8.count + 3)
    let miss = Self.run(pattern, deep + "/x.rs")
    #expect(!miss.matched)
    #expect(miss.evaluations <= pairs, "\(miss.evaluations) evaluations")
    let hit = Self.run(pattern, deep + "/b")
    #expect(hit.matched)
    #expect(hit.evaluations <= pairs)
  }

  /// The table changes no answer: random gitignore-like patterns and paths, remembered from
  /// the first pair and never remembered.
  @Test func rememberingOutcomesChangesNoMatch() {
    var seed: UInt64 = 0x61_0b
    func next(_ bound: Int) -> Int {  // deterministic: a fixed-seed LCG
      seed = seed &* 6364136223846793005 &+ 1442695040888963407
      return Int((seed >> 33) % UInt64(bound))
    }
    let patternParts = ["**/", "*", "?", "a", "b", "/", "[ab]", "[!a]", "**", "\\*", "a*/", "[[:alpha:]]"]
    let textParts = ["a", "b", "/", "ab", "*", "c"]
    for _ in 0..<3000 {
      let pattern = (0..<(1 + next(8))).map { _ in patternParts[next(patternParts.count)] }.joined()
      let text = (0..<(1 + next(10))).map { _ in textParts[next(textParts.count)] }.joined()
      let plain = Self.run(pattern, text, memoizeAfter: .max), remembered = Self.run(pattern, text, memoizeAfter: 0)
      #expect(plain.matched == remembered.matched, "\(pattern) against \(text)")
    }
  }

  /// `Node.ancestors` is the chain `parent` climbs, nearest first (it replaces that climb,
  /// which tree-sitter 0.20 makes quadratic in the depth).
  @Test func ancestorsAreTheParentChain() throws {
    let source = "fn f() { { { let x = g(1 + (2 * 3)); } } }\nfn h() { config.max_wasm_stack(8 << 20); }\n"
    let language = try CodeSurface.rust.loadGrammar()
    let tree = try #require(Parser(language: language).parse(Array(source.utf8)))
    var checked = 0
    tree.rootNode.walk { node in
      var climbed: [Node] = []
      var current = node.parent
      while let parent = current {
        climbed.append(parent)
        current = parent.parent
      }
      let found = node.ancestors
      #expect(found.count == climbed.count && zip(found, climbed).allSatisfy { $0.isSame(as: $1) }, "\(node.type) at \(node.startByte)")
      checked += 1
      return true
    }
    #expect(checked > 40)
  }
}
