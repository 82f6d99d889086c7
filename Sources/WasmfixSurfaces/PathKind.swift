import WasmfixWorkspace
/// What kind of file a path names, by its last component: extension (case-sensitive, as
/// compilers and build tools treat them) or whole file name. Computed from the path's bytes,
/// without making a String: the walker asks once per file of the tree.
enum PathKind: Equatable {
  case rust, c, cpp, csharp
  case shell, makefile, yaml, msbuild, dockerfile, powershell, scriptArguments, javascriptArguments, toml

  init?(_ path: String) {
    let utf8 = path.utf8
    let name = utf8[(utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex)...]
    guard !name.isEmpty else { return nil }
    if let kind = Self.byName(name) { self = kind; return }
    guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else { return nil }
    let ext = name[name.index(after: dot)...]
    guard !ext.isEmpty, ext.count <= 8 else { return nil }
    var packed: UInt64 = 0
    for byte in ext { packed = packed << 8 | UInt64(byte) }
    // Extensions packed big-endian into an integer (`"rs"` is 0x7273).
    switch packed {
    case 0x7273: self = .rust  // .rs
    case 0x63, 0x68: self = .c  // .c .h
    case 0x6363, 0x637070, 0x637878, 0x6868, 0x687070, 0x687878: self = .cpp  // .cc .cpp .cxx .hh .hpp .hxx
    case 0x6373: self = .csharp  // .cs
    case 0x7368, 0x62617368: self = .shell  // .sh .bash
    case 0x6d6b: self = .makefile  // .mk
    case 0x796d6c, 0x79616d6c: self = .yaml  // .yml .yaml
    case 0x74617267657473, 0x70726f7073, 0x637370726f6a, 0x70726f6a: self = .msbuild  // .targets .props .csproj .proj
    case 0x707331: self = .powershell  // .ps1
    case 0x7079, 0x6578, 0x657873: self = .scriptArguments  // .py .ex .exs
    case 0x6a73, 0x6d6a73, 0x636a73, 0x7473: self = .javascriptArguments  // .js .mjs .cjs .ts
    case 0x746f6d6c: self = .toml  // .toml
    default: return nil
    }
  }

  private static func byName(_ name: Substring.UTF8View) -> PathKind? {
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
