import WasmfixSurfaces
import Dispatch
import Foundation
import TreeSitter

/// Finds named constants across the scanned tree on demand: only files whose bytes contain a
/// wanted name are parsed, once each. Resolution prefers the qualified path, then the same
/// file, then a unique definition anywhere; ambiguity is reported, never guessed silently.
/// A definition local to a function or block is seen only from inside it, and before any other.
public final class ConstantIndex: NameResolver {
  /// A file constants may come from.
  public struct CandidateFile: Sendable {
    public let absolutePath: String
    public let relativePath: String
    public let language: SurfaceID
    /// Hashes of the names the file may define (`DefinitionScan`); only files listing a wanted
    /// name are ever parsed. Empty in the files `CandidateFiles` rebuilds from its records.
    public let definedNames: [UInt64]
    public init(absolutePath: String, relativePath: String, language: SurfaceID, definedNames: [UInt64]) {
      self.absolutePath = absolutePath
      self.relativePath = relativePath
      self.language = language
      self.definedNames = definedNames
    }
  }

  private let files: CandidateFiles
  private var indexedNames = Set<String>()
  /// Every definition indexed so far.
  private var known = Set<ConstantDefinition>()
  /// The definitions at file, module, namespace or type level, by name.
  private var definitionsByName: [String: [ConstantDefinition]] = [:]
  /// The definitions local to functions and blocks, by file and name.
  private var localDefinitions: [LocalName: LocalScopes] = [:]
  private var languageOfFile: [String: SurfaceID] = [:]
  private var evaluated: [ConstantDefinition: EvaluatedValue] = [:]
  /// Content hashes of the files parsed for constants.
  public private(set) var hashes: [String: UInt64] = [:]
  /// Overrides file contents by absolute path (a fix re-scans its edits before writing them).
  package var overlay: [String: [UInt8]] = [:]

  public init(files: CandidateFiles) {
    self.files = files
  }

  /// Makes sure every definition of `names` (and of the names they use, transitively) is
  /// indexed, parsing only the files whose byte scan lists the name.
  public func index(names initial: Set<String>) {
    var pending = initial.subtracting(indexedNames)
    while !pending.isEmpty {
      indexedNames.formUnion(pending)
      // A file already parsed for other names is parsed again for these: only the items
      // mentioning the wanted names are parsed each time.
      pending = parse(files.files(mayDefine: pending.map(NameHash.of)), for: pending)
    }
  }

  /// What the index has learnt, kept (immutable) in the scan result for a fix's re-scan.
  package struct Snapshot: Sendable {
    fileprivate let indexedNames: Set<String>
    fileprivate let definitionsByName: [String: [ConstantDefinition]]
    fileprivate let localDefinitions: [LocalName: LocalScopes]
    fileprivate let languageOfFile: [String: SurfaceID]
    fileprivate let hashes: [String: UInt64]
  }

  package var snapshot: Snapshot {
    Snapshot(indexedNames: indexedNames, definitionsByName: definitionsByName, localDefinitions: localDefinitions,
             languageOfFile: languageOfFile, hashes: hashes)
  }

  /// An index for re-scanning after `overlay`'s files changed (a fix's verification): what
  /// other files define is taken from `snapshot`, and only the changed files are parsed again,
  /// for every name indexed so far. `files` holds the changed files' new name lists (whole).
  package convenience init(updating snapshot: Snapshot, files: CandidateFiles, overlay: [String: [UInt8]]) {
    self.init(files: files)
    self.overlay = overlay
    let changed = files.whole.filter { overlay[$0.absolutePath] != nil }
    let changedPaths = Set(changed.map(\.relativePath))
    indexedNames = snapshot.indexedNames
    languageOfFile = snapshot.languageOfFile
    hashes = snapshot.hashes
    for (name, definitions) in snapshot.definitionsByName {
      let kept = definitions.filter { !changedPaths.contains($0.path) }
      if !kept.isEmpty { definitionsByName[name] = kept }
    }
    localDefinitions = snapshot.localDefinitions.filter { !changedPaths.contains($0.key.path) }
    known = Set(definitionsByName.values.joined()).union(localDefinitions.values.flatMap(\.all))
    index(names: parse(Self.files(changed, defining: indexedNames), for: indexedNames))
  }

  /// The files whose byte scan lists one of `names` (files kept whole, with their hashes).
  private static func files(_ files: [CandidateFile], defining names: Set<String>) -> [CandidateFile] {
    let wantedHashes = HashFilter(names.map(NameHash.of))
    return files.filter { $0.definedNames.contains(where: wantedHashes.contains) }
  }

  /// What reading one wanted file gave.
  private enum Parsed: Sendable {
    /// Its own names include none of the wanted ones: a fingerprint matched by chance.
    case notDefining
    /// Unreadable, or no parser for it.
    case unparsed
    case parsed(definitions: [ConstantDefinition], hash: UInt64)
  }

  /// Parses `files` for the definitions of `names`; returns the names those definitions use
  /// that are not indexed yet.
  private func parse(_ files: [CandidateFile], for names: Set<String>) -> Set<String> {
    let wanted = files.sorted { WalkPath.bytewiseLess($0.relativePath, $1.relativePath) }
    // Parse the wanted files in parallel; merge in path order so results do not depend on timing.
    let slots = ResultSlots<Parsed>(count: wanted.count)
    let overlay = self.overlay
    let needles = names.sorted().map { Array($0.utf8) }
    let wantedHashes = HashFilter(names.map(NameHash.of))
    let next = AtomicCounter()
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, wanted.count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      // One scanner (parsers, read buffer) per worker.
      let scanner = FileScanner()
      while case let i = next.increment(), i < wanted.count {
        slots.write(i, Self.definitions(in: wanted[i], naming: needles, hashes: wantedHashes, overlay: overlay, scanner: scanner))
      }
    }
    var newDefinitions: [ConstantDefinition] = []
    for (file, slot) in zip(wanted, slots.take()) {
      let result = slot ?? .unparsed
      if case .notDefining = result { continue }
      languageOfFile[file.relativePath] = file.language
      guard case let .parsed(definitions, hash) = result else { continue }
      hashes[file.relativePath] = hash
      // An item mentioning two wanted names (`A = B`) comes back in both passes.
      newDefinitions += definitions.filter { known.insert($0).inserted }
    }
    var following = Set<String>()
    var locals: [LocalName: [ConstantDefinition]] = [:]
    for definition in newDefinitions {
      if definition.visibility != nil {
        locals[LocalName(path: definition.path, name: definition.name), default: []].append(definition)
      } else {
        definitionsByName[definition.name, default: []].append(definition)
      }
      for path in definition.value.referencedNames where !indexedNames.contains(path.last ?? "") {
        following.insert(path.last ?? "")
      }
    }
    // Once per file and name: adding re-sorts the name's blocks.
    for (key, definitions) in locals { localDefinitions[key, default: LocalScopes()].add(definitions) }
    return following
  }

  /// Parses only the items of `file` that mention one of `needles` (a definition of the name
  /// is one of them): the whole file when that is in doubt. `hashes`: the needles' name hashes.
  private static func definitions(in file: CandidateFile, naming needles: [[UInt8]], hashes: HashFilter, overlay: [String: [UInt8]],
                                  scanner: FileScanner) -> Parsed {
    guard let raw = overlay[file.absolutePath] ?? FileManager.default.contents(atPath: file.absolutePath).map({ [UInt8]($0) }),
          let surface = Surfaces.surface(file.language)
    else { return .unparsed }
    let bytes = TextEncoding.utf8(fromUTF16: raw) ?? raw  // as the scan read it
    // The candidate list chose the file by short fingerprints: its own names decide, as the
    // full hashes did when the list kept them (the same files are parsed).
    guard scanner.definedNames(in: bytes, surface: surface).contains(where: hashes.contains) else { return .notDefining }
    let source = SourceText(bytes: bytes)
    let mentions = needles.flatMap { ByteSearch.occurrences(of: $0, in: bytes) }.sorted()
    guard let definitions = surface.constants(in: source, mentions: mentions, path: file.relativePath, parsers: scanner.parsers)
    else { return .unparsed }
    return .parsed(definitions: definitions, hash: ContentHash.of(bytes))
  }

  public func function(_ path: [String], language: SurfaceID, fromFile file: String, at offset: Int?) -> ConstantDefinition? {
    guard let name = path.last else { return nil }
    let family = Self.family(of: language)
    let candidates = visible(path, fromFile: file, at: offset) {
      $0.parameters != nil && Self.family(of: self.languageOfFile[$0.path] ?? language) == family
    }.definitions
    // Same file first, then a unique definition anywhere; several different ones are ambiguous.
    let local = candidates.filter { $0.path == file }
    if let only = (local.isEmpty ? candidates : local).first, (local.isEmpty ? candidates : local).count == 1 { return only }
    return nil
  }

  static func family(of id: SurfaceID) -> SurfaceID { Surfaces.surface(id)?.constantFamily ?? id }

  /// Every definition of `name` indexed, local ones included (whoever sees them).
  public func definitions(named name: String) -> [ConstantDefinition] {
    (definitionsByName[name] ?? []) + localDefinitions.filter { $0.key.name == name }
      .sorted { WalkPath.bytewiseLess($0.key.path, $1.key.path) }.flatMap(\.value.all)
  }

  /// The definitions of `path`'s name matching `include` that a use at `offset` in `file` sees:
  /// those of the innermost function or block around it that defines one (`local`), else the
  /// file-, module- and type-level ones. A written path (`limits::STACK`, `self::STACK`,
  /// `Limits.Stack`) never names a local. Costs the blocks around the use, not the number of
  /// functions defining the name.
  public func visible(_ path: [String], fromFile file: String, at offset: Int?,
                      where include: (ConstantDefinition) -> Bool) -> (definitions: [ConstantDefinition], local: Bool) {
    guard let name = path.last else { return ([], false) }
    if path.count == 1, let offset, let scopes = localDefinitions[LocalName(path: file, name: name)] {
      for group in scopes.enclosing(offset) {
        let kept = group.filter(include)
        if !kept.isEmpty { return (kept, true) }
      }
    }
    return ((definitionsByName[name] ?? []).filter(include), false)
  }

  /// The language of the file that holds `definition`, as the index read it.
  public func language(of definition: ConstantDefinition) -> SurfaceID? { languageOfFile[definition.path] }

  public func resolve(_ path: [String], language: SurfaceID, fromFile file: String, at offset: Int?,
                      visiting: inout Set<String>) -> NameResolution? {
    let family = Self.family(of: language)
    let (all, local) = visible(path, fromFile: file, at: offset) {
      $0.parameters == nil && Self.family(of: self.languageOfFile[$0.path] ?? language) == family
    }
    guard !all.isEmpty else { return nil }
    let qualifiers = path.dropLast().filter { !["crate", "self", "super", "Self"].contains($0) }
    var chosen = all
    var note: String?
    let written = path.joined(separator: language == .csharp ? "." : "::")
    if !qualifiers.isEmpty {
      // The longest trailing part of the written path that some definition's scope ends with:
      // `App.Limits.X` matches scope ["App", "Limits"], and also ["Limits"] when namespaces differ.
      var qualified: [ConstantDefinition] = []
      for length in stride(from: qualifiers.count, through: 1, by: -1) {
        let tail = Array(qualifiers.suffix(length))
        qualified = all.filter { $0.scope.count >= length && Array($0.scope.suffix(length)) == tail }
        if !qualified.isEmpty { break }
      }
      if !qualified.isEmpty { chosen = qualified } else { note = "\(written) resolved by name" }
    } else if !local {
      let sameFile = all.filter { $0.path == file }
      if !sameFile.isEmpty { chosen = sameFile }
    }
    if chosen.count == 1 {
      let definition = chosen[0]
      if note != nil { note = "\(written) resolved by name to \(definition.location)" }
      return NameResolution(value: value(of: definition, visiting: &visiting), definition: definition, note: note)
    }
    let values = chosen.map { value(of: $0, visiting: &visiting) }
    let locations = chosen.map(\.location).joined(separator: ", ")
    if let first = values.first, first.isResolved, values.allSatisfy({ $0 == first }) {
      return NameResolution(value: first, definition: chosen[0],
                            note: "\(written) is defined \(chosen.count) times (\(locations)), all equal")
    }
    return NameResolution(value: .unresolved("\(written) is ambiguous: defined at \(locations) with different values"),
                          definition: nil, note: nil)
  }

  /// The value of one definition, evaluated in its own file; cycles become unresolved.
  public func value(of definition: ConstantDefinition, visiting: inout Set<String>) -> EvaluatedValue {
    if let cached = evaluated[definition] { return cached }
    let key = "\(definition.location):\(definition.name)"
    guard !visiting.contains(key) else { return .unresolved("\(definition.name) is defined in terms of itself") }
    // Each step of a chain (`#define A B`, `#define B C`, …) is a frame: bound the depth so a
    // generated chain of thousands cannot exhaust the stack.
    guard visiting.count < 128 else { return .unresolved("\(definition.name) is defined through a chain of more than 128 constants") }
    visiting.insert(key)
    defer { visiting.remove(key) }
    let language = languageOfFile[definition.path] ?? .c
    // Seen from the definition itself: a local constant may use the locals of its block.
    var evaluator = ConstantEvaluator(language: language, file: definition.path, offset: definition.itemRange.lowerBound, resolver: self)
    var result = evaluator.evaluate(definition.value, visiting: &visiting)
    // `const X: usize = 1 - 2;` does not compile (Rust), and C's `const size_t X = 1 - 2;`
    // is SIZE_MAX only by wrapping: a value outside its declared unsigned type is an overflow,
    // not the wrapped number (issue 10, smaller defects).
    if case let .integer(v) = result, let type = definition.declaredType.flatMap(IntegerType.named), !type.signed,
       v < 0 || v >= Int128(1) << type.bits {
      result = .unresolved("arithmetic overflow: \(definition.name) is a \(definition.declaredType!), which cannot hold \(v)")
    }
    evaluated[definition] = result
    return result
  }
}

/// Membership of a few name hashes, asked for every name of every candidate file (tens of
/// thousands of times per scan): a 1,024-bit filter answers almost every "no" with one load.
struct HashFilter {
  private var bits = [UInt64](repeating: 0, count: 16)
  private let hashes: Set<UInt64>

  init(_ hashes: [UInt64]) {
    self.hashes = Set(hashes)
    for hash in hashes { bits[Int(hash >> 60)] |= 1 << (hash & 63) }
  }

  func contains(_ hash: UInt64) -> Bool {
    bits[Int(hash >> 60)] & (1 << (hash & 63)) != 0 && hashes.contains(hash)
  }
}
