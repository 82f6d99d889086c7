import WasmfixCore
import Foundation
#if canImport(Glibc)
  import Glibc
#endif

// libFuzzer's entry points. This target is declared only when WASMFIX_FUZZ=1 (Package.swift)
// and built with `-sanitize=fuzzer,address`, which links libFuzzer: a plain `swift build` would
// fail to link it. `make fuzz` (scripts/fuzz.sh) builds and runs it.

/// The kinds of file this run's inputs stand for (`WASMFIX_FUZZ_LANG`, default all); set once
/// by `LLVMFuzzerInitialize`, before any input, and only read afterwards.
nonisolated(unsafe) var allowedKinds = FuzzInput.kinds

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
  let environment = ProcessInfo.processInfo.environment
  let language = environment["WASMFIX_FUZZ_LANG"] ?? "all"
  guard FuzzInput.languages.contains(language) else {
    FileHandle.standardError.write(Data("wasmfix-fuzz: WASMFIX_FUZZ_LANG must be one of \(FuzzInput.languages.joined(separator: ", ")), not '\(language)'\n".utf8))
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
      FileHandle.standardError.write(Data("wasmfix-fuzz: \(error)\n".utf8))
      exit(2)
    }
  }
  return 0
}

/// libFuzzer's driver (in every libFuzzer since LLVM 11): what libFuzzer's own `main` calls.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ test: @convention(c) (UnsafeRawPointer?, Int) -> CInt) -> CInt

/// SwiftPM links an executable with `main` aliased to `<module>_main` (so that tests can link
/// the module), which shadows libFuzzer's `main`: this is that entry point, and runs libFuzzer.
@_cdecl("wasmfix_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var argc = argc
  var argv = argv
  return runFuzzerDriver(&argc, &argv, fuzzTestOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  guard let start, let input = FuzzInput(UnsafeRawBufferPointer(start: start, count: count), allowed: allowedKinds) else { return 0 }
  FuzzCheck.run(input)
  return 0
}
