import Foundation
import PropertyBased
import Testing
import WasmfixSurfaces

/// The fuzz target's promises, checked on every `swift test` (issue 10, "a fuzz target that
/// stays"): fixture files mutated by a fixed-seed generator (PropertyBased's generators and its
/// Xoshiro generator, seeded here, so every run tests the same cases) are scanned by the real
/// binary, which must not crash, must exit 0, 1 or 2, print JSON that parses, print a `--diff`
/// that `git apply --check` accepts, and leave nothing for a second `--write` to change.
@Suite struct MutatedFixtureTests {
  @Test("mutated fixture", arguments: MutatedFixture.cases)
  func mutatedFixtureKeepsThePromises(_ mutated: MutatedFixture) throws {
    let tree = try mutated.materialize()
    defer { try? FileManager.default.removeItem(at: tree) }
    try MutatedFixture.checkPromises(in: tree, arguments: mutated.fixture.extraArguments)
  }

  /// The check can fail: a file whose fix is not idempotent by construction (a `--diff` whose
  /// patch does not apply is caught the same way) is reported, not passed. Here the first
  /// `--write` is skipped by handing the checker a tree that still needs fixing after it.
  @Test func theCheckCatchesASecondWriteThatChangesFiles() throws {
    let tree = try temporaryCopy(of: Fixture(name: "rust-seed-failing").directory.appendingPathComponent("before"))
    defer { try? FileManager.default.removeItem(at: tree) }
    let problems = try MutatedFixture.problems(in: tree, arguments: [], writesFirst: false)
    #expect(problems.contains { $0.hasPrefix("a second --write changed files") }, "\(problems)")
  }
}

/// One fixture file, mutated: which fixture, which file of its `before/` tree, and how.
struct MutatedFixture: CustomTestStringConvertible, Sendable {
  /// Ways to break a file that reached the scanner once: each is a shape of input a user's
  /// repository has (a half-saved file, a Latin-1 comment, generated code, a pasted number).
  enum Mutation: Sendable, CustomStringConvertible {
    /// `at`, like the other positions, is a fraction of the file's length in millionths.
    case flipBit(at: Int, bit: Int)
    case truncate(at: Int)
    case duplicateLine(at: Int, times: Int)
    /// Parentheses (or braces) nested `depth` deep, in a setting's argument when there is one.
    case deepNesting(at: Int, depth: Int, braces: Bool)
    /// A number that fits no integer type, over a run of digits.
    case hugeNumber(at: Int, digits: Int)
    /// Bytes that are not UTF-8 (a lone continuation byte, an overlong form, a surrogate).
    case invalidUTF8(at: Int, kind: Int)

    var description: String {
      switch self {
      case let .flipBit(at, bit): return "flip bit \(bit) at \(at)ppm"
      case let .truncate(at): return "truncate at \(at)ppm"
      case let .duplicateLine(at, times): return "duplicate the line at \(at)ppm \(times)x"
      case let .deepNesting(at, depth, braces): return "nest \(depth) \(braces ? "braces" : "parentheses") at \(at)ppm"
      case let .hugeNumber(at, digits): return "a \(digits)-digit number at \(at)ppm"
      case let .invalidUTF8(at, kind): return "invalid UTF-8 \(Self.invalidSequences[kind % Self.invalidSequences.count]) at \(at)ppm"
      }
    }

    static let invalidSequences: [[UInt8]] = [[0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF, 0xFE], [0xE2, 0x82]]

    func apply(to bytes: [UInt8]) -> [UInt8] {
      func offset(_ at: Int) -> Int { bytes.count * at / 1_000_000 }
      var bytes = bytes
      switch self {
      case let .flipBit(at, bit):
        guard !bytes.isEmpty else { return bytes }
        bytes[min(offset(at), bytes.count - 1)] ^= 1 << UInt8(bit)
      case let .truncate(at):
        bytes.removeSubrange(offset(at)...)
      case let .duplicateLine(at, times):
        let start = bytes[..<offset(at)].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let end = bytes[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
        let line = Array(bytes[start..<end]) + (end == bytes.count ? [0x0A] : [])
        bytes.insert(contentsOf: Array([[UInt8]](repeating: line, count: times).joined()), at: start)
      case let .deepNesting(at, depth, braces):
        let (open, close): (UInt8, UInt8) = braces ? (0x7B, 0x7D) : (0x28, 0x29)
        let position = Self.settingArgument(in: bytes) ?? offset(at)
        bytes.insert(contentsOf: [UInt8](repeating: open, count: depth) + Array("1 << 20".utf8) + [UInt8](repeating: close, count: depth),
                     at: position)
      case let .hugeNumber(at, digits):
        let number = Array(String(repeating: "9", count: digits).utf8)
        let start = offset(at)
        if let digit = bytes[start...].firstIndex(where: { (0x30...0x39).contains($0) }) {
          let end = bytes[digit...].firstIndex { !(0x30...0x39).contains($0) } ?? bytes.count
          bytes.replaceSubrange(digit..<end, with: number)
        } else {
          bytes.insert(contentsOf: number, at: start)
        }
      case let .invalidUTF8(at, kind):
        bytes.insert(contentsOf: Self.invalidSequences[kind % Self.invalidSequences.count], at: offset(at))
      }
      return bytes
    }

    /// Just after the `(` of the first `max_wasm_stack(` or `async_stack_size(` call.
    static func settingArgument(in bytes: [UInt8]) -> Int? {
      for name in ["max_wasm_stack(", "async_stack_size(", "WithMaximumStackSize("] {
        let needle = Array(name.utf8)
        guard bytes.count >= needle.count else { continue }
        if let start = (0...(bytes.count - needle.count)).first(where: { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }) {
          return start + needle.count
        }
      }
      return nil
    }
  }

  var fixture: Fixture
  /// Relative to the fixture's `before/`.
  var file: String
  var mutations: [Mutation]

  var testDescription: String { "\(fixture.name)/\(file): \(mutations.map(\.description).joined(separator: ", "))" }

  /// The seed: change it to test other cases (a failure names its case, which stays
  /// reproducible while the seed and the fixtures stay).
  static let seed: (UInt64, UInt64, UInt64, UInt64) = (0x7761_736D_6669_7831, 0x1000_0000_0000_0010, 0xF00D_F00D_F00D_F00D, 42)
  /// About 0.55 s of CPU each (four runs of the binary, one of git): 32 keep the suite's share
  /// near 20 s of CPU, under 40 s of wall time on a busy 2-core machine.
  static let count = 32

  static let cases: [MutatedFixture] = {
    // (kind, position, size, flag): Gen.oneOf needs Swift 6 mode, and this target is in 5.
    let mutation = zip(Gen.int(in: 0...5), Gen.int(in: 0...999_999), Gen.int(in: 0...19_999), Gen.bool()).map { draw in
      let (kind, at, size, flag) = draw
      switch kind {
      case 0: return Mutation.flipBit(at: at, bit: size % 8)
      case 1: return .truncate(at: at)
      case 2: return .duplicateLine(at: at, times: 1 + size % 200)
      case 3: return .deepNesting(at: at, depth: 50 + size % 5000, braces: flag)
      case 4: return .hugeNumber(at: at, digits: 20 + size % 400)
      default: return .invalidUTF8(at: at, kind: size)
      }
    }
    let candidates = Fixture.all.flatMap { fixture in scannedFiles(of: fixture).map { (fixture, $0) } }
    let generator = zip(Gen.element(of: candidates.indices), mutation.array(of: 1...3))
    var random = Xoshiro(seed: seed)
    return (0..<count).map { _ in
      let (index, mutations) = generator.run(using: &random)
      let (fixture, file) = candidates[index!]
      return MutatedFixture(fixture: fixture, file: file, mutations: mutations)
    }
  }()

  /// The files of a fixture's `before/` a surface reads (not its `.wasmfix.toml`: a broken
  /// config is exit 2 with no report, tested elsewhere), sorted for a stable choice.
  static func scannedFiles(of fixture: Fixture) -> [String] {
    let before = fixture.directory.appendingPathComponent("before").path
    let files = (FileManager.default.enumerator(atPath: before)?.allObjects as? [String]) ?? []
    return files.filter { SurfaceID(path: $0) != nil && !$0.hasSuffix(".wasmfix.toml") }.sorted()
  }

  /// A temporary copy of the fixture's `before/` with the file mutated.
  func materialize() throws -> URL {
    let tree = try temporaryCopy(of: fixture.directory.appendingPathComponent("before"))
    let path = tree.appendingPathComponent(file)
    var bytes = [UInt8](try Data(contentsOf: path))
    for mutation in mutations { bytes = mutation.apply(to: bytes) }
    try Data(bytes).write(to: path)
    return tree
  }

  static func checkPromises(in tree: URL, arguments: [String]) throws {
    for problem in try problems(in: tree, arguments: arguments) { Issue.record(Comment(rawValue: problem)) }
  }

  /// What the binary did wrong on `tree`, one line each (empty when it kept every promise).
  /// `writesFirst` false leaves out the first `--write` (to show the check can fail).
  static func problems(in tree: URL, arguments: [String], writesFirst: Bool = true) throws -> [String] {
    var problems: [String] = []
    func run(_ flags: [String]) throws -> WasmfixBinary.Output {
      let output = try WasmfixBinary.run(["scan", "."] + flags + arguments, in: tree)
      // Killed by a signal, the status is the signal's number (a trap is 4, SIGILL; SIGSEGV 11).
      if ![0, 1, 2].contains(output.status) {
        problems.append("exit \(output.status) for \(flags.joined(separator: " ")): \(output.stderr.suffix(600))")
      }
      return output
    }
    let json = try run(["--format", "json"])
    if json.status != 2, (try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) == nil {
      problems.append("--format json printed what does not parse: \(json.stdout.prefix(300))")
    }
    let diff = try run(["--diff"])
    if !diff.stdout.isEmpty {
      let patch = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-mutated-\(UUID().uuidString).patch")
      defer { try? FileManager.default.removeItem(at: patch) }
      // The bytes as printed: a constant's file that is not UTF-8 is patched byte for byte.
      try diff.stdoutData.write(to: patch)
      let check = try ProcessRunner.run("/usr/bin/git", ["apply", "--check", "--unsafe-paths", "--whitespace=nowarn", patch.path], in: tree)
      if check.status != 0 { problems.append("git apply --check refuses the --diff: \(check.stderr.prefix(400))\n\(diff.stdout.prefix(1200))") }
    }
    if writesFirst { _ = try run(["--write"]) }
    let written = try TreeSnapshot(tree)
    _ = try run(["--write"])
    if try TreeSnapshot(tree) != written {
      problems.append("a second --write changed files")
    }
    return problems
  }
}
