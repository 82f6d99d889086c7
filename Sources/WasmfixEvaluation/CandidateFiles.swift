import WasmfixSurfaces
import Foundation

/// The files constants may come from: nearly every source file of a tree, of which a scan
/// parses a few hundred. Kept so that memory does not grow with the tree: a file is a
/// directory number, its name and 3-byte fingerprints of the names it may define, appended to
/// one byte arena per worker (a `CandidateFile` with two path strings and an array of 8-byte
/// hashes cost about ten times that, and was most of a large scan's peak).
/// A fingerprint match is only a hint: the constant index reads the file's own names before
/// parsing it (`ConstantIndex`), so what is parsed is exactly what the full hashes chose.
public struct CandidateFiles: Sendable {
  /// Collects one worker's files. The workers share `directories`.
  package struct Builder: Sendable {
    fileprivate let directories: DirectoryTable
    /// Records: directory (4 bytes, little-endian), name length, name, fingerprint count,
    /// fingerprints (3 bytes each); the two counts as LEB128. In chunks of `chunkSize`
    /// (a record never spans two): one growing array was up to half spare capacity.
    fileprivate var chunks: [[UInt8]] = []
    private var current: [UInt8] = []
    private var record: [UInt8] = []
    static let chunkSize = 64 << 10
    /// Files whose paths do not split into a directory and the same name (never seen from
    /// the walk; kept whole rather than guessed).
    fileprivate var whole: [ConstantIndex.CandidateFile] = []
    private var lastAbsolute: Substring = "", lastRelative: Substring = "", lastID: UInt32 = 0, haveLast = false
    private var scratch: [UInt32] = []

    package init(directories: DirectoryTable) { self.directories = directories }

    package mutating func append(absolutePath: String, relativePath: String, language: SurfaceID, definedNames: [UInt64]) {
      let absoluteName = Self.nameStart(absolutePath), relativeName = Self.nameStart(relativePath)
      let name = absolutePath.utf8[absoluteName...]
      guard name.elementsEqual(relativePath.utf8[relativeName...]) else {
        whole.append(ConstantIndex.CandidateFile(absolutePath: absolutePath, relativePath: relativePath,
                                                 language: language, definedNames: definedNames))
        return
      }
      // Files come directory by directory: the last directory's number is usually the one.
      let absoluteDirectory = absolutePath[..<absoluteName], relativeDirectory = relativePath[..<relativeName]
      if !haveLast || absoluteDirectory != lastAbsolute || relativeDirectory != lastRelative {
        lastID = directories.id(absolute: absoluteDirectory, relative: relativeDirectory)
        lastAbsolute = absoluteDirectory
        lastRelative = relativeDirectory
        haveLast = true
      }
      record.removeAll(keepingCapacity: true)
      withUnsafeBytes(of: lastID.littleEndian) { record.append(contentsOf: $0) }
      Self.appendCount(name.count, to: &record)
      record.append(contentsOf: name)
      scratch.removeAll(keepingCapacity: true)
      for hash in definedNames { scratch.append(CandidateFiles.fingerprint(hash)) }
      scratch.sort()
      // A name read twice (`#define` in two `#if` branches) is kept once.
      var unique = 0
      for i in scratch.indices where i == 0 || scratch[i] != scratch[unique - 1] {
        scratch[unique] = scratch[i]
        unique += 1
      }
      Self.appendCount(unique, to: &record)
      for print in scratch[..<unique] {
        record.append(UInt8(truncatingIfNeeded: print))
        record.append(UInt8(truncatingIfNeeded: print >> 8))
        record.append(UInt8(truncatingIfNeeded: print >> 16))
      }
      if current.count + record.count > current.capacity {
        if !current.isEmpty { chunks.append(current) }
        current = []
        current.reserveCapacity(max(Self.chunkSize, record.count))
      }
      current.append(contentsOf: record)
    }

    /// Every chunk, the one being filled included.
    fileprivate var filled: [[UInt8]] { current.isEmpty ? chunks : chunks + [current] }

    /// Where the file name starts: after the last `/` (0 when there is none).
    private static func nameStart(_ path: String) -> String.Index {
      guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path.startIndex }
      return path.utf8.index(after: slash)
    }

    private static func appendCount(_ count: Int, to bytes: inout [UInt8]) {
      var rest = UInt(count)
      while rest >= 0x80 {
        bytes.append(UInt8(rest & 0x7F) | 0x80)
        rest >>= 7
      }
      bytes.append(UInt8(rest))
    }
  }

  private let directories: DirectoryTable
  /// The workers' chunks, never copied into one array (that would double the peak for a moment).
  private let arenas: [[UInt8]]
  /// Files kept whole: see `Builder.whole`, and the files a fix's re-scan read again.
  package private(set) var whole: [ConstantIndex.CandidateFile]
  /// Records replaced by an entry of `whole` (arena index << 40 | record offset).
  private var replaced: Set<Int> = []

  package init(_ builders: [Builder] = []) {
    directories = builders.first?.directories ?? DirectoryTable()
    arenas = builders.flatMap(\.filled)
    whole = builders.flatMap(\.whole)
    directories.finishBuilding()
  }

  /// The 24 bits of a name hash a record keeps. With millions of names in a tree and a few
  /// hundred wanted, tens of files match by chance and are read again; 16 bits made that
  /// thousands.
  package static func fingerprint(_ hash: UInt64) -> UInt32 {
    UInt32(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 40)
  }

  /// The files that may define one of `hashes`: every file that does, plus a few whose
  /// fingerprints match by chance (the constant index checks their own names).
  package func files(mayDefine hashes: [UInt64]) -> [ConstantIndex.CandidateFile] {
    let exact = HashFilter(hashes)
    var found = whole.filter { $0.definedNames.contains(where: exact.contains) }
    let wanted = FingerprintFilter(hashes.map(Self.fingerprint))
    forEachRecord { record in
      if record.fingerprints(anyIn: wanted), let file = record.file(directories) { found.append(file) }
    }
    return found
  }

  /// The files at `absolutePaths` (for a fix's re-scan of the files it edited).
  package func files(at absolutePaths: Set<String>) -> [ConstantIndex.CandidateFile] {
    var found = whole.filter { absolutePaths.contains($0.absolutePath) }
    forEachRecord(in: directories.ids(forAbsolutePaths: absolutePaths)) { record in
      if let file = record.file(directories), absolutePaths.contains(file.absolutePath) { found.append(file) }
    }
    return found
  }

  /// These candidates with `files` (a fix's re-scan of what it edited) in place of the
  /// records at the same paths.
  package func replacing(_ files: [ConstantIndex.CandidateFile]) -> CandidateFiles {
    var updated = self
    let paths = Set(files.map(\.absolutePath))
    forEachRecord(in: directories.ids(forAbsolutePaths: paths)) { record in
      if let file = record.file(directories), paths.contains(file.absolutePath) { updated.replaced.insert(record.key) }
    }
    updated.whole = whole.filter { !paths.contains($0.absolutePath) } + files
    return updated
  }

  /// Candidate files, whole or recorded.
  package var count: Int {
    var count = whole.count
    forEachRecord { _ in count += 1 }
    return count
  }

  /// Bytes the records take (for tests: memory per file, not per tree).
  package var recordBytes: Int { arenas.reduce(0) { $0 + $1.count } }

  // MARK: Records

  fileprivate struct Record {
    let key: Int
    let directory: UInt32
    let name: UnsafeBufferPointer<UInt8>
    let prints: UnsafeBufferPointer<UInt8>

    func fingerprints(anyIn filter: FingerprintFilter) -> Bool {
      var i = 0
      while i < prints.count {
        let print = UInt32(prints[i]) | UInt32(prints[i + 1]) << 8 | UInt32(prints[i + 2]) << 16
        if filter.contains(print) { return true }
        i += 3
      }
      return false
    }

    /// The file with its paths rebuilt; its `definedNames` are not kept (empty).
    func file(_ directories: DirectoryTable) -> ConstantIndex.CandidateFile? {
      let (absolute, relative) = directories.paths(directory)
      let name = String(decoding: self.name, as: UTF8.self)
      let relativePath = relative + name
      guard let language = SurfaceID(path: relativePath) else { return nil }
      return ConstantIndex.CandidateFile(absolutePath: absolute + name, relativePath: relativePath, language: language, definedNames: [])
    }
  }

  /// Calls `body` with every record not replaced, optionally only those in `directories`.
  private func forEachRecord(in only: Set<UInt32>? = nil, _ body: (Record) -> Void) {
    if only?.isEmpty == true { return }
    for (index, arena) in arenas.enumerated() {
      arena.withUnsafeBufferPointer { bytes in
        var i = 0
        func count() -> Int {
          var value = 0, shift = 0
          while true {
            let byte = bytes[i]
            i += 1
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
          }
        }
        while i < bytes.count {
          let key = index << 40 | i
          let directory = UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
          i += 4
          let nameLength = count()
          let name = UnsafeBufferPointer(rebasing: bytes[i..<(i + nameLength)])
          i += nameLength
          let printsLength = 3 * count()
          let prints = UnsafeBufferPointer(rebasing: bytes[i..<(i + printsLength)])
          i += printsLength
          if let only, !only.contains(directory) { continue }
          if !replaced.isEmpty, replaced.contains(key) { continue }
          body(Record(key: key, directory: directory, name: name, prints: prints))
        }
      }
    }
  }
}

/// The directories of the candidate files, each once for all workers: a record keeps a number.
package final class DirectoryTable: @unchecked Sendable {
  /// Both end in `/` (the relative one is empty at the root).
  private struct Prefixes: Hashable {
    let absolute: String
    let relative: String
  }

  private let lock = NSLock()
  private var entries: [Prefixes] = []
  /// Only while workers add files; dropped once the scan is over.
  private var ids: [Prefixes: UInt32] = [:]

  package init() {}

  package func id(absolute: Substring, relative: Substring) -> UInt32 {
    let key = Prefixes(absolute: String(absolute), relative: String(relative))
    lock.lock()
    defer { lock.unlock() }
    if let id = ids[key] { return id }
    let id = UInt32(entries.count)
    entries.append(key)
    ids[key] = id
    return id
  }

  func finishBuilding() {
    lock.lock()
    ids = [:]
    lock.unlock()
  }

  func paths(_ id: UInt32) -> (absolute: String, relative: String) {
    lock.lock()
    defer { lock.unlock() }
    return (entries[Int(id)].absolute, entries[Int(id)].relative)
  }

  /// The directories holding any of `paths`.
  func ids(forAbsolutePaths paths: Set<String>) -> Set<UInt32> {
    lock.lock()
    defer { lock.unlock() }
    var found = Set<UInt32>()
    for (id, entry) in entries.enumerated() where paths.contains(where: { $0.hasPrefix(entry.absolute) }) {
      found.insert(UInt32(id))
    }
    return found
  }
}

/// Membership of a few hundred fingerprints, asked for every fingerprint of every candidate
/// (millions in a large tree): a 65,536-bit table answers almost every "no" with one load.
struct FingerprintFilter {
  private var bits = [UInt64](repeating: 0, count: 1 << 10)
  private let prints: Set<UInt32>

  init(_ prints: [UInt32]) {
    self.prints = Set(prints)
    for print in prints { bits[Int(print & 0xFFFF) >> 6] |= 1 << (print & 63) }
  }

  func contains(_ print: UInt32) -> Bool {
    bits[Int(print & 0xFFFF) >> 6] & (1 << (print & 63)) != 0 && prints.contains(print)
  }
}
