import Synchronization

/// One slot per work item for results computed in parallel: workers fill the slots by index
/// (each slot once), and the caller takes them all, in index order, after the workers joined.
///
/// The slots live behind a `Mutex`, so the compiler checks that sharing them is race-free;
/// a write costs one uncontended lock, next to the file read and parse that produce it.
/// Misuse traps in every build: a slot written twice (two workers were given one index) or a
/// write after `take()` (a worker outlived the join).
package final class ResultSlots<Element: Sendable>: Sendable {
  private struct State {
    var slots: [Element?]
    var taken = false
  }

  private let state: Mutex<State>

  package init(count: Int) {
    state = Mutex(State(slots: Array(repeating: nil, count: count)))
  }

  /// Stores the result of item `index`; each index is written at most once.
  package func write(_ index: Int, _ value: Element) {
    state.withLock { state in
      precondition(!state.taken, "ResultSlots: write to slot \(index) after take()")
      precondition(state.slots[index] == nil, "ResultSlots: slot \(index) written twice")
      state.slots[index] = value
    }
  }

  /// The results in index order, nil for a slot no worker wrote. Called once, after every
  /// worker has finished; the slots accept no write afterwards.
  package func take() -> [Element?] {
    state.withLock { state in
      precondition(!state.taken, "ResultSlots: take() called twice")
      state.taken = true
      // Hand the array over rather than share it, so the results are not kept alive twice.
      defer { state.slots = [] }
      return state.slots
    }
  }
}
