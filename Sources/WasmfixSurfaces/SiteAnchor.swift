import WasmfixWorkspace
/// Where a setting is written, as an edit syntax needs it: the parts of a site that come from
/// the file (ranges, spelling), none of what evaluation or grouping adds.
public struct SiteAnchor: Sendable {
  public var path: String
  public var absolutePath: String
  public var language: SurfaceID
  public var setting: Setting
  /// The API name as written (`max_wasm_stack`, `WithMaximumStackSize`, `--max-wasm-stack`).
  public var apiName: String
  public var nameRange: Range<Int>
  public var argumentText: String
  public var argumentRange: Range<Int>
  public var callRange: Range<Int>
  public var receiverText: String
  public var statementRange: Range<Int>?
  public var isChainLink: Bool


  package init(path: String, absolutePath: String, language: SurfaceID, setting: Setting, apiName: String, nameRange: Range<Int>, argumentText: String, argumentRange: Range<Int>, callRange: Range<Int>, receiverText: String, statementRange: Range<Int>?, isChainLink: Bool) {
    self.path = path
    self.absolutePath = absolutePath
    self.language = language
    self.setting = setting
    self.apiName = apiName
    self.nameRange = nameRange
    self.argumentText = argumentText
    self.argumentRange = argumentRange
    self.callRange = callRange
    self.receiverText = receiverText
    self.statementRange = statementRange
    self.isChainLink = isChainLink
  }
}
