import WasmfixSupport
/// A `--include` / `--exclude` glob, in gitignore syntax.
///
/// - A pattern without `/` matches the file or directory name at any depth (`*.rs`, `target`).
/// - A pattern with `/` matches the whole path relative to the scan root (`src/**/gen_*.rs`);
///   a leading `/` or `./` is dropped.
/// - A trailing `/` restricts the pattern to directories (`build/`).
/// - `*` and `?` never match `/`; `**` as a whole path component spans directories;
///   `[abc]`, `[a-z]`, `[!a]`, `[^a]` and `[[:alpha:]]` are character classes; `\` escapes.
public struct Glob: Sendable, CustomStringConvertible {
  /// The pattern as the user wrote it.
  let source: String
  private let pattern: [UInt8]
  private let matchesBasename: Bool
  private let directoryOnly: Bool

  init(_ source: String) {
    self.source = source
    var bytes = Array(source.utf8)
    while bytes.starts(with: [UInt8(ascii: "."), UInt8(ascii: "/")]) { bytes.removeFirst(2) }
    var directoryOnly = false
    while bytes.count > 1, bytes.last == UInt8(ascii: "/") {
      bytes.removeLast()
      directoryOnly = true
    }
    var anchored = false
    while bytes.first == UInt8(ascii: "/") {
      bytes.removeFirst()
      anchored = true
    }
    self.pattern = bytes
    self.directoryOnly = directoryOnly
    self.matchesBasename = !anchored && !bytes.contains(UInt8(ascii: "/"))
  }

  public var description: String { source }

  /// Why a pattern can never match or does not parse (see `GlobPatternCheck`); nil when fine.
  public static func problem(_ pattern: String) -> String? { GlobPatternCheck.problem(pattern) }

  /// Whether the glob matches this path (relative to the scan root, `/`-separated) itself.
  func matches(relativePath: String, isDirectory: Bool) -> Bool {
    if directoryOnly && !isDirectory { return false }
    let path = Array(relativePath.utf8)
    return path.withUnsafeBufferPointer { all in
      if matchesBasename {
        let start = (all.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
        return matches(UnsafeBufferPointer(rebasing: all[start...]))
      }
      return matches(all)
    }
  }

  /// Whether the glob matches the path or one of the directories leading to it
  /// (`--include src` takes every file under `src/`).
  func matchesSelfOrAncestor(relativePath: String, isDirectory: Bool) -> Bool {
    if matches(relativePath: relativePath, isDirectory: isDirectory) { return true }
    var prefix = Substring(relativePath)
    while let slash = prefix.lastIndex(of: "/") {
      prefix = prefix[..<slash]
      if prefix.isEmpty { break }
      if matches(relativePath: String(prefix), isDirectory: true) { return true }
    }
    return false
  }

  /// Fast path for the walker: `path` is the full relative path, `basenameStart` where its last
  /// component starts.
  func matches(path: UnsafeBufferPointer<UInt8>, basenameStart: Int, isDirectory: Bool) -> Bool {
    if directoryOnly && !isDirectory { return false }
    return matches(matchesBasename ? UnsafeBufferPointer(rebasing: path[basenameStart...]) : path)
  }

  private func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    pattern.withUnsafeBufferPointer { WildMatch.matches(pattern: $0, text: text) }
  }
}

/// A port of git's `wildmatch()` (wildmatch.c) with `WM_PATHNAME`, byte-wise and case-sensitive,
/// so that gitignore patterns behave exactly as in git, with one change: the outcome of
/// matching the pattern from position p against the text from position t is remembered once
/// a match has tried many such pairs. git's recursion backtracks exponentially on a line with
/// a dozen `**/` against a deep path (over a minute for one path, issue 10 item 3); with the
/// table each pair is worked out once, so a match costs at most pattern × text pairs.
enum WildMatch {
  fileprivate enum Outcome {
    case match, noMatch, abortAll, abortToStarStar
    static let all: [Outcome] = [.match, .noMatch, .abortAll, .abortToStarStar]
  }

  private static let slash = UInt8(ascii: "/")
  private static let star = UInt8(ascii: "*")
  private static let question = UInt8(ascii: "?")
  private static let backslash = UInt8(ascii: "\\")
  private static let openBracket = UInt8(ascii: "[")
  private static let closeBracket = UInt8(ascii: "]")
  private static let bang = UInt8(ascii: "!")
  private static let caret = UInt8(ascii: "^")
  private static let dash = UInt8(ascii: "-")
  private static let colon = UInt8(ascii: ":")

  static func matches(pattern: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>) -> Bool {
    var run = Run(pattern: pattern, text: text)
    return run.matches()
  }

  /// One match. The usual pattern (`*.rs`, `target/`) tries a few pairs and never needs the
  /// table; it is made only after `memoizeAfter` pairs.
  struct Run {
    let pattern: UnsafeBufferPointer<UInt8>
    let text: UnsafeBufferPointer<UInt8>
    var memoizeAfter = 64
    /// How many (pattern, text) position pairs were worked out, remembered ones not counted.
    private(set) var evaluations = 0
    /// Outcome + 1 per pair, 0 when not known yet; empty until `memoizeAfter` is passed.
    private var known: [UInt8] = []

    init(pattern: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>) {
      self.pattern = pattern
      self.text = text
    }

    mutating func matches() -> Bool { dowild(0, 0) == .match }

    fileprivate mutating func dowild(_ p: Int, _ t: Int) -> Outcome {
      evaluations += 1
      guard p <= pattern.count, t <= text.count else { return WildMatch.dowild(pattern, p, text, t, &self) }
      let slot = p * (text.count + 1) + t
      if !known.isEmpty, known[slot] != 0 {
        evaluations -= 1
        return Outcome.all[Int(known[slot]) - 1]
      }
      if known.isEmpty, evaluations > memoizeAfter {
        known = [UInt8](repeating: 0, count: (pattern.count + 1) * (text.count + 1))
      }
      let outcome = WildMatch.dowild(pattern, p, text, t, &self)
      if !known.isEmpty { known[slot] = UInt8(Outcome.all.firstIndex(of: outcome)! + 1) }
      return outcome
    }
  }

  static func matches(pattern: String, text: String) -> Bool {
    let p = Array(pattern.utf8), t = Array(text.utf8)
    return p.withUnsafeBufferPointer { pb in t.withUnsafeBufferPointer { tb in matches(pattern: pb, text: tb) } }
  }

  private static func isGlobSpecial(_ c: UInt8) -> Bool {
    c == star || c == question || c == openBracket || c == backslash
  }

  // Indices past the end read as NUL, like the C strings wildmatch walks.
  private static func dowild(
    _ pat: UnsafeBufferPointer<UInt8>, _ patternStart: Int, _ text: UnsafeBufferPointer<UInt8>, _ textStart: Int,
    _ run: inout Run
  ) -> Outcome {
    @inline(__always) func P(_ i: Int) -> UInt8 { i < pat.count ? pat[i] : 0 }
    @inline(__always) func T(_ i: Int) -> UInt8 { i < text.count ? text[i] : 0 }

    var p = patternStart
    var t = textStart
    while P(p) != 0 {
      var pCh = P(p)
      var tCh = T(t)
      if tCh == 0 && pCh != star { return .abortAll }
      switch pCh {
      case backslash:
        // Literal match with the following character.
        p += 1
        pCh = P(p)
        if tCh != pCh { return .noMatch }
      case question:
        if tCh == slash { return .noMatch }
      case star:
        let matchSlash: Bool
        p += 1
        if P(p) == star {
          let prevP = p - 2
          p += 1
          while P(p) == star { p += 1 }
          if (prevP < patternStart || pat[prevP] == slash)
            && (P(p) == 0 || P(p) == slash || (P(p) == backslash && P(p + 1) == slash))
          {
            // "**/" may match no directory at all: try the rest of the pattern right here.
            if P(p) == slash && run.dowild(p + 1, t) == .match { return .match }
            matchSlash = true
          } else {
            matchSlash = false
          }
        } else {
          matchSlash = false
        }
        if P(p) == 0 {
          // Trailing "**" matches everything; trailing "*" only if no slash follows.
          if !matchSlash {
            var i = t
            while i < text.count {
              if text[i] == slash { return .noMatch }
              i += 1
            }
          }
          return .match
        } else if !matchSlash && P(p) == slash {
          // One asterisk followed by a slash matches the rest of this path component.
          var i = t
          while i < text.count && text[i] != slash { i += 1 }
          if i >= text.count { return .noMatch }
          t = i  // the slash is consumed below, with the pattern's
        } else {
          while true {
            if tCh == 0 { break }
            if !isGlobSpecial(P(p)) {
              // Skip ahead to the next occurrence of the literal that follows the asterisk.
              let literal = P(p)
              while true {
                tCh = T(t)
                if tCh == 0 || (!matchSlash && tCh == slash) || tCh == literal { break }
                t += 1
              }
              if tCh != literal { return .noMatch }
            }
            let outcome = run.dowild(p, t)
            if outcome != .noMatch {
              if !matchSlash || outcome != .abortToStarStar { return outcome }
            } else if !matchSlash && tCh == slash {
              return .abortToStarStar
            }
            t += 1
            tCh = T(t)
          }
          return .abortAll
        }
      case openBracket:
        p += 1
        pCh = P(p)
        if pCh == caret { pCh = bang }
        let negated = pCh == bang
        if negated {
          p += 1
          pCh = P(p)
        }
        var prevCh: UInt8 = 0
        var matched = false
        repeat {
          if pCh == 0 { return .abortAll }
          if pCh == backslash {
            p += 1
            pCh = P(p)
            if pCh == 0 { return .abortAll }
            if tCh == pCh { matched = true }
          } else if pCh == dash && prevCh != 0 && P(p + 1) != 0 && P(p + 1) != closeBracket {
            p += 1
            pCh = P(p)
            if pCh == backslash {
              p += 1
              pCh = P(p)
              if pCh == 0 { return .abortAll }
            }
            if tCh <= pCh && tCh >= prevCh { matched = true }
            pCh = 0  // so that prevCh becomes 0
          } else if pCh == openBracket && P(p + 1) == colon {
            let s = p + 2
            p = s
            while P(p) != 0 && P(p) != closeBracket { p += 1 }
            pCh = P(p)
            if pCh == 0 { return .abortAll }
            let length = p - s - 1
            if length < 0 || P(p - 1) != colon {
              // No ":]": treat the "[" as an ordinary member of the set.
              p = s - 2
              pCh = openBracket
              if tCh == pCh { matched = true }
            } else {
              guard let inClass = characterClass(pat, s, length, tCh) else { return .abortAll }
              if inClass { matched = true }
              pCh = 0
            }
          } else if tCh == pCh {
            matched = true
          }
          prevCh = pCh
          p += 1
          pCh = P(p)
        } while pCh != closeBracket
        if matched == negated || tCh == slash { return .noMatch }
      default:
        if tCh != pCh { return .noMatch }
      }
      p += 1
      t += 1
    }
    return T(t) != 0 ? .noMatch : .match
  }

  /// `[:name:]` membership for ASCII; nil for an unknown class name (git aborts the match).
  private static func characterClass(_ pat: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int, _ c: UInt8)
    -> Bool?
  {
    let name = String(decoding: UnsafeBufferPointer(rebasing: pat[start..<(start + length)]), as: UTF8.self)
    let isUpper = c >= 0x41 && c <= 0x5A
    let isLower = c >= 0x61 && c <= 0x7A
    let isDigit = c >= 0x30 && c <= 0x39
    let isAlpha = isUpper || isLower
    let isPrint = c >= 0x20 && c < 0x7F
    switch name {
    case "alnum": return isAlpha || isDigit
    case "alpha": return isAlpha
    case "blank": return c == 0x20 || c == 0x09
    case "cntrl": return c < 0x20 || c == 0x7F
    case "digit": return isDigit
    case "graph": return isPrint && c != 0x20
    case "lower": return isLower
    case "print": return isPrint
    case "punct": return isPrint && c != 0x20 && !isAlpha && !isDigit
    case "space": return c == 0x20 || (c >= 0x09 && c <= 0x0D)
    case "upper": return isUpper
    case "xdigit": return isDigit || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    default: return nil
    }
  }
}
