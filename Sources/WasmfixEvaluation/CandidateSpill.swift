import Foundation
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where candidate records go once a worker holds `budget` bytes of them: an unlinked
/// temporary file (in `TMPDIR`, else /tmp), written once and read back a chunk at a time when
/// the constant index looks for a name (a few times per scan). The records are about 45 bytes
/// for every source file of the tree, the one part of a scan's memory that grew with it (9 MB
/// at 200,000 files, 0.9 MB at 20,000); a small tree stays under the budget and never writes
/// the file.
/// When no file can be created or written, the records stay in memory, as before.
/// `@unchecked Sendable`: every `var` is read and written with `lock` held.
package final class CandidateSpill: @unchecked Sendable {
  /// Record bytes each builder keeps in memory before writing full chunks here.
  package let budget: Int
  private let directory: String
  private let lock = NSLock()
  private var descriptor: Int32 = -1
  private var unusable = false
  private var end = 0
  private var failedReads = 0

  package init(budget: Int = 256 << 10, directory: String? = nil) {
    self.budget = budget
    let temporary = directory ?? ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    self.directory = temporary.hasSuffix("/") ? String(temporary.dropLast()) : temporary
  }

  deinit { if descriptor >= 0 { close(descriptor) } }

  /// Bytes written to the file so far (for tests).
  package var spilledBytes: Int {
    lock.lock()
    defer { lock.unlock() }
    return end
  }

  /// Chunks that could not be read back (an I/O error): their files' constants are not found,
  /// which the scan reports as a warning rather than in silence.
  package var readFailures: Int {
    lock.lock()
    defer { lock.unlock() }
    return failedReads
  }

  /// Writes `bytes` at the end of the file; their offset, or nil when they could not be
  /// written (the caller keeps them in memory).
  func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard !bytes.isEmpty, let fd = openFile() else { return nil }
    var written = 0
    while written < bytes.count {
      let n = pwrite(fd, bytes.baseAddress! + written, bytes.count - written, off_t(end + written))
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return nil }
      written += n
    }
    defer { end += bytes.count }
    return end
  }

  /// Reads `count` bytes written at `offset` into `buffer`; false on an I/O error.
  func read(_ count: Int, at offset: Int, into buffer: UnsafeMutablePointer<UInt8>) -> Bool {
    lock.lock()
    let fd = descriptor
    lock.unlock()
    var done = 0
    while done < count {
      let n = pread(fd, buffer + done, count - done, off_t(offset + done))
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else {
        lock.lock()
        failedReads += 1
        lock.unlock()
        return false
      }
      done += n
    }
    return true
  }

  /// The file, created on first use (with `lock` held): mode 0600 and unlinked at once, so
  /// nothing is left behind whatever way the process ends.
  private func openFile() -> Int32? {
    if descriptor >= 0 { return descriptor }
    guard !unusable else { return nil }
    var template = Array("\(directory)/wasmfix-candidates-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else {
      unusable = true
      return nil
    }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    descriptor = fd
    return fd
  }
}
