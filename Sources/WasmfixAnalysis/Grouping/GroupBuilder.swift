import WasmfixEvaluation
import Foundation

/// Puts sites that configure the same engine together and works out the values Wasmtime
/// will use: the last explicit call wins; a setting never called takes the version's default.
package enum GroupBuilder {
  package static func groups(for sites: inout [Site], documented: [Bool], detector: VersionDetector) -> [EngineGroup] {
    var documented = documented
    mergeOptionFiles(&sites, documented: &documented)
    var order: [String] = []
    var members: [String: [Int]] = [:]
    for (index, site) in sites.enumerated() {
      if members[site.groupKey] == nil { order.append(site.groupKey) }
      members[site.groupKey, default: []].append(index)
    }
    var usedIDs: [String: Int] = [:]
    var groups: [EngineGroup] = []
    for key in order {
      let indexes = members[key]!
      let first = sites[indexes[0]]
      var id = "\(first.path):\(first.line)"
      if let count = usedIDs[id] { usedIDs[id] = count + 1; id += "#\(count + 1)" } else { usedIDs[id] = 1 }
      for index in indexes { sites[index].groupID = id }

      let binding = Surfaces.surface(first.language)?.binding ?? .cAPI
      // A version named next to the settings wins, unless --wasmtime-version overrides all.
      let hinted = detector.override == nil ? indexes.compactMap({ sites[$0].versionHint }).first : nil
      let detected = hinted ?? detector.version(forFileAt: first.absolutePath, binding: binding,
                                                    testCode: indexes.contains { sites[$0].isTestCode })
      let version = detected.version
      // A flag the CLI rejects never reaches an engine (WF007 reports it).
      let rejected = binding == .cli ? Set(indexes.filter { WasmtimeCLI.rejection(of: sites[$0], version: version) != nil }) : []
      func candidates(_ setting: Setting) -> [Int] {
        indexes.filter { sites[$0].setting == setting && !rejected.contains($0) }
      }
      func effective(_ setting: Setting, default fallback: Int?) -> EngineGroup.EffectiveValue {
        // A flag overrides the options file's key (CommonOptions::configure applies -W last).
        let candidates = candidates(setting)
        guard let index = candidates.last(where: { sites[$0].language != TOMLSurface.config.id }) ?? candidates.last else {
          return .init(value: fallback.map { Int128($0) }, source: .default, siteIndex: nil)
        }
        if let value = sites[index].value.integer { return .init(value: value, source: .explicit, siteIndex: index) }
        return .init(value: nil, source: .unresolved, siteIndex: index)
      }
      let defaultMax = WasmtimeFacts.defaultMaxWasmStack(version)
      let defaultAsync = WasmtimeFacts.defaultAsyncStackSize(version)
      var maxWasmStack = effective(.maxWasmStack, default: defaultMax)
      var asyncStackSize = effective(.asyncStackSize, default: defaultAsync)
      var otherFailingBuilds: [EngineGroup.Build] = []
      if let builds = Alternatives.worstBuild(max: candidates(.maxWasmStack), async: candidates(.asyncStackSize), sites: sites,
                                              defaults: (defaultMax, defaultAsync)) {
        (maxWasmStack, asyncStackSize) = builds.worst
        otherFailingBuilds = builds.otherFailing.map { EngineGroup.Build(max: $0.max, async: $0.async) }
      }
      let asyncSites = indexes.filter { sites[$0].setting == .asyncSupport }
      let asyncSupport = asyncSites.last.flatMap { sites[$0].value.boolean }
        ?? (indexes.contains { sites[$0].impliesAsync } ? true : nil)
      var context = CheckContext(version: version, binding: binding, asyncSupport: asyncSupport,
                                 cargoAsyncFeature: detected.cargoAsyncFeature)
      context.cargoAsyncCondition = detected.cargoAsyncCondition
      let check = WasmtimeFacts.checkApplies(context)
      // The CLI (25.0.1+) sets the async stack itself when only max-wasm-stack is given.
      if binding == .cli, asyncStackSize.siteIndex == nil, maxWasmStack.source == .explicit, let max = maxWasmStack.value,
         let derived = WasmtimeCLI.derivedAsyncStackSize(max: max, version: version) {
        asyncStackSize = .init(value: derived, source: .derived, siteIndex: nil)
      }
      groups.append(EngineGroup(
        id: id, path: first.path, line: first.line, language: first.language, binding: binding, siteIndexes: indexes,
        version: detected,
        maxWasmStack: maxWasmStack, asyncStackSize: asyncStackSize,
        asyncSupport: asyncSupport, asyncSupportCalled: !asyncSites.isEmpty,
        checkApplies: check.applies, checkReason: check.reason,
        isDocumented: indexes.contains { documented[$0] },
        configIsFresh: indexes.contains { sites[$0].configIsFresh },
        relationHolds: Self.relationHolds(maxWasmStack, asyncStackSize, sites),
        isPassThrough: Self.isPassThrough(indexes, sites),
        expectsFailure: indexes.contains { sites[$0].expectsFailure },
        setterOrderFailure: binding == .rustCrate && check.applies && version >= WasmtimeVersion(0, 25) && version < WasmtimeVersion(0, 39)
          ? Self.setterOrderFailure(indexes, sites, version: version) : nil))
      groups[groups.count - 1].otherFailingBuilds = otherFailingBuilds
    }
    return groups
  }

  /// `wasmtime run --config wasmtime.toml -W …`: the options file's keys configure the same
  /// engine as the command line's flags, so its sites join the command's group (the file
  /// named relative to the command's folder, else to the scan root). A file several commands
  /// name configures each of their engines: the first command's group gets its sites, every
  /// other command's group a copy of them (same file and range), so each engine is judged
  /// with the file's values rather than with defaults.
  static func mergeOptionFiles(_ sites: inout [Site], documented: inout [Bool]) {
    let tomlKeys = Dictionary(grouping: sites.indices.filter { sites[$0].language == TOMLSurface.config.id }) { sites[$0].path }
    guard !tomlKeys.isEmpty else { return }
    var claimed: Set<String> = []  // files whose sites joined a command's group already
    var joined: Set<String> = []  // "file#groupKey": each command's group gets a file once
    for index in sites.indices {
      guard let file = sites[index].configFile else { continue }
      let folder = (sites[index].path as NSString).deletingLastPathComponent
      let key = sites[index].groupKey
      for candidate in [(folder as NSString).appendingPathComponent(file), file].map({ ($0 as NSString).standardizingPath }) {
        guard let members = tomlKeys[candidate] else { continue }
        guard joined.insert("\(candidate)#\(key)").inserted else { break }
        if claimed.insert(candidate).inserted {
          for member in members { sites[member].groupKey = key }
        } else {
          for member in members {
            var copy = sites[member]
            copy.groupKey = key
            sites.append(copy)
            documented.append(documented[member])
          }
        }
        break
      }
    }
  }

  /// A binding, not a configuration (item 8 of issue 9): no engine is created where the
  /// values are set, and every value is the caller's. Either each is a parameter of a function
  /// handed a configuration (`fn max_wasm_stack(&mut self, size: usize)`), or each forwards an
  /// optional input into a configuration the function builds and returns (Wasmtime's CLI:
  /// `if let Some(max) = self.wasm.max_wasm_stack { config.max_wasm_stack(max); }`), where
  /// the user's flags choose the values and Wasmtime's own check reports a bad pair.
  static func isPassThrough(_ indexes: [Int], _ sites: [Site]) -> Bool {
    guard !indexes.contains(where: { sites[$0].engineStatementStart != nil }) else { return false }
    let values = indexes.filter { sites[$0].setting != .asyncSupport }
    guard !values.isEmpty else { return !indexes.contains(where: { sites[$0].configIsFresh }) }
    if indexes.contains(where: { sites[$0].configIsFresh }) { return values.allSatisfy { sites[$0].forwardsOption } }
    return values.allSatisfy { sites[$0].argumentIsParameter || sites[$0].forwardsOption }
  }

  /// Proves max <= async between values where one is only known at run time.
  static func relationHolds(_ max: EngineGroup.EffectiveValue, _ async: EngineGroup.EffectiveValue, _ sites: [Site]) -> Bool {
    guard max.source == .unresolved || async.source == .unresolved else { return false }
    // A guard before the calls already compares the two as written (item 8 of issue 9).
    if let m = max.siteIndex, let a = async.siteIndex {
      let pair = ScopeGuard(smaller: sites[m].argumentText, larger: sites[a].argumentText)
      if sites[m].guards.contains(pair) || sites[a].guards.contains(pair) { return true }
    }
    func expression(_ value: EngineGroup.EffectiveValue) -> WasmfixSurfaces.Expression? {
      if let index = value.siteIndex { return value.source == .explicit ? value.value.map { .integer($0) } : sites[index].argument }
      return value.value.map { .integer($0) }
    }
    guard let maxExpression = expression(max), let asyncExpression = expression(async),
          let maxForm = LinearForm(maxExpression, upperBound: true), let asyncForm = LinearForm(asyncExpression, upperBound: false)
    else { return false }
    return LinearForm.provesAtMost(max: maxForm, async: asyncForm)
  }

  /// Replays 0.25-0.38's setter checks in call order: `max_wasm_stack(x)` fails when x exceeds
  /// the async stack set so far (2 MiB by default), `async_stack_size(y)` when y is below the
  /// max set so far ("async stack size cannot be less than the maximum wasm stack size").
  /// A run-time max set before a constant async that is larger than the async so far fails for
  /// every value between the two, which the final pair allows: that is reported too (moving
  /// the async call first is then safe, as it is at least the max so far).
  static func setterOrderFailure(_ indexes: [Int], _ sites: [Site], version: WasmtimeVersion) -> (site: Int, why: String)? {
    var max = Int128(WasmtimeFacts.defaultMaxWasmStack(version))
    var async = Int128(WasmtimeFacts.defaultAsyncStackSize(version) ?? 0)
    let ordered = indexes.sorted(by: { sites[$0].nameRange.lowerBound < sites[$1].nameRange.lowerBound })
    for (position, index) in ordered.enumerated() {
      guard sites[index].setting != .asyncSupport else { continue }
      if sites[index].setting == .maxWasmStack, sites[index].value.integer == nil,
         let later = ordered[(position + 1)...].last(where: { sites[$0].setting == .asyncStackSize }),
         let final = sites[later].value.integer, final > async, final >= max {
        return (index, "max_wasm_stack(\(sites[index].argumentText)) is called while async_stack_size is still \(ValueDescription.bytes(async)); Wasmtime \(version) checks in the setter, so this call fails for any value above \(ValueDescription.bytes(async)), although async_stack_size(\(ValueDescription.bytes(final))) follows")
      }
      guard let value = sites[index].value.integer else { return nil }
      if sites[index].setting == .maxWasmStack {
        if value > async {
          return (index, "max_wasm_stack(\(ValueDescription.bytes(value))) is called while async_stack_size is still \(ValueDescription.bytes(async)); Wasmtime \(version) checks in the setter, so this call fails (\"wasm stack size cannot exceed the async stack size\")")
        }
        max = value
      } else {
        if value < max {
          return (index, "async_stack_size(\(ValueDescription.bytes(value))) is called while max_wasm_stack is already \(ValueDescription.bytes(max)); Wasmtime \(version) checks in the setter, so this call fails")
        }
        async = value
      }
    }
    return nil
  }
}
