import WasmfixEvaluation
/// WF007: a stack flag the Wasmtime CLI of this version does not accept, so the command fails
/// before any engine exists (`unexpected argument '--max-wasm-stack'`, `unknown -W / --wasm
/// option: async-stack-size`, `invalid digit found in string`).
enum UnsupportedCLIFlag: Rule {
  static let id = RuleID(code: "WF007", name: "unsupported-cli-flag")
  static let severity = Severity.error
  static let fixable = true
  static let explanation = """
    # WF007 unsupported-cli-flag (error)

    ## What it checks
    A Wasmtime CLI stack flag (in a script, Makefile, workflow, MSBuild property or argument
    list) or TOML key that the CLI version in use does not accept:
    - the old `--max-wasm-stack N` flag (3.0-13.x; 14.0.3-21.x through a compatibility layer)
      on 14.0.0-14.0.2 or 22.0 and later;
    - `-W`/`--wasm` options before 14.0;
    - `-W async-stack-size` before 25.0.1;
    - a hex size before 20.0, a size with `_` before 26.0;
    - a TOML `--config` file before 30.0.

    ## Why it matters
    The CLI rejects the whole command line, whatever the values: an upgrade that drops the
    old flag fails as surely as a stack mismatch. The version comes from
    `wasmtime-version.txt`, a workflow's `bytecodealliance/actions/wasmtime/setup` version or
    a download URL in the same file, or `--wasmtime-version`.

    ## How the fix works
    The old flag is rewritten in the new form (`-W max-wasm-stack=N`, inside the same
    `--engine-arg` wrapper), and a hex or `_` size as plain decimal. An option the version
    lacks altogether (`async-stack-size` before 25.0.1, `-W` before 14.0) has no rewrite:
    upgrade the CLI, or remove the option.
    """
  static let examples: [RuleExample] = [
    .triggers(SurfaceID("shell"), "wasmtime run --max-wasm-stack=4194304 app.wasm\n",
              fixed: "wasmtime run -W max-wasm-stack=4194304 app.wasm\n", version: "22.0.0"),
    .passes(SurfaceID("shell"), "wasmtime run --max-wasm-stack=1048576 app.wasm\n", version: "13.0.0"),
    .triggers(SurfaceID("msbuild"), "<Project><PropertyGroup>\n<Args>$(Args) --engine-arg=--max-wasm-stack=4194304</Args>\n</PropertyGroup></Project>\n",
              fixed: "<Args>$(Args) --engine-arg=-W --engine-arg=max-wasm-stack=4194304</Args>\n", version: "22.0.0"),
    .triggers(SurfaceID("shell"), "wasmtime run -W max-wasm-stack=8_388_608 app.wasm\n",
              fixed: "wasmtime run -W max-wasm-stack=8388608 app.wasm\n", version: "25.0.1"),
  ]

  static func check(_ group: EngineGroup, in context: RuleContext) -> [Finding] {
    guard group.binding == .cli else { return [] }
    var toml = false
    return group.siteIndexes.compactMap { index in
      // A TOML file is rejected once, not per key.
      if context.sites[index].language == TOMLSurface.config.id { if toml { return nil }; toml = true }
      let site = context.sites[index]
      guard let problem = WasmtimeCLI.rejection(of: site, version: group.version.version) else { return nil }
      var result = finding(group, at: index, in: context, message: "the Wasmtime \(group.version.version) CLI rejects \(problem.what): \(problem.why)\(ValueDescription.versionNote(group))")
      result.fixable = problem.rewrite != nil
      return result
    }
  }

  static func fix(_ context: inout FixContext) -> FixOutcome {
    var titles: [String] = []
    for index in context.group.siteIndexes {
      let site = context.result.sites[index]
      guard let problem = WasmtimeCLI.rejection(of: site, version: context.group.version.version) else { continue }
      switch problem.rewrite {
      case .newSpelling?:
        guard let syntax = context.syntax as? CommandLineSyntax, let source = context.source(of: site),
              let edits = syntax.rewriteInCurrentSpelling(site.anchor, in: source) else { return .refused("cannot rewrite this flag here") }
        context.edits += edits
        titles.append("rewrite \(site.apiName) as -W \(site.setting == .maxWasmStack ? "max-wasm-stack" : "async-stack-size")=N")
      case .decimalValue?:
        guard let value = site.value.integer, context.source(of: site) != nil else { return .refused("the value is not known") }
        context.edits.append(.replacement("\(value)", of: site.argumentRange, in: context.fileRef(site)))
        titles.append("write the size in decimal")
      case nil:
        return .refused(problem.why)
      }
    }
    return .fixed(titles.joined(separator: "; "))
  }
}
