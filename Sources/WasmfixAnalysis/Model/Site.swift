import WasmfixEvaluation
/// One call that sets a Wasmtime stack value, with its evaluated argument.
public struct Site: Sendable {
  public var path: String
  public var absolutePath: String
  public var language: SurfaceID
  public var setting: Setting
  public var apiName: String
  /// 1-based line and column of the setting's name token.
  public var line: Int
  public var column: Int
  /// Line and column just past the name token (SARIF's region end), computed with `line` and
  /// `column` from the text the scan read: reports need no file text.
  public var nameEnd: (line: Int, column: Int)? = nil
  public var nameRange: Range<Int>
  public var argument: Expression
  public var argumentText: String
  public var argumentRange: Range<Int>
  public var callRange: Range<Int>
  public var receiverText: String
  public var statementRange: Range<Int>?
  public var isChainLink: Bool
  public var inErrorRegion: Bool
  public var value: EvaluatedValue
  /// The named constant or macro the argument's value comes from (the first one used).
  public var definition: ConstantDefinition?
  /// Notes from constant resolution (ambiguous names, resolved by name).
  public var notes: [String]
  public var groupID: String
  /// Where the engine is created from this configuration (statement start), if in the same scope.
  public var engineStatementStart: Int?
  /// The invariant is already asserted at run time in this scope.
  public var scopeHasAssertion: Bool
  /// The configuration object is created in the same scope, so implicit values are defaults.
  public var configIsFresh: Bool
  /// The argument is exactly a parameter of the enclosing function.
  public var argumentIsParameter: Bool = false
  /// The argument forwards an optional input (`if let Some(max) = self.wasm.max_wasm_stack`).
  public var forwardsOption: Bool = false
  /// The code expects the engine to be rejected (a negative test).
  public var expectsFailure: Bool = false
  /// The build or branch the call belongs to, when it is one of several alternatives.
  public var alternative: String? = nil
  /// The configuration runs with async on whatever else it says (`wasmtime serve`).
  public var impliesAsync: Bool = false
  /// Test code (`#[cfg(test)]`, `#[test]`): built with the crate's dev-dependencies.
  public var isTestCode: Bool = false
  /// A Wasmtime version named next to the setting, with where (see `ExtractedSite.version`).
  public var versionHint: DetectedVersion? = nil
  /// The CLI options file the command line reads (`--config FILE`), as written.
  public var configFile: String? = nil
  /// Comparisons that hold where the call runs (`if a > b { return .. }` before it, `assert!(a <= b)`).
  package var guards: [ScopeGuard] = []
  /// Read from a macro arm (`size => config.async_stack_size(size),`): see `ExtractedSite.isMacroArm`.
  package var isMacroArm = false
  /// Key of the configuration object this call configures (file, scope, receiver).
  var groupKey: String

  public var location: String { "\(path):\(line):\(column)" }

  /// Where the setting is written, for the edit syntax.
  public var anchor: SiteAnchor {
    SiteAnchor(path: path, absolutePath: absolutePath, language: language, setting: setting, apiName: apiName,
               nameRange: nameRange, argumentText: argumentText, argumentRange: argumentRange, callRange: callRange,
               receiverText: receiverText, statementRange: statementRange, isChainLink: isChainLink)
  }

  package init(path: String, absolutePath: String, language: SurfaceID, setting: Setting, apiName: String, line: Int, column: Int, nameRange: Range<Int>, argument: Expression, argumentText: String, argumentRange: Range<Int>, callRange: Range<Int>, receiverText: String, statementRange: Range<Int>?, isChainLink: Bool, inErrorRegion: Bool, value: EvaluatedValue, definition: ConstantDefinition?, notes: [String], groupID: String, engineStatementStart: Int?, scopeHasAssertion: Bool, configIsFresh: Bool, impliesAsync: Bool = false, versionHint: DetectedVersion? = nil, configFile: String? = nil, argumentIsParameter: Bool = false, expectsFailure: Bool = false, alternative: String? = nil, groupKey: String) {
    self.path = path
    self.absolutePath = absolutePath
    self.language = language
    self.setting = setting
    self.apiName = apiName
    self.line = line
    self.column = column
    self.nameRange = nameRange
    self.argument = argument
    self.argumentText = argumentText
    self.argumentRange = argumentRange
    self.callRange = callRange
    self.receiverText = receiverText
    self.statementRange = statementRange
    self.isChainLink = isChainLink
    self.inErrorRegion = inErrorRegion
    self.value = value
    self.definition = definition
    self.notes = notes
    self.groupID = groupID
    self.engineStatementStart = engineStatementStart
    self.scopeHasAssertion = scopeHasAssertion
    self.configIsFresh = configIsFresh
    self.impliesAsync = impliesAsync
    self.versionHint = versionHint
    self.configFile = configFile
    self.argumentIsParameter = argumentIsParameter
    self.expectsFailure = expectsFailure
    self.alternative = alternative
    self.groupKey = groupKey
  }
}
