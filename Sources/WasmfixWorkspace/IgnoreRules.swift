import WasmfixSupport
import Foundation

/// One line of a `.gitignore` file.
struct IgnorePattern: Sendable, Equatable {
  /// The glob, with `!`, a leading `/` and a trailing `/` removed; escapes are kept for `WildMatch`.
  let pattern: [UInt8]
  /// `!pattern`: re-includes what an earlier pattern excluded.
  let isNegated: Bool
  /// `pattern/`: matches directories only.
  let isDirectoryOnly: Bool
  /// No `/` in the pattern (apart from a trailing one): matches the name at any depth.
  /// Otherwise the pattern is anchored to the directory of its `.gitignore`.
  let matchesBasename: Bool
  /// For anchored patterns, the length of the leading part without glob characters. git compares
  /// it literally and wildmatches only the rest, so a `**` right after it counts as leading
  /// (`b**/a` matches `ba`, as in git): kept for fidelity.
  let literalPrefixLength: Int

  /// Parses one line; nil for blank lines and comments.
  init?(line: some Collection<UInt8>) {
    var bytes = Array(line)
    if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }  // a file written with CRLF
    IgnorePattern.trimTrailingSpaces(&bytes)
    guard let first = bytes.first, first != UInt8(ascii: "#") else { return nil }
    var negated = false
    if first == UInt8(ascii: "!") {
      negated = true
      bytes.removeFirst()
    }
    var directoryOnly = false
    if bytes.last == UInt8(ascii: "/") {
      directoryOnly = true
      bytes.removeLast()
    }
    let basename = !bytes.contains(UInt8(ascii: "/"))
    if bytes.first == UInt8(ascii: "/") { bytes.removeFirst() }
    guard !bytes.isEmpty else { return nil }
    self.literalPrefixLength =
      basename ? 0 : bytes.firstIndex { "*?[\\".utf8.contains($0) } ?? bytes.count
    self.pattern = bytes
    self.isNegated = negated
    self.isDirectoryOnly = directoryOnly
    self.matchesBasename = basename
  }

  /// git's `trim_trailing_spaces`: drops unescaped trailing spaces (`\ ` keeps one).
  private static func trimTrailingSpaces(_ bytes: inout [UInt8]) {
    var lastSpace: Int? = nil
    var i = 0
    while i < bytes.count {
      switch bytes[i] {
      case UInt8(ascii: " "):
        if lastSpace == nil { lastSpace = i }
      case UInt8(ascii: "\\"):
        i += 1
        if i >= bytes.count { return }
        lastSpace = nil
      default:
        lastSpace = nil
      }
      i += 1
    }
    if let lastSpace { bytes.removeSubrange(lastSpace...) }
  }

  /// `path` is relative to the `.gitignore`'s directory, `basename` its last component.
  func matches(path: UnsafeBufferPointer<UInt8>, basename: UnsafeBufferPointer<UInt8>, isDirectory: Bool) -> Bool {
    if isDirectoryOnly && !isDirectory { return false }
    if matchesBasename {
      return pattern.withUnsafeBufferPointer { WildMatch.matches(pattern: $0, text: basename) }
    }
    // git's match_pathname: the literal prefix first, then wildmatch on what follows it.
    let prefix = literalPrefixLength
    guard prefix <= path.count else { return false }
    return pattern.withUnsafeBufferPointer { whole in
      guard UnsafeBufferPointer(rebasing: whole[..<prefix]).elementsEqual(UnsafeBufferPointer(rebasing: path[..<prefix]))
      else { return false }
      if prefix == whole.count && prefix == path.count { return true }
      return WildMatch.matches(
        pattern: UnsafeBufferPointer(rebasing: whole[prefix...]), text: UnsafeBufferPointer(rebasing: path[prefix...]))
    }
  }
}

/// The patterns of one `.gitignore` (or `.git/info/exclude`) file.
struct IgnoreRules: Sendable {
  /// The directory holding the file, relative to the ignore root (the scan root, or the
  /// repository's top level): "" for the root, else "a/b" without leading or trailing `/`.
  let directory: String
  let patterns: [IgnorePattern]
  fileprivate let directoryBytes: [UInt8]

  init(text: String, directory: String) {
    self.init(bytes: Array(text.utf8), directory: directory)
  }

  init(bytes: [UInt8], directory: String) {
    var directory = Substring(directory)
    while directory.hasPrefix("./") { directory = directory.dropFirst(2) }
    if directory == "." { directory = "" }
    while directory.hasPrefix("/") { directory = directory.dropFirst() }
    while directory.hasSuffix("/") { directory = directory.dropLast() }
    self.directory = String(directory)
    self.directoryBytes = Array(directory.utf8)
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }  // UTF-8 byte order mark
    self.patterns = body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
      .compactMap { IgnorePattern(line: $0) }
  }

  /// Reads an ignore file; nil when it is missing or unreadable.
  init?(contentsOfFile path: String, directory: String) {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    self.init(bytes: Array(data), directory: directory)
  }

  var isEmpty: Bool { patterns.isEmpty }

  /// The last matching pattern's verdict: true = ignored, false = re-included (`!`),
  /// nil = no pattern matches. `path` is relative to `directory`.
  func decision(path: UnsafeBufferPointer<UInt8>, basename: UnsafeBufferPointer<UInt8>, isDirectory: Bool) -> Bool? {
    for pattern in patterns.reversed() where pattern.matches(path: path, basename: basename, isDirectory: isDirectory) {
      return !pattern.isNegated
    }
    return nil
  }
}

/// A stack of ignore files with git's precedence: `.git/info/exclude` first (lowest), then the
/// root `.gitignore`, then nested ones, deeper files overriding shallower ones; within a file the
/// last matching pattern wins.
struct IgnoreMatcher: Sendable {
  private(set) var stack: [IgnoreRules]

  init(_ stack: [IgnoreRules] = []) {
    self.stack = stack.filter { !$0.isEmpty }
  }

  mutating func push(_ rules: IgnoreRules) {
    if !rules.isEmpty { stack.append(rules) }
  }

  var isEmpty: Bool { stack.isEmpty }

  /// git semantics for a path relative to the ignore root: ignored when the path itself is, or
  /// when one of its parent directories is (nothing inside an ignored directory can be re-included).
  func isIgnored(relativePath: String, isDirectory: Bool) -> Bool {
    let path = Array(relativePath.utf8.drop { $0 == UInt8(ascii: "/") })
    guard !path.isEmpty else { return false }
    return path.withUnsafeBufferPointer { all in
      var componentStart = 0
      for (index, byte) in all.enumerated() where byte == UInt8(ascii: "/") {
        if index > componentStart {
          let prefix = UnsafeBufferPointer(rebasing: all[..<index])
          if decision(path: prefix, basenameStart: componentStart, isDirectory: true, checkScope: true) == true {
            return true
          }
        }
        componentStart = index + 1
      }
      var end = all.count
      while end > 0 && all[end - 1] == UInt8(ascii: "/") { end -= 1 }
      guard end > componentStart else { return false }
      let whole = UnsafeBufferPointer(rebasing: all[..<end])
      return decision(path: whole, basenameStart: componentStart, isDirectory: isDirectory, checkScope: true) == true
    }
  }

  /// The verdict for one entry alone, its parents assumed not ignored (the walker prunes ignored
  /// directories). Every file on the stack must be in an ancestor directory of `path`.
  func isIgnoredEntry(path: UnsafeBufferPointer<UInt8>, basenameStart: Int, isDirectory: Bool) -> Bool {
    decision(path: path, basenameStart: basenameStart, isDirectory: isDirectory, checkScope: false) == true
  }

  private func decision(path: UnsafeBufferPointer<UInt8>, basenameStart: Int, isDirectory: Bool, checkScope: Bool)
    -> Bool?
  {
    let basename = UnsafeBufferPointer(rebasing: path[basenameStart...])
    for rules in stack.reversed() {
      let base = rules.directoryBytes
      var start = 0
      if !base.isEmpty {
        if checkScope {
          // The file applies to paths strictly below its directory.
          guard path.count > base.count, path[base.count] == UInt8(ascii: "/"),
            path.starts(with: base)
          else { continue }
        }
        start = base.count + 1
      }
      let relative = UnsafeBufferPointer(rebasing: path[start...])
      if let verdict = rules.decision(path: relative, basename: basename, isDirectory: isDirectory) {
        return verdict
      }
    }
    return nil
  }
}
