import Foundation

/// A lock-protected counter handing out work items to workers.
package final class AtomicCounter: @unchecked Sendable {
  package init() {}
  private var value = 0
  private let lock = NSLock()
  package func increment() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value - 1
  }
}
