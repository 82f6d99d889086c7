import WasmfixAnalysis
import Foundation
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Plans fixes for a scan, applies them in memory, checks every edited file still parses as
/// cleanly as before and that a re-scan no longer reports the fixed findings, and only then
/// hands out the new contents (for `--diff`) or writes them (for `--write`).
public struct Fixer {
  public let result: ScanResult
  public let options: FixOptions
  /// Scans again with some files' contents replaced (absolute path → bytes): how a fix is
  /// verified before anything is written. The pipeline provides it (`Fixer(result:options:)`).
  let rescan: @Sendable ([String: [UInt8]]) -> ScanResult

  public init(result: ScanResult, options: FixOptions, rescan: @escaping @Sendable ([String: [UInt8]]) -> ScanResult) {
    self.result = result
    self.options = options
    self.rescan = rescan
  }

  /// One file the verified fixes change.
  public struct FileChange: Sendable {
    public var path: String
    public var absolutePath: String
    public var original: [UInt8]
    public var edited: [UInt8]
    /// What each applied edit changed, for rendering the diff around the edits alone.
    public var spans: [ChangedSpan]? = nil
    public var diff: String { UnifiedDiff.render(path: path, old: original, new: edited, changed: spans) }
    /// The diff with the file's bytes as they are, `shownPath` in its headers.
    public func diffBytes(shownPath: String) -> [UInt8] {
      UnifiedDiff.renderBytes(path: shownPath, old: original, new: edited, changed: spans)
    }
  }

  public struct Outcome: Sendable {
    /// The scan result with `fixed` / `unfixedReason` set on its findings.
    public var result: ScanResult
    public var changes: [FileChange]
    /// One-line messages about files left alone (refused edits, failed writes).
    public var messages: [String]
    /// Files that were to be written and were not (a failed or refused write): the write the
    /// user asked for did not happen, which the command line turns into exit status 2.
    public var writeFailures: [String] = []
    /// The verified fixes `changes` is made of, positioned for the reports (JSON, SARIF).
    public var fixes: [ReportedFix] = []
    /// The findings each file's fixes resolve, by absolute path: a fix spanning files (a
    /// constant in a header) is unfixed as a whole when one of its files is not written.
    var findingsByFile: [String: [Int]] = [:]
    /// The files each verified fix edits (absolute paths): a fix is written whole or not at all.
    var filesByFix: [Set<String>] = []
  }

  /// The fixes as planned, neither applied nor verified: what a plain `--format json|sarif`
  /// scan lists (as ruff lists its fixes). Verifying means a syntax check and a re-scan of
  /// every edited file, which would make every machine-readable scan pay for a fix nobody
  /// asked to apply; `--diff` and `--write` verify, and may still refuse a listed fix there.
  public func planned() -> [ReportedFix] {
    var planner = FixPlanner(result: result, options: options)
    let fixes = planner.plan().fixes
    var originals: [String: [UInt8]] = [:]
    for edit in fixes.flatMap(\.edits) where originals[edit.absolutePath] == nil {
      // The bytes the planner holds (and checked against the scan), not a second copy.
      originals[edit.absolutePath] = planner.plannedBytes(ofFile: edit.path) ?? result.options.contents(ofFile: edit.absolutePath)
    }
    return ReportedFix.positioned(fixes, original: originals)
  }

  /// Computes the verified changes without touching the disk.
  public func prepare() -> Outcome {
    var planner = FixPlanner(result: result, options: options)
    let plan = planner.plan()
    var active = plan.fixes
    var refusals = plan.refusals
    var messages = planner.changedFiles.sorted().map { "\($0): changed since it was scanned; not fixed" }
    messages += planner.unwritableFiles.keys.sorted().map { "\($0): \(planner.unwritableFiles[$0]!)" }
    // Unsafe fixes only on request (ruff's --unsafe-fixes): they are left out before anything
    // is applied, so --diff shows exactly what --write would do with the same flags.
    if !options.unsafeFixes {
      for fix in active where fix.applicability == .unsafe {
        for index in fix.findingIndexes {
          refusals[index] = "the fix is unsafe (\(fix.unsafeReason ?? "it changes behaviour")); pass --unsafe-fixes to apply it"
        }
      }
      active.removeAll { $0.applicability == .unsafe }
    }

    // Drop fixes whose files refuse them, until every remaining file applies cleanly.
    var changes: [FileChange] = []
    var originals: [String: [UInt8]] = [:]
    while true {
      var refusedGroups = Set<String>()
      changes = []
      let byFile = Dictionary(grouping: active.flatMap(\.edits)) { $0.absolutePath }.sorted { $0.key < $1.key }
      // The syntax checks (two parses per file) run in parallel; their verdicts are read in order.
      // They start from the bytes the planner read (checked against the scan's hash), not a
      // second copy of every edited file (a large tree's `--diff` peak); the writer checks
      // the file on disk again before replacing it.
      let scanOptions = result.options
      var plannedBytes: [String: [UInt8]] = [:]
      for (absolutePath, edits) in byFile { plannedBytes[absolutePath] = planner.plannedBytes(ofFile: edits[0].path) }
      let verdicts = SyntaxCheck.verdicts(for: byFile.map { ($0.value[0].path, $0.key, $0.value) }, hashes: result.fileHashes,
                                          read: { [plannedBytes] in plannedBytes[$0] ?? scanOptions.contents(ofFile: $0) })
      for ((absolutePath, edits), verdict) in zip(byFile, verdicts) {
        let path = edits[0].path
        let groups = Set(active.filter { $0.edits.contains { $0.absolutePath == absolutePath } }.map(\.groupID))
        switch verdict {
        case let .refused(problem):
          messages.append("\(path): \(problem); not fixed")
          refusedGroups.formUnion(groups)
        case let .edited(original, edited, spans):
          originals[absolutePath] = original
          if edited != original {
            changes.append(FileChange(path: path, absolutePath: absolutePath, original: original, edited: edited, spans: spans))
          }
        }
      }
      if refusedGroups.isEmpty { break }
      for fix in active where refusedGroups.contains(fix.groupID) {
        for index in fix.findingIndexes { refusals[index] = refusals[index] ?? "its file was left untouched (see above)" }
      }
      active.removeAll { refusedGroups.contains($0.groupID) }
    }

    // Re-scan the edited text: a fix that leaves its finding behind is a bug, not a success.
    if !changes.isEmpty {
      let verification = verify(changes, fixes: active)
      for fix in active {
        for index in fix.findingIndexes where verification.stillReported(result.findings[index]) {
          refusals[index] = "the edit did not remove the finding; file left untouched"
          messages.append("\(result.findings[index].path): the fix for \(result.findings[index].rule.code) did not remove it; not written (please report this)")
        }
      }
      // A fix is final: a second --write must change nothing. In a file with syntax errors an
      // edit (an #include, a local) can change how the parser recovers elsewhere, so the edited
      // text reads as other configurations with fixes of their own (found by `make fuzz`).
      for fix in active where fix.edits.contains(where: { verification.unsettledFiles.contains($0.absolutePath) }) {
        for index in fix.findingIndexes where refusals[index] == nil {
          refusals[index] = "fixing the fixed file would change it again (its syntax errors read differently after the edit); file left untouched"
        }
      }
      for file in verification.unsettledFiles.sorted() {
        let path = changes.first { $0.absolutePath == file }?.path ?? file
        messages.append("\(path): the fixed text would need fixing again (its syntax errors read differently after the edit); not fixed")
      }
      let failedGroups = Set(active.filter { $0.findingIndexes.contains { refusals[$0] != nil } }.map(\.groupID))
      if !failedGroups.isEmpty {
        let failedFiles = Set(active.filter { failedGroups.contains($0.groupID) }.flatMap { $0.edits.map(\.absolutePath) })
        changes.removeAll { failedFiles.contains($0.absolutePath) }
        for fix in active where !failedGroups.contains(fix.groupID) && fix.edits.contains(where: { failedFiles.contains($0.absolutePath) }) {
          for index in fix.findingIndexes { refusals[index] = "shares a file with a fix that failed verification" }
        }
        active.removeAll { fix in fix.edits.contains { failedFiles.contains($0.absolutePath) } }
      }
    }

    var updated = result
    for fix in active {
      for index in fix.findingIndexes where refusals[index] == nil {
        updated.findings[index].fixed = true
        updated.findings[index].fixDescription = fix.title
      }
    }
    for (index, reason) in refusals where !updated.findings[index].fixed { updated.findings[index].unfixedReason = reason }
    var byFile: [String: [Int]] = [:]
    for fix in active {
      for file in Set(fix.edits.map(\.absolutePath)) { byFile[file, default: []] += fix.findingIndexes }
    }
    return Outcome(result: updated, changes: changes.sorted { $0.path < $1.path }, messages: messages,
                   fixes: ReportedFix.positioned(active, original: originals), findingsByFile: byFile,
                   filesByFix: active.map { Set($0.edits.map(\.absolutePath)) })
  }

  struct Verification {
    var counts: [String: Int]
    var before: [String: Int]
    var fixedCounts: [String: Int]
    /// Edited files (absolute paths) for which planning again on the edited text yields more
    /// edits that would be applied: the fix is not final there.
    var unsettledFiles: Set<String> = []
    func stillReported(_ finding: Finding) -> Bool {
      let key = "\(finding.path)#\(finding.rule.code)"
      return (counts[key] ?? 0) > (before[key] ?? 0) - (fixedCounts[key] ?? 0)
    }
  }

  /// `fixes`: the fixes applied in `changes`, whose findings must be gone.
  private func verify(_ changes: [FileChange], fixes: [Fix]) -> Verification {
    let edited = Dictionary(uniqueKeysWithValues: changes.map { ($0.absolutePath, $0.edited) })
    let rescan = self.rescan(edited)
    func count(_ findings: [Finding]) -> [String: Int] {
      Dictionary(grouping: findings) { "\($0.path)#\($0.rule.code)" }.mapValues(\.count)
    }
    let fixedFindings = fixes.flatMap(\.findingIndexes).map { result.findings[$0] }
    var again = FixPlanner(result: rescan, options: options)
    again.overlay = edited
    let applied = again.plan().fixes.filter { $0.applicability == .safe || options.unsafeFixes }
    let unsettled = Set(applied.flatMap { $0.edits.map(\.absolutePath) }).intersection(edited.keys)
    return Verification(counts: count(rescan.findings), before: count(result.findings), fixedCounts: count(fixedFindings),
                        unsettledFiles: unsettled)
  }

  /// Writes the prepared changes atomically; files that fail are reported and their findings
  /// unfixed. A fix that spans files (a constant in a header, a call in the `.c` file) is
  /// written whole or not at all (issue 10, item 4): every file it touches is checked first
  /// (writable, unchanged since read; each already re-parsed cleanly in `prepare`), and when
  /// one cannot be written, none of the files joined to it by a fix is; should a write still
  /// fail midway, the files already written are put back.
  public func write(_ outcome: Outcome) -> Outcome {
    var outcome = outcome
    let root = Self.realPath(result.root) ?? result.root
    /// `failed`: the write was attempted and did not happen (exit 2); otherwise wasmfix chose
    /// not to write (read-only, outside the root) and the remaining errors decide the exit.
    func fail(_ change: FileChange, _ message: String, failed: Bool = true) {
      outcome.messages.append(message)
      if failed { outcome.writeFailures.append(change.path) }
      // Every finding a fix touching this file resolves: a fix spanning files is one fix.
      let related = Set(outcome.findingsByFile[change.absolutePath] ?? [])
      for i in outcome.result.findings.indices where outcome.result.findings[i].fixed
        && (related.contains(i) || outcome.result.findings[i].path == change.path) {
        outcome.result.findings[i].fixed = false
        outcome.result.findings[i].unfixedReason = "\(change.path) was not written"
      }
    }
    for unit in Self.writeUnits(outcome.changes, filesByFix: outcome.filesByFix) {
      let changes = unit.map { outcome.changes[$0] }
      // Check every file of the unit before writing any.
      if let (blocked, problem) = changes.lazy.compactMap({ change in precheck(change, root: root).map { (change, $0) } }).first {
        for change in changes {
          fail(change, change.path == blocked.path ? problem.message
            : "\(change.path): not written: a fix also edits \(blocked.path), which cannot be written", failed: problem.failed)
        }
        continue
      }
      var written: [FileChange] = []
      for (k, change) in changes.enumerated() {
        do {
          try SafeFileWriter.write(change.edited, to: change.absolutePath, expecting: change.original)
          written.append(change)
        } catch {
          fail(change, "\(error)")
          for done in written {
            // Put it back: half a fix must not stay on disk.
            let restored = (try? SafeFileWriter.write(done.original, to: done.absolutePath, expecting: done.edited)) != nil
            fail(done, "\(done.path): \(restored ? "restored" : "could not be restored") after \(change.path) failed; a fix spans both")
          }
          for rest in changes[(k + 1)...] { fail(rest, "\(rest.path): not written: a fix also edits \(change.path), which failed") }
          break
        }
      }
    }
    return outcome
  }

  /// Why a change cannot be written, checked before anything is: `failed` when the user's
  /// write fails (exit 2), not when wasmfix leaves the file alone on purpose.
  private func precheck(_ change: FileChange, root: String) -> (message: String, failed: Bool)? {
    // Standard input has no file to write back to (the CLI refuses --write with `-`).
    if change.absolutePath == result.options.standardInput?.absolutePath {
      return ("\(change.path): read from standard input; not written (use --diff)", true)
    }
    // Never write through a link to a file outside the scanned root (`--follow`).
    guard let real = Self.realPath(change.absolutePath), real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
      return ("\(change.path): resolves outside the scanned root (\(Self.realPath(change.absolutePath) ?? "?")); not written", false)
    }
    // A read-only file stays read-only: editors and Perforce users expect it left alone.
    var info = stat()
    if stat(change.absolutePath, &info) == 0, info.st_mode & 0o222 == 0 {
      return ("\(change.path): read-only; not written (make it writable to apply the fix)", false)
    }
    return SafeFileWriter.problem(writing: change.absolutePath, expecting: change.original).map { ("\($0)", true) }
  }

  /// The changes (indexes) to write together: files joined by a fix, directly or through
  /// another fix sharing a file, in path order.
  static func writeUnits(_ changes: [FileChange], filesByFix: [Set<String>]) -> [[Int]] {
    var unitOf = Array(changes.indices)
    func find(_ i: Int) -> Int {
      var i = i
      while unitOf[i] != i { unitOf[i] = unitOf[unitOf[i]]; i = unitOf[i] }
      return i
    }
    let index = Dictionary(changes.enumerated().map { ($1.absolutePath, $0) }) { first, _ in first }
    for files in filesByFix {
      let members = files.compactMap { index[$0] }
      for other in members.dropFirst() { unitOf[find(other)] = find(members[0]) }
    }
    return Dictionary(grouping: changes.indices, by: find).values.sorted { $0[0] < $1[0] }
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
