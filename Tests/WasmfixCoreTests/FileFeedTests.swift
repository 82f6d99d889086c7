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
    let feed = FileFeed()
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
}
