import WasmfixEvaluation
import Foundation

/// Turns findings into a plan of text edits, one `Fix` per engine configuration: each rule
/// plans the fix of its own findings (`Rule.fix`), in `Rules.fixOrder`; the planner merges
/// them per group (overlaps are refused when the edits are applied). Reads the files it edits
/// (to match indentation and number style) and refuses files that changed since the scan.
/// Writes nothing.
public struct FixPlanner {
  public let result: ScanResult
  public let options: FixOptions
  private var sources: [String: SourceText] = [:]
  /// Files whose bytes differ from what the scan read; nothing in them is edited.
  public private(set) var changedFiles = Set<String>()
  /// Files wasmfix reads but does not rewrite, with why: a file holding a setting that is not
  /// UTF-8. Its fixes copy its text (receiver, argument) into inserted statements, where a
  /// stray byte would come out re-encoded. A file that only defines a constant is edited:
  /// a value is spliced between its bytes, and the diff carries them as they are.
  public private(set) var unwritableFiles: [String: String] = [:]
  /// The files holding a setting.
  private let sitePaths: Set<String>
  /// Constant definitions several configurations' fixes rewrite, by `absolutePath#offset`: the
  /// one value that satisfies them all (the smallest max, the largest async) and its text.
  var sharedDefinitions: [String: (range: Range<Int>, value: Int128, text: String)] = [:]

  /// New constants the plan declares (`AsyncConstant`), by name: the definition each is named
  /// after (`absolutePath#offset`). Two max constants that give one name (`WASM_STACK_SIZE`,
  /// `MAX_WASM_STACK_SIZE`) would declare it twice; the second keeps the inline sum.
  var declaredConstants: [String: String] = [:]

  /// Bytes to plan against instead of the disk's, by absolute path: a fix's verification
  /// plans again on its own edited text (`Fixer.prepare`), which is not written yet.
  public var overlay: [String: [UInt8]] = [:]

  public init(result: ScanResult, options: FixOptions) {
    self.result = result
    self.options = options
    self.sitePaths = Set(result.sites.map(\.path))
  }

  static let minimumMaxWasmStack: Int128 = 64 << 10

  public mutating func plan() -> FixPlan {
    var plan = FixPlan()
    // The fixable findings of each group, found in one pass (a search per group was quadratic
    // in a file with thousands of configurations); a suppressed finding is never fixed.
    var fixable: [String: [Int]] = [:]
    for (index, finding) in result.findings.enumerated() where finding.fixable && !finding.suppressed {
      fixable[finding.groupID, default: []].append(index)
    }
    for group in result.groups {
      guard let indexes = fixable[group.id], !indexes.isEmpty else { continue }
      var context = FixContext(group: group, result: result, options: options, planner: self)
      let outcome = context.fix(findings: indexes)
      self = context.planner
      for (index, reason) in outcome.refusals { plan.refusals[index] = reason }
      if !outcome.edits.isEmpty {
        plan.fixes.append(Fix(groupID: group.id, title: outcome.title, edits: outcome.edits, findingIndexes: outcome.fixed,
                              applicability: outcome.unsafeReasons.isEmpty ? .safe : .unsafe,
                              unsafeReason: outcome.unsafeReasons.isEmpty ? nil : outcome.unsafeReasons.joined(separator: "; ")))
      }
    }
    // A definition two configurations rewrote gets the value that satisfies both, in every
    // fix that edits it (identical edits are applied once); before, the two values overlapped
    // and the whole file was refused.
    for i in plan.fixes.indices {
      for j in plan.fixes[i].edits.indices {
        let edit = plan.fixes[i].edits[j]
        guard let shared = sharedDefinitions["\(edit.absolutePath)#\(edit.range.lowerBound)"], shared.range == edit.range,
              edit.replacement != shared.text else { continue }
        plan.fixes[i].edits[j] = .replacement(shared.text, of: edit.range, in: FileRef(path: edit.path, absolutePath: edit.absolutePath))
      }
    }
    return plan
  }

  /// The file as scanned; nil when it changed on disk since (then nothing in it is edited).
  mutating func source(_ path: String, absolutePath: String) -> SourceText? {
    if let cached = sources[path] { return cached }
    guard let bytes = overlay[absolutePath] ?? result.options.contents(ofFile: absolutePath) else { return nil }
    if let encoding = TextEncoding.utf16Name(bytes) {
      unwritableFiles[path] = "\(encoding) with a byte-order mark; reported, not rewritten: wasmfix writes UTF-8 only, convert the file to apply the fix"
      return nil
    }
    // The scan kept no text (`FileScan.source`): the hash says whether these are its bytes.
    let source = SourceText(bytes: bytes)
    guard result.fileHashes[path] == nil || result.fileHashes[path] == ContentHash.of(source.bytes) else {
      changedFiles.insert(path)
      return nil
    }
    if sitePaths.contains(path), let invalid = FileScanner.invalidUTF8Offset(source.bytes) {
      unwritableFiles[path] = "not valid UTF-8 (byte \(invalid)); reported, not rewritten: fix it by hand or convert it to UTF-8"
      return nil
    }
    sources[path] = source
    return source
  }

  /// The bytes a fix to `path` was planned against, when the planner read them.
  package func plannedBytes(ofFile path: String) -> [UInt8]? { sources[path]?.bytes }
}

