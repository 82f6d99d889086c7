import Dispatch
import Testing
@testable import WasmfixSupport

/// The slots the worker pools write their results into: every index once, read in order after
/// the join; misuse traps instead of losing or mixing results.
@Suite struct ResultSlotsTests {
  @Test func parallelWritesComeBackInIndexOrder() {
    let count = 10_000
    let slots = ResultSlots<String>(count: count)
    let next = AtomicCounter()
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
      while case let i = next.increment(), i < count { slots.write(i, "item \(i)") }
    }
    #expect(slots.take() == (0..<count).map { "item \($0)" })
  }

  @Test func slotsNoWorkerWroteAreNil() {
    let slots = ResultSlots<Int>(count: 4)
    slots.write(2, 20)
    slots.write(0, 0)
    #expect(slots.take() == [0, nil, 20, nil])
  }

  @Test func theCounterHandsOutEveryIndexOnceAcrossThreads() {
    let count = 50_000
    let next = AtomicCounter()
    let seen = ResultSlots<Bool>(count: count)
    // A repeated index would trap in `write`; a skipped one would leave a nil.
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
      while case let i = next.increment(), i < count { seen.write(i, true) }
    }
    #expect(seen.take().allSatisfy { $0 == true })
  }

  @Test func writingASlotTwiceTraps() async {
    await #expect(processExitsWith: .failure) {
      let slots = ResultSlots<Int>(count: 2)
      slots.write(1, 1)
      slots.write(1, 2)
    }
  }

  @Test func writingAfterTakeTraps() async {
    await #expect(processExitsWith: .failure) {
      let slots = ResultSlots<Int>(count: 2)
      _ = slots.take()
      slots.write(0, 1)
    }
  }

  @Test func takingTwiceTraps() async {
    await #expect(processExitsWith: .failure) {
      let slots = ResultSlots<Int>(count: 1)
      _ = slots.take()
      _ = slots.take()
    }
  }
}
