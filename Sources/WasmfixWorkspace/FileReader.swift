import WasmfixSupport
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads whole files into one reused buffer with plain POSIX calls: cheaper than mapping or
/// `Data` for the many small files a scan touches and mostly drops. One per worker thread.
package final class FileReader {
  private var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)

  deinit { buffer.deallocate() }

  package struct Failure: Error, CustomStringConvertible {
    var code: Int32 = 0
    var message: String? = nil
    /// Over `--max-file-size`: the file exists and is readable, it was only not read whole.
    package var tooLarge = false
    package var description: String { message ?? String(cString: strerror(code)).lowercased() }
  }

  /// Files larger than this are not read (`--max-file-size`).
  let maxSize: Int

  package init(maxSize: Int = Int.max) { self.maxSize = maxSize }

  /// The file's bytes, valid until the next call.
  package func read(_ path: String) -> Result<UnsafeRawBufferPointer, Failure> {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return .failure(Failure(code: errno)) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return .failure(Failure(code: errno)) }
    guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(Failure(message: "not a regular file")) }
    if Int(info.st_size) > maxSize {
      return .failure(Failure(message: "larger than \(WalkPath.formatSize(maxSize)) (--max-file-size)", tooLarge: true))
    }
    if Int(info.st_size) + 1 > buffer.count {
      buffer.deallocate()
      buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Int(info.st_size) + 4096, alignment: 16)
    }
    var count = 0
    while true {
      if count == buffer.count {
        let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
        bigger.copyMemory(from: UnsafeRawBufferPointer(buffer))
        buffer.deallocate()
        buffer = bigger
      }
      // Spelled through the C module: this type's own `read` would shadow read(2).
      #if canImport(Glibc)
        let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
      #else
        let n = Darwin.read(fd, buffer.baseAddress! + count, buffer.count - count)
      #endif
      if n == 0 { return .success(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) }
      // Got all fstat promised: skip the read that would only report end of file.
      if n > 0, count + n == Int(info.st_size) { return .success(UnsafeRawBufferPointer(rebasing: buffer[0..<(count + n)])) }
      if n < 0 {
        if errno == EINTR { continue }
        return .failure(Failure(code: errno))
      }
      count += n
    }
  }

  /// Reads the file `chunkSize` bytes at a time into a buffer of its own (not the reused
  /// whole-file one), each chunk preceded by the last `overlap` bytes of the one before, so a
  /// name split across two reads is still whole in one. `body` gets the buffer and how many of
  /// its leading bytes were already seen; it returns false to stop. Returns false when a read
  /// fails. Memory stays at one chunk whatever the file's size.
  /// Bytes each chunk repeats from the one before: more than the longest setting name.
  package static let chunkOverlap = 64

  package static func forEachChunk(_ path: String, chunkSize: Int = 1 << 20, overlap: Int = chunkOverlap,
                                   _ body: (UnsafeRawBufferPointer, _ carried: Int) -> Bool) -> Bool {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize + overlap, alignment: 16)
    defer { chunk.deallocate() }
    var carried = 0
    while true {
      #if canImport(Glibc)
        let n = Glibc.read(fd, chunk.baseAddress! + carried, chunkSize)
      #else
        let n = Darwin.read(fd, chunk.baseAddress! + carried, chunkSize)
      #endif
      if n < 0 {
        if errno == EINTR { continue }
        return false
      }
      if n == 0 { return true }
      let filled = carried + n
      guard body(UnsafeRawBufferPointer(rebasing: chunk[0..<filled]), carried) else { return true }
      carried = min(overlap, filled)
      if carried > 0 { memmove(chunk.baseAddress!, chunk.baseAddress! + (filled - carried), carried) }
    }
  }
}
