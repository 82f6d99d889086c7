/// One byte-range replacement in one file; insertions have an empty range. Pure data:
/// `--diff` and `--write` render the very same edits.
public struct TextEdit: Hashable, Sendable {
  public let path: String
  public let absolutePath: String
  public let range: Range<Int>
  /// New text with `\n` line breaks; the applier converts them to the file's line ending.
  public let replacement: String

  public static func insertion(_ text: String, at offset: Int, in file: FileRef) -> TextEdit {
    TextEdit(path: file.path, absolutePath: file.absolutePath, range: offset..<offset, replacement: text)
  }

  public static func replacement(_ text: String, of range: Range<Int>, in file: FileRef) -> TextEdit {
    TextEdit(path: file.path, absolutePath: file.absolutePath, range: range, replacement: text)
  }
}

/// A file as the fixer names it.
public struct FileRef: Hashable, Sendable {
  public let path: String
  public let absolutePath: String

  package init(path: String, absolutePath: String) {
    self.path = path
    self.absolutePath = absolutePath
  }
}

/// Whether a fix keeps the program's behaviour for every input it accepted before (ruff's
/// safe/unsafe). Raising async_stack_size, pinning a default, comments and compile-time
/// assertions are safe; lowering a stack value (the guest gets less stack) or inserting a
/// run-time abort (a panic, `abort()`, a `throw` where there was none) are unsafe, and
/// `--write` applies them only with `--unsafe-fixes`.
public enum Applicability: String, Sendable, Codable {
  case safe, unsafe
}

/// The edits that fix one engine configuration's findings; may span files (a constant in a header).
public struct Fix: Sendable {
  public var groupID: String
  public var title: String
  public var edits: [TextEdit]
  /// Indexes into `ScanResult.findings` this fix resolves.
  public var findingIndexes: [Int]
  /// Unsafe when any of its parts is: a configuration's fix is applied whole or not at all.
  public var applicability: Applicability
  /// What makes it unsafe (`lowers max_wasm_stack from 8 MiB to 1.5 MiB`); nil when safe.
  public var unsafeReason: String?

  package init(groupID: String, title: String, edits: [TextEdit], findingIndexes: [Int],
               applicability: Applicability = .safe, unsafeReason: String? = nil) {
    self.groupID = groupID
    self.title = title
    self.edits = edits
    self.findingIndexes = findingIndexes
    self.applicability = applicability
    self.unsafeReason = unsafeReason
  }
}

/// Everything `--diff` / `--write` will do, and what it refuses to do.
public struct FixPlan: Sendable {
  public var fixes: [Fix] = []
  /// Finding index -> why it is not fixed.
  public var refusals: [Int: String] = [:]

  package init(fixes: [Fix] = [], refusals: [Int: String] = [:]) {
    self.fixes = fixes
    self.refusals = refusals
  }
}

/// How to fix WF001/WF005.
public enum FixStrategy: String, Sendable, CaseIterable {
  case raiseAsync = "raise-async"
  case lowerMax = "lower-max"
}

public struct FixOptions: Sendable {
  public var strategy: FixStrategy = .raiseAsync
  /// Stack kept for host code: async_stack_size >= max_wasm_stack + headroom. Wasmtime's CLI uses 512 KiB.
  public var headroom: Int = 512 << 10
  /// Apply unsafe fixes too (`--unsafe-fixes`); otherwise their findings stay unfixed.
  public var unsafeFixes = false
  /// `--bump-version-pin`: where the Wasmtime CLI in use cannot size its async stack (25.0.0),
  /// raise the version pin it came from to the release that can, instead of lowering a value.
  public var bumpVersionPin = false
  public init(strategy: FixStrategy = .raiseAsync, headroom: Int = 512 << 10, unsafeFixes: Bool = false, bumpVersionPin: Bool = false) {
    self.strategy = strategy
    self.headroom = headroom
    self.unsafeFixes = unsafeFixes
    self.bumpVersionPin = bumpVersionPin
  }
}
