import WasmfixWorkspace
/// What kind of file a path names, by its last component: extension (case-sensitive, as
/// compilers and build tools treat them) or whole file name. Computed from the path's bytes,
/// without making a String: the walker asks once per file of the tree.
enum PathKind: Equatable {
  case rust, c, cpp, csharp
  case shell, makefile, yaml, msbuild, dockerfile, powershell, scriptArguments, javascriptArguments, toml

  init?(_ path: String) {
    // Native strings are contiguous: work on their bytes directly (the generic UTF8View
    // searches cost more than the rest of the classification).
    var path = path
    guard let kind = path.withUTF8({ Self.classify($0) }) else { return nil }
    self = kind
  }

  private static func classify(_ utf8: UnsafeBufferPointer<UInt8>) -> PathKind? {
    let name = utf8[(utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex)...]
    guard !name.isEmpty else { return nil }
    if let kind = byName(name) { return kind }
    guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else { return nil }
    let ext = name[name.index(after: dot)...]
    guard !ext.isEmpty, ext.count <= 8 else { return nil }
    var packed: UInt64 = 0
    for byte in ext { packed = packed << 8 | UInt64(byte) }
    // Extensions packed big-endian into an integer (`"rs"` is 0x7273).
    switch packed {
    case 0x7273: return .rust  // .rs
    case 0x63, 0x68: return .c  // .c .h
    case 0x6363, 0x637070, 0x637878, 0x6868, 0x687070, 0x687878: return .cpp  // .cc .cpp .cxx .hh .hpp .hxx
    case 0x6373: return .csharp  // .cs
    case 0x7368, 0x62617368: return .shell  // .sh .bash
    case 0x6d6b: return .makefile  // .mk
    case 0x796d6c, 0x79616d6c: return .yaml  // .yml .yaml
    case 0x74617267657473, 0x70726f7073, 0x637370726f6a, 0x70726f6a: return .msbuild  // .targets .props .csproj .proj
    case 0x707331: return .powershell  // .ps1
    case 0x7079, 0x6578, 0x657873: return .scriptArguments  // .py .ex .exs
    case 0x6a73, 0x6d6a73, 0x636a73, 0x7473: return .javascriptArguments  // .js .mjs .cjs .ts
    case 0x746f6d6c: return .toml  // .toml
    default: return nil
    }
  }

  private static func byName(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> PathKind? {
    // Only names that are not `*.ext`: Makefile, GNUmakefile, Dockerfile (and Dockerfile.*).
    guard let first = name.first, first == UInt8(ascii: "M") || first == UInt8(ascii: "G") || first == UInt8(ascii: "D")
            || first == UInt8(ascii: "m") else { return nil }
    if name.elementsEqual("Makefile".utf8) || name.elementsEqual("makefile".utf8) || name.elementsEqual("GNUmakefile".utf8) {
      return .makefile
    }
    if name.starts(with: "Dockerfile".utf8) { return .dockerfile }
    return nil
  }

}
