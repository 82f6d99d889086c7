/// The name of a new async-stack constant, derived from the max constant it sits next to
/// (issue 9, item 4: "a new constant is named after its neighbour"), in that name's style:
///
/// - the words `max`/`maximum` are dropped (the async stack is not a maximum);
/// - the word `wasm` becomes `async` (`MAX_WASM_STACK_SIZE` -> `ASYNC_STACK_SIZE`,
///   `WasmStackSize` -> `AsyncStackSize`, `kMaxWasmStack` -> `kAsyncStack`);
/// - without `wasm`, `async` goes before `stack` (`GUEST_STACK` -> `GUEST_ASYNC_STACK`,
///   `MaxStack` -> `AsyncStack`);
/// - a name with neither (`kA`, `LIMIT`) gets `async stack size` in its style (`kAsyncStackSize`).
///
/// Words are split at `_` (SCREAMING_SNAKE, snake_case) or at case changes (PascalCase,
/// camelCase, with C++'s `k` prefix kept). nil for a name that already says `async`.
enum AsyncConstantName {
  private enum Style { case screaming, snake, mixedSnake, pascal, camel }

  static func derive(from name: String) -> String? {
    var prefix = ""
    var words: [String]
    let style: Style
    if name.contains("_") || !name.contains(where: \.isLowercase) {
      let body = name.drop { $0 == "_" }
      prefix = String(name.prefix(name.count - body.count))
      words = body.split(separator: "_").map(String.init)
      let lower = body.contains(where: \.isLowercase), upper = body.contains(where: \.isUppercase)
      style = lower && upper ? .mixedSnake : (lower ? .snake : .screaming)
    } else {
      var body = Substring(name)
      if body.count > 1, body.first == "k", body.dropFirst().first?.isUppercase == true {
        prefix = "k"
        body = body.dropFirst()
      }
      words = camelWords(body)
      style = body.first?.isUppercase == true ? .pascal : .camel
    }
    // (text, new): a new word takes the style's case; the project's words keep theirs.
    var parts = words.map { (text: $0, new: false) }
    parts.removeAll { ["max", "maximum"].contains($0.text.lowercased()) }
    guard !parts.contains(where: { $0.text.lowercased() == "async" }) else { return nil }
    if let wasm = parts.firstIndex(where: { $0.text.lowercased() == "wasm" }) {
      parts[wasm] = ("async", true)
    } else if let stack = parts.firstIndex(where: { $0.text.lowercased() == "stack" }) {
      parts.insert(("async", true), at: stack)
    } else {
      parts = [("async", true), ("stack", true), ("size", true)]
    }
    let cased = parts.enumerated().map { index, part -> String in
      switch style {
      case .screaming: return part.text.uppercased()
      case .snake: return part.text.lowercased()
      case .mixedSnake, .pascal: return part.new ? capitalized(part.text) : part.text
      case .camel:
        if index == 0 { return part.new ? part.text.lowercased() : lowercasedFirst(part.text) }
        return part.new ? capitalized(part.text) : part.text
      }
    }
    let joined = [.screaming, .snake, .mixedSnake].contains(style) ? cased.joined(separator: "_") : cased.joined()
    // `kAsync`: after the `k` prefix a PascalCase word starts upper-case.
    return prefix + (prefix == "k" ? capitalized(joined) : joined)
  }

  /// `MaxWasmStack` -> Max, Wasm, Stack; `WASMStackSize` -> WASM, Stack, Size.
  private static func camelWords(_ text: Substring) -> [String] {
    var words: [String] = []
    var current = ""
    let characters = Array(text)
    for (i, c) in characters.enumerated() {
      let previous = i > 0 ? characters[i - 1] : nil
      let next = i + 1 < characters.count ? characters[i + 1] : nil
      let startsWord = c.isUppercase && previous.map { !$0.isUppercase || (next?.isLowercase ?? false) } ?? false
      if startsWord, !current.isEmpty {
        words.append(current)
        current = ""
      }
      current.append(c)
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  private static func capitalized(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }
  private static func lowercasedFirst(_ word: String) -> String { word.prefix(1).lowercased() + word.dropFirst() }
}
