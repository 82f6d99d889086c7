import WasmfixAnalysis
import Foundation
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The only code that writes users' files: checks the file is unchanged since it was read,
/// writes a temporary file in the same folder with the original mode, fsyncs, then renames.
/// Symlinks are resolved so the link stays a link; files with several hard links are refused
/// (a rename would silently split them).
public enum SafeFileWriter {
  public enum Failure: Error, CustomStringConvertible {
    case changedSinceRead(String)
    case hardLinked(String, Int)
    case io(String, String)
    public var description: String {
      switch self {
      case let .changedSinceRead(path): return "\(path): changed on disk since it was read; not written"
      case let .hardLinked(path, count): return "\(path): has \(count) hard links; writing would split them; not written"
      case let .io(path, reason): return "\(path): \(reason)"
      }
    }
  }

  /// Why `write` would refuse or fail to replace the file now, checked without writing: it
  /// changed since it was read, it has several hard links, or its folder takes no new file.
  /// A fix that spans files asks this of all of them before writing any (issue 10, item 4).
  public static func problem(writing path: String, expecting original: [UInt8]) -> Failure? {
    let target = resolved(path)
    guard let current = FileManager.default.contents(atPath: target), [UInt8](current) == original else {
      return .changedSinceRead(path)
    }
    var info = stat()
    guard stat(target, &info) == 0 else { return .io(path, String(cString: strerror(errno))) }
    if info.st_nlink > 1 { return .hardLinked(path, Int(info.st_nlink)) }
    let directory = (target as NSString).deletingLastPathComponent
    guard access(directory.isEmpty ? "." : directory, W_OK | X_OK) == 0 else {
      return .io(path, "cannot create a temporary file in its folder: \(String(cString: strerror(errno)))")
    }
    return nil
  }

  /// The file a symbolic link names (written in place of the link, which stays a link).
  static func resolved(_ path: String) -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map {
      $0.hasPrefix("/") ? $0 : ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent($0)
    } ?? path
  }

  public static func write(_ bytes: [UInt8], to path: String, expecting original: [UInt8]) throws {
    let target = resolved(path)
    guard let current = FileManager.default.contents(atPath: target), [UInt8](current) == original else {
      throw Failure.changedSinceRead(path)
    }
    var info = stat()
    guard stat(target, &info) == 0 else { throw Failure.io(path, String(cString: strerror(errno))) }
    if info.st_nlink > 1 { throw Failure.hardLinked(path, Int(info.st_nlink)) }
    let directory = (target as NSString).deletingLastPathComponent
    let name = (target as NSString).lastPathComponent
    var template = Array("\(directory.isEmpty ? "." : directory)/.\(name).wasmfix-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw Failure.io(path, "cannot create a temporary file: \(String(cString: strerror(errno)))") }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var ok = false
    defer { if !ok { unlink(temporary) } }
    let written = bytes.withUnsafeBytes { buffer -> Bool in
      var offset = 0
      while offset < buffer.count {
        #if canImport(Glibc)
          let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        #else
          let n = Darwin.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        #endif
        if n <= 0 { return false }
        offset += n
      }
      return true
    }
    // Never change a file's owner or group (issue 10, item 8): the temporary file is ours, so a
    // file another user owns, or whose group we are not in, would change hands through the
    // rename. `fchown` fails for us then: the file is left as it is. (The check was `>= -1`,
    // always true, so the failure was ignored.)
    guard written, fchmod(fd, info.st_mode & 0o7777) == 0 else {
      let why = String(cString: strerror(errno))
      close(fd)
      throw Failure.io(path, "write failed: \(why)")
    }
    guard fchown(fd, info.st_uid, info.st_gid) == 0 else {
      let why = String(cString: strerror(errno))
      close(fd)
      throw Failure.io(path, "not written: its owner or group could not be kept (\(why))")
    }
    let synced = fsync(fd) == 0
    close(fd)
    guard synced else { throw Failure.io(path, "write failed: \(String(cString: strerror(errno)))") }
    guard rename(temporary, target) == 0 else { throw Failure.io(path, "rename failed: \(String(cString: strerror(errno)))") }
    ok = true
  }
}
