import Testing
@testable import WasmfixCore
@testable import WasmfixSupport
@testable import WasmfixWorkspace
@testable import WasmfixSurfaces
@testable import WasmfixEvaluation
@testable import WasmfixAnalysis
@testable import WasmfixFixing
@testable import WasmfixReporting

/// The walker decides by `Surfaces.surface(forPath:)` which files it hands out: the byte-level
/// rule must agree with the plain String rule below for every path.
@Suite struct SurfaceByPathTests {
  @Test(arguments: [
    ("src/main.rs", PathKind.rust), ("a.c", .c), ("include/wasmtime.h", .c), ("App/Program.cs", .csharp),
    ("main.rs.bak", nil), ("Makefile", .makefile), ("dir.rs/file", nil), (".rs", .rust), ("x.cc", .cpp), ("x.hpp", .cpp),
    ("x.RS", nil), ("rs", nil), ("", nil), ("a.", nil), ("ünïcode/ß.cs", .csharp), ("a/.c", .c), ("x.csx", nil),
    ("eng/testing/tests.wasi.targets", .msbuild), ("Directory.Build.props", .msbuild), ("app.csproj", .msbuild),
    ("scripts/run.sh", .shell), ("x.bash", .shell), ("rules.mk", .makefile), ("sub/GNUmakefile", .makefile),
    (".github/workflows/ci.yml", .yaml), ("a.yaml", .yaml), ("Dockerfile", .dockerfile), ("Dockerfile.ci", .dockerfile),
    ("run.ps1", .powershell), ("Tools/wasi.py", .scriptArguments), ("a.exs", .scriptArguments), ("run.mjs", .javascriptArguments), ("x.ts", .javascriptArguments), ("wasmtime.toml", .toml),
    ("Makefile.am", nil), ("a.Makefile", nil), ("x.toolongextension", nil), ("Cargo.toml", .toml),
  ] as [(String, PathKind?)])
  func kindByPath(_ path: String, _ expected: PathKind?) {
    #expect(PathKind(path) == expected)
    #expect(Self.stringRule(path) == expected)
  }

  /// The same rule on Strings, written the obvious way.
  static func stringRule(_ path: String) -> PathKind? {
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    if ["Makefile", "makefile", "GNUmakefile"].contains(name) { return .makefile }
    if name.hasPrefix("Dockerfile") { return .dockerfile }
    guard let dot = name.lastIndex(of: ".") else { return nil }
    switch String(name[name.index(after: dot)...]) {
    case "rs": return .rust
    case "c", "h": return .c
    case "cc", "cpp", "cxx", "hh", "hpp", "hxx": return .cpp
    case "cs": return .csharp
    case "sh", "bash": return .shell
    case "mk": return .makefile
    case "yml", "yaml": return .yaml
    case "targets", "props", "csproj", "proj": return .msbuild
    case "ps1": return .powershell
    case "py", "ex", "exs": return .scriptArguments
    case "js", "mjs", "cjs", "ts": return .javascriptArguments
    case "toml": return .toml
    default: return nil
    }
  }
}
