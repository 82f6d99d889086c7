import WasmfixAnalysis
import Dispatch
import Foundation

/// Applies a file's edits in memory and re-parses it: an edit that adds ERROR/MISSING nodes is
/// refused, and so is a file that changed since the scan or whose edits overlap.
enum SyntaxCheck {
  enum Verdict {
    case edited(original: [UInt8], edited: [UInt8], spans: [ChangedSpan])
    case refused(String)
  }

  /// One verdict per (path, absolute path, edits), computed in parallel, returned in order.
  static func verdicts(for files: [(path: String, absolutePath: String, edits: [TextEdit])], hashes: [String: UInt64],
                       read: @Sendable (String) -> [UInt8]?) -> [Verdict] {
    let results = ResultSlots<Verdict>(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { i in
      results.write(i, verdict(files[i].path, files[i].absolutePath, files[i].edits, expectedHash: hashes[files[i].path], read: read))
    }
    // concurrentPerform returns once every iteration has run: every slot is written.
    return results.take().map { $0! }
  }

  static func verdict(_ path: String, _ absolutePath: String, _ edits: [TextEdit], expectedHash: UInt64?,
                      read: (String) -> [UInt8]? = { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }) -> Verdict {
    guard let original = read(absolutePath) else { return .refused("cannot be read") }
    guard expectedHash == nil || expectedHash == ContentHash.of(original) else { return .refused("changed since it was scanned") }
    do {
      let (edited, starts, spans) = try EditApplier.applyTracking(edits, to: original)
      if let problem = newErrors(path: path, original: original, edited: edited, editStarts: starts) { return .refused(problem) }
      return .edited(original: original, edited: edited, spans: spans)
    } catch EditApplier.Failure.overlap(let detail) {
      return .refused("overlapping edits (\(detail))")
    } catch {
      return .refused("\(error)")
    }
  }

  static func newErrors(path: String, original: [UInt8], edited: [UInt8], editStarts: [Int] = []) -> String? {
    guard let surface = Surfaces.surface(forPath: path) else { return nil }
    return surface.newSyntaxErrors(original: original, edited: edited, editStarts: editStarts, parsers: ParserCache())
  }
}
