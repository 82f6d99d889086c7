import WasmfixAnalysis
/// A unified diff (`a/` and `b/` prefixes, 3 lines of context) that `git apply` accepts,
/// computed from the original and edited bytes of a file.
public enum UnifiedDiff {
  /// A header path as git writes it: in double quotes with C escapes when it holds a control
  /// character, `"` or `\\` (a name with a newline would otherwise end the header line and
  /// break the whole patch); as it is otherwise. UTF-8 names stay readable (git apply takes
  /// them either way).
  static func quoted(_ path: String) -> String {
    guard path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\"" || $0 == "\\" }) else { return path }
    var out: [UInt8] = [UInt8(ascii: "\"")]
    for byte in path.utf8 {
      let escape: String? = switch byte {
      case UInt8(ascii: "\""): "\\\""
      case UInt8(ascii: "\\"): "\\\\"
      case 0x0A: "\\n"
      case 0x09: "\\t"
      case 0x0D: "\\r"
      case 0x07: "\\a"
      case 0x08: "\\b"
      case 0x0C: "\\f"
      case 0x0B: "\\v"
      case ..<0x20, 0x7F:
        // Octal, three digits, as git writes them.
        "\\" + String(repeating: "0", count: 3 - String(byte, radix: 8).count) + String(byte, radix: 8)
      default: nil
      }
      if let escape { out += Array(escape.utf8) } else { out.append(byte) }
    }
    out.append(UInt8(ascii: "\""))
    return String(decoding: out, as: UTF8.self)
  }

  /// The diff as text (a file's bytes that are not UTF-8 become U+FFFD here: print
  /// `renderBytes` where the patch must apply).
  public static func render(path: String, old: [UInt8], new: [UInt8], changed: [ChangedSpan]? = nil, context: Int = 3) -> String {
    String(decoding: renderBytes(path: path, old: old, new: new, changed: changed, context: context), as: UTF8.self)
  }

  /// The diff with every line carried as the file's bytes, so that a Latin-1 byte in a
  /// context line reaches `git apply` as it is in the file (issue 10, item 12). `changed`:
  /// the spans the applied edits replaced, when known; the diff is then computed only around
  /// them, in time linear in the file and its edits (issue 10, item 3). Without them the
  /// two files are compared whole.
  public static func renderBytes(path: String, old: [UInt8], new: [UInt8], changed: [ChangedSpan]? = nil,
                                 context: Int = 3) -> [UInt8] {
    let a = lines(old), b = lines(new)
    let script = changed.map { diffAround($0, a, b, old: old, new: new) } ?? diff(a, b)
    guard script.contains(where: { $0.kind != .same }) else { return [] }
    let oldName = quoted("a/" + path), newName = quoted("b/" + path)
    var out = Array("diff --git \(oldName) \(newName)\n--- \(oldName)\n+++ \(newName)\n".utf8)
    var i = 0
    while i < script.count {
      guard script[i].kind != .same else { i += 1; continue }
      var start = i
      var backtrack = 0
      while start > 0, backtrack < context, script[start - 1].kind == .same { start -= 1; backtrack += 1 }
      var end = i
      var sameRun = 0
      while end < script.count {
        if script[end].kind == .same { sameRun += 1; if sameRun > context * 2 { break } } else { sameRun = 0 }
        end += 1
      }
      // Trim the trailing context to `context` lines.
      var trailing = 0
      var stop = end
      while stop > start, script[stop - 1].kind == .same { stop -= 1; trailing += 1 }
      stop += Swift.min(trailing, context)
      let hunk = script[start..<stop]
      let oldStart = (hunk.first { $0.kind != .insert }?.oldIndex ?? firstOldIndex(script, start)) + 1
      let newStart = (hunk.first { $0.kind != .delete }?.newIndex ?? firstNewIndex(script, start)) + 1
      let oldCount = hunk.filter { $0.kind != .insert }.count
      let newCount = hunk.filter { $0.kind != .delete }.count
      out += Array("@@ -\(oldCount == 0 ? oldStart - 1 : oldStart),\(oldCount) +\(newCount == 0 ? newStart - 1 : newStart),\(newCount) @@\n".utf8)
      for entry in hunk {
        let line: Line
        let marker: UInt8
        switch entry.kind {
        case .same: line = a[entry.oldIndex]; marker = UInt8(ascii: " ")
        case .delete: line = a[entry.oldIndex]; marker = UInt8(ascii: "-")
        case .insert: line = b[entry.newIndex]; marker = UInt8(ascii: "+")
        }
        out.append(marker)
        out += line.bytes
        if !line.terminated { out += Array("\n\\ No newline at end of file\n".utf8) }
      }
      i = stop
    }
    return out
  }

  /// One line with its terminating `\n` (absent on a last line without one), as bytes.
  struct Line: Equatable {
    var bytes: ArraySlice<UInt8>
    var terminated: Bool
    init(bytes: ArraySlice<UInt8>, terminated: Bool) {
      self.bytes = bytes
      self.terminated = terminated
    }
    init(text: String, terminated: Bool) { self.init(bytes: ArraySlice(text.utf8), terminated: terminated) }
    static func == (l: Line, r: Line) -> Bool { l.terminated == r.terminated && l.bytes.elementsEqual(r.bytes) }
  }

  static func lines(_ bytes: [UInt8]) -> [Line] {
    var result: [Line] = []
    var start = 0
    for i in bytes.indices where bytes[i] == 0x0A {
      result.append(Line(bytes: bytes[start...i], terminated: true))
      start = i + 1
    }
    if start < bytes.count { result.append(Line(bytes: bytes[start...], terminated: false)) }
    return result
  }

  /// The edit script from the changed spans: lines outside every span are the same on both
  /// sides, one for one; the lines a span (or a run of spans sharing lines) touches are
  /// compared on their own, so the cost follows the edits, not the distance between them.
  static func diffAround(_ changed: [ChangedSpan], _ a: [Line], _ b: [Line], old: [UInt8], new: [UInt8]) -> [Entry] {
    let oldLineOf = LineIndex(old), newLineOf = LineIndex(new)
    var script: [Entry] = []
    script.reserveCapacity(b.count + 16)
    var nextOld = 0, nextNew = 0  // first lines not yet in the script
    var k = 0
    let spans = changed.sorted { $0.old.lowerBound < $1.old.lowerBound }
    while k < spans.count {
      // The lines touched by this span and every following span that starts on them.
      var oldFirst = oldLineOf[spans[k].old.lowerBound], newFirst = newLineOf[spans[k].new.lowerBound]
      var oldEnd = Swift.min(a.count, oldLineOf[spans[k].old.upperBound] + 1)
      var newEnd = Swift.min(b.count, newLineOf[spans[k].new.upperBound] + 1)
      k += 1
      while k < spans.count, oldLineOf[spans[k].old.lowerBound] < oldEnd {
        oldEnd = Swift.max(oldEnd, Swift.min(a.count, oldLineOf[spans[k].old.upperBound] + 1))
        newEnd = Swift.max(newEnd, Swift.min(b.count, newLineOf[spans[k].new.upperBound] + 1))
        k += 1
      }
      oldFirst = Swift.max(oldFirst, nextOld)
      newFirst = Swift.max(newFirst, nextNew)
      while nextOld < oldFirst, nextNew < newFirst {
        script.append(Entry(kind: .same, oldIndex: nextOld, newIndex: nextNew))
        nextOld += 1
        nextNew += 1
      }
      let region = diff(Array(a[nextOld..<Swift.max(nextOld, oldEnd)]), Array(b[nextNew..<Swift.max(nextNew, newEnd)]))
      script += region.map { Entry(kind: $0.kind, oldIndex: $0.oldIndex + nextOld, newIndex: $0.newIndex + nextNew) }
      nextOld = Swift.max(nextOld, oldEnd)
      nextNew = Swift.max(nextNew, newEnd)
    }
    // Past the last span both files hold the same lines; a mismatch here is our own bug,
    // so compare the rest whole rather than print a patch that does not apply.
    let restA = a.count - nextOld, restB = b.count - nextNew
    if restA != restB || !(0..<restA).allSatisfy({ a[nextOld + $0] == b[nextNew + $0] }) {
      return diff(a, b)
    }
    for offset in 0..<restA { script.append(Entry(kind: .same, oldIndex: nextOld + offset, newIndex: nextNew + offset)) }
    return script
  }

  /// Byte offset → 0-based index of the line holding it (the count of line breaks before it).
  struct LineIndex {
    private var starts: [Int] = [0]
    init(_ bytes: [UInt8]) {
      for i in bytes.indices where bytes[i] == 0x0A { starts.append(i + 1) }
    }
    subscript(offset: Int) -> Int {
      var low = 0, high = starts.count - 1
      while low < high {
        let mid = (low + high + 1) / 2
        if starts[mid] <= offset { low = mid } else { high = mid - 1 }
      }
      return low
    }
  }

  enum Kind { case same, delete, insert }
  struct Entry { var kind: Kind; var oldIndex: Int; var newIndex: Int }

  static func firstOldIndex(_ script: [Entry], _ at: Int) -> Int {
    script[..<at].last { $0.kind != .insert }.map { $0.oldIndex + 1 } ?? 0
  }
  static func firstNewIndex(_ script: [Entry], _ at: Int) -> Int {
    script[..<at].last { $0.kind != .delete }.map { $0.newIndex + 1 } ?? 0
  }

  /// Line-level edit script: common prefix and suffix, LCS in between.
  static func diff(_ a: [Line], _ b: [Line]) -> [Entry] {
    var prefix = 0
    while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
    var script = (0..<prefix).map { Entry(kind: .same, oldIndex: $0, newIndex: $0) }
    let am = Array(a[prefix..<(a.count - suffix)]), bm = Array(b[prefix..<(b.count - suffix)])
    // Edits far apart (an #include at the top, an assertion at the bottom) leave a long middle:
    // an LCS table there is quadratic (12,000 lines: 1.2 GB, 20 s). Myers' O((N+M)·D) walk costs
    // little for the few lines a fix changes.
    if am.count * bm.count > 1 << 20 {
      return script + myers(am, bm, offsetA: prefix, offsetB: prefix)
        + (0..<suffix).map { Entry(kind: .same, oldIndex: a.count - suffix + $0, newIndex: b.count - suffix + $0) }
    }
    // LCS table over the middle; fixes change a handful of lines, so it stays tiny.
    var table = Array(repeating: Array(repeating: 0, count: bm.count + 1), count: am.count + 1)
    for i in stride(from: am.count - 1, through: 0, by: -1) {
      for j in stride(from: bm.count - 1, through: 0, by: -1) {
        table[i][j] = am[i] == bm[j] ? table[i + 1][j + 1] + 1 : Swift.max(table[i + 1][j], table[i][j + 1])
      }
    }
    var i = 0, j = 0
    while i < am.count || j < bm.count {
      if i < am.count, j < bm.count, am[i] == bm[j] {
        script.append(Entry(kind: .same, oldIndex: prefix + i, newIndex: prefix + j)); i += 1; j += 1
      } else if i < am.count, j == bm.count || table[i + 1][j] >= table[i][j + 1] {
        // Deletions first, as diff(1) and git print them.
        script.append(Entry(kind: .delete, oldIndex: prefix + i, newIndex: prefix + j)); i += 1
      } else {
        script.append(Entry(kind: .insert, oldIndex: prefix + i, newIndex: prefix + j)); j += 1
      }
    }
    for k in 0..<suffix {
      script.append(Entry(kind: .same, oldIndex: a.count - suffix + k, newIndex: b.count - suffix + k))
    }
    return script
  }

  /// Myers' greedy shortest edit script between `a` and `b` (indexes offset into the whole
  /// files), keeping only the diagonals of each round: memory O(D²), time O((N+M)·D).
  static func myers(_ a: [Line], _ b: [Line], offsetA: Int, offsetB: Int) -> [Entry] {
    let n = a.count, m = b.count, limit = n + m
    var v = [Int](repeating: 0, count: 2 * limit + 2)
    var trace: [[Int]] = []
    var found = false
    for d in 0...limit {
      trace.append(Array(v[(limit - d)...(limit + d + 1)]))
      for k in stride(from: -d, through: d, by: 2) {
        var x = (k == -d || (k != d && v[limit + k - 1] < v[limit + k + 1])) ? v[limit + k + 1] : v[limit + k - 1] + 1
        var y = x - k
        while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
        v[limit + k] = x
        if x >= n, y >= m { found = true; break }
      }
      if found { break }
    }
    // Walk back through the rounds to the edit script.
    var x = n, y = m
    var reversed: [Entry] = []
    for d in stride(from: trace.count - 1, through: 0, by: -1) {
      let saved = trace[d]
      func at(_ k: Int) -> Int { saved[k + d] }  // saved covers k in -d-1...d+1 from index 0 = -d
      let k = x - y
      let previousK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1
      let previousX = d == 0 ? 0 : at(previousK), previousY = previousX - previousK
      while x > previousX, y > previousY {
        x -= 1; y -= 1
        reversed.append(Entry(kind: .same, oldIndex: offsetA + x, newIndex: offsetB + y))
      }
      guard d > 0 else { break }
      if x == previousX {
        y -= 1
        reversed.append(Entry(kind: .insert, oldIndex: offsetA + x, newIndex: offsetB + y))
      } else {
        x -= 1
        reversed.append(Entry(kind: .delete, oldIndex: offsetA + x, newIndex: offsetB + y))
      }
    }
    return reversed.reversed()
  }
}
