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
    /// Where full chunks go once this builder holds `spill.budget` bytes of them.
    fileprivate let spill: CandidateSpill?
    /// Bytes of the chunks held in memory.
    private var resident = 0
    /// Records: directory (4 bytes, little-endian), name length, name, fingerprint count,
    /// fingerprints (3 bytes each); the two counts as LEB128. In chunks of `chunkSize`
    /// (a record never spans two): one growing array was up to half spare capacity.
    fileprivate var chunks: [Chunk] = []
    static let chunkSize = 64 << 10
    /// Files kept whole: paths that do not split into a directory and the same name (never
    /// seen from the walk; kept rather than guessed).
    fileprivate var whole: [ConstantIndex.CandidateFile] = []
    /// The last file's directory prefixes and number: files come directory by directory.
    private var lastAbsolute: [UInt8] = [], lastRelative: [UInt8] = [], lastID: UInt32 = 0, haveLast = false

    package init(directories: DirectoryTable, spill: CandidateSpill? = nil) {
      self.directories = directories
      self.spill = spill
    }

    /// This runs for most files of a tree: bytes and `memcmp`, no `String` operations.
    package mutating func append(absolutePath: String, relativePath: String, language: SurfaceID, definedNames: [UInt64]) {
      var absolute = absolutePath, relative = relativePath
      let recorded = absolute.withUTF8 { a in relative.withUTF8 { r in record(a, r, definedNames) } }
      if !recorded {
        whole.append(ConstantIndex.CandidateFile(absolutePath: absolutePath, relativePath: relativePath,
                                                 language: language, definedNames: definedNames))
      }
    }

    private mutating func record(_ absolute: UnsafeBufferPointer<UInt8>, _ relative: UnsafeBufferPointer<UInt8>, _ names: [UInt64]) -> Bool {
      let a = Self.nameStart(absolute), r = Self.nameStart(relative)
      let name = UnsafeBufferPointer(rebasing: absolute[a...])
      guard Self.same(name, UnsafeBufferPointer(rebasing: relative[r...])) else { return false }
      let absoluteDirectory = UnsafeBufferPointer(rebasing: absolute[..<a]), relativeDirectory = UnsafeBufferPointer(rebasing: relative[..<r])
      if !haveLast || !lastAbsolute.withUnsafeBufferPointer({ Self.same($0, absoluteDirectory) })
        || !lastRelative.withUnsafeBufferPointer({ Self.same($0, relativeDirectory) }) {
        lastID = directories.id(absolute: String(decoding: absoluteDirectory, as: UTF8.self),
                                relative: String(decoding: relativeDirectory, as: UTF8.self))
        lastAbsolute = Array(absoluteDirectory)
        lastRelative = Array(relativeDirectory)
        haveLast = true
      }
      let size = 4 + Self.countSize(name.count) + name.count + Self.countSize(names.count) + 3 * names.count
      if chunks.isEmpty || chunks[chunks.count - 1].count + size > chunks[chunks.count - 1].capacity {
        let capacity = max(Self.chunkSize, size)
        // Past the budget, the chunk just filled goes to the file: memory stays at the budget
        // and one chunk, whatever the size of the tree.
        if let spill, let full = chunks.last, resident + capacity > spill.budget, full.spill(to: spill) { resident -= full.capacity }
        chunks.append(Chunk(capacity: capacity))
        resident += capacity
      }
      let chunk = chunks[chunks.count - 1]
      let id = lastID
      let out = UnsafeMutableBufferPointer(start: chunk.base! + chunk.count, count: size)
      chunk.count += size
      var i = 0
      for shift in stride(from: 0, to: 32, by: 8) { out[i] = UInt8(truncatingIfNeeded: id >> shift); i += 1 }
      Self.writeCount(name.count, to: out, at: &i)
      if !name.isEmpty { (out.baseAddress! + i).update(from: name.baseAddress!, count: name.count) }
      i += name.count
      Self.writeCount(names.count, to: out, at: &i)
      var print = out.baseAddress! + i
      names.withUnsafeBufferPointer { hashes in
        for hash in hashes {
          let value = CandidateFiles.fingerprint(hash)
          print[0] = UInt8(truncatingIfNeeded: value)
          print[1] = UInt8(truncatingIfNeeded: value >> 8)
          print[2] = UInt8(truncatingIfNeeded: value >> 16)
          print += 3
        }
      }
      return true
    }

    /// Where the file name starts: after the last `/` (0 when there is none).
    private static func nameStart(_ path: UnsafeBufferPointer<UInt8>) -> Int {
      var i = path.count
      while i > 0, path[i - 1] != UInt8(ascii: "/") { i -= 1 }
      return i
    }

    private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
      a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    /// LEB128: 7 bits a byte.
    private static func countSize(_ count: Int) -> Int {
      var size = 1, rest = count >> 7
      while rest > 0 { size += 1; rest >>= 7 }
      return size
    }

    private static func writeCount(_ count: Int, to out: UnsafeMutableBufferPointer<UInt8>, at i: inout Int) {
      var rest = UInt(count)
      while rest >= 0x80 {
        out[i] = UInt8(rest & 0x7F) | 0x80
        i += 1
        rest >>= 7
      }
      out[i] = UInt8(rest)
      i += 1
    }

    /// Every chunk, the one being filled included.
    fileprivate var filled: [Chunk] { chunks }
  }

  private let directories: DirectoryTable
  /// The workers' chunks, never copied into one array (that would double the peak for a moment).
  private let arenas: [Chunk]
  /// Holds the chunks not in memory.
  private let spill: CandidateSpill?
  /// Files kept whole: see `Builder.whole`, and the files a fix's re-scan read again.
  package private(set) var whole: [ConstantIndex.CandidateFile]
  /// Records replaced by an entry of `whole` (arena index << 40 | record offset).
  private var replaced: Set<Int> = []

  package init(_ builders: [Builder] = []) {
    directories = builders.first?.directories ?? DirectoryTable()
    arenas = builders.flatMap(\.filled)
    spill = builders.first?.spill
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

  /// Chunks of records the spill file could not give back (an I/O error).
  package var unreadChunks: Int { spill?.readFailures ?? 0 }

  /// Bytes of the chunks held in memory (for tests: bounded by the spill's budget).
  package var residentBytes: Int { arenas.reduce(0) { $0 + ($1.base == nil ? 0 : $1.capacity) } }

  /// Memory records are written to once and then only read (shared by the copies of a list);
  /// a full chunk may move to the spill file before anything reads it.
  fileprivate final class Chunk: @unchecked Sendable {
    /// nil once the records are in the spill file, at `spilledAt`.
    private(set) var base: UnsafeMutablePointer<UInt8>?
    private(set) var spilledAt = 0
    let capacity: Int
    var count = 0
    init(capacity: Int) {
      base = .allocate(capacity: capacity)
      self.capacity = capacity
    }
    deinit { base?.deallocate() }

    /// Moves the records to `spill`; false (kept in memory) when they could not be written.
    func spill(to spill: CandidateSpill) -> Bool {
      guard let base, let offset = spill.append(UnsafeBufferPointer(start: base, count: count)) else { return false }
      base.deallocate()
      self.base = nil
      spilledAt = offset
      return true
    }

    /// Calls `body` with the records, read back into `scratch` when spilled (empty when that
    /// read fails; the spill counts it).
    func withBytes(_ spill: CandidateSpill?, scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
      if let base { return body(UnsafeBufferPointer(start: base, count: count)) }
      guard let spill else { return }
      if scratch.count < count { scratch = [UInt8](repeating: 0, count: count) }
      scratch.withUnsafeMutableBufferPointer { buffer in
        if spill.read(count, at: spilledAt, into: buffer.baseAddress!) { body(UnsafeBufferPointer(rebasing: buffer[..<count])) }
      }
    }
  }

  // MARK: Records

  fileprivate struct Record {
    let key: Int
    let directory: UInt32
    let name: UnsafeBufferPointer<UInt8>
    let prints: UnsafeBufferPointer<UInt8>

    func fingerprints(anyIn filter: FingerprintFilter) -> Bool {
      var i = 0
      while i < prints.count {
        let low = Int(prints[i]) | Int(prints[i + 1]) << 8
        if filter.mayContain(low16: low), filter.contains(UInt32(low) | UInt32(prints[i + 2]) << 16) { return true }
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
    var scratch: [UInt8] = []
    for (index, arena) in arenas.enumerated() {
      arena.withBytes(spill, scratch: &scratch) { bytes in
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

  package func id(absolute: String, relative: String) -> UInt32 {
    let key = Prefixes(absolute: absolute, relative: relative)
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
    mayContain(low16: Int(print & 0xFFFF)) && prints.contains(print)
  }

  /// Whether a fingerprint with these low 16 bits may be in the set.
  func mayContain(low16 low: Int) -> Bool { bits[low >> 6] & (1 << UInt64(low & 63)) != 0 }
}
