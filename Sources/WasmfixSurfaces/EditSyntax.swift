import WasmfixWorkspace
/// How a surface writes the code a fix inserts: values, sibling settings, comments,
/// assertions, bindings. Each surface has one (`Surface.syntax`).
import Foundation

package protocol EditSyntax: Sendable {
  /// The documenting comment, one line per `commentLines` entry, at `indent`.
  func comment(indent: String) -> String
  /// A size the way people write them here (`8 * 1024 * 1024`, `8 << 20`, `8388608`).
  func formatValue(_ value: Int128, preferShifts: Bool) -> String
  /// Edits that add the missing `setting` next to `anchor` (a site of the group), in the
  /// anchor's style; nil when there is no place for it. `oldFallibleSetters`: Rust 0.25-0.38,
  /// whose setters return `Result` and check at call time.
  /// `attribute`: written on the line above the new statement (Rust's `#[cfg(feature = "x")]`,
  /// for a setter that exists only in that build); nil where a new call cannot carry one.
  func insertSibling(_ setting: Setting, valueText: String, anchor: SiteAnchor, oldFallibleSetters: Bool, attribute: String?,
                     source: SourceText) -> [TextEdit]?
  /// `async_stack_size` computed from the max operand at run time (`max.saturating_add(h)`,
  /// `max + h`), as Wasmtime's own CLI does; nil where the surface cannot write one.
  func derivedAsync(fromMax operand: String, headroom: String) -> String?
  /// A constant `operand + headroom` (`MAX + 512 * 1024`); nil where files hold only numbers.
  func constantSum(_ operand: String, _ headroom: String) -> String?
  /// What an inserted run-time assertion needs elsewhere in the file (C's `#include`s).
  func assertionPrerequisites(in source: SourceText, file: FileRef) -> [TextEdit]
  /// A run-time check placed before the engine is created; nil where the surface has none.
  func runtimeAssertion(max: String, async: String, indent: String) -> String?
  /// A compile-time check of two named constants, placed after the later definition.
  func staticAssertion(max: String, async: String) -> String?
  /// Binds an expression to a local so the assertion does not evaluate it twice.
  func binding(name: String, expression: String, indent: String) -> String
  func localName(_ setting: Setting) -> String
}

/// The documenting comment's text, the same in every surface.
enum InvariantComment {
  static let lines = [
    "Wasmtime requires max_wasm_stack <= async_stack_size.",
    "Keep these values aligned when upgrading runtime dependencies.",
  ]
  /// How wasmfix recognises the comment (or an assertion) already there.
  static let marker = "max_wasm_stack <= async_stack_size"
}

/// The brace languages' syntax (Rust, C, C++, C#).
package struct CodeSyntax: EditSyntax {
  let language: SurfaceID

  /// The missing setting as a call right after the other setting's call, in the same style
  /// (statement or builder link, with the same error handling).
  package func insertSibling(_ setting: Setting, valueText: String, anchor: SiteAnchor, oldFallibleSetters: Bool, attribute: String?,
                             source: SourceText) -> [TextEdit]? {
    let file = FileRef(path: anchor.path, absolutePath: anchor.absolutePath)
    let text = valueText
    // A builder link or a call moved before another cannot carry the attribute.
    if attribute != nil, oldFallibleSetters || anchor.isChainLink { return nil }
    if oldFallibleSetters {
      // 0.25-0.38: the setters return Result and check at call time, so the new call goes
      // before the other one, as its own statement, with the same error handling.
      guard let statement = anchor.statementRange, !anchor.receiverText.contains("(") else { return nil }
      let after = source.text(anchor.callRange.upperBound..<statement.upperBound)
      let handling = after.hasPrefix("?") ? "?" : (after.hasPrefix(".unwrap()") ? ".unwrap()" : "")
      let lineStart = source.lineStarts[source.lineIndex(of: statement.lowerBound)]
      let indent = source.indentation(ofLineContaining: statement.lowerBound)
      return [.insertion("\(indent)\(anchor.receiverText).\(methodName(setting, like: anchor))(\(text))\(handling);\n", at: lineStart, in: file)]
    }
    if anchor.isChainLink {
      // After the call and any `?` that follows it.
      var end = anchor.callRange.upperBound
      while end < source.bytes.count, source.bytes[end] == UInt8(ascii: "?") { end += 1 }
      let newLink = link(setting, value: text, like: anchor)
      let lineStart = source.lineStarts[source.lineIndex(of: anchor.nameRange.lowerBound)]
      let beforeName = source.text(lineStart..<anchor.nameRange.lowerBound).trimmingCharacters(in: .whitespaces)
      if beforeName == "." {
        return [.insertion("\n" + source.indentation(ofLineContaining: anchor.nameRange.lowerBound) + newLink, at: end, in: file)]
      } else {
        return [.insertion(newLink, at: end, in: file)]
      }
    }
    guard let statementRange = anchor.statementRange else { return nil }
    // Old APIs returned Result: repeat whatever follows the call (`?`, `.unwrap()`).
    var suffix = source.text(anchor.callRange.upperBound..<statementRange.upperBound)
    if suffix.hasSuffix(";") { suffix.removeLast() }
    let indent = source.indentation(ofLineContaining: statementRange.lowerBound)
    let line = (attribute.map { $0 + "\n" + indent } ?? "") + statement(setting, value: text, receiver: anchor.receiverText, suffix: suffix, apiStyleOf: anchor)
    return [.insertion("\n" + indent + line, at: Self.endOfStatementLine(after: statementRange.upperBound, in: source), in: file)]
  }

  /// Where a statement inserted after the one ending at `end` goes: after a trailing `//`
  /// comment, or `/* */` comments closed on the same line, which describe the line they are on;
  /// at `end` when more code follows.
  static func endOfStatementLine(after end: Int, in source: SourceText) -> Int {
    let lineEnd = source.lineRange(containing: max(end - 1, 0)).upperBound
    var contentEnd = lineEnd
    while contentEnd > end, [0x0A, 0x0D].contains(source.bytes[contentEnd - 1]) { contentEnd -= 1 }
    var rest = Substring(source.text(end..<contentEnd).trimmingCharacters(in: .whitespaces))
    if rest.isEmpty || rest.hasPrefix("//") { return rest.isEmpty ? end : contentEnd }
    // `/* 8 MiB stack */`, possibly followed by more comments: nothing but comments to line end.
    while rest.hasPrefix("/*"), let close = rest.range(of: "*/") {
      rest = rest[close.upperBound...].drop(while: { $0 == " " || $0 == "\t" })
      if rest.isEmpty || rest.hasPrefix("//") { return contentEnd }
    }
    return end
  }

  /// `<stdio.h>` and `<stdlib.h>` for fprintf/abort, after the file's last top-level #include.
  package func assertionPrerequisites(in source: SourceText, file: FileRef) -> [TextEdit] {
    guard language == .c || language == .cpp else { return [] }
    let text = source.text(0..<source.bytes.count)
    let missing = ["stdio.h", "stdlib.h"].filter { !text.contains("<\($0)>") }
    guard !missing.isEmpty else { return [] }
    var offset = 0
    for (i, start) in source.lineStarts.enumerated() {
      let line = source.text(source.lineRange(containing: start))
      if line.hasPrefix("#include") { offset = i + 1 < source.lineStarts.count ? source.lineStarts[i + 1] : source.bytes.count }
    }
    return [.insertion(missing.map { "#include <\($0)>\n" }.joined(), at: offset, in: file)]
  }


  package func comment(indent: String) -> String {
    InvariantComment.lines.map { "\(indent)// \($0)\n" }.joined()
  }

  package func formatValue(_ value: Int128, preferShifts: Bool) -> String {
    ValueFormatter.format(value, language: language, preferShifts: preferShifts)
  }

  /// The setter for a setting, as a statement on `receiver` (suffix: `?`, `.unwrap()` of old APIs).
  func statement(_ setting: Setting, value: String, receiver: String, suffix: String, apiStyleOf anchor: SiteAnchor) -> String {
    switch language {
    case .c, .cpp:
      let function = setting == .maxWasmStack ? "wasmtime_config_max_wasm_stack_set" : "wasmtime_config_async_stack_size_set"
      // wasmtime::Config has no async stack method: call the C API on the object it wraps.
      let object = language == .cpp && anchor.apiName == "max_wasm_stack" ? "\(receiver).capi()" : receiver
      return "\(function)(\(object), \(value));"
    default:
      return "\(receiver).\(methodName(setting, like: anchor))(\(value))\(suffix);"
    }
  }

  /// A builder-chain link: `.async_stack_size(N)`.
  func link(_ setting: Setting, value: String, like anchor: SiteAnchor) -> String {
    ".\(methodName(setting, like: anchor))(\(value))"
  }

  func methodName(_ setting: Setting, like anchor: SiteAnchor) -> String {
    switch (language, setting) {
    case (.csharp, .maxWasmStack): return anchor.setting == .maxWasmStack ? anchor.apiName : "WithMaximumStackSize"
    case (.csharp, .asyncStackSize): return "WithAsyncStackSize"
    default: return setting.rawValue
    }
  }

  /// A run-time check placed before the engine is created.
  package func runtimeAssertion(max: String, async: String, indent: String) -> String? {
    switch language {
    case .rust:
      return "\(indent)assert!(\(max) <= \(async), \"\(assertionMessage)\");\n"
    case .c, .cpp:
      // Not assert(): NDEBUG removes it from release builds, exactly where this fails.
      return "\(indent)if (\(max) > \(async)) {\n\(indent)    fprintf(stderr, \"\(assertionMessage)\\n\");\n\(indent)    abort();\n\(indent)}\n"
    default:
      return "\(indent)if (\(max) > \(async)) throw new System.InvalidOperationException(\"\(assertionMessage)\");\n"
    }
  }

  package func constantSum(_ operand: String, _ headroom: String) -> String? {
    let simple = operand.allSatisfy { $0.isLetter || $0.isNumber || "_.:()".contains($0) }
    return "\(simple ? operand : "(\(operand))") + \(headroom)"
  }

  package func derivedAsync(fromMax operand: String, headroom: String) -> String? {
    let simple = operand.allSatisfy { $0.isLetter || $0.isNumber || "_.:".contains($0) }
    switch language {
    // usize arithmetic that cannot overflow into a panic or a wrap.
    case .rust: return "\(simple ? operand : "(\(operand))").saturating_add(\(headroom))"
    case .c, .cpp: return "\(simple ? operand : "(\(operand))") + \(headroom)"
    default: return nil
    }
  }

  /// A compile-time check of two named constants, placed after the later definition.
  package func staticAssertion(max: String, async: String) -> String? {
    switch language {
    case .rust: return "const _: () = assert!(\(max) <= \(async), \"\(assertionMessage)\");"
    case .c: return "_Static_assert(\(max) <= \(async), \"\(assertionMessage)\");"
    case .cpp: return "static_assert(\(max) <= \(async), \"\(assertionMessage)\");"
    default: return nil  // C# has no static assertion over const fields.
    }
  }

  /// Binds an expression to a local so the assertion does not evaluate it twice.
  package func binding(name: String, expression: String, indent: String) -> String {
    switch language {
    case .rust: return "\(indent)let \(name): usize = \(expression);\n"
    case .c, .cpp: return "\(indent)size_t \(name) = \(expression);\n"
    default: return "\(indent)var \(name) = \(expression);\n"
    }
  }

  package func localName(_ setting: Setting) -> String {
    switch (language, setting) {
    case (.csharp, .maxWasmStack): return "maxWasmStack"
    case (.csharp, _): return "asyncStackSize"
    default: return setting.rawValue
    }
  }

  package init(language: SurfaceID) {
    self.language = language
  }
}
