import Testing
import TreeSitter
@testable import WasmfixSupport
@testable import WasmfixSurfaces

/// Issue 9 item 6: calls written inside macro invocations are sites, read from a copy where
/// the macro body is a block (`RustMacroBodies`), with the file's own byte ranges.
@Suite struct MacroSitesTests {
  func sites(_ text: String) throws -> (sites: [ExtractedSite], source: SourceText) {
    let surface = try #require(Surfaces.surface(.rust) as? CodeSurface)
    let source = SourceText(bytes: Array(text.utf8))
    let tree = try #require(surface.parse(source, only: nil, parsers: ParserCache())?.tree)
    return (surface.support.sites(in: tree, source: source), source)
  }

  @Test func cfgIfBranchesAreAlternativeSitesOfTheFunctionsConfig() throws {
    let (found, source) = try sites("""
    fn engine() -> Engine {
        let mut config = Config::new();
        config.async_support(true);
        cfg_if::cfg_if! {
            if #[cfg(feature = "deep")] {
                config.max_wasm_stack(8 << 20);
            } else {
                config.max_wasm_stack(1 << 20); // small
            }
        }
        Engine::new(&config).unwrap()
    }
    """)
    let stacks = found.filter { $0.setting == .maxWasmStack }
    try #require(stacks.count == 2)
    #expect(stacks.map { source.text($0.argumentRange) } == ["8 << 20", "1 << 20"])
    #expect(stacks.map(\.alternative) == ["#[cfg(feature = \"deep\")]", "the cfg_if! else branch at line 7"])
    // The same configuration as the call outside the macro: same scope and receiver.
    let outside = try #require(found.first { $0.setting == .asyncSupport })
    #expect(stacks.allSatisfy { $0.scopeStart == outside.scopeStart && $0.receiverKey == outside.receiverKey })
    #expect(stacks.allSatisfy { $0.engineStatementStart != nil && $0.configIsFresh && !$0.inErrorRegion })
    #expect(stacks.map { $0.statementRange.map { source.text($0) } } == ["config.max_wasm_stack(8 << 20);", "config.max_wasm_stack(1 << 20);"])
  }

  @Test func aMatchArmIsReadPieceByPieceAndChainsNewSettings() throws {
    let (found, source) = try sites("""
    fn configure(options: &Options, config: &mut Config) {
        match_feature! {
            ["deep" : options.deep_stack]
            _on => config.max_wasm_stack(8 << 20),
            _ => err,
        }
    }
    """)
    try #require(found.count == 1)
    #expect(source.text(found[0].callRange) == "config.max_wasm_stack(8 << 20)")
    #expect(found[0].receiverKey == "config")
    // The arm ends with `,`, not a statement: a missing setting is chained to the call.
    #expect(found[0].statementRange == nil && found[0].isChainLink)
    #expect(!found[0].inErrorRegion)
  }

  @Test func nestedMacrosAndParenthesisedBodiesAreRead() throws {
    let (found, source) = try sites("""
    fn engine(config: &mut Config) {
        cfg_if::cfg_if! {
            if #[cfg(unix)] { with_logging!(config.max_wasm_stack(3 << 20)); }
        }
        let _ = vec![config.async_stack_size(4 << 20)];
    }
    """)
    #expect(found.map { source.text($0.argumentRange) } == ["3 << 20", "4 << 20"])
  }

  @Test func definitionsAssertionsAndStringsAreNotSites() throws {
    let (found, _) = try sites("""
    macro_rules! tune { ($c:expr, $v:expr) => { $c.max_wasm_stack($v); config.max_wasm_stack(1); }; }
    fn check(limits: &Limits) {
        assert!(limits.max_wasm_stack <= limits.async_stack_size, "max_wasm_stack must fit");
        println!("{}", "config.max_wasm_stack(8)");
    }
    """)
    #expect(found.isEmpty)
  }

  @Test func functionsInsideATopLevelCfgIfAreTheirOwnScopes() throws {
    let (found, _) = try sites("""
    cfg_if::cfg_if! {
        if #[cfg(unix)] {
            fn tune(config: &mut Config) { config.max_wasm_stack(1 << 20); }
        } else {
            fn tune(config: &mut Config) { config.max_wasm_stack(512 << 10); }
        }
    }
    """)
    try #require(found.count == 2)
    #expect(found[0].scopeStart != found[1].scopeStart)
    // Each function always runs its call: no alternative inside it.
    #expect(found.allSatisfy { $0.alternative == nil })
  }

  func constants(_ text: String, path: String = "src/lib.rs") throws -> (definitions: [ConstantDefinition], source: SourceText) {
    let surface = try #require(Surfaces.surface(.rust) as? CodeSurface)
    let source = SourceText(bytes: Array(text.utf8))
    let tree = try #require(surface.parse(source, only: nil, parsers: ParserCache())?.tree)
    return (surface.support.constants(in: tree.rootNode, source: source, path: path), source)
  }

  /// Issue 9 item 6: constants written inside macro bodies are definitions, at their own
  /// bytes in the file, each `cfg_if!` branch's labelled as a call in that branch is.
  @Test func constantsInsideMacroBodiesAreDefinitionsLabelledByBuild() throws {
    let (found, source) = try constants("""
    cfg_if::cfg_if! {
        if #[cfg(feature = "deep")] {
            const STACK: usize = 8 << 20;
        } else if #[cfg(feature = "tiny")] {
            const STACK: usize = 256 << 10;
        } else {
            pub const STACK: usize = 1 << 20; // default
        }
    }
    limits! {
        /// Shared by every build.
        pub static FIBER: usize = 2 * 1024 * 1024;
    }
    fn engine() {
        cfg_if! { if #[cfg(unix)] { const LOCAL: usize = 3 << 20; } }
        println!("const {}", 1);
    }
    """)
    #expect(found.map(\.name) == ["STACK", "STACK", "STACK", "FIBER", "LOCAL"])
    #expect(found.map { source.text($0.valueRange) } == ["8 << 20", "256 << 10", "1 << 20", "2 * 1024 * 1024", "3 << 20"])
    #expect(found.map(\.line) == [3, 5, 7, 12, 15])
    #expect(found.map(\.alternative) == ["#[cfg(feature = \"deep\")]", "#[cfg(feature = \"tiny\")]", "the cfg_if! else branch at line 6",
                                         nil, "#[cfg(unix)]"])
    #expect(found.allSatisfy { $0.scope.isEmpty })
    #expect(source.text(found[2].itemRange) == "pub const STACK: usize = 1 << 20;")
  }

  /// The labels are the ones the calls in the same branches carry, so a call takes its own
  /// branch's definition.
  @Test func aBranchsConstantAndCallShareTheLabel() throws {
    let text = """
    fn engine() -> Engine {
        let mut config = Config::new();
        cfg_if::cfg_if! {
            if #[cfg(feature = "deep")] {
                const STACK: usize = 8 << 20;
                config.max_wasm_stack(STACK);
            } else {
                const STACK: usize = 1 << 20;
                config.max_wasm_stack(STACK);
            }
        }
        Engine::new(&config).unwrap()
    }
    """
    let definitions = try constants(text).definitions
    let calls = try sites(text).sites
    #expect(definitions.map(\.alternative) == calls.map(\.alternative))
    #expect(definitions.allSatisfy { $0.alternative != nil })
  }

  /// `#[cfg(..)]` on a plain item labels it too (one definition per build without a macro).
  @Test func cfgAttributesLabelPlainItems() throws {
    let (found, _) = try constants("""
    #[cfg(debug_assertions)]
    // Unoptimised guests need more.
    const STACK: usize = 4 << 20;
    #[cfg(not(debug_assertions))]
    const STACK: usize = 1 << 20;
    #[allow(dead_code)]
    const OTHER: usize = 1;
    """)
    #expect(found.map(\.alternative) == ["#[cfg(debug_assertions)]", "#[cfg(not(debug_assertions))]", nil])
  }

  /// A `macro_rules!` arm's items are defined where it is invoked; a value written with the
  /// macro's metavariables is not a constant.
  @Test func macroRulesTranscribersDefineTheirLiteralItems() throws {
    let (found, source) = try constants("""
    macro_rules! define_limits {
        () => { const GUEST_STACK: usize = 4 << 20; };
        ($name:ident, $value:expr) => { const $name: usize = $value; const DOUBLE: usize = $value * 2; };
    }
    define_limits!();
    """)
    #expect(found.map(\.name) == ["GUEST_STACK"])
    #expect(found.map { source.text($0.valueRange) } == ["4 << 20"])
  }

  /// All macro bodies of a file are read from one copy and one parse per round: a copy and a
  /// parse per macro took minutes for a file of thousands (each copy is the file's length).
  @Test func thousandsOfMacroBodiesAreReadInOnePass() throws {
    let count = 3000
    let text = (0..<count).map { "fn f\($0)(config: &mut Config) { limits! { const STACK: usize = \($0 + 1) << 10; } config.max_wasm_stack(STACK); }" }
      .joined(separator: "\n")
    let start = ContinuousClock.now
    let (found, _) = try constants(text)
    let elapsed = ContinuousClock.now - start
    #expect(found.count == count)
    #expect(found.last?.line == count)
    // Linear: about a second in a debug build on a busy machine; the quadratic reading took well over a minute.
    #expect(elapsed < .seconds(20), "\(elapsed)")
  }
}
