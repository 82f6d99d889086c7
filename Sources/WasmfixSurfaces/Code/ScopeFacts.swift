import WasmfixWorkspace
import TreeSitter

/// What site extraction asks of a scope (a function, a closure, or the whole file when a site
/// has none), computed once per scope instead of once per site. Asked per site, a function
/// with 4,000 setting calls was walked 4,000 times and a file of 5,000 configurations searched
/// 5,000 times: time grew with the square of the sites (issue 10, item 3).
struct ScopeFacts {
  var runtimeBindings: Set<String>?
  var parameterNames: Set<String>?
  var isMarkedShouldPanic: Bool?
  /// The scope already asserts the invariant (the assertion message occurs in it).
  var hasAssertion: Bool?
  /// Where the scope creates engines (any engine-creation needle), ascending file offsets.
  var engineCreations: [Int]?
  /// Receiver name → the earliest declaration in the scope initialising it with a fresh
  /// configuration (`let mut config = Config::new()`, C++ `wasmtime::Config config;`).
  var freshDeclarations: [String: Int]?
  /// Where a guard could start (`if`, `assert!`, `ensure!`, also inside words), ascending file
  /// offsets: a call with none before it has no guard, without reading the text up to it.
  var guardWords: [Int]?
}

/// The facts of every scope met while extracting one file's sites; lives for one extraction.
final class ScopeFactsCache {
  private var facts: [Range<Int>: ScopeFacts] = [:]

  /// The fact at `field` for `scope`, computing it the first time it is asked for.
  func value<T>(_ scope: Node, _ field: WritableKeyPath<ScopeFacts, T?>, _ compute: () -> T) -> T {
    if let known = facts[scope.byteRange]?[keyPath: field] { return known }
    let value = compute()
    facts[scope.byteRange, default: ScopeFacts()][keyPath: field] = value
    return value
  }
}

extension Array where Element == Int {
  /// The index of the first element >= `value` in an ascending array (`count` when none is).
  func firstIndex(atLeast value: Int) -> Int {
    var low = 0, high = count
    while low < high {
      let mid = (low + high) / 2
      if self[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
