import WasmfixSurfaces

/// A name defined once per build (`cfg_if! { if #[cfg(feature = "big")] { const STACK: usize =
/// 8 << 20; } else { const STACK: usize = 1 << 20; } }`, or `#[cfg(..)]` on each item) is not
/// ambiguous: each build has one value. A call that uses it is judged per build, as calls in
/// `cfg_if!` branches are (issue 9, items 6 and 9).
public enum BuildDefinitions {
  /// The name of `argument` whose definitions, as the call at `file` sees them, are one per
  /// build (two or more, each with its own `alternative` label), with those definitions in
  /// file order; nil when no name is. Only the first such name counts: two names that both
  /// vary would need every combination of builds, which wasmfix does not guess.
  /// A module path is matched whole (`limits::STACK` finds `limits`'s), not by its tail.
  public static func varying(in argument: Expression, language: SurfaceID, file: String, at offset: Int?,
                             index: ConstantIndex) -> (name: String, definitions: [ConstantDefinition])? {
    let family = ConstantIndex.family(of: language)
    for path in argument.referencedNames {
      guard let name = path.last else { continue }
      // As `ConstantIndex.resolve` sees them: a local of the call's function first.
      let (all, local) = index.visible(path, fromFile: file, at: offset) {
        $0.parameters == nil && ConstantIndex.family(of: index.language(of: $0) ?? language) == family
      }
      // As `ConstantIndex.resolve` chooses: by the written module path (`limits::STACK`),
      // else the call's own file first.
      let qualifiers = Array(path.dropLast().filter { !["crate", "self", "super", "Self"].contains($0) })
      var candidates = all.filter { $0.path == file }
      if local {
        candidates = all  // the locals of the innermost block defining the name
      } else if !qualifiers.isEmpty {
        candidates = all.filter { $0.scope.count >= qualifiers.count && Array($0.scope.suffix(qualifiers.count)) == qualifiers }
      } else if candidates.isEmpty {
        candidates = all
      }
      let chosen = candidates.sorted { ($0.path, $0.itemRange.lowerBound) < ($1.path, $1.itemRange.lowerBound) }
      let labels = chosen.compactMap(\.alternative)
      guard chosen.count >= 2, labels.count == chosen.count, Set(labels).count == labels.count else { continue }
      return (name, chosen)
    }
    return nil
  }
}

/// Resolves one name to one chosen definition (a build's), everything else through the index.
public struct PinnedResolver: NameResolver {
  let index: ConstantIndex
  let name: String
  let definition: ConstantDefinition

  public init(index: ConstantIndex, name: String, definition: ConstantDefinition) {
    self.index = index
    self.name = name
    self.definition = definition
  }

  public func resolve(_ path: [String], language: SurfaceID, fromFile file: String, at offset: Int?,
                      visiting: inout Set<String>) -> NameResolution? {
    guard path.last == name else { return index.resolve(path, language: language, fromFile: file, at: offset, visiting: &visiting) }
    return NameResolution(value: index.value(of: definition, visiting: &visiting), definition: definition)
  }

  public func function(_ path: [String], language: SurfaceID, fromFile file: String, at offset: Int?) -> ConstantDefinition? {
    index.function(path, language: language, fromFile: file, at: offset)
  }
}
