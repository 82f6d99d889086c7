/// A config's `include` / `exclude` globs, applied to the files below its folder: the same
/// gitignore-style globs as `--include` / `--exclude`, matched against the path relative to the
/// config's folder (a monorepo member's config says `exclude = ["generated/"]` for itself).
package struct ConfigFilter: Sendable {
  private let directory: String
  private let includes: [Glob]
  private let excludes: [Glob]

  /// `ignoringIncludes` / `ignoringExcludes`: the command line gave its own, which win.
  package init(_ config: ProjectConfig, ignoringIncludes: Bool, ignoringExcludes: Bool) {
    directory = config.directory
    includes = ignoringIncludes ? [] : (config.include ?? []).map(Glob.init)
    excludes = ignoringExcludes ? [] : (config.exclude ?? []).map(Glob.init)
  }

  package var isEmpty: Bool { includes.isEmpty && excludes.isEmpty }

  /// Whether the config lets the file be scanned.
  package func admits(absolutePath: String) -> Bool {
    let prefix = directory == "/" ? "/" : directory + "/"
    guard absolutePath.hasPrefix(prefix) else { return true }
    let relative = String(absolutePath.dropFirst(prefix.count))
    if excludes.contains(where: { $0.matchesSelfOrAncestor(relativePath: relative, isDirectory: false) }) { return false }
    return includes.isEmpty || includes.contains { $0.matchesSelfOrAncestor(relativePath: relative, isDirectory: false) }
  }
}
