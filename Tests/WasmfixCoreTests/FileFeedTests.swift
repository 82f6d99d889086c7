import Foundation
import Testing
@testable import WasmfixCore
@testable import WasmfixSupport
@testable import WasmfixWorkspace
@testable import WasmfixSurfaces
@testable import WasmfixEvaluation
@testable import WasmfixAnalysis
@testable import WasmfixFixing
@testable import WasmfixReporting

/// The queue between the walker and the workers drops the files it has handed out; every
/// file must still come out once, in order, across those compactions.
@Suite struct FileFeedTests {
  @Test func handsOutEveryFileOnceInOrderWhileDroppingTheConsumedOnes() {
    // One thread pushes and takes: room for every file, or the push would wait for itself.
    let feed = FileFeed(capacity: 5000)
    let files = (0..<5000).map { WalkedFile(absolutePath: "/r/\($0).rs", relativePath: "\($0).rs") }
    var received: [WalkedFile] = []
    // Interleave pushes and takes so the queue compacts while it still holds unread files.
    for (i, file) in files.enumerated() {
      feed.push(file)
      if i % 3 == 0, let next = feed.next() { received.append(next) }
    }
    feed.finish()
    while let next = feed.next() { received.append(next) }
    #expect(received == files)
  }

  @Test func concurrentWorkersTogetherGetEveryFile() {
    let feed = FileFeed()
    let count = 20_000
    let producer = Thread {
      for i in 0..<count { feed.push(WalkedFile(absolutePath: "/r/\(i)", relativePath: "\(i)")) }
      feed.finish()
    }
    producer.start()
    let seen = ResultSlots<[String]>(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { worker in
      var local: [String] = []
      while let file = feed.next() { local.append(file.relativePath) }
      seen.write(worker, local)
    }
    let all = seen.take().flatMap { $0 ?? [] }
    #expect(all.count == count)
    #expect(Set(all).count == count)
  }

  /// The walk lists files far faster than workers read them: the queue must stop it at its
  /// capacity instead of holding the tree's paths (peak memory grew with the tree).
  @Test func theWalkerWaitsOnceTheQueueIsFull() {
    let feed = FileFeed(capacity: 64)
    let count = 5000
    final class Progress: @unchecked Sendable { let lock = NSLock(); var pushed = 0 }
    let progress = Progress()
    let producer = Thread {
      for i in 0..<count {
        feed.push(WalkedFile(absolutePath: "/r/\(i)", relativePath: "\(i)"))
        progress.lock.lock(); progress.pushed += 1; progress.lock.unlock()
      }
      feed.finish()
    }
    producer.start()
    let deadline = Date().addingTimeInterval(10)
    while feed.backlog < 64 && Date() < deadline { usleep(1000) }
    usleep(50_000)
    progress.lock.lock(); let pushedWhileFull = progress.pushed; progress.lock.unlock()
    #expect(feed.backlog == 64)
    #expect(pushedWhileFull == 64)
    var received: [String] = []
    var largestBacklog = 0
    while let file = feed.next() {
      received.append(file.relativePath)
      largestBacklog = max(largestBacklog, feed.backlog)
    }
    #expect(largestBacklog <= 64)
    #expect(received == (0..<count).map { "\($0)" })
  }
}
