import WasmfixSupport
import Foundation

/// Hands files from the walking thread to the scanning workers as they are found, so reading
/// starts before the walk ends. Blocking, unbounded (file entries are small).
/// `@unchecked Sendable`: every `var` is read and written only with `condition` locked; the
/// workers sleep on it, and `Synchronization.Mutex` has no condition to wait on.
package final class FileFeed: @unchecked Sendable {
  package init() {}
  private let condition = NSCondition()
  private var pending: [WalkedFile] = []
  private var head = 0
  private var finished = false
  /// Workers asleep in `next()`. Waking one per file made the scan mostly context switches:
  /// wake only sleepers, and only once a small batch is ready.
  private var waiting = 0
  private static let batch = 16

  package func push(_ file: WalkedFile) {
    condition.lock()
    pending.append(file)
    if waiting > 0, pending.count - head >= Self.batch { condition.signal() }
    condition.unlock()
  }

  /// No more files will come.
  package func finish() {
    condition.lock()
    finished = true
    condition.broadcast()
    condition.unlock()
  }

  /// The next file, waiting for the walker if needed; nil once the walk is over and drained.
  package func next() -> WalkedFile? {
    condition.lock()
    defer { condition.unlock() }
    while head == pending.count && !finished {
      waiting += 1
      condition.wait()
      waiting -= 1
    }
    guard head < pending.count else { return nil }
    head += 1
    let file = pending[head - 1]
    // Let go of the files handed out, or the queue keeps every path of the tree alive until
    // the walk ends (memory grows with the tree instead of staying bounded).
    if head >= 1024, head * 2 >= pending.count {
      pending.removeFirst(head)
      head = 0
    }
    return file
  }
}
