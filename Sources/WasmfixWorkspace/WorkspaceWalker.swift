import WasmfixSupport
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

public struct WalkOptions: Sendable {
  /// Honour `.gitignore` files and `.git/info/exclude`; `--no-ignore` sets false.
  public var respectIgnoreFiles = true
  /// Globs; when non-empty a file must match one (itself or one of its directories).
  public var includes: [String] = []
  /// Globs; a matching file or directory is skipped (directories are not entered).
  public var excludes: [String] = []
  /// Bytes; larger files are reported as skipped.
  public var maxFileSize: Int = 8 << 20
  /// Follow symbolic links met during the walk (`--follow`). Off by default, as in ripgrep
  /// and git: a link may lead out of the repository, and a fix must never write there.
  public var followSymlinks = false
  /// Told about every directory listed and the `.wasmfix.toml` seen there (config discovery
  /// without a `stat` per folder); nil when configs are not discovered.
  public var configurations: ProjectConfiguration?
  public init() {}
}

public struct WalkedFile: Sendable, Hashable {
  public let absolutePath: String
  /// Relative to the walker's root, `/`-separated; the path as given for files outside the root.
  public let relativePath: String

  public init(absolutePath: String, relativePath: String) {
    self.absolutePath = absolutePath
    self.relativePath = relativePath
  }
}

public struct SkippedFile: Codable, Sendable, Hashable {
  public let path: String
  public let reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
}

public struct WalkResult: Sendable {
  /// Candidate files, sorted by `relativePath`.
  public var files: [WalkedFile]
  /// Files and directories that could not be scanned, sorted by `path`.
  public var skipped: [SkippedFile]

  public init(files: [WalkedFile] = [], skipped: [SkippedFile] = []) {
    self.files = files
    self.skipped = skipped
  }
}

public enum WalkError: Error, CustomStringConvertible {
  case pathNotFound(String)

  public var description: String {
    switch self {
    case .pathNotFound(let path): return "\(path): no such file or directory"
    }
  }
}

/// Lists the source files of a scan: directories recursively, honouring `.gitignore` files,
/// `--include` / `--exclude` globs and the size limit, following symbolic links without looping.
public struct WorkspaceWalker: Sendable {
  /// Absolute, lexically normalised; paths are reported relative to it.
  public let root: String
  public let options: WalkOptions

  /// `root`: the directory paths are made relative to (relative roots are taken from the cwd).
  public init(root: String, options: WalkOptions) {
    self.root = WalkPath.absolute(root)
    self.options = options
  }

  /// Walks the given paths (files or directories, absolute or relative to cwd); no paths walks
  /// the root. Throws only when a given path does not exist.
  /// `fileFilter` receives a file name and says whether the file is a candidate.
  /// `onFile`, when given, is called (on the walking thread) for each candidate file as soon as
  /// it is found, so a scan can start reading before the walk ends; the result's `files` is
  /// then empty. `sorted: false` skips sorting `files`.
  public func walk(_ paths: [String], sorted: Bool = true, onFile: ((WalkedFile) -> Void)? = nil,
                   fileFilter: (String) -> Bool) throws -> WalkResult {
    let given = paths.isEmpty ? [root] : paths
    // Fail before any work when a path is missing (a broken symlink does exist: it is reported).
    for path in given {
      var info = stat()
      if lstat(WalkPath.absolute(path), &info) != 0 && (errno == ENOENT || errno == ENOTDIR) {
        throw WalkError.pathNotFound(path)
      }
    }
    var walk = Walk(walker: self)
    walk.onFile = onFile
    walk.deduplicate = given.count > 1
    for path in given { walk.walkTopLevel(path, fileFilter: fileFilter) }
    walk.finishSymlinkedDirectories(fileFilter: fileFilter)
    let files = sorted ? walk.files.sorted { WalkPath.bytewiseLess($0.relativePath, $1.relativePath) } : walk.files
    let skipped = walk.skipped.sorted {
      $0.path == $1.path ? $0.reason < $1.reason : $0.path.utf8.lexicographicallyPrecedes($1.path.utf8)
    }
    return WalkResult(files: files, skipped: skipped)
  }
}

// MARK: - The walk

/// A device and inode pair, identifying a directory however it was reached.
private struct FileID: Hashable {
  let device: UInt64
  let inode: UInt64

  init(_ info: stat) {
    device = UInt64(truncatingIfNeeded: info.st_dev)
    inode = UInt64(truncatingIfNeeded: info.st_ino)
  }
}

/// A directory waiting to be read.
private struct DirectoryFrame {
  var absolutePath: String
  /// Relative to the walker's root ("" for the root itself).
  var relativePath: String
  /// Relative to the ignore root (the repository top level, or the scan root), as bytes.
  var ignorePath: [UInt8]
  var ignore: IgnoreMatcher
  /// The directory or one of its parents matched an `--include` glob.
  var included: Bool
  /// Reached through a symbolic link (followed after every real directory has been walked).
  var isSymlink: Bool
  /// Directories on the way here, for telling a symlink loop from a second link to a directory.
  var ancestors: [FileID]
}

private enum EntryKind { case directory, file, symlink, other, unknown }

private struct Walk {
  let walker: WorkspaceWalker
  let includes: [Glob]
  let excludes: [Glob]
  var files: [WalkedFile] = []
  var skipped: [SkippedFile] = []
  var onFile: ((WalkedFile) -> Void)?
  private var seenFiles: Set<String> = []
  /// Only overlapping top-level paths can reach one file twice (directories are walked once by
  /// device and inode), so a single path skips hashing every file's path.
  var deduplicate = true
  /// Device and inode of every file met through a followed link (`--follow`).
  private var seenInodes = Set<String>()
  private var visitedDirectories: Set<FileID> = []
  private var stack: [DirectoryFrame] = []
  private var symlinkedDirectories: [DirectoryFrame] = []

  init(walker: WorkspaceWalker) {
    self.walker = walker
    includes = walker.options.includes.map(Glob.init)
    excludes = walker.options.excludes.map(Glob.init)
  }

  private var options: WalkOptions { walker.options }

  // MARK: Paths given on the command line

  mutating func walkTopLevel(_ given: String, fileFilter: (String) -> Bool) {
    let absolutePath = WalkPath.absolute(given)
    let relativePath = WalkPath.relative(absolutePath, root: walker.root, given: given)
    let display = relativePath.isEmpty ? "." : relativePath
    var info = stat()
    guard stat(absolutePath, &info) == 0 else {
      let error = errno
      var linkInfo = stat()
      if lstat(absolutePath, &linkInfo) == 0 && (linkInfo.st_mode & S_IFMT) == S_IFLNK {
        skip(display, error == ELOOP ? "symbolic link loop" : "broken symbolic link")
      } else {
        skip(display, WalkPath.reason(errno: error))
      }
      return
    }
    let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
    if !relativePath.isEmpty
      && excludes.contains(where: { $0.matchesSelfOrAncestor(relativePath: relativePath, isDirectory: isDirectory) })
    {
      return
    }
    guard isDirectory else {
      // An explicit file is taken even when ignored, if it is a candidate. One that is not is
      // said so, not dropped in silence (`scan /dev/stdin`, `scan notes.txt`).
      guard fileFilter(WalkPath.basename(absolutePath)) else {
        let type = info.st_mode & S_IFMT
        if type == S_IFREG {
          skip(display, "not a kind of file wasmfix reads (it goes by name and extension: .rs, .c, .h, .cpp, .cs, .sh, Makefile, .yml, .targets, .toml, ...)")
        } else {
          let what = type == S_IFCHR ? "a character device" : type == S_IFIFO ? "a pipe" : type == S_IFSOCK ? "a socket" : type == S_IFBLK ? "a block device" : "not a regular file"
          skip(display, "\(what), not a source file; to scan text from standard input use `wasmfix scan - --stdin-filename PATH`")
        }
        return
      }
      if !includes.isEmpty
        && !includes.contains(where: { $0.matchesSelfOrAncestor(relativePath: relativePath, isDirectory: false) })
      {
        return
      }
      addFile(absolutePath: absolutePath, relativePath: relativePath, info: info)
      return
    }
    let included =
      includes.isEmpty
      || (!relativePath.isEmpty
        && includes.contains(where: { $0.matchesSelfOrAncestor(relativePath: relativePath, isDirectory: true) }))
    let (ignore, ignorePath) = ignoreContext(forDirectory: absolutePath)
    let frame = DirectoryFrame(
      absolutePath: absolutePath, relativePath: relativePath, ignorePath: ignorePath, ignore: ignore,
      included: included, isSymlink: false, ancestors: [])
    stack.append(frame)
    drain(fileFilter: fileFilter)
  }

  /// Directories reached through symbolic links are walked last, so that a directory reachable
  /// both directly and through a link is reported under its real path.
  mutating func finishSymlinkedDirectories(fileFilter: (String) -> Bool) {
    while !symlinkedDirectories.isEmpty {
      let round = symlinkedDirectories.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
      symlinkedDirectories = []
      for frame in round {
        stack.append(frame)
        drain(fileFilter: fileFilter)
      }
    }
  }

  /// The ignore files that apply above a directory given on the command line: those from the
  /// repository's top level (the nearest parent holding `.git`) down, else from the scan root
  /// down when the directory is inside it.
  private func ignoreContext(forDirectory directory: String) -> (IgnoreMatcher, [UInt8]) {
    guard options.respectIgnoreFiles else { return (IgnoreMatcher(), []) }
    let top = WalkPath.repositoryRoot(containing: directory)
    let ignoreRoot = top ?? (WalkPath.isInside(directory, walker.root) ? walker.root : directory)
    var matcher = Walk.repositoryMatcher(at: ignoreRoot)
    // A directory's own .gitignore is read with the directory; here those of the directories
    // from the ignore root down to the parent of `directory`.
    let below = WalkPath.relative(directory, to: ignoreRoot)
    if !below.isEmpty {
      var components = below.split(separator: "/").map(String.init)
      components.removeLast()
      var relative = ""
      for component in [""] + components {
        relative = relative.isEmpty ? component : relative + "/" + component
        let file = WalkPath.join(relative.isEmpty ? ignoreRoot : WalkPath.join(ignoreRoot, relative), ".gitignore")
        if let rules = IgnoreRules(contentsOfFile: file, directory: relative) { matcher.push(rules) }
      }
    }
    return (matcher, Array(below.utf8))
  }

  /// A fresh matcher for a repository's top level, holding git's excludes file
  /// (`core.excludesFile`) and then its `.git/info/exclude`, as git orders them.
  private static func repositoryMatcher(at directory: String) -> IgnoreMatcher {
    var matcher = IgnoreMatcher()
    if let global = GitExcludes.rules(forRepository: directory) { matcher.push(global) }
    if let exclude = IgnoreRules(contentsOfFile: WalkPath.join(directory, ".git/info/exclude"), directory: "") {
      matcher.push(exclude)
    }
    return matcher
  }

  // MARK: Directories

  private mutating func drain(fileFilter: (String) -> Bool) {
    while let frame = stack.popLast() {
      read(frame, fileFilter: fileFilter)
    }
  }

  private mutating func read(_ frame: DirectoryFrame, fileFilter: (String) -> Bool) {
    let display = frame.relativePath.isEmpty ? "." : frame.relativePath
    guard let directory = opendir(frame.absolutePath) else {
      skip(display, WalkPath.reason(errno: errno))
      return
    }
    defer { closedir(directory) }
    var info = stat()
    guard fstat(dirfd(directory), &info) == 0 else {
      skip(display, WalkPath.reason(errno: errno))
      return
    }
    let id = FileID(info)
    guard visitedDirectories.insert(id).inserted else {
      if frame.isSymlink {
        skip(
          display,
          frame.ancestors.contains(id) ? "symbolic link loop" : "symbolic link to a directory already walked")
      }
      return
    }

    var entries: [(name: String, kind: EntryKind)] = []
    var hasGitignore = false
    var hasGit = false
    var configFile: String?
    while let entry = readdir(directory) {
      let kind: EntryKind
      switch Int32(entry.pointee.d_type) {
      case Int32(DT_DIR): kind = .directory
      case Int32(DT_REG): kind = .file
      case Int32(DT_LNK): kind = .symlink
      case Int32(DT_UNKNOWN): kind = .unknown
      default: kind = .other
      }
      let name: String? = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
        let bytes = raw.bindMemory(to: UInt8.self)
        let length = bytes.firstIndex(of: 0) ?? bytes.count
        let name = UnsafeBufferPointer(rebasing: bytes[..<length])
        // Names are nearly always ASCII: decoding them needs no validation (the generic
        // validating initialiser cost more than the rest of the entry's walk).
        if name.allSatisfy({ $0 < 0x80 }) { return String(decoding: name, as: UTF8.self) }
        return String(validating: name, as: UTF8.self)
      }
      guard let name else {
        skip(WalkPath.join(display, "<non-UTF-8 name>"), "file name is not valid UTF-8")
        continue
      }
      if name == "." || name == ".." { continue }
      if name == ".git" {
        hasGit = true
        continue
      }
      if name == ".gitignore" { hasGitignore = true }
      // `.wasmfix.toml` wins over `wasmfix.toml` in one folder, as in discovery.
      if name == ProjectConfig.fileNames[0] || (name == ProjectConfig.fileNames[1] && configFile == nil) {
        configFile = WalkPath.join(frame.absolutePath, name)
      }
      entries.append((name, kind))
    }
    options.configurations?.noteListedDirectory(frame.absolutePath, configFile: configFile, isRepositoryRoot: hasGit)

    var ignore = frame.ignore
    var ignorePath = frame.ignorePath
    if options.respectIgnoreFiles {
      if hasGit && !ignorePath.isEmpty {
        // A nested repository (submodule, vendored checkout): its own rules only, as in git.
        ignore = Walk.repositoryMatcher(at: frame.absolutePath)
        ignorePath = []
      }
      if hasGitignore,
        let rules = IgnoreRules(
          contentsOfFile: WalkPath.join(frame.absolutePath, ".gitignore"),
          directory: String(decoding: ignorePath, as: UTF8.self))
      {
        ignore.push(rules)
      }
    }
    let checkIgnore = options.respectIgnoreFiles && !ignore.isEmpty
    let ancestors = frame.ancestors + [id]

    // `ignoreBuffer` holds "<ignorePath>/<name>", `globBuffer` "<relativePath>/<name>".
    var ignoreBuffer = ignorePath
    if !ignoreBuffer.isEmpty { ignoreBuffer.append(UInt8(ascii: "/")) }
    let ignoreBase = ignoreBuffer.count
    var globBuffer = Array(frame.relativePath.utf8)
    if !globBuffer.isEmpty && globBuffer.last != UInt8(ascii: "/") { globBuffer.append(UInt8(ascii: "/")) }
    let globBase = globBuffer.count

    // The entry's path strings are built only for entries that survive the filters (ignored
    // build output is most of what a walk meets), except where a stat needs the path first.
    func absolute(_ name: String) -> String { WalkPath.join(frame.absolutePath, name) }
    func relative(_ name: String) -> String { frame.relativePath.isEmpty ? name : WalkPath.join(frame.relativePath, name) }
    for (name, initialKind) in entries {
      var kind = initialKind
      var info: stat? = nil
      if kind == .unknown {
        var status = stat()
        guard lstat(absolute(name), &status) == 0 else {
          skip(relative(name), WalkPath.reason(errno: errno))
          continue
        }
        kind = WalkPath.kind(status.st_mode)
        if kind != .symlink { info = status }
      }
      var isSymlink = false
      var brokenLink: String? = nil
      if kind == .symlink {
        isSymlink = true
        var status = stat()
        if stat(absolute(name), &status) == 0 {
          kind = WalkPath.kind(status.st_mode)
          info = status
        } else {
          let error = errno
          brokenLink =
            error == ENOENT || error == ENOTDIR
            ? "broken symbolic link" : error == ELOOP ? "symbolic link loop" : WalkPath.reason(errno: error)
          kind = .file  // judged as a file: reported only if it would have been scanned
        }
      }
      let isDirectory = kind == .directory
      if !isDirectory && !fileFilter(name) { continue }
      if isSymlink && !options.followSymlinks {
        // Not followed: a directory link is not entered, a file link is reported.
        if !isDirectory { skip(relative(name), brokenLink ?? "symbolic link, not followed (--follow follows links)") }
        continue
      }

      ignoreBuffer.removeSubrange(ignoreBase...)
      ignoreBuffer.append(contentsOf: name.utf8)
      globBuffer.removeSubrange(globBase...)
      globBuffer.append(contentsOf: name.utf8)
      let excluded = globBuffer.withUnsafeBufferPointer { path in
        excludes.contains { $0.matches(path: path, basenameStart: globBase, isDirectory: isDirectory) }
      }
      if excluded { continue }
      var included = frame.included
      if !included {
        included = globBuffer.withUnsafeBufferPointer { path in
          includes.contains { $0.matches(path: path, basenameStart: globBase, isDirectory: isDirectory) }
        }
        if !included && !isDirectory { continue }
      }
      if checkIgnore {
        let ignored = ignoreBuffer.withUnsafeBufferPointer { path in
          ignore.isIgnoredEntry(path: path, basenameStart: ignoreBase, isDirectory: isDirectory)
        }
        if ignored { continue }
      }

      let relativePath = relative(name)
      if let brokenLink {
        skip(relativePath, brokenLink)
        continue
      }
      let absolutePath = absolute(name)
      if isDirectory {
        let child = DirectoryFrame(
          absolutePath: absolutePath, relativePath: relativePath, ignorePath: ignoreBuffer, ignore: ignore,
          included: included, isSymlink: isSymlink, ancestors: ancestors)
        if isSymlink { symlinkedDirectories.append(child) } else { stack.append(child) }
      } else {
        addFile(absolutePath: absolutePath, relativePath: relativePath, info: info,
                isRegular: initialKind == .file && !isSymlink)
      }
    }
  }

  // MARK: Files

  private mutating func addFile(absolutePath: String, relativePath: String, info known: stat?, isRegular: Bool = false) {
    // d_type already says "regular file": the reader's fstat checks size and permissions
    // when it opens the file, so the walk spends no stat/access calls per file.
    // (With --follow every file is stat'ed, so one reached by two paths is scanned once.)
    if known == nil, isRegular, !options.followSymlinks {
      if !deduplicate || seenFiles.insert(absolutePath).inserted {
        found(WalkedFile(absolutePath: absolutePath, relativePath: relativePath))
      }
      return
    }
    var info = stat()
    if let known {
      info = known
    } else if stat(absolutePath, &info) != 0 {
      skip(relativePath, WalkPath.reason(errno: errno))
      return
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      skip(relativePath, "not a regular file")
      return
    }
    // Size is the reader's business (`--max-file-size`): it still searches a file too large
    // to read whole for setting names, so skipping it cannot hide one (WF010).
    if access(absolutePath, R_OK) != 0 {
      skip(relativePath, WalkPath.reason(errno: errno))
      return
    }
    // A file reached through a followed link is the file it names: scanned once, under the
    // first path the walk meets (files are the same when their device and inode are).
    if options.followSymlinks, !seenInodes.insert("\(info.st_dev):\(info.st_ino)").inserted { return }
    if !deduplicate || seenFiles.insert(absolutePath).inserted {
      found(WalkedFile(absolutePath: absolutePath, relativePath: relativePath))
    }
  }

  /// Streams the file to `onFile`, or keeps it for the result when nobody listens.
  private mutating func found(_ file: WalkedFile) {
    if let onFile { onFile(file) } else { files.append(file) }
  }

  private mutating func skip(_ path: String, _ reason: String) {
    skipped.append(SkippedFile(path: path, reason: reason))
  }
}

// MARK: - Path helpers

package enum WalkPath {
  /// Byte order of the UTF-8 paths via memcmp: the same order as comparing `utf8` views,
  /// several times faster on the tens of thousands of paths a scan sorts.
  package static func bytewiseLess(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    return a.withUTF8 { pa in
      b.withUTF8 { pb in
        let common = min(pa.count, pb.count)
        let order = common == 0 ? 0 : memcmp(pa.baseAddress!, pb.baseAddress!, common)
        return order != 0 ? order < 0 : pa.count < pb.count
      }
    }
  }

  /// The nearest folder at or above `directory` holding `.git` (a directory in a clone, a file
  /// in a worktree or submodule); nil outside a repository. The one search for a repository's
  /// top: ignore files, config-free project reads, fingerprints and report URIs all use it.
  package static func repositoryRoot(containing directory: String) -> String? {
    var candidate = directory
    while true {
      var info = stat()
      if lstat(join(candidate, ".git"), &info) == 0 { return candidate }
      if candidate == "/" || candidate.isEmpty || candidate == "." { return nil }
      candidate = parent(candidate)
    }
  }

  /// Absolute and lexically normalised (no `.`, `..`, `//` or trailing `/`); symlinks are kept.
  package static func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return normalize(path) }
    return normalize(FileManager.default.currentDirectoryPath + "/" + path)
  }

  static func normalize(_ path: String) -> String {
    let isAbsolute = path.hasPrefix("/")
    var components: [Substring] = []
    for component in path.split(separator: "/") {
      if component == "." { continue }
      if component == ".." {
        if let last = components.last, last != ".." {
          components.removeLast()
        } else if !isAbsolute {
          components.append(component)
        }
        continue
      }
      components.append(component)
    }
    let joined = components.joined(separator: "/")
    if isAbsolute { return "/" + joined }
    return joined.isEmpty ? "." : joined
  }

  /// The path reported for `absolute`: relative to `root` when inside it, else the path as given.
  static func relative(_ absolute: String, root: String, given: String) -> String {
    isInside(absolute, root) ? relative(absolute, to: root) : normalize(given)
  }

  package static func isInside(_ path: String, _ directory: String) -> Bool {
    if directory == "/" { return true }
    return path == directory || path.hasPrefix(directory + "/")
  }

  /// `path` relative to `directory` ("" when equal); `path` must be inside it.
  package static func relative(_ path: String, to directory: String) -> String {
    if path == directory { return "" }
    return String(path.dropFirst(directory == "/" ? 1 : directory.count + 1))
  }

  /// The index of the last `/` in `path` (its end when there is none), found on the string's
  /// contiguous bytes: the scanner asks once per file.
  package static func lastSlash(_ path: String) -> String.Index {
    var copy = path
    let offset = copy.withUTF8 { bytes -> Int? in
      var i = bytes.count
      while i > 0 {
        i -= 1
        if bytes[i] == UInt8(ascii: "/") { return i }
      }
      return nil
    }
    guard let offset else { return path.endIndex }
    return path.utf8.index(path.utf8.startIndex, offsetBy: offset)
  }

  /// Built in one allocation: `directory + "/" + name` made an intermediate string and grew
  /// it again, twice per file walked.
  package static func join(_ directory: String, _ name: String) -> String {
    var directory = directory, name = name
    return directory.withUTF8 { d in
      name.withUTF8 { n in
        let slash = d.last == UInt8(ascii: "/") ? 0 : 1
        return String(unsafeUninitializedCapacity: d.count + slash + n.count) { buffer in
          let base = buffer.baseAddress!
          if !d.isEmpty { base.update(from: d.baseAddress!, count: d.count) }
          if slash == 1 { base[d.count] = UInt8(ascii: "/") }
          if !n.isEmpty { (base + d.count + slash).update(from: n.baseAddress!, count: n.count) }
          return d.count + slash + n.count
        }
      }
    }
  }

  static func parent(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  static func basename(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  fileprivate static func kind(_ mode: mode_t) -> EntryKind {
    switch mode & S_IFMT {
    case S_IFDIR: return .directory
    case S_IFREG: return .file
    case S_IFLNK: return .symlink
    default: return .other
    }
  }

  static func reason(errno error: Int32) -> String {
    switch error {
    case EACCES, EPERM: return "permission denied"
    case ENOENT: return "no such file or directory"
    case ELOOP: return "symbolic link loop"
    case ENAMETOOLONG: return "file name too long"
    default: return String(cString: strerror(error)).lowercased()
    }
  }

  /// "8 MiB", "512 KiB", "1000 bytes".
  public static func formatSize(_ bytes: Int) -> String {
    if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
    if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
    return "\(bytes) bytes"
  }
}
