import Foundation

/// Hands files from the walking thread to the scanning workers as they are found, so reading
/// starts before the walk ends. Blocking, unbounded (file entries are small).
final class FileFeed: @unchecked Sendable {
  private let condition = NSCondition()
  private var pending: [WalkedFile] = []
  private var head = 0
  private var finished = false

  func push(_ file: WalkedFile) {
    condition.lock()
    pending.append(file)
    condition.signal()
    condition.unlock()
  }

  /// No more files will come.
  func finish() {
    condition.lock()
    finished = true
    condition.broadcast()
    condition.unlock()
  }

  /// The next file, waiting for the walker if needed; nil once the walk is over and drained.
  func next() -> WalkedFile? {
    condition.lock()
    defer { condition.unlock() }
    while head == pending.count && !finished { condition.wait() }
    guard head < pending.count else { return nil }
    head += 1
    return pending[head - 1]
  }
}
