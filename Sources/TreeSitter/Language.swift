import CTreeSitter

/// A tree-sitter grammar, checked against the runtime's supported ABI range.
/// `@unchecked Sendable`: `pointer` is a grammar's static, never-written `TSLanguage` table,
/// which parsers on any thread may share; the compiler cannot tell that of an `OpaquePointer`.
public struct Language: @unchecked Sendable {
  public let pointer: OpaquePointer
  public let name: String

  /// The grammar ABI versions the linked runtime can load.
  public static let supportedVersions =
    Int(TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION)...Int(TREE_SITTER_LANGUAGE_VERSION)

  public enum LoadError: Error, CustomStringConvertible {
    case incompatibleVersion(name: String, version: Int)
    public var description: String {
      switch self {
      case let .incompatibleVersion(name, version):
        return "the \(name) grammar has ABI version \(version), but the tree-sitter runtime loads \(Language.supportedVersions.lowerBound)-\(Language.supportedVersions.upperBound); run grammars/fetch.sh to fetch the pinned grammars"
      }
    }
  }

  /// Wraps a grammar pointer, failing when its ABI version is outside the runtime's range.
  public init(_ pointer: OpaquePointer, name: String) throws {
    let version = Int(ts_language_version(pointer))
    guard Language.supportedVersions.contains(version) else {
      throw LoadError.incompatibleVersion(name: name, version: version)
    }
    self.pointer = pointer
    self.name = name
  }

  public var abiVersion: Int { Int(ts_language_version(pointer)) }
}
