import WasmfixEvaluation

/// Alternatives (`#[cfg(debug_assertions)]` / `#[cfg(not(..))]`, `#ifdef`/`#else`, `if`/`else`,
/// `cfg_if!` branches): every one is a build that runs, so each is judged with its own pair of
/// values, not the last call written nor the largest max against the smallest async of
/// different builds (a `cfg_if!` whose branches each set a valid pair is valid).
enum Alternatives {
  typealias Pair = (max: EngineGroup.EffectiveValue, async: EngineGroup.EffectiveValue)

  /// The values of the worst build (the largest `max - async`; a build with a run-time value
  /// first, for the assertion) and the other builds whose max exceeds their async, or nil
  /// when no call of the group is conditional.
  static func worstBuild(max: [Int], async: [Int], sites: [Site], defaults: (max: Int, async: Int?)) -> (worst: Pair, otherFailing: [Pair])? {
    let plainMax = max.last { sites[$0].alternative == nil }
    let plainAsync = async.last { sites[$0].alternative == nil }
    let maxBranches = branches(max, after: plainMax, sites: sites)
    let asyncBranches = branches(async, after: plainAsync, sites: sites)
    var labels: [String] = []
    for index in (Array(maxBranches.values) + Array(asyncBranches.values)).sorted() where !labels.contains(sites[index].alternative!) {
      labels.append(sites[index].alternative!)
    }
    guard !labels.isEmpty else { return nil }

    func value(_ branch: Int?, plain: Int?, fallback: Int?, label: String?) -> EngineGroup.EffectiveValue {
      guard let index = branch ?? plain else { return .init(value: fallback.map { Int128($0) }, source: .default, siteIndex: nil) }
      let alternative = branch == nil ? nil : label
      if let value = sites[index].value.integer { return .init(value: value, source: .explicit, siteIndex: index, alternative: alternative) }
      return .init(value: nil, source: .unresolved, siteIndex: index, alternative: alternative)
    }
    var builds: [Pair] = labels.map { label in
      (value(maxBranches[label], plain: plainMax, fallback: defaults.max, label: label),
       value(asyncBranches[label], plain: plainAsync, fallback: defaults.async, label: label))
    }
    // Without an `else`, a build may take none of the branches: then the unconditional values count.
    if !labels.contains(where: isElse) {
      builds.append((value(nil, plain: plainMax, fallback: defaults.max, label: nil),
                     value(nil, plain: plainAsync, fallback: defaults.async, label: nil)))
    }
    if let unresolved = builds.first(where: { $0.max.source == .unresolved || $0.async.source == .unresolved }) {
      return (unresolved, [])
    }
    func excess(_ build: Pair) -> Int128 { (build.max.value ?? 0) - (build.async.value ?? 0) }
    var worstIndex = 0
    for (index, build) in builds.enumerated() where excess(build) > excess(builds[worstIndex]) { worstIndex = index }
    let others = builds.indices.filter { $0 != worstIndex && excess(builds[$0]) > 0 && builds[$0].async.value != nil }
    return (builds[worstIndex], others.map { builds[$0] })
  }

  /// The last call of each branch after the last unconditional one (which overrides earlier
  /// branches, as any later call does).
  private static func branches(_ candidates: [Int], after plain: Int?, sites: [Site]) -> [String: Int] {
    var last: [String: Int] = [:]
    for index in candidates where index > (plain ?? -1) {
      if let branch = sites[index].alternative { last[branch] = index }
    }
    return last
  }

  /// `else` branches (`if`/`else`, `#else`, `cfg_if!`'s `else`) make the branches exhaustive.
  private static func isElse(_ label: String) -> Bool {
    label.contains("else branch") || label.hasPrefix("#else")
  }
}
