import Dispatch
import Foundation

/// Applies a file's edits in memory and re-parses it: an edit that adds ERROR/MISSING nodes is
/// refused, and so is a file that changed since the scan or whose edits overlap.
enum SyntaxCheck {
  enum Verdict {
    case edited(original: [UInt8], edited: [UInt8])
    case refused(String)
  }

  /// One verdict per (path, absolute path, edits), computed in parallel, returned in order.
  static func verdicts(for files: [(path: String, absolutePath: String, edits: [TextEdit])], hashes: [String: UInt64]) -> [Verdict] {
    let results = UnsafeMutableBufferPointer<Verdict>.allocate(capacity: files.count)
    results.initialize(repeating: .refused(""))
    defer { results.deinitialize(); results.deallocate() }
    DispatchQueue.concurrentPerform(iterations: files.count) { i in
      results[i] = verdict(files[i].path, files[i].absolutePath, files[i].edits, expectedHash: hashes[files[i].path])
    }
    return Array(results)
  }

  static func verdict(_ path: String, _ absolutePath: String, _ edits: [TextEdit], expectedHash: UInt64?) -> Verdict {
    guard let data = FileManager.default.contents(atPath: absolutePath) else { return .refused("cannot be read") }
    let original = [UInt8](data)
    guard expectedHash == nil || expectedHash == ContentHash.of(original) else { return .refused("changed since it was scanned") }
    do {
      let (edited, starts) = try EditApplier.applyTracking(edits, to: original)
      if let problem = newErrors(path: path, original: original, edited: edited, editStarts: starts) { return .refused(problem) }
      return .edited(original: original, edited: edited)
    } catch EditApplier.Failure.overlap(let detail) {
      return .refused("overlapping edits (\(detail))")
    } catch {
      return .refused("\(error)")
    }
  }

  static func newErrors(path: String, original: [UInt8], edited: [UInt8], editStarts: [Int] = []) -> String? {
    guard let language = SourceLanguage(path: path) else { return nil }
    let scanner = FileScanner()
    // Cheap path: the top-level items holding the edits parse without any error. Otherwise
    // compare whole-file error counts (the file may have had errors before).
    let editedSource = SourceText(bytes: edited)
    if let items = edited.withUnsafeBytes({ ItemRanges.enclosing(editStarts.sorted(), in: $0, language: language) }),
       let partial = scanner.parse(editedSource, language: language, only: items, fallbackToWhole: false),
       !partial.rootNode.hasError {
      return nil
    }
    guard let before = scanner.parse(SourceText(bytes: original), language: language),
          let after = scanner.parse(SourceText(bytes: edited), language: language) else {
      return "could not re-parse the edited file"
    }
    let was = before.rootNode.errorCount, now = after.rootNode.errorCount
    return now > was ? "the edit would introduce a syntax error (\(now - was) new error node(s))" : nil
  }
}
