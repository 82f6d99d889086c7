import WasmfixWorkspace
import TreeSitter

/// A kind of file wasmfix reads Wasmtime stack settings from: Rust, C, C++ or C# source, a
/// shell script, a build file, the CLI's TOML config. Everything wasmfix knows about one kind
/// lives in its surface: which paths it takes, the prefilter's stems, how sites and constant
/// definitions are extracted, and how a fix writes a value, a sibling setting, a comment or
/// an assertion there. The pipeline (walk → prefilter → sites → evaluate → group → rules →
/// fix) only talks to this protocol, so adding a surface is adding one file under `Surfaces/`
/// and registering it in `Surfaces.all`.
package protocol Surface: Sendable {
  var id: SurfaceID { get }
  /// The Wasmtime API this surface configures (facts are per binding).
  var binding: WasmtimeBinding { get }
  /// Surfaces whose constant definitions feed each other (C and C++ share headers).
  var constantFamily: SurfaceID { get }
  /// The prefilter's setting stems and the words that start a constant definition, searched
  /// together in one SIMD pass over every file of this surface.
  var search: Prefilter.SurfaceSearch { get }
  /// Reads a file the prefilter matched (`hits`: offsets of verified setting stems).
  func extract(_ bytes: [UInt8], hits: [Int], path: String, parsers: ParserCache) -> Extraction
  /// The constant definitions of a file, from the items that mention one of the `mentions`
  /// offsets (all of the file when in doubt); nil when the file cannot be parsed.
  func constants(in source: SourceText, mentions: [Int], path: String, parsers: ParserCache) -> [ConstantDefinition]?
  /// Why the edited bytes parse worse than the original around `editStarts`; nil when fine.
  func newSyntaxErrors(original: [UInt8], edited: [UInt8], editStarts: [Int], parsers: ParserCache) -> String?
  /// How a fix writes code in this surface.
  var syntax: EditSyntax { get }
}

/// What extracting a file's sites produced.
package enum Extraction {
  case scanned(FileScan)
  case unparsable(reason: String)
}

/// The surfaces wasmfix reads, and which one reads a path.
package enum Surfaces {
  static let rust: Surface = CodeSurface.rust
  static let c: Surface = CodeSurface.c
  static let cpp: Surface = CodeSurface.cpp
  static let csharp: Surface = CodeSurface.csharp

  /// Every surface, in report order.
  package static let all: [Surface] = [rust, c, cpp, csharp] + commandLines + [TOMLSurface.config]
  package static let commandLines: [Surface] = [
    CommandLineSurface.shell, CommandLineSurface.makefile, CommandLineSurface.workflow, CommandLineSurface.msbuild,
    CommandLineSurface.dockerfile, CommandLineSurface.powershell, CommandLineSurface.scriptArguments,
    CommandLineSurface.javascriptArguments,
  ]

  private static let byID: [SurfaceID: Surface] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

  package static func surface(_ id: SurfaceID) -> Surface? { byID[id] }

  /// The surface of a path, decided from its last component's bytes without making a String:
  /// the walker asks this once per file of the tree.
  package static func surface(forPath path: String) -> Surface? {
    switch PathKind(path) {
    case .rust: return rust
    case .c: return c
    case .cpp: return cpp
    case .csharp: return csharp
    case .shell: return CommandLineSurface.shell
    case .makefile: return CommandLineSurface.makefile
    case .yaml: return CommandLineSurface.workflow
    case .msbuild: return CommandLineSurface.msbuild
    case .dockerfile: return CommandLineSurface.dockerfile
    case .powershell: return CommandLineSurface.powershell
    case .scriptArguments: return CommandLineSurface.scriptArguments
    case .javascriptArguments: return CommandLineSurface.javascriptArguments
    case .toml: return TOMLSurface.config
    default: return nil
    }
  }

  /// Fails with a clear message when a grammar's ABI is outside the runtime's range.
  package static func checkGrammars() throws {
    for surface in all { try (surface as? GrammarBacked)?.loadGrammar() }
  }
}

/// A surface that parses with a tree-sitter grammar.
protocol GrammarBacked {
  func loadGrammar() throws -> TreeSitter.Language
}

/// One worker's tree-sitter parsers, one per surface (parsers are not thread-safe).
package final class ParserCache {
  package init() {}
  private var parsers: [SurfaceID: Parser] = [:]

  func parser(for id: SurfaceID, grammar: () throws -> TreeSitter.Language) -> Parser? {
    if let existing = parsers[id] { return existing }
    guard let language = try? grammar() else { return nil }
    let parser = Parser(language: language)
    parsers[id] = parser
    return parser
  }
}
