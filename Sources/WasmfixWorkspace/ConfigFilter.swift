/// Include and exclude globs together, matched against a path relative to the folder they
/// belong to: an excluded file is out, and an empty include list takes everything else. One
/// rule for a config's `include`/`exclude` and for `--include`/`--exclude` in a report scope.
package struct GlobSelection: Sendable {
  private let includes: [Glob]
  private let excludes: [Glob]

  package init(includes: [String], excludes: [String]) {
    self.includes = includes.map(Glob.init)
    self.excludes = excludes.map(Glob.init)
  }

  package var isEmpty: Bool { includes.isEmpty && excludes.isEmpty }

  package func admits(relativePath: String) -> Bool {
    if excludes.contains(where: { $0.matchesSelfOrAncestor(relativePath: relativePath, isDirectory: false) }) { return false }
    return includes.isEmpty || includes.contains { $0.matchesSelfOrAncestor(relativePath: relativePath, isDirectory: false) }
  }
}

/// A config's `include` / `exclude` globs, applied to the files below its folder: the same
/// gitignore-style globs as `--include` / `--exclude`, matched against the path relative to the
/// config's folder (a monorepo member's config says `exclude = ["generated/"]` for itself).
package struct ConfigFilter: Sendable {
  private let directory: String
  private let selection: GlobSelection

  /// `ignoringIncludes` / `ignoringExcludes`: the command line gave its own, which win.
  package init(_ config: ProjectConfig, ignoringIncludes: Bool, ignoringExcludes: Bool) {
    directory = config.directory
    selection = GlobSelection(includes: ignoringIncludes ? [] : config.include ?? [],
                              excludes: ignoringExcludes ? [] : config.exclude ?? [])
  }

  package var isEmpty: Bool { selection.isEmpty }

  /// Whether the config lets the file be scanned.
  package func admits(absolutePath: String) -> Bool {
    guard WalkPath.isInside(absolutePath, directory), absolutePath != directory else { return true }
    return selection.admits(relativePath: WalkPath.relative(absolutePath, to: directory))
  }
}
