/// The `--include`/`--exclude` and config `include`/`exclude` patterns wasmfix refuses before
/// a scan: one that can never match or does not parse would silently select nothing.
public enum GlobPatternCheck {
  /// Why a pattern can never match or does not parse, for an error before the scan (a glob
  /// that silently matches nothing would make `--include` scan nothing and pass); nil when fine.
  public static func problem(_ pattern: String) -> String? {
    if pattern.isEmpty { return "an empty pattern matches nothing" }
    let segments = pattern.split(separator: "/", omittingEmptySubsequences: false)
    if segments.contains("..") { return "'..' cannot match: patterns are relative to the scanned folder and never leave it" }
    // A `[` class must close (a `\\[` is a literal bracket).
    var i = pattern.startIndex
    while i < pattern.endIndex {
      let character = pattern[i]
      if character == "\\" {
        i = pattern.index(after: i)
        if i < pattern.endIndex { i = pattern.index(after: i) }
        continue
      }
      if character == "[" {
        var j = pattern.index(after: i)
        if j < pattern.endIndex, pattern[j] == "!" || pattern[j] == "^" { j = pattern.index(after: j) }
        if j < pattern.endIndex, pattern[j] == "]" { j = pattern.index(after: j) }
        guard let close = pattern[j...].firstIndex(of: "]") else { return "unclosed '[' in the pattern" }
        i = pattern.index(after: close)
        continue
      }
      i = pattern.index(after: i)
    }
    return nil
  }
}
