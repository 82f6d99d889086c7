import WasmfixSupport
import Foundation

/// Hands files from the walking thread to the scanning workers as they are found, so reading
/// starts before the walk ends. Blocking both ways: the walk lists a directory far faster than
/// the workers read its files, and an unbounded queue held most of the tree's paths at once
/// (memory grew with the tree). The walker waits once `capacity` files are queued.
/// `@unchecked Sendable`: every `var` is read and written only with `condition` locked; the
/// walker and the workers sleep on it, and `Synchronization.Mutex` has no condition to wait on.
package final class FileFeed: @unchecked Sendable {
  /// `capacity`: the most files queued and not yet handed out (at least one batch).
  package init(capacity: Int = 1024) {
    self.capacity = max(capacity, 2 * Self.batch)
  }
  private let capacity: Int
  private let condition = NSCondition()
  private var pending: [WalkedFile] = []
  private var head = 0
  private var finished = false
  /// Workers asleep in `next()`. Waking one per file made the scan mostly context switches:
  /// wake only sleepers, and only once a small batch is ready.
  private var waiting = 0
  /// The walker is asleep in `push` on a full queue: woken once half of it is drained, not
  /// per file, for the same reason.
  private var producerWaiting = false
  private static let batch = 16

  /// Files queued and not yet handed out (for tests).
  package var backlog: Int {
    condition.lock()
    defer { condition.unlock() }
    return pending.count - head
  }

  package func push(_ file: WalkedFile) {
    condition.lock()
    while pending.count - head >= capacity {
      producerWaiting = true
      condition.wait()
    }
    producerWaiting = false
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
    // Let go of the files handed out, or the queue keeps every path it has seen alive.
    if head >= 1024, head * 2 >= pending.count {
      pending.removeFirst(head)
      head = 0
    }
    // Workers sleep only on an empty queue, so with the walker asleep on a full one this
    // broadcast wakes the walker alone.
    if producerWaiting, pending.count - head <= capacity / 2 { condition.broadcast() }
    return file
  }
}
