// swift-tools-version: 6.0
import PackageDescription
import Foundation

/// A grammar fetched at set-up (grammars/fetch.sh) into grammars/<dir>/src/.
func grammar(_ name: String, dir: String, scanner: Bool) -> Target {
  .target(
    name: name,
    path: "grammars/\(dir)",
    sources: scanner ? ["src/parser.c", "src/scanner.c"] : ["src/parser.c"],
    publicHeadersPath: "include",
    cSettings: [.headerSearchPath("src")]
  )
}

let package = Package(
  name: "wasmfix",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "wasmfix", targets: ["wasmfix"]),
    .library(name: "WasmfixCore", targets: ["WasmfixCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // The project configuration file (.wasmfix.toml) is parsed with a real TOML parser.
    .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    // Seeded generators for the mutated-fixture property test (tests only).
    .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
  ],
  targets: [
    .systemLibrary(name: "CTreeSitter", pkgConfig: "tree-sitter", providers: [.apt(["libtree-sitter-dev"]), .brew(["tree-sitter"])]),
    grammar("TreeSitterRust", dir: "rust", scanner: true),
    grammar("TreeSitterC", dir: "c", scanner: false),
    grammar("TreeSitterCSharp", dir: "csharp", scanner: true),
    grammar("TreeSitterCpp", dir: "cpp", scanner: true),
    grammar("TreeSitterBash", dir: "bash", scanner: true),
    grammar("TreeSitterXML", dir: "xml", scanner: true),
    grammar("TreeSitterYAML", dir: "yaml", scanner: true),
    grammar("TreeSitterTOML", dir: "toml", scanner: true),
    grammar("TreeSitterMake", dir: "make", scanner: false),
    .target(name: "TreeSitter", dependencies: ["CTreeSitter"]),
    // Our own one-pass multi-literal search (SIMD), used by the prefilter and definition scan.
    .target(name: "CScan"),
    // The pipeline, one target per stage; each depends only on the stages before it, so the
    // compiler keeps the data flow one-way (see README "Layout").
    .target(name: "WasmfixSupport", dependencies: ["CScan"]),
    // The project's .wasmfix.toml files: parsed and located here, applied by the later stages
    // (the walker filters, the surfaces read setter wrappers, the core selects rules).
    .target(name: "WasmfixConfig", dependencies: ["WasmfixSupport", .product(name: "TOMLKit", package: "TOMLKit")]),
    .target(name: "WasmfixWorkspace", dependencies: ["WasmfixSupport", "WasmfixConfig"]),
    .target(
      name: "WasmfixSurfaces",
      dependencies: [
        "WasmfixWorkspace", "TreeSitter", "CScan", "TreeSitterRust", "TreeSitterC", "TreeSitterCSharp",
        "TreeSitterCpp", "TreeSitterBash", "TreeSitterXML", "TreeSitterYAML", "TreeSitterTOML", "TreeSitterMake",
      ]
    ),
    .target(name: "WasmfixEvaluation", dependencies: ["WasmfixSurfaces"]),
    .target(name: "WasmfixAnalysis", dependencies: ["WasmfixEvaluation"]),
    .target(name: "WasmfixFixing", dependencies: ["WasmfixAnalysis"]),
    .target(name: "WasmfixReporting", dependencies: ["WasmfixAnalysis"]),
    .target(name: "WasmfixCore", dependencies: ["WasmfixFixing", "WasmfixReporting"]),
    .executableTarget(
      name: "wasmfix",
      dependencies: ["WasmfixCore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      plugins: ["BuildCommitPlugin"]
    ),
    // `wasmfix --version` names the git commit: the plugin reads .git, the tool writes the file.
    .executableTarget(name: "BuildCommitTool"),
    .plugin(name: "BuildCommitPlugin", capability: .buildTool(), dependencies: ["BuildCommitTool"]),
    .testTarget(name: "WasmfixCoreTests", dependencies: ["WasmfixCore", "CScan", "TreeSitter", "WasmfixSupport", "WasmfixConfig", "WasmfixWorkspace", "WasmfixSurfaces", "WasmfixEvaluation", "WasmfixAnalysis", "WasmfixFixing", "WasmfixReporting"]),
    // Runs the built binary as a user would; depends on it so `swift test` builds it first.
    .testTarget(name: "WasmfixCLITests", dependencies: ["wasmfix", .product(name: "PropertyBased", package: "swift-property-based"), "WasmfixCore", "WasmfixSupport", "WasmfixConfig", "WasmfixWorkspace", "WasmfixSurfaces", "WasmfixEvaluation", "WasmfixAnalysis", "WasmfixFixing", "WasmfixReporting"]),
  ],
  // Swift 6 mode: the compiler checks data-race safety (workers write results through
  // ResultSlots, counters and flags are Synchronization's Atomic/Mutex).
  swiftLanguageModes: [.v6]
)

// The fuzz target (`make fuzz`, scripts/fuzz.sh) is declared only when asked for: it is built
// with `-sanitize=fuzzer`, whose libFuzzer brings `main`, and would not link in a plain
// `swift build` or `swift test`. It is no product, so `make install` never ships it.
if ProcessInfo.processInfo.environment["WASMFIX_FUZZ"] == "1" {
  package.targets.append(.executableTarget(name: "wasmfix-fuzz", dependencies: ["WasmfixCore"], path: "Sources/wasmfix-fuzz"))
}
