import WasmfixEvaluation
import Foundation
import Synchronization

/// The Wasmtime version that applies to a file, and where it came from.
public struct DetectedVersion: Sendable, Equatable {
  public var version: WasmtimeVersion
  /// The manifest's path relative to the scan root (absolute when outside it), `--wasmtime-version`
  /// for an override, nil when assumed.
  public var source: String?
  /// No manifest named a version: `WasmtimeVersion.newestKnown` is assumed.
  public var assumed: Bool
  /// From the nearest `Cargo.toml` with a wasmtime dependency: false only when it has
  /// `default-features = false` and neither the `async` nor the `stack-switching` feature
  /// (nor crate default features turning on `wasmtime/async`); nil when there is no such Cargo.toml.
  /// Without one, a C API build's `WASMTIME_FEATURE_ASYNC` (a generated `wasmtime/conf.h` or a
  /// CMake file setting the option): false when it is off.
  public var cargoAsyncFeature: Bool?
  /// When async is on (`cargoAsyncFeature != false`) but not in every build of the crate: only
  /// with one of its own features, or only when built with another workspace member. nil when
  /// its own wasmtime entries turn it on (or there is no Cargo.toml).
  public var cargoAsyncCondition: CargoAsyncCondition? = nil

  public init(version: WasmtimeVersion, source: String?, assumed: Bool, cargoAsyncFeature: Bool?) {
    self.version = version
    self.source = source
    self.assumed = assumed
    self.cargoAsyncFeature = cargoAsyncFeature
  }
}

/// How async reaches a crate whose own wasmtime entries leave it off (Wasmtime < 47 has no
/// `async_stack_size` then): a call inserted for it must not break the builds without it.
public enum CargoAsyncCondition: Sendable, Equatable {
  /// Only while the crate's feature is enabled (a default feature forwarding `wasmtime/async`):
  /// `cargo build --no-default-features` has no async.
  case crateFeature(String)
  /// Only when Cargo builds the crate together with a workspace member that turns it on
  /// (feature unification): `cargo build -p <crate>` has no async.
  case otherWorkspaceMember
}

/// Finds the Wasmtime version for a file from the nearest manifest above it.
///
/// Walks up from the file's directory to the repository root (the directory holding `.git`,
/// inclusive) or `/`. In each directory it looks, in this order, for a `Cargo.lock` listing the
/// `wasmtime` package, a `Cargo.toml` depending on `wasmtime`, MSBuild files referencing the
/// `Wasmtime` NuGet package, `wasmtime-version.txt`, and a vendored `wasmtime.h` (there or in
/// `include/`). The nearest directory with a match wins; a `Cargo.toml` requirement alone sends
/// the walk on to the `Cargo.lock` above it, whose resolved version says more.
/// Thread-safe; manifests are read once per directory.
public final class VersionDetector: Sendable {
  private let root: String
  let override: WasmtimeVersion?
  /// A folder's `wasmtime-version` from the project config governing it, with the config's
  /// absolute path: below `--wasmtime-version`, above any manifest.
  let configured: (@Sendable (String) -> (version: WasmtimeVersion, path: String)?)?
  /// Manifest texts that replace the disk's, by absolute path: a fix that bumps a version pin
  /// is verified against the pin it wrote.
  private let overlay: [String: [UInt8]]
  /// What the walks learnt so far; a walk holds the lock throughout, so each directory's
  /// manifests are read once.
  private struct Cache {
    var directories: [String: DirectoryManifests] = [:]
    /// Keyed by the directory the walk starts from.
    var results: [String: DetectedVersion] = [:]
    var cliResults: [String: DetectedVersion] = [:]
    /// A workspace root's member directories.
    var members: [String: [String]] = [:]
    /// One line per manifest that could not be read as one.
    var problemLines: [String] = []
  }
  private let cache = Mutex(Cache())

  /// Warnings about manifests met so far (`Cargo.lock: warning: not a Cargo lock file ...`).
  public var problems: [String] {
    cache.withLock { $0.problemLines.sorted() }
  }

  public init(root: String, override: WasmtimeVersion?,
              configured: (@Sendable (String) -> (version: WasmtimeVersion, path: String)?)? = nil,
              overlay: [String: [UInt8]] = [:]) {
    self.configured = configured
    self.overlay = overlay
    let absolute = root.hasPrefix("/") ? root : FileManager.default.currentDirectoryPath + "/" + root
    self.root = Self.normalize(absolute)
    self.override = override
  }

  public func version(forFileAt absolutePath: String) -> DetectedVersion {
    version(forDirectory: Self.parent(of: Self.normalize(absolutePath)))
  }

  /// `testCode`: the configuration is in a `#[cfg(test)]` module or `#[test]` function, built
  /// with the crate's dev-dependencies wherever the file is.
  func version(forFileAt absolutePath: String, binding: WasmtimeBinding, testCode: Bool) -> DetectedVersion {
    guard testCode, binding == .rustCrate else { return version(forFileAt: absolutePath, binding: binding) }
    return version(forDirectory: Self.parent(of: Self.normalize(absolutePath)), testCode: true)
  }

  /// The version for a file configuring `binding`. The `wasmtime` CLI is installed, not
  /// linked: a crate's Cargo.lock says nothing about it, so only `wasmtime-version.txt` (the
  /// pin CI scripts read, as dotnet/runtime's does) and `--wasmtime-version` name it.
  func version(forFileAt absolutePath: String, binding: WasmtimeBinding) -> DetectedVersion {
    guard binding == .cli else { return version(forFileAt: absolutePath) }
    if let override { return DetectedVersion(version: override, source: "--wasmtime-version", assumed: false, cargoAsyncFeature: nil) }
    let directory = Self.parent(of: Self.normalize(absolutePath))
    if let (version, path) = configured?(directory) {
      return DetectedVersion(version: version, source: relative(path), assumed: false, cargoAsyncFeature: nil)
    }
    return cache.withLock { memo in
      if let cached = memo.cliResults[directory] { return cached }
      var result = DetectedVersion(version: .newestKnown, source: nil, assumed: true, cargoAsyncFeature: nil)
      for directory in ancestors(of: directory, &memo) {
        if let version = manifests(directory, &memo).versionFile {
          result = DetectedVersion(version: version, source: relative(directory + "/wasmtime-version.txt"), assumed: false, cargoAsyncFeature: nil)
          break
        }
      }
      memo.cliResults[directory] = result
      return result
    }
  }

  /// The version for the scan root itself (the JSON report's top-level `wasmtime`).
  public func versionForRoot() -> DetectedVersion {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), !isDirectory.boolValue {
      return version(forDirectory: Self.parent(of: root))
    }
    return version(forDirectory: root)
  }

  private func version(forDirectory directory: String, testCode: Bool = false) -> DetectedVersion {
    cache.withLock { memo in
      let key = testCode ? directory + "\u{0}test" : directory
      if let cached = memo.results[key] { return cached }
      let result = detect(from: directory, testCode: testCode, &memo)
      memo.results[key] = result
      return result
    }
  }

  // MARK: The walk (called with `cache` locked, its contents passed in as `memo`)

  private func detect(from directory: String, testCode: Bool, _ memo: inout Cache) -> DetectedVersion {
    var result = detectVersion(from: directory, testCode: testCode, &memo)
    if result.cargoAsyncFeature == true {
      result.cargoAsyncCondition = cargoAsyncCondition(ancestors(of: directory, &memo), testCode: testCode, &memo)
    }
    return result
  }

  private func detectVersion(from directory: String, testCode: Bool, _ memo: inout Cache) -> DetectedVersion {
    let chain = ancestors(of: directory, &memo)
    // A crate's Cargo features decide for Rust; a C API build's WASMTIME_FEATURE_ASYNC for C.
    var asyncFeature = cargoAsyncFeature(chain, testCode: testCode, &memo)
    if asyncFeature == nil {
      for directory in chain {
        if let feature = manifests(directory, &memo).cAsyncFeature { asyncFeature = feature; break }
      }
    }
    if let override {
      return DetectedVersion(version: override, source: "--wasmtime-version", assumed: false, cargoAsyncFeature: asyncFeature)
    }
    if let (version, path) = configured?(directory) {
      return DetectedVersion(version: version, source: relative(path), assumed: false, cargoAsyncFeature: asyncFeature)
    }
    func found(_ version: WasmtimeVersion, _ path: String) -> DetectedVersion {
      DetectedVersion(version: version, source: relative(path), assumed: false, cargoAsyncFeature: asyncFeature)
    }
    for (index, directory) in chain.enumerated() {
      let here = manifests(directory, &memo)
      let requirement = cargoRequirement(chain, at: index, &memo)
      if !here.lockVersions.isEmpty {
        if let version = Self.pick(here.lockVersions, within: requirement?.range) {
          return found(version, directory + "/Cargo.lock")
        }
        // A lock with no version satisfying the requirement is stale; the requirement says more.
        if let requirement, let lowest = requirement.range?.lowest { return found(lowest, requirement.path) }
      }
      if let cargo = here.cargo, cargo.mentionsWasmtime {
        for above in chain.dropFirst(index + 1) {
          let versions = manifests(above, &memo).lockVersions
          if versions.isEmpty { continue }
          if let version = Self.pick(versions, within: requirement?.range) {
            return found(version, above + "/Cargo.lock")
          }
          break
        }
        if let requirement, let lowest = requirement.range?.lowest { return found(lowest, requirement.path) }
        // A dependency without a readable version (git, unreadable path): look further up.
      }
      if let dotnet = here.dotnet { return found(dotnet.version, dotnet.path) }
      if let pending = here.dotnetPending, let dotnet = resolveDotnet(pending, above: chain[index...], &memo) {
        return found(dotnet.version, dotnet.path)
      }
      if let version = here.versionFile { return found(version, directory + "/wasmtime-version.txt") }
      if let header = here.header { return found(header.version, header.path) }
    }
    return DetectedVersion(
      version: .newestKnown, source: nil, assumed: true, cargoAsyncFeature: asyncFeature)
  }

  /// A project's `Wasmtime` reference whose version is not in its own folder: MSBuild imports
  /// the nearest `Directory.Build.props` above the project (its properties, `$(WasmtimeVersion)`,
  /// come before the project's own) and, for central package management, the nearest
  /// `Directory.Packages.props` (its `<PackageVersion Include="Wasmtime">`). The source is the
  /// file the number is written in.
  private func resolveDotnet(_ pending: DotnetReference, above chain: ArraySlice<String>, _ memo: inout Cache) -> (version: WasmtimeVersion, path: String)? {
    let buildPropsFolder = chain.first { manifests($0, &memo).buildProperties != nil }
    // A nested Directory.Build.props usually imports the one above it
    // (`GetPathOfFileAbove('Directory.Build.props', ...)`): the parent's properties come first.
    var imported: [String] = []
    if let start = buildPropsFolder, var index = chain.firstIndex(of: start) {
      imported.append(start)
      while manifests(chain[index], &memo).buildPropsImportsParent,
            let next = chain[(index + 1)...].firstIndex(where: { manifests($0, &memo).buildProperties != nil }) {
        imported.append(chain[next])
        index = next
      }
    }
    var properties: [String: String] = [:]
    for folder in imported.reversed() { properties.merge(manifests(folder, &memo).buildProperties ?? [:]) { _, nearer in nearer } }
    properties.merge(pending.properties) { _, project in project }
    func definingFile(_ raw: String, fallback: String) -> String {
      guard WasmtimeVersion(raw) == nil else { return fallback }
      let names = Set(pending.properties.keys)
      // The nearest imported props file that defines a property the value names.
      for folder in imported {
        let defined = (manifests(folder, &memo).buildProperties ?? [:]).keys.filter { !names.contains($0) }
        if defined.contains(where: { raw.lowercased().contains("$(\($0))") }) { return folder + "/Directory.Build.props" }
      }
      return fallback
    }
    if let raw = pending.raw {
      guard let version = WasmtimeVersion(WasmtimeManifest.resolveProperties(raw, properties)) else { return nil }
      return (version, definingFile(raw, fallback: pending.path))
    }
    guard let packagesFolder = chain.first(where: { manifests($0, &memo).packageVersion != nil }),
          let packages = manifests(packagesFolder, &memo).packageVersion else { return nil }
    properties.merge(packages.properties) { _, packagesProps in packagesProps }
    guard let version = WasmtimeVersion(WasmtimeManifest.resolveProperties(packages.raw, properties)) else { return nil }
    let own = packages.properties.keys.contains { packages.raw.lowercased().contains("$(\($0))") }
    return (version, own ? packages.path : definingFile(packages.raw, fallback: packages.path))
  }

  /// The directory and its parents, up to and including the repository root or `/`.
  private func ancestors(of directory: String, _ memo: inout Cache) -> [String] {
    var chain: [String] = []
    var current = directory
    while true {
      chain.append(current)
      if manifests(current, &memo).isRepositoryRoot || current == "/" { return chain }
      current = Self.parent(of: current)
    }
  }

  /// The highest version within the requirement (the highest overall without one); nil when none fits.
  private static func pick(_ versions: [WasmtimeVersion], within range: WasmtimeVersionRange?) -> WasmtimeVersion? {
    guard let range else { return versions.max() }
    return versions.filter(range.contains).max()
  }

  /// The version requirement of the wasmtime dependency in the `Cargo.toml` at `chain[index]`, and
  /// the manifest that states it (a `[workspace.dependencies]` root for `workspace = true`, the
  /// dependency's own `Cargo.toml` for a `path` dependency without a version).
  private func cargoRequirement(_ chain: [String], at index: Int, _ memo: inout Cache) -> (range: WasmtimeVersionRange?, path: String)? {
    let directory = chain[index]
    guard let cargo = manifests(directory, &memo).cargo, cargo.mentionsWasmtime else { return nil }
    let manifestPath = directory + "/Cargo.toml"
    for dependency in cargo.dependencies {
      var effective = dependency
      var path = manifestPath
      if dependency.workspace {
        guard let inherited = workspaceDependency(chain, from: index, &memo) else { continue }
        effective = dependency.inheriting(from: inherited.dependency)
        path = inherited.path
      }
      if let version = effective.version {
        return (WasmtimeVersionRange(parsing: version), path)
      }
      if let relativePath = effective.path {
        let dependencyDirectory = Self.normalize(
          relativePath.hasPrefix("/") ? relativePath : Self.parent(of: path) + "/" + relativePath)
        if let version = manifests(dependencyDirectory, &memo).cargo?.packageVersion,
          let exact = WasmtimeVersionRange(parsing: "=" + version)
        {
          return (exact, dependencyDirectory + "/Cargo.toml")
        }
      }
    }
    if let workspace = cargo.workspaceDependency, let version = workspace.version {
      return (WasmtimeVersionRange(parsing: version), manifestPath)
    }
    return nil
  }

  /// The nearest `[workspace.dependencies]` wasmtime entry at or above `chain[index]`.
  private func workspaceDependency(_ chain: [String], from index: Int, _ memo: inout Cache)
    -> (dependency: WasmtimeManifest.CargoDependency, path: String)?
  {
    for directory in chain.dropFirst(index) {
      if let base = manifests(directory, &memo).cargo?.workspaceDependency { return (base, directory + "/Cargo.toml") }
    }
    return nil
  }

  /// Whether the build of the file compiles wasmtime's `async`/`stack-switching` in, as Cargo
  /// resolves features: the nearest `Cargo.toml` naming wasmtime, its `[dev-dependencies]` only
  /// for files under `tests/`, `benches/` or `examples/` and for test code (the targets built with them), its
  /// default features forwarding `wasmtime/async`, and every other member of its workspace
  /// that uses the same wasmtime (Cargo unifies a package's features across the build).
  private func cargoAsyncFeature(_ chain: [String], testCode: Bool, _ memo: inout Cache) -> Bool? {
    for (index, directory) in chain.enumerated() {
      guard let cargo = manifests(directory, &memo).cargo, cargo.mentionsWasmtime else { continue }
      if cargo.dependencies.isEmpty { return cargo.workspaceDependency?.enablesAsync ?? true }
      let testTarget = testCode || (index > 0 && Self.devTargetFolders.contains(Self.lastComponent(chain[index - 1])))
      let inherited = workspaceDependency(chain, from: index, &memo)?.dependency
      if Self.enablesAsync(cargo, inherited: inherited, dev: testTarget) { return true }
      return workspaceEnablesAsync(chain, crateAt: index, dev: testTarget, &memo)
    }
    return nil
  }

  /// Whether the crate that `cargoAsyncFeature` found turns async on through its own entries
  /// (nil), only through one of its default features, or only through another member.
  private func cargoAsyncCondition(_ chain: [String], testCode: Bool, _ memo: inout Cache) -> CargoAsyncCondition? {
    for (index, directory) in chain.enumerated() {
      guard let cargo = manifests(directory, &memo).cargo, cargo.mentionsWasmtime else { continue }
      if cargo.dependencies.isEmpty { return nil }
      let testTarget = testCode || (index > 0 && Self.devTargetFolders.contains(Self.lastComponent(chain[index - 1])))
      let inherited = workspaceDependency(chain, from: index, &memo)?.dependency
      var own = cargo
      own.defaultFeaturesEnableAsync = false
      if Self.enablesAsync(own, inherited: inherited, dev: testTarget) { return nil }
      if cargo.defaultFeaturesEnableAsync, let feature = cargo.asyncFeatureName { return .crateFeature(feature) }
      return workspaceEnablesAsync(chain, crateAt: index, dev: testTarget, &memo) ? .otherWorkspaceMember : nil
    }
    return nil
  }

  /// Folders of a crate whose targets (integration tests, benchmarks, examples) are built with
  /// the `[dev-dependencies]`.
  private static let devTargetFolders: Set<String> = ["tests", "benches", "examples"]

  /// Whether one crate's own entries turn async on. `dev`: the file is built with the
  /// dev-dependencies too. Build-dependencies never count (resolver 2 resolves them apart).
  private static func enablesAsync(_ cargo: WasmtimeManifest.CargoManifest, inherited: WasmtimeManifest.CargoDependency?,
                                   dev: Bool) -> Bool {
    if cargo.defaultFeaturesEnableAsync { return true }
    var entries = cargo.dependencies.filter { $0.kind == .normal || (dev && $0.kind == .dev) }
    // Only a dev- or build-dependency: the file uses that one.
    if entries.isEmpty { entries = cargo.dependencies }
    return entries.contains { dependency in
      guard dependency.workspace else { return dependency.enablesAsync }
      // An unresolvable inheritance keeps Cargo's defaults: async on.
      guard let inherited else { return true }
      return dependency.inheriting(from: inherited).enablesAsync
    }
  }

  /// Another member of the crate's workspace turns async on for the same wasmtime (the same
  /// version in the workspace's `Cargo.lock` when it lists several).
  private func workspaceEnablesAsync(_ chain: [String], crateAt index: Int, dev: Bool, _ memo: inout Cache) -> Bool {
    guard let rootIndex = (index..<chain.count).first(where: { manifests(chain[$0], &memo).cargo?.isWorkspaceRoot == true }),
          let rootCargo = manifests(chain[rootIndex], &memo).cargo else { return false }
    let root = chain[rootIndex]
    let lock = manifests(root, &memo).lockVersions
    func resolved(_ memberChain: [String]) -> WasmtimeVersion? {
      guard lock.count > 1, let range = cargoRequirement(memberChain, at: 0, &memo)?.range else { return nil }
      return Self.pick(lock, within: range)
    }
    let members = workspaceMembers(root, rootCargo, &memo)
    // A crate the workspace excludes (or does not list) is built on its own.
    guard members.contains(chain[index]) else { return false }
    let mine = resolved(Array(chain[index...]))
    for member in members where member != chain[index] {
      guard let cargo = manifests(member, &memo).cargo, cargo.mentionsWasmtime, !cargo.dependencies.isEmpty else { continue }
      let memberChain = ancestors(of: member, &memo)
      if let mine, let theirs = resolved(memberChain), theirs != mine { continue }
      if Self.enablesAsync(cargo, inherited: rootCargo.workspaceDependency, dev: dev) { return true }
    }
    return false
  }

  /// The member directories of the workspace rooted at `root`: its `members` patterns (a `*`
  /// matches one path component) less `exclude`, and the root when it is a package itself.
  private func workspaceMembers(_ root: String, _ cargo: WasmtimeManifest.CargoManifest, _ memo: inout Cache) -> [String] {
    if let cached = memo.members[root] { return cached }
    var members: [String] = cargo.isPackage ? [root] : []
    let excluded = Set(cargo.workspaceExcludes.map { Self.normalize(root + "/" + $0) })
    for pattern in cargo.workspaceMembers {
      var matches = [root]
      for component in pattern.split(separator: "/").map(String.init) {
        guard component.contains("*") || component.contains("?") else {
          matches = matches.map { $0 + "/" + component }
          continue
        }
        matches = matches.flatMap { directory in
          ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
            .filter { fnmatch(component, $0, 0) == 0 }.map { directory + "/" + $0 }
        }
      }
      members += matches.map(Self.normalize).filter { !excluded.contains($0) && !members.contains($0) }
    }
    memo.members[root] = members
    return members
  }

  private static func lastComponent(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? ""
  }

  // MARK: Per-directory manifests

  /// What one directory's manifests say, read once.
  private struct DirectoryManifests {
    var isRepositoryRoot = false
    /// Manifests that exist but could not be read as what their name says, with why: said
    /// once as a warning instead of silently falling back to another source or the newest.
    var problems: [(name: String, why: String)] = []
    /// `wasmtime` versions in `Cargo.lock`; empty when there is none or it does not list wasmtime.
    var lockVersions: [WasmtimeVersion] = []
    var cargo: WasmtimeManifest.CargoManifest?
    var dotnet: (version: WasmtimeVersion, path: String)?
    /// A project naming `Wasmtime` whose version needs the props files above it.
    var dotnetPending: DotnetReference?
    /// The properties of this folder's `Directory.Build.props`, when it has one.
    var buildProperties: [String: String]?
    /// That file imports the `Directory.Build.props` above it.
    var buildPropsImportsParent = false
    /// This folder's `Directory.Packages.props` `Wasmtime` version as written, with its properties.
    var packageVersion: (raw: String, path: String, properties: [String: String])?
    var versionFile: WasmtimeVersion?
    var header: (version: WasmtimeVersion, path: String)?
    /// A C API build's `WASMTIME_FEATURE_ASYNC`, from a generated `conf.h` or a CMake file.
    var cAsyncFeature: Bool?
  }

  private func manifests(_ directory: String, _ memo: inout Cache) -> DirectoryManifests {
    if let cached = memo.directories[directory] { return cached }
    let result = Self.readManifests(directory, overlay: overlay)
    memo.directories[directory] = result
    for problem in result.problems {
      memo.problemLines.append("\(relative(directory == "/" ? "/" + problem.name : directory + "/" + problem.name)): warning: \(problem.why)")
    }
    return result
  }

  /// Whether `path` names a file this detector reads (for deciding when a fix's edits need a
  /// fresh detector).
  package static func isManifest(_ path: String) -> Bool {
    let name = String(path.split(separator: "/").last ?? "")
    return ["Cargo.lock", "Cargo.toml", "wasmtime-version.txt", "wasmtime.h", "Directory.Packages.props", "Directory.Build.props",
            "conf.h", "CMakeLists.txt", "CMakePresets.json"].contains(name)
      || name.hasSuffix(".csproj")
  }

  private static func readManifests(_ directory: String, overlay: [String: [UInt8]]) -> DirectoryManifests {
    func path(_ name: String) -> String { directory == "/" ? "/" + name : directory + "/" + name }
    // One listing per directory: most directories hold none of the manifests, and a name not
    // listed costs no further system call.
    let entries = manifestEntries(of: directory)
    let names = Set(entries)
    let reader = FileReader()
    func read(_ name: String) -> String? {
      let text: String
      if let replaced = overlay[path(name)] {
        text = String(decoding: replaced, as: UTF8.self)
      } else {
        guard names.contains(name.split(separator: "/").first.map(String.init) ?? name),
              case let .success(bytes) = reader.read(path(name)) else { return nil }
        text = String(decoding: bytes, as: UTF8.self)
      }
      // Windows editors write a BOM into csproj and txt files; it is not part of the content.
      return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    var result = DirectoryManifests()
    // `.git` is a directory in a clone, a file in a worktree or submodule.
    result.isRepositoryRoot = names.contains(".git")
    if let text = read("Cargo.lock") {
      result.lockVersions = WasmtimeManifest.cargoLockVersions(text)
      if result.lockVersions.isEmpty, !WasmtimeManifest.isCargoLock(text) {
        result.problems.append(("Cargo.lock", "not a Cargo lock file (no [[package]] entries); the Wasmtime version is looked for elsewhere"))
      }
    }
    if let text = read("Cargo.toml") { result.cargo = WasmtimeManifest.CargoManifest(parsing: text) }

    let projects = entries.filter { $0.hasSuffix(".csproj") || $0.hasSuffix(".fsproj") || $0.hasSuffix(".vbproj") }.sorted()
    let msbuildFiles = projects + ["Directory.Packages.props", "Directory.Build.props", "packages.config"]
    let texts = msbuildFiles.compactMap { name in read(name).map { (name, $0) } }
    if !texts.isEmpty {
      // Properties (`$(WasmtimeVersion)`) may be defined in any of the directory's MSBuild files;
      // Directory.Build.props is imported first, the project last.
      var properties: [String: String] = [:]
      for (_, text) in texts.reversed() {
        properties.merge(WasmtimeManifest.msbuildProperties(text)) { _, new in new }
      }
      for (name, text) in texts {
        if let version = WasmtimeManifest.msbuildWasmtimeVersion(text, properties: properties).version {
          result.dotnet = (version, path(name))
          break
        }
      }
      for (name, text) in texts {
        let reference = WasmtimeManifest.msbuildWasmtimeReference(text)
        switch name {
        case "Directory.Build.props":
          result.buildProperties = WasmtimeManifest.msbuildProperties(text)
          result.buildPropsImportsParent = text.contains("GetPathOfFileAbove") && text.contains("Directory.Build.props")
        case "Directory.Packages.props":
          if let raw = reference.raw { result.packageVersion = (raw, path(name), WasmtimeManifest.msbuildProperties(text)) }
        case "packages.config": break
        default:
          if reference.referenced, result.dotnetPending == nil {
            result.dotnetPending = DotnetReference(path: path(name), raw: reference.raw, properties: WasmtimeManifest.msbuildProperties(text))
          }
        }
      }
    }

    if let text = read("wasmtime-version.txt") { result.versionFile = WasmtimeManifest.versionFileVersion(text) }
    for name in ["wasmtime.h", "include/wasmtime.h"] {
      if let text = read(name), let version = WasmtimeManifest.headerVersion(text) {
        result.header = (version, path(name))
        break
      }
    }
    for name in ["include/wasmtime/conf.h", "wasmtime/conf.h", "CMakeLists.txt", "CMakePresets.json"] {
      if let text = read(name), let enabled = WasmtimeManifest.cAsyncFeature(text) {
        result.cAsyncFeature = enabled
        break
      }
    }
    return result
  }

  /// A project file's `Wasmtime` reference: its version as written (nil under central package
  /// management) and the project's own properties.
  struct DotnetReference {
    var path: String
    var raw: String?
    var properties: [String: String]
  }

  /// Names `readManifests` may read (the first component for `include/wasmtime.h`).
  private static let manifestNames: Set<String> = [
    ".git", "Cargo.lock", "Cargo.toml", "Directory.Packages.props", "Directory.Build.props", "packages.config",
    "wasmtime-version.txt", "wasmtime.h", "include", "wasmtime", "CMakeLists.txt", "CMakePresets.json",
  ]
  private static let manifestNameLengths = Set(manifestNames.map(\.utf8.count))

  /// The directory's entries that are manifests (or `.git`, `include`, MSBuild projects); empty
  /// when it cannot be read. Other entries are passed over without making a String: the
  /// directories above the sites (`crates/`, the root) may hold thousands.
  private static func manifestEntries(of directory: String) -> [String] {
    guard let handle = opendir(directory) else { return [] }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name: String? = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: UInt8.self, capacity: 256) { pointer in
          let bytes = UnsafeBufferPointer(start: pointer, count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)))
          let isProject = bytes.count > 7 && bytes.suffix(4).elementsEqual("proj".utf8)
          guard isProject || manifestNameLengths.contains(bytes.count) else { return nil }
          let name = String(decoding: bytes, as: UTF8.self)
          return isProject || manifestNames.contains(name) ? name : nil
        }
      }
      if let name { names.append(name) }
    }
    return names
  }

  // MARK: Paths

  private func relative(_ path: String) -> String {
    if root == "/" { return String(path.dropFirst()) }
    if path.hasPrefix(root + "/") { return String(path.dropFirst(root.count + 1)) }
    return path
  }

  /// Removes `.`/`..` components, repeated and trailing slashes; keeps the path absolute.
  static func normalize(_ path: String) -> String {
    var components: [Substring] = []
    for component in path.split(separator: "/") {
      switch component {
      case ".": continue
      case "..": if !components.isEmpty { components.removeLast() }
      default: components.append(component)
      }
    }
    return "/" + components.joined(separator: "/")
  }

  static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
    return String(path[..<slash])
  }
}
