import WasmfixFixing
import WasmfixReporting
import Dispatch
import Foundation
import Synchronization

/// Runs the pipeline: walk, prefilter + parse + extract (parallel), resolve constants,
/// evaluate, group, judge. Knows nothing of terminals or exit codes.
public struct Scanner: Sendable {
  public let options: ScanOptions
  /// File contents that replace what is on disk, by absolute path (for verifying fixes).
  var overlay: [String: [UInt8]] = [:]
  /// Set when the scan reads more of the project than it reports (see `widened`).
  var reportScope: ReportScope?

  public init(options: ScanOptions) {
    var options = options
    if let standardInput = options.standardInput {
      // The project around the file is walked (for constants and manifests); only the file
      // is reported, with standard input's text laid over it.
      options.paths = [standardInput.projectDirectory]
      options.root = standardInput.projectDirectory
      overlay[standardInput.absolutePath] = standardInput.bytes
      reportScope = ReportScope(paths: [standardInput.absolutePath], includes: [], excludes: [], globRoot: standardInput.projectDirectory)
    } else if let (widened, scope) = Self.widened(options) {
      options = widened
      reportScope = scope
    }
    self.options = options
  }

  /// A scan of some files of a repository (`wasmfix scan src/runner.c`, a hook's file list) or
  /// one narrowed by `--include`/`--exclude` reads the whole repository, honouring its ignore
  /// files, so that a constant in `../include/limits.h` or a manifest at the top is found; only
  /// the configurations with a setting in the files asked about are reported (`reportScope`).
  /// A partial read would report a 6 MiB constant as unknown and fix it with an assertion that
  /// always fails. Directories scanned without globs stay as they are (the common full scan).
  static func widened(_ options: ScanOptions) -> (ScanOptions, ReportScope)? {
    guard options.root == nil else { return nil }
    let given = options.paths.map(WalkPath.absolute)
    var isDirectory: ObjCBool = false
    let onlyFiles = given.allSatisfy { FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && !isDirectory.boolValue }
    let globs = !options.walk.includes.isEmpty || !options.walk.excludes.isEmpty
    guard onlyFiles || globs else { return nil }
    let root = Self.root(for: options)
    guard let project = WalkPath.repositoryRoot(containing: root) else { return nil }
    var widened = options
    // The project's top is the root: every file read has a path below it, and a fix may edit
    // a definition anywhere in it (never outside it).
    widened.root = project
    widened.paths = [project] + options.paths.filter { !WalkPath.isInside(WalkPath.absolute($0), project) }
    widened.reportGlobs = (options.walk.includes, options.walk.excludes)
    widened.walk.includes = []
    widened.walk.excludes = []
    // Files given by name are scanned even when ignored or unknown, as before.
    if onlyFiles { widened.paths += options.paths }
    return (widened, ReportScope(paths: given, includes: options.walk.includes, excludes: options.walk.excludes, globRoot: root))
  }



  public enum ScanError: Error, CustomStringConvertible {
    case grammar(String)
    case walk(String)
    /// A project config file is wrong: `path:line: message`.
    case config(ConfigError)
    public var description: String {
      switch self {
      case let .grammar(message), let .walk(message): return message
      case let .config(error): return error.description
      }
    }
  }

  public func scan() throws -> ScanResult {
    do { try Surfaces.checkGrammars() } catch { throw ScanError.grammar("\(error)") }
    let root = Self.root(for: options)
    var walkOptions = options.walk
    walkOptions.configurations = options.project
    let walker = WorkspaceWalker(root: root, options: walkOptions)
    let walked: WalkResult, scanned: ScannedFiles
    let detector = VersionDetector(root: root, override: options.wasmtimeVersion, configured: Self.configuredVersion(options.project))
    if let run = options.project?.run { do { try RuleCodes.validate(run) } catch let error as ConfigError { throw ScanError.config(error) } }
    do { (walked, scanned) = try walkAndScan(walker, detector: detector) } catch { throw ScanError.walk("\(error)") }
    // Configs met during the walk (nested in a monorepo) are checked once it is over.
    if let project = options.project {
      if let error = project.errors.first { throw ScanError.config(error) }
      for config in project.loaded {
        do { try RuleCodes.validate(config) } catch let error as ConfigError { throw ScanError.config(error) }
      }
    }
    var analyzed = analyze(root: root, results: scanned.results, skipped: walked.skipped, candidates: scanned.candidates,
                           detector: detector)
    analyzed.filesScanned = scanned.count - (analyzed.skipped.count - walked.skipped.count)
    analyzed.warnings += Self.ignoredWholeRunKeys(options.project)
    analyzed.warnings += detector.problems
    if scanned.candidates.unreadChunks > 0 {
      analyzed.warnings.append("\(root): warning: \(scanned.candidates.unreadChunks) chunk(s) of the constant index's file list could not be read back from its temporary file; constants defined in those files are reported unresolved")
    }
    if let reportScope {
      var narrowed = Self.narrowed(analyzed, to: reportScope)
      narrowed.filesScanned = scanned.inScope - (narrowed.skipped.count - walked.skipped.filter { reportScope.contains(absolutePath: $0.path.hasPrefix("/") ? $0.path : WalkPath.join(root, $0.path)) }.count)
      return narrowed
    }
    return analyzed
  }

  /// The result narrowed to the files asked about: the configurations with a setting in them
  /// (all their sites, some may be in other files such as a TOML options file) and their
  /// findings, plus the files' own (WF009). The rest of the project was read only to resolve
  /// constants and versions.
  static func narrowed(_ result: ScanResult, to scope: ReportScope) -> ScanResult {
    var narrowed = result
    let siteInScope = result.sites.map { scope.contains(absolutePath: $0.absolutePath) }
    let groupIDs = Set(result.sites.indices.filter { siteInScope[$0] }.map { result.sites[$0].groupID })
    let keptSites = result.sites.indices.filter { groupIDs.contains(result.sites[$0].groupID) }
    var newIndex: [Int: Int] = [:]
    for (new, old) in keptSites.enumerated() { newIndex[old] = new }
    narrowed.sites = keptSites.map { result.sites[$0] }
    narrowed.groups = result.groups.filter { groupIDs.contains($0.id) }.map { group in
      var group = group
      group.siteIndexes = group.siteIndexes.compactMap { newIndex[$0] }
      group.maxWasmStack.siteIndex = group.maxWasmStack.siteIndex.flatMap { newIndex[$0] }
      group.asyncStackSize.siteIndex = group.asyncStackSize.siteIndex.flatMap { newIndex[$0] }
      if let failure = group.setterOrderFailure { group.setterOrderFailure = newIndex[failure.site].map { ($0, failure.why) } }
      return group
    }
    // Paths are relative to the root, or absolute for what lies outside it (`/dev/stdin`).
    func inScope(_ path: String) -> Bool { scope.contains(absolutePath: path.hasPrefix("/") ? path : WalkPath.join(result.root, path)) }
    narrowed.findings = result.findings.filter { groupIDs.contains($0.groupID) || ($0.groupID.isEmpty && inScope($0.path)) }
    narrowed.skipped = result.skipped.filter { inScope($0.path) }
    narrowed.warnings = result.warnings.filter { warning in
      guard let colon = warning.firstIndex(of: ":") else { return true }
      return inScope(String(warning[..<colon]))
    }
    return narrowed
  }

  /// Scans again only the files that had sites plus `overlay`'s edited files, reusing the first
  /// scan's walk and constant-name index: what a fix's verification needs, at a fraction of a
  /// full scan's cost.
  func rescan(_ previous: ScanResult) -> ScanResult {
    // Files the fix did not touch read the same as before: reuse their scans, re-scan the rest.
    var results: [(WalkedFile, FileResult)] = []
    var toScan: [WalkedFile] = []
    for (file, result) in previous.sitedScans {
      if overlay[file.absolutePath] == nil { results.append((file, result)) } else { toScan.append(file) }
    }
    let known = Set(previous.sitedScans.map(\.file.absolutePath))
    for candidate in previous.candidates.files(at: Set(overlay.keys)) where !known.contains(candidate.absolutePath) {
      toScan.append(WalkedFile(absolutePath: candidate.absolutePath, relativePath: candidate.relativePath))
    }
    // In parallel, one FileScanner (parsers, buffers) per worker.
    let slots = ResultSlots<FileResult>(count: toScan.count)
    let next = AtomicCounter()
    let workers = max(1, min(options.jobs ?? ProcessInfo.processInfo.activeProcessorCount, toScan.count))
    DispatchQueue.concurrentPerform(iterations: workers) { [toScan] _ in
      let scanner = FileScanner(overlay: overlay, maxFileSize: options.walk.maxFileSize)
      while case let i = next.increment(), i < toScan.count {
        guard let surface = Surfaces.surface(forPath: toScan[i].relativePath) else { continue }
        slots.write(i, scanner.scan(toScan[i], surface: surface, wrappers: Self.wrappers(options.project?.config(forFile: toScan[i].absolutePath))))
      }
    }
    // A file with no surface was not scanned: nothing matched in it.
    let buffer = slots.take().map { $0 ?? FileResult(outcome: .noMatch, definedNames: []) }
    results += zip(toScan, buffer).map { ($0, $1) }
    // The edited files' name lists replace their old ones (a fix may add or remove a definition);
    // an edited file that was no candidate becomes one if it now defines a name.
    let wereCandidates = Set(previous.candidates.files(at: Set(toScan.map(\.absolutePath))).map(\.absolutePath))
    var edited: [ConstantIndex.CandidateFile] = []
    for (file, result) in zip(toScan, buffer) where wereCandidates.contains(file.absolutePath) || !result.definedNames.isEmpty {
      guard let language = SurfaceID(path: file.relativePath) else { continue }
      edited.append(ConstantIndex.CandidateFile(absolutePath: file.absolutePath, relativePath: file.relativePath,
                                                language: language, definedNames: result.definedNames))
    }
    let candidates = previous.candidates.replacing(edited)
    // The first scan's manifests hold unless the fix edited one (a bumped version pin).
    let editsManifest = overlay.keys.contains(where: VersionDetector.isManifest)
    let detector = editsManifest ? nil : previous.detector
    var result = analyze(root: previous.root, results: results, skipped: [], candidates: candidates,
                         detector: detector ?? VersionDetector(root: previous.root, override: options.wasmtimeVersion,
                                                               configured: Self.configuredVersion(options.project), overlay: overlay),
                         index: previous.constants.map { ConstantIndex(updating: $0, files: candidates, overlay: overlay) })
    result.filesScanned = previous.filesScanned
    return result
  }

  /// Everything after reading: constants, evaluation, groups, rules.
  /// `results` holds the files the prefilter did not rule out (scanned or skipped).
  func analyze(root: String, results: [(WalkedFile, FileResult)], skipped walkSkipped: [SkippedFile],
                       candidates: CandidateFiles, detector: VersionDetector,
                       index reused: ConstantIndex? = nil) -> ScanResult {
    var skipped = walkSkipped
    var extracted: [(file: WalkedFile, scan: FileScan)] = []
    var definedNames: [String: [UInt64]] = [:]
    var suppressions: [String: [SuppressionComment]] = [:]
    var unscanned: [Finding] = []
    for (file, result) in results {
      if !result.suppressions.isEmpty { suppressions[file.relativePath] = result.suppressions }
      switch result.outcome {
      case .noMatch: continue
      case let .skipped(entry, mention):
        skipped.append(entry)
        if let mention { unscanned.append(UnscannedSetting.finding(mention, path: entry.path, reason: entry.reason)) }
      case let .scanned(scan):
        extracted.append((file, scan))
        definedNames[file.absolutePath] = result.definedNames
      }
    }
    // Deterministic output whatever the workers' scheduling: files in path order.
    // (Sorted through their paths: the comparator copied whole entries, walked-file arrays and all.)
    extracted = extracted.indices.map { (path: extracted[$0].file.relativePath, index: $0) }
      .sorted { WalkPath.bytewiseLess($0.path, $1.path) }
      .map { extracted[$0.index] }

    let index = reused ?? ConstantIndex(files: candidates)
    index.overlay = overlay
    var names = Set<String>()
    for entry in extracted { for site in entry.scan.sites { for path in site.argument.referencedNames { names.insert(path.last ?? "") } } }
    index.index(names: names)

    var sites: [Site] = []
    var documented: [Bool] = []
    var warnings: [String] = []
    for entry in extracted {
      guard let language = SurfaceID(path: entry.file.relativePath) else { continue }
      for (raw, (isDocumented, at)) in zip(entry.scan.sites, zip(entry.scan.documented, entry.scan.positions)) {
        // A name defined once per build (a `cfg_if!` branch each) gives one site per build.
        let builds = Self.builds(of: raw, language: language, file: entry.file.relativePath, index: index)
        var position = (line: at.line, column: at.column)
        if let encoding = entry.scan.encoding, raw.nameRange.lowerBound == entry.scan.sites.first?.nameRange.lowerBound {
          warnings.append("\(entry.file.relativePath): warning: \(encoding) with a byte-order mark; scanned as its UTF-8 decoding (lines and columns count Unicode scalars, as in UTF-8 files), and no fix is written to it")
        }
        if let invalid = entry.scan.invalidUTF8Offset {
          // Not UTF-8: columns count bytes there (said once per file below).
          position.column = at.byteColumn
          if raw.nameRange.lowerBound == entry.scan.sites.first?.nameRange.lowerBound {
            warnings.append("\(entry.file.relativePath): warning: not valid UTF-8 (byte \(invalid)); scanned as bytes, columns count bytes, and no fix is written to it")
          }
        }
        if raw.inErrorRegion {
          warnings.append("\(entry.file.relativePath):\(position.line):\(position.column): warning: this \(raw.setting.rawValue) call is inside a syntax error; its value may be wrong")
        }
        for build in builds {
          var evaluator = ConstantEvaluator(language: language, file: entry.file.relativePath, offset: raw.argumentRange.lowerBound,
                                            resolver: build.resolver)
          var value = evaluator.evaluate(raw.argument)
          // size_t parameters receive negative C values wrapped, as the compiler does; Rust
          // rejects a negative constant where a usize goes (`max_wasm_stack(1 - 2)`).
          if Surfaces.surface(language)?.binding != .dotnet, raw.setting != .asyncSupport, case let .integer(v) = value, v < 0 {
            value = language == .rust ? .unresolved("arithmetic overflow: \(raw.argumentText) is \(v), and \(raw.apiName) takes a usize")
              : .integer(IntegerType(bits: 64, signed: false).convert(v))
          }
          var site = Site(
            path: entry.file.relativePath, absolutePath: entry.file.absolutePath, language: language,
            setting: raw.setting, apiName: raw.apiName, line: position.line, column: position.column,
            nameRange: raw.nameRange, argument: raw.argument, argumentText: raw.argumentText,
            argumentRange: raw.argumentRange, callRange: raw.callRange, receiverText: raw.receiverText,
            statementRange: raw.statementRange, isChainLink: raw.isChainLink, inErrorRegion: raw.inErrorRegion,
            value: value, definition: raw.definition ?? Self.directDefinition(raw.argument, evaluator.definitionsUsed), notes: evaluator.notes, groupID: "",
            engineStatementStart: raw.engineStatementStart, scopeHasAssertion: raw.scopeHasAssertion,
            configIsFresh: raw.configIsFresh, impliesAsync: raw.impliesAsync,
            versionHint: raw.version.map { DetectedVersion(version: $0.version, source: $0.source, assumed: false, cargoAsyncFeature: nil) },
            configFile: raw.configFile, argumentIsParameter: raw.argumentIsParameter, expectsFailure: raw.expectsFailure, alternative: build.alternative,
            groupKey: "\(entry.file.relativePath)#\(raw.scopeStart)#\(raw.receiverKey)")
          site.guards = raw.guards
          site.nameEnd = at.end
          site.isTestCode = raw.isTestCode
          site.isMacroArm = raw.isMacroArm
          site.forwardsOption = raw.forwardsOption
          sites.append(site)
          documented.append(isDocumented)
        }
      }
    }

    let groups = GroupBuilder.groups(for: &sites, documented: documented, detector: detector)
    let context = RuleContext(sites: sites, harden: options.harden || options.project?.loaded.contains { $0.harden == true } == true)
    var findings = groups.flatMap { group in Rules.all.flatMap { $0.check(group, context) } }
    findings += unscanned.sorted { ($0.path, $0.line) < ($1.path, $1.line) }
    findings = applyRulePolicies(findings, groups: groups, sites: sites, root: root)
    let locator = SiteLocator(sites)
    for i in findings.indices {
      let siteIndex = locator.index(of: findings[i])
      if let siteIndex, sites[siteIndex].inErrorRegion {
        findings[i].message += " (the call is inside a syntax error; its value may be wrong)"
      }
    }
    let baselined = Self.settle(&findings, sites: sites, suppressions: suppressions, baseline: options.baseline, root: root)
    // Settling adds WF009 (unused suppressions): they follow --select/--ignore/[severity] too.
    // Applying a policy twice changes nothing for the findings it already saw.
    if findings.contains(where: { $0.rule.code == "WF009" }) { findings = applyRulePolicies(findings, groups: groups, sites: sites, root: root) }
    skipped.sort { $0.path < $1.path }
    var hashes = index.hashes
    for entry in extracted { hashes[entry.file.relativePath] = entry.scan.contentHash }
    var result = ScanResult(root: root, wasmtime: Self.reportedVersion(detector.versionForRoot(), groups), sites: sites, groups: groups,
                      findings: findings, skipped: skipped, filesScanned: 0, warnings: warnings,
                      fileHashes: hashes, options: options, candidates: candidates,
                      sitedScans: extracted.filter { !$0.scan.sites.isEmpty }.map {
                        (file: $0.file, result: FileResult(outcome: .scanned($0.scan), definedNames: definedNames[$0.file.absolutePath] ?? [],
                                                           suppressions: suppressions[$0.file.relativePath] ?? []))
                      }, detector: detector, constants: index.snapshot)
    result.baselined = baselined
    return result
  }

  /// What the workers keep of a walk: only what later stages use, not a record per file.
  private struct ScannedFiles {
    var count = 0
    /// Of `count`, the files inside `reportScope` (all of them without one).
    var inScope = 0
    /// Files the prefilter did not rule out: scanned or skipped.
    var results: [(WalkedFile, FileResult)] = []
    /// Files that may define constants.
    var candidates = CandidateFiles()
  }

  /// One worker's part of `ScannedFiles`.
  private struct WorkerScan: Sendable {
    var count = 0
    var inScope = 0
    var results: [(WalkedFile, FileResult)] = []
    var candidates: CandidateFiles.Builder
  }

  /// Walks on one thread while workers (one per core) read and scan the files it finds.
  /// The order of the results depends on scheduling; `analyze` sorts what it reports.
  /// Workers also look up the Wasmtime version of each file with sites, so the manifests are
  /// read while other files are still being scanned rather than afterwards.
  private func walkAndScan(_ walker: WorkspaceWalker, detector: VersionDetector) throws -> (WalkResult, ScannedFiles) {
    let feed = FileFeed()
    // Written by the walking thread before it signals `walkDone`, read only after the wait.
    final class Outcome: Sendable { let value = Mutex<Result<WalkResult, any Error>>(.success(WalkResult())) }
    let outcome = Outcome()
    let walkDone = DispatchSemaphore(value: 0)
    let paths = options.paths
    let standardInput = options.standardInput.map { file in
      WalkedFile(absolutePath: file.absolutePath, relativePath: WalkPath.relative(file.absolutePath, to: options.root ?? file.projectDirectory))
    }
    let walkThread = Thread {
      do {
        if let standardInput {
          // Standard input's file is scanned once, whether or not it exists on disk or the
          // walk would skip it (ignored, excluded): it is what the user asked about.
          let result = try walker.walk(paths, sorted: false, onFile: { if $0.absolutePath != standardInput.absolutePath { feed.push($0) } }) {
            Surfaces.surface(forPath: $0) != nil
          }
          outcome.value.withLock { $0 = .success(result) }
          feed.push(standardInput)
        } else {
          let result = try walker.walk(paths, sorted: false, onFile: feed.push) {
            Surfaces.surface(forPath: $0) != nil
          }
          outcome.value.withLock { $0 = .success(result) }
        }
      } catch {
        outcome.value.withLock { $0 = .failure(error) }
      }
      feed.finish()
      walkDone.signal()
    }
    walkThread.stackSize = 8 << 20
    walkThread.start()

    let workers = max(1, options.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    let directories = DirectoryTable()
    let spill = CandidateSpill()
    let perWorker = ResultSlots<WorkerScan>(count: workers)
    let done = AtomicCounter()
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      let scanner = FileScanner(overlay: overlay, maxFileSize: options.walk.maxFileSize)
      var local = WorkerScan(candidates: CandidateFiles.Builder(directories: directories, spill: spill))
      // Files arrive directory by directory: the config of the last directory is usually the
      // one wanted, found without building a String or taking the lock.
      var lastDirectory: Substring = "", lastConfig: ProjectConfig? = nil, haveLast = false
      while let file = feed.next() {
        guard let surface = Surfaces.surface(forPath: file.relativePath) else { continue }
        var config: ProjectConfig? = nil
        if let project = options.project {
          let path = file.absolutePath
          let directory = path[..<WalkPath.lastSlash(path)]
          if !haveLast || directory != lastDirectory {
            lastConfig = project.config(forFile: path)
            lastDirectory = directory
            haveLast = true
          }
          config = lastConfig
        }
        if let config, !ConfigFilter(config, ignoringIncludes: !options.walk.includes.isEmpty || !(options.reportGlobs?.includes.isEmpty ?? true),
                                     ignoringExcludes: !options.walk.excludes.isEmpty || !(options.reportGlobs?.excludes.isEmpty ?? true))
            .admits(absolutePath: file.absolutePath) {
          continue
        }
        let language = surface.id
        let result = scanner.scan(file, surface: surface, wrappers: Self.wrappers(config))
        local.count += 1
        if reportScope?.contains(absolutePath: file.absolutePath) ?? true { local.inScope += 1 }
        switch result.outcome {
        // The names a file defines are in `candidates`: a result keeps them only for its sites.
        case .noMatch:
          if !result.suppressions.isEmpty { local.results.append((file, FileResult(outcome: .noMatch, definedNames: [], suppressions: result.suppressions))) }
        case .skipped: local.results.append((file, result))
        case let .scanned(scan):
          if scan.sites.isEmpty {
            // A setting's name in a comment or string (most matches in a large tree): the
            // analysis uses its content hash.
            local.results.append((file, FileResult(outcome: .scanned(scan), definedNames: [], suppressions: result.suppressions)))
          } else {
            local.results.append((file, result))
            _ = detector.version(forFileAt: file.absolutePath)
          }
        }
        if !result.definedNames.isEmpty {
          local.candidates.append(absolutePath: file.absolutePath, relativePath: file.relativePath,
                                  language: language, definedNames: result.definedNames)
        }
        let count = done.increment() + 1
        if let progress = options.progress, count % 512 == 0 { progress(count, 0) }
      }
      perWorker.write(worker, local)
    }
    walkDone.wait()
    let walkResult = try outcome.value.withLock { $0 }.get()
    var merged = ScannedFiles()
    var builders: [CandidateFiles.Builder] = []
    for case let local? in perWorker.take() {
      merged.count += local.count
      merged.inScope += local.inScope
      merged.results += local.results
      builders.append(local.candidates)
    }
    merged.candidates = CandidateFiles(builders)
    return (walkResult, merged)
  }

  /// Each finding as the rule policy of its file's config says (selected rules, severities).
  private func applyRulePolicies(_ findings: [Finding], groups: [EngineGroup], sites: [Site], root: String) -> [Finding] {
    let fileOfGroup = Dictionary(groups.map { ($0.id, sites[$0.siteIndexes[0]].absolutePath) }, uniquingKeysWith: { a, _ in a })
    var policies: [String: RulePolicy] = [:]
    return findings.compactMap { finding in
      // A finding outside any group (WF009 on a comment) follows the config of its own file.
      let file = fileOfGroup[finding.groupID] ?? WalkPath.join(root, finding.path)
      let config = options.project?.config(forFile: file)
      let key = config?.path ?? ""
      let policy = policies[key] ?? RulePolicy(config: config, options: options)
      policies[key] = policy
      return policy.apply(finding)
    }
  }

  /// Whole-run keys (strategy, headroom, unsafe-fixes, fail-on) in a nested config: said once,
  /// since only the run's config sets them.
  static func ignoredWholeRunKeys(_ project: ProjectConfiguration?) -> [String] {
    guard let project else { return [] }
    let runPath = project.run?.path
    return project.loaded.filter { $0.path != runPath }.flatMap { config in
      config.wholeRunKeysSet.map { key in
        "\(config.displayPath):\(config.line(of: key)): '\(key)' applies to the whole run and is read only from \(project.run?.displayPath ?? "the configuration of the scan root"); ignored here"
      }
    }
  }

  /// A config's `[setters]` as the surfaces read them.
  static func wrappers(_ config: ProjectConfig?) -> SetterWrappers {
    guard let setters = config?.setters, !setters.isEmpty else { return .none }
    return SetterWrappers(config: setters)
  }

  /// A folder's `wasmtime-version` from the config governing it.
  static func configuredVersion(_ project: ProjectConfiguration?) -> (@Sendable (String) -> (version: WasmtimeVersion, path: String)?)? {
    guard let project else { return nil }
    return { directory in
      guard let config = project.config(forDirectory: directory), let version = config.wasmtimeVersion else { return nil }
      return (version, config.path)
    }
  }

  /// The top-level version: the root's manifest, else (no manifest at the root, as in a
  /// monorepo) the version most groups found, rather than "assumed" when every group has one.
  static func reportedVersion(_ root: DetectedVersion, _ groups: [EngineGroup]) -> DetectedVersion {
    guard root.assumed, !groups.isEmpty, groups.allSatisfy({ !$0.version.assumed }) else { return root }
    let counts = Dictionary(grouping: groups, by: { $0.version.version })
    let common = counts.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }!
    return common.value[0].version
  }

  /// The constant the argument *is* (`MAX`, `MAX as usize`, `(size_t)MAX`): the one a fix
  /// may edit. An argument that computes with a constant (`A + 1`) has none.
  /// How to evaluate `raw`'s argument: once through the index, or once per build when it names
  /// a constant defined once per build (`BuildDefinitions`); a call inside one of those builds
  /// takes that build's definition.
  static func builds(of raw: ExtractedSite, language: SurfaceID, file: String,
                     index: ConstantIndex) -> [(resolver: NameResolver, alternative: String?)] {
    guard raw.setting != .asyncSupport,
          let varying = BuildDefinitions.varying(in: raw.argument, language: language, file: file, at: raw.argumentRange.lowerBound, index: index)
    else { return [(index, raw.alternative)] }
    if let own = raw.alternative {
      guard let same = varying.definitions.first(where: { $0.alternative == own }) else { return [(index, own)] }
      return [(PinnedResolver(index: index, name: varying.name, definition: same), own)]
    }
    return varying.definitions.map { (PinnedResolver(index: index, name: varying.name, definition: $0), $0.alternative) }
  }

  static func directDefinition(_ argument: WasmfixSurfaces.Expression, _ used: [ConstantDefinition]) -> ConstantDefinition? {
    switch argument {
    case .name: return used.first
    case let .cast(_, inner): return directDefinition(inner, used)
    default: return nil
    }
  }

  /// The single directory given, else the current directory.
  public static func root(for options: ScanOptions) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    func absolute(_ path: String) -> String {
      let full = path.hasPrefix("/") ? path : cwd + "/" + path
      return URL(fileURLWithPath: full).standardizedFileURL.path
    }
    if let root = options.root { return absolute(root) }
    var isDirectory: ObjCBool = false
    if options.paths.count == 1, FileManager.default.fileExists(atPath: absolute(options.paths[0]), isDirectory: &isDirectory),
       isDirectory.boolValue {
      return absolute(options.paths[0])
    }
    return absolute(".")
  }
}
