import WasmfixWorkspace
/// A named constant or macro found in the scanned tree: where it lives and what it says.
public struct ConstantDefinition: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable { case rustConst, rustStatic, cDefine, cConst, cEnumerator, csharpConst, cppConstexpr, cppLiteralOperator
    case shellVariable, makeVariable, msbuildProperty, yamlValue, tomlValue
  }
  public var name: String
  public var kind: Kind
  /// Relative path of the defining file.
  public var path: String
  /// 1-based line of the name.
  public var line: Int
  /// Rust: the module path (`["limits"]` for src/limits.rs, plus inline `mod`s and `impl` types);
  /// C#: the enclosing type names; C: empty.
  public var scope: [String]
  public var value: Expression
  public var valueText: String
  /// Byte range of the value in the file (the replacement target when a fix edits the definition).
  public var valueRange: Range<Int>
  /// Byte range of the whole definition (item/statement/line), for placing comments and assertions after it.
  public var itemRange: Range<Int>
  /// A function's parameter names (its `value` is the returned expression); nil for a constant.
  public var parameters: [String]? = nil
  /// The type the definition declares (`usize` in `const X: usize = …`, `size_t` in C's
  /// `static const size_t X = …`), as written; nil when it declares none (`#define`).
  public var declaredType: String? = nil
  /// The build that defines it, when the name is defined once per build (`#[cfg(feature = "big")]`
  /// on the item, a `cfg_if!` branch): the label a call in that build carries
  /// (`ExtractedSite.alternative`); nil when it is defined in every build.
  public var alternative: String? = nil
  /// Where a definition local to a function or block is visible, in its file's bytes: Rust
  /// items the whole block (also before the item), C/C++/C# locals from the definition to the
  /// block's end, a `#define` in a function body from its line to the end of the file (the
  /// preprocessor knows no blocks). Nil at file, module, namespace or type level.
  public var visibility: Range<Int>? = nil

  public var location: String { "\(path):\(line)" }
}
