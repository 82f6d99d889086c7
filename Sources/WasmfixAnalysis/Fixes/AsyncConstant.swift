import WasmfixEvaluation
import Foundation

/// A new async-stack constant next to the max constant it derives from (issue 9, item 4):
/// `pub const ASYNC_STACK_SIZE: usize = MAX_WASM_STACK_SIZE + 512 * 1024;` right after
/// `pub const MAX_WASM_STACK_SIZE: usize = …;`, so the call reads
/// `config.async_stack_size(ASYNC_STACK_SIZE)` and the project keeps naming its sizes.
struct AsyncConstant {
  /// What the call's argument becomes (`ASYNC_STACK_SIZE`, `limits::ASYNC_STACK_SIZE`).
  var argument: String
  /// The new definition, inserted after the max constant's.
  var edit: TextEdit
}

extension FixContext {
  /// The kinds whose definition can be copied with a new name and value and still compile:
  /// not C's `static const` (a C constant is not a constant expression, so
  /// `static const size_t B = A + 1;` is rejected by clang and MSVC), not enumerators or
  /// function-like macros (their items are not one declaration).
  private static let copyableKinds: Set<ConstantDefinition.Kind> = [.rustConst, .rustStatic, .cDefine, .cConst, .cppConstexpr, .csharpConst]

  /// A new constant valued `max's constant + headroom` (`written`), or nil where the inline form
  /// is kept: max is not exactly one named constant, its definition cannot be copied safely
  /// (several declarators, a `cfg` attribute, code after it on its line, a file wasmfix does
  /// not rewrite), the new name is taken anywhere it could clash, or the value overflows the
  /// constant's declared type.
  mutating func asyncConstant(value: Int128) -> AsyncConstant? {
    guard group.maxWasmStack.source == .explicit, let maxIndex = group.maxWasmStack.siteIndex,
          case let site = result.sites[maxIndex], let definition = site.definition,
          Self.copyableKinds.contains(definition.kind), case let .name(path) = site.argument, path.last == definition.name,
          site.argumentText.hasSuffix(definition.name), definition.parameters == nil,
          let newName = AsyncConstantName.derive(from: definition.name), newName != definition.name,
          let callSource = source(of: site),
          let definitionSource = planner.source(definition.path, absolutePath: absolutePath(of: definition.path))
    else { return nil }
    let definitionLanguage = SurfaceID(path: definition.path) ?? group.language
    if definition.kind == .cConst && definitionLanguage == .c { return nil }
    // A value its own type cannot hold does not compile (Rust, C#) or wraps (C).
    if let type = definition.declaredType.flatMap(IntegerType.named), value >= Int128(1) << (type.signed ? type.bits - 1 : type.bits) {
      return nil
    }
    let item = definition.itemRange, valueRange = definition.valueRange
    let itemText = definitionSource.text(item)
    guard item.lowerBound <= valueRange.lowerBound, valueRange.upperBound <= item.upperBound,
          !itemText.contains("static mut"),
          case let head = definitionSource.text(item.lowerBound..<valueRange.lowerBound),
          case let names = Self.wordRanges(of: definition.name, in: head[...]), names.count == 1, let nameRange = names.first,
          case let tail = definitionSource.text(valueRange.upperBound..<item.upperBound).trimmingCharacters(in: .whitespacesAndNewlines),
          tail.isEmpty || tail == ";" || definition.kind == .cDefine && Self.isCommentOrEmpty(tail)
    else { return nil }
    // Alone on its lines: whitespace before it, at most a comment after it (which stays with it).
    let startLine = definitionSource.lineRange(containing: item.lowerBound)
    guard definitionSource.text(startLine.lowerBound..<item.lowerBound).allSatisfy(\.isWhitespace),
          case let endLine = definitionSource.lineRange(containing: Swift.max(item.upperBound - 1, item.lowerBound)),
          Self.isCommentOrEmpty(definitionSource.text(Swift.min(item.upperBound, endLine.upperBound)..<endLine.upperBound))
    else { return nil }
    // Rust attributes above it go with the copy (`#[allow(non_upper_case_globals)]`); but
    // `#[cfg(…)] const MAX` may be one of several alternatives, and a copy could name one that is not there.
    var attributes = ""
    var line = source(lineBefore: startLine.lowerBound, in: definitionSource)
    while definitionLanguage == .rust, let current = line, current.text.trimmingCharacters(in: .whitespaces).hasPrefix("#[") {
      if current.text.trimmingCharacters(in: .whitespaces).hasPrefix("#[cfg") { return nil }
      attributes = current.text.trimmingCharacters(in: .whitespaces) + "\n" + attributes
      line = source(lineBefore: current.start, in: definitionSource)
    }

    // Rust: a plain name the call file imports by `use` would need the new name imported too.
    if definitionLanguage == .rust, path.count == 1, definition.path != site.path || Self.imports(definition.name, in: callSource) { return nil }
    guard isFree(newName, in: [callSource, definitionSource], like: definition) else { return nil }
    let owner = "\(absolutePath(of: definition.path))#\(definition.itemRange.lowerBound)"
    if let claimed = planner.declaredConstants[newName], claimed != owner { return nil }
    planner.declaredConstants[newName] = owner

    let syntax = CodeSyntax(language: definitionLanguage)
    guard var newValue = syntax.constantSum(definition.name, syntax.formatValue(Int128(options.headroom), preferShifts: false)) else { return nil }
    if definition.kind == .cDefine { newValue = "(\(newValue))" }
    let nameStart = head.utf8.distance(from: head.startIndex, to: nameRange.lowerBound)
    let nameEnd = nameStart + definition.name.utf8.count
    let newItem = definitionSource.text(item.lowerBound..<(item.lowerBound + nameStart)) + newName
      + definitionSource.text((item.lowerBound + nameEnd)..<valueRange.lowerBound) + newValue
      + (tail == ";" ? ";" : "")  // a `#define`'s trailing comment stays with it
    var insertAt = definitionSource.lineRangeWithBreak(containing: endLine.lowerBound).upperBound
    var indent = definitionSource.indentation(ofLineContaining: item.lowerBound)
    // `#ifndef STACK / #define STACK … / #endif`: after the guard, so a `-DSTACK=…` build has both.
    if definition.kind == .cDefine, let guardEnd = Self.ifndefGuardEnd(around: startLine, endLine: endLine, name: definition.name, in: definitionSource) {
      insertAt = guardEnd
      indent = definitionSource.indentation(ofLineContaining: guardEnd - 1)
    }
    let atEndWithoutBreak = insertAt == definitionSource.bytes.count && definitionSource.bytes.last != 0x0A
    let declaration = attributes.split(separator: "\n").map { indent + $0 + "\n" }.joined() + indent + newItem
    let text = atEndWithoutBreak ? "\n" + declaration : declaration + "\n"
    let argument = String(site.argumentText.dropLast(definition.name.count)) + newName
    return AsyncConstant(argument: argument,
                         edit: .insertion(text, at: insertAt, in: FileRef(path: definition.path, absolutePath: absolutePath(of: definition.path))))
  }

  /// Free: no whole-word use in the files the fix edits, and no scanned file of the same
  /// language family defines it (the scan's name fingerprints; a chance match only costs the
  /// inline form).
  private func isFree(_ name: String, in sources: [SourceText], like definition: ConstantDefinition) -> Bool {
    for source in sources where !Self.wordRanges(of: name, in: source.text(0..<source.bytes.count)[...]).isEmpty { return false }
    let family = SurfaceID(path: definition.path).map { Surfaces.surface($0)?.constantFamily ?? $0 }
    return !result.candidates.files(mayDefine: [NameHash.of(name)]).contains {
      family == nil || (Surfaces.surface($0.language)?.constantFamily ?? $0.language) == family
    }
  }

  /// The line before the one starting at `lineStart`, if any.
  private func source(lineBefore lineStart: Int, in source: SourceText) -> (text: String, start: Int)? {
    guard lineStart > 0 else { return nil }
    let range = source.lineRange(containing: lineStart - 1)
    return (source.text(range), range.lowerBound)
  }

  static func wordRanges(of word: String, in text: Substring) -> [Range<String.Index>] {
    var found: [Range<String.Index>] = []
    var start = text.startIndex
    func isIdentifier(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
    while let range = text.range(of: word, range: start..<text.endIndex) {
      let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
      let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
      if !(before.map(isIdentifier) ?? false), !(after.map(isIdentifier) ?? false) { found.append(range) }
      start = range.upperBound
    }
    return found
  }

  /// A `use` declaration naming `name` (`use crate::limits::MAX;`, `use limits::{MAX, MIN};`).
  private static func imports(_ name: String, in source: SourceText) -> Bool {
    let text = source.text(0..<source.bytes.count)
    var rest = text[...]
    while let use = rest.range(of: "use ") {
      let end = rest[use.upperBound...].firstIndex(of: ";") ?? rest.endIndex
      if !wordRanges(of: name, in: rest[use.upperBound..<end]).isEmpty { return true }
      rest = rest[end...]
      if rest.isEmpty { break }
      rest = rest.dropFirst()
    }
    return false
  }

  private static func isCommentOrEmpty(_ text: String) -> Bool {
    let rest = text.trimmingCharacters(in: .whitespaces)
    return rest.isEmpty || rest.hasPrefix("//") || (rest.hasPrefix("/*") && rest.hasSuffix("*/") && !rest.dropFirst(2).dropLast(2).contains("*/"))
  }

  /// The offset after `#endif` when the definition is alone inside `#ifndef NAME` … `#endif`.
  private static func ifndefGuardEnd(around startLine: Range<Int>, endLine: Range<Int>, name: String, in source: SourceText) -> Int? {
    let first = source.lineIndex(of: startLine.lowerBound), last = source.lineIndex(of: endLine.lowerBound)
    guard first > 0, last + 1 < source.lineStarts.count else { return nil }
    let opening = source.text(source.lineRange(containing: source.lineStarts[first - 1])).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    let closing = source.text(source.lineRange(containing: source.lineStarts[last + 1])).trimmingCharacters(in: .whitespaces)
    guard ["#ifndef \(name)", "#if !defined(\(name))", "#if !defined \(name)"].contains(opening), closing.hasPrefix("#endif") else { return nil }
    return source.lineRangeWithBreak(containing: source.lineStarts[last + 1]).upperBound
  }
}
