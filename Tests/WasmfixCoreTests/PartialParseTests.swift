import Foundation
import Testing
@testable import WasmfixCore
@testable import WasmfixSupport
@testable import WasmfixWorkspace
@testable import WasmfixSurfaces
@testable import WasmfixEvaluation
@testable import WasmfixAnalysis
@testable import WasmfixFixing
@testable import WasmfixReporting

/// Parsing only the items around the hits must not change what a file yields: every site
/// (value, scope, receiver, engine statement, assertion, freshness) equals what a parse of the
/// whole file gives. Checked on every fixture's source files and on shapes chosen to stress the
/// container descent (nested C# types, field initialisers, Rust `impl`/`mod`).
@Suite struct PartialParseTests {
  static let fixtureRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures").path

  /// The sites of `bytes` as `FileScanner.scan` finds them, and as a whole-file parse finds them.
  func partialAndWhole(_ bytes: [UInt8], language: SurfaceID) throws -> (partial: String, whole: String) {
    let path = NSTemporaryDirectory() + "wasmfix-partial-\(UUID().uuidString).\(language == .csharp ? "cs" : language == .rust ? "rs" : "c")"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let scanner = FileScanner()
    var partial: [ExtractedSite] = []
    let surface = try #require(Surfaces.surface(language) as? CodeSurface)
    if case let .scanned(scan) = scanner.scan(WalkedFile(absolutePath: path, relativePath: "f"), surface: surface).outcome {
      partial = scan.sites
    }
    let source = SourceText(bytes: bytes)
    let whole = try #require(surface.parse(source, only: nil, parsers: scanner.parsers)?.tree)
    let support = surface.support
    return (String(describing: partial), String(describing: support.sites(in: whole, source: source)))
  }

  @Test func everyFixtureFileGivesTheSameSites() throws {
    var checked = 0
    let files = FileManager.default.enumerator(atPath: Self.fixtureRoot)!.compactMap { $0 as? String }
    for relative in files.sorted() where relative.contains("/before/") {
      // Partial parsing is the code surfaces' (command lines and TOML are read whole).
      guard let language = SurfaceID(path: relative), Surfaces.surface(language) is CodeSurface,
            let data = FileManager.default.contents(atPath: Self.fixtureRoot + "/" + relative),
            String(data: data, encoding: .utf8) != nil else { continue }
      let (partial, whole) = try partialAndWhole([UInt8](data), language: language)
      #expect(partial == whole, "\(relative)")
      if partial != "[]" { checked += 1 }
    }
    #expect(checked >= 40)
  }

  @Test(arguments: [
    // Nested types, a sibling method creating the engine, a const field used by the site.
    """
    namespace App { namespace Inner {
      public sealed class Host {
        const ulong Max = 2 << 20;
        public Engine Build() { var c = new Config().WithMaximumStackSize((long)Max); return new Engine(c); }
        void Other() { var e = new Engine(new Config()); }
      }
    } }
    """,
    // A site in a field initialiser: outside any method, analysed against the whole file.
    """
    class Holder {
      static readonly Config Shared = new Config().WithMaximumStackSize(4 << 20);
      void Make() { using var engine = new Engine(Shared); }
    }
    """,
    // A file-scoped namespace, a record, a property body, a generic constraint.
    """
    namespace App;
    public record Settings(int Size);
    public class Runner {
      public Engine Engine { get { var c = new Config(); c.WithMaximumStackSize(1 << 20); return new Engine(c); } }
      public void Go<T>() where T : class { var c = new Config(); c.WithMaximumStackSize(2 << 20); using var e = new Engine(c); }
    }
    """,
  ])
  func csharpShapes(_ source: String) throws {
    let (partial, whole) = try partialAndWhole(Array(source.utf8), language: .csharp)
    #expect(partial != "[]")
    #expect(partial == whole)
  }

  @Test(arguments: [
    """
    mod host {
        const MAX: usize = 2 << 20;
        pub struct Runner;
        impl Runner {
            fn other(&self) {}
            pub fn engine(&self) -> Engine {
                let mut config = Config::new();
                config.async_support(true).max_wasm_stack(MAX);
                Engine::new(&config).unwrap()
            }
        }
    }
    """,
    """
    static CONFIG: Lazy<Config> = Lazy::new(|| { let mut c = Config::new(); c.max_wasm_stack(1 << 20); c });
    fn main() { let e = Engine::new(&CONFIG).unwrap(); }
    """,
    // Issue 9 item 6: calls inside macro invocations, in a function and at the top level.
    """
    fn engine() -> Engine {
        let mut config = Config::new();
        cfg_if::cfg_if! {
            if #[cfg(feature = "deep")] { config.max_wasm_stack(8 << 20); } else { config.max_wasm_stack(1 << 20); }
        }
        pick! { [fast] on => config.async_stack_size(4 << 20), _ => none, }
        Engine::new(&config).unwrap()
    }
    """,
    """
    cfg_if::cfg_if! {
        if #[cfg(unix)] {
            fn tune(config: &mut Config) { config.max_wasm_stack(1 << 20); }
        } else {
            fn tune(config: &mut Config) { config.max_wasm_stack(512 << 10); }
        }
    }
    """,
  ])
  func rustShapes(_ source: String) throws {
    let (partial, whole) = try partialAndWhole(Array(source.utf8), language: .rust)
    #expect(partial != "[]")
    #expect(partial == whole)
  }
}
