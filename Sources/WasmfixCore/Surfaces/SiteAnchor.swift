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

  var file: FileRef { FileRef(path: path, absolutePath: absolutePath) }
}
