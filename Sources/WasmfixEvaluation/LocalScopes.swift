import WasmfixSurfaces

/// One name's definitions local to functions or blocks of one file (`ConstantDefinition.visibility`).
struct LocalName: Hashable, Sendable {
  let path: String
  let name: String
}

/// The definitions of one name local to the blocks of one file, grouped by where they are
/// visible. The groups holding an offset are found with one binary search and a walk up the
/// enclosing ranges (blocks nest), so a use costs the nesting depth, not the number of
/// functions that define the name (4,000 functions each with their own `STACK` were quadratic).
struct LocalScopes: Sendable {
  /// Visibility ranges, sorted by start (an enclosing range before the ranges it holds).
  private var ranges: [Range<Int>] = []
  /// The index of each range's nearest enclosing range, -1 for none.
  private var parents: [Int] = []
  private var groups: [Range<Int>: [ConstantDefinition]] = [:]

  var all: [ConstantDefinition] { groups.values.flatMap { $0 }.sorted { $0.itemRange.lowerBound < $1.itemRange.lowerBound } }

  mutating func add(_ definitions: [ConstantDefinition]) {
    for definition in definitions {
      guard let range = definition.visibility else { continue }
      groups[range, default: []].append(definition)
    }
    ranges = groups.keys.sorted { ($0.lowerBound, -$0.upperBound) < ($1.lowerBound, -$1.upperBound) }
    parents = []
    var open: [Int] = []
    for (i, range) in ranges.enumerated() {
      while let last = open.last, !(ranges[last].lowerBound <= range.lowerBound && range.upperBound <= ranges[last].upperBound) {
        open.removeLast()
      }
      parents.append(open.last ?? -1)
      open.append(i)
    }
  }

  /// The groups visible at `offset`, innermost first.
  func enclosing(_ offset: Int) -> [[ConstantDefinition]] {
    // The last range starting at or before the offset; the innermost range holding the offset
    // is it or one of its enclosing ranges.
    var low = 0, high = ranges.count
    while low < high {
      let middle = (low + high) / 2
      if ranges[middle].lowerBound <= offset { low = middle + 1 } else { high = middle }
    }
    var result: [[ConstantDefinition]] = []
    var i = low - 1
    while i >= 0 {
      if ranges[i].contains(offset), let group = groups[ranges[i]] { result.append(group) }
      i = parents[i]
    }
    return result
  }
}
