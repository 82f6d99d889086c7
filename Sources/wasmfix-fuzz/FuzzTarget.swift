import WasmfixCore
import Foundation
#if canImport(Glibc)
  import Glibc
#endif

// libFuzzer's entry points. This target is declared only when WASMFIX_FUZZ=1 (Package.swift)
// and built with `-sanitize=fuzzer,address`: libFuzzer brings `main`, so a plain `swift build`
// would fail to link it. `make fuzz` (scripts/fuzz.sh) builds and runs it.

/// The kinds of file this run's inputs stand for (`WASMFIX_FUZZ_LANG`, default all); set once
/// by `LLVMFuzzerInitialize`, before any input, and only read afterwards.
nonisolated(unsafe) var allowedKinds = FuzzInput.kinds

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
  let environment = ProcessInfo.processInfo.environment
  let language = environment["WASMFIX_FUZZ_LANG"] ?? "all"
  guard FuzzInput.languages.contains(language) else {
    fputs("wasmfix-fuzz: WASMFIX_FUZZ_LANG must be one of \(FuzzInput.languages.joined(separator: ", ")), not '\(language)'\n", stderr)
    exit(2)
  }
  allowedKinds = FuzzInput.allowed(language: language)
  // Seed mode: write the corpus for this language and stop (scripts/fuzz.sh calls it so).
  if let fixtures = environment["WASMFIX_FUZZ_SEEDS_FROM"], let corpus = environment["WASMFIX_FUZZ_SEEDS_TO"] {
    do {
      let count = try Seeds.write(from: fixtures, to: corpus, allowed: allowedKinds)
      print("wasmfix-fuzz: \(count) seeds for \(language) in \(corpus)")
      exit(0)
    } catch {
      fputs("wasmfix-fuzz: \(error)\n", stderr)
      exit(2)
    }
  }
  return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  guard let start, let input = FuzzInput(UnsafeRawBufferPointer(start: start, count: count), allowed: allowedKinds) else { return 0 }
  FuzzCheck.run(input)
  return 0
}
