import Synchronization

/// A counter handing out work items to workers.
package final class AtomicCounter: Sendable {
  package init() {}
  private let value = Atomic<Int>(0)
  /// The value before the increment: 0, 1, 2, ... across all callers, each value once.
  package func increment() -> Int {
    value.wrappingAdd(1, ordering: .relaxed).oldValue
  }
}
