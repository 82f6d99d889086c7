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
}
