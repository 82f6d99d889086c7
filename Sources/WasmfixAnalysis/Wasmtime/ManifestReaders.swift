import WasmfixEvaluation
import Foundation

/// Readers for the manifests that name a Wasmtime version: `Cargo.lock`, `Cargo.toml`, MSBuild
/// files (`*.csproj`, `Directory.Packages.props`, `Directory.Build.props`, `packages.config`),
/// `wasmtime-version.txt` and a vendored `wasmtime.h`. Each reader is a pure function of the
/// file's text; `VersionDetector` does the file system walk.
enum WasmtimeManifest {

  // MARK: Cargo.lock

  /// Every `version` of a `[[package]]` named `wasmtime` (a lock may hold several majors).
  /// Whether `text` reads as a Cargo lock file: empty, or holding `[[package]]` entries.
  static func isCargoLock(_ text: String) -> Bool {
    let document = TOMLDocument(parsing: text)
    return text.allSatisfy(\.isWhitespace) || document.entries.contains { $0.table == ["package"] && $0.isArrayTable }
  }

  static func cargoLockVersions(_ text: String) -> [WasmtimeVersion] {
    let document = TOMLDocument(parsing: text)
    var byPackage: [Int: (name: String?, version: String?)] = [:]
    for entry in document.entries where entry.table == ["package"] && entry.isArrayTable {
      guard entry.key.count == 1, case .string(let value) = entry.value else { continue }
      switch entry.key[0] {
      case "name": byPackage[entry.tableOrdinal, default: (nil, nil)].name = value
      case "version": byPackage[entry.tableOrdinal, default: (nil, nil)].version = value
      default: break
      }
    }
    return byPackage.keys.sorted().compactMap { ordinal in
      let package = byPackage[ordinal]!
      guard package.name == "wasmtime", let version = package.version else { return nil }
      return WasmtimeVersion(version)
    }
  }

  // MARK: Cargo.toml

  /// One `wasmtime` dependency entry as written in a `Cargo.toml`.
  struct CargoDependency: Equatable, Sendable {
    /// The key it is listed under (differs from `wasmtime` when renamed with `package = "wasmtime"`).
    var name: String
    var version: String?
    /// nil when not written (Cargo's default: true).
    var defaultFeatures: Bool?
    var features: [String] = []
    /// `workspace = true`: version and default-features come from `[workspace.dependencies]`.
    var workspace = false
    var package: String?
    var path: String?
    /// The table it is listed in: which builds it takes part in.
    var kind: Kind = .normal

    /// `[dependencies]` (also per target), `[dev-dependencies]` (tests, benches, examples only),
    /// `[build-dependencies]` (the build script, resolved apart from the crate since resolver 2).
    enum Kind: Sendable { case normal, dev, build }

    init(name: String) { self.name = name }

    /// Whether this entry alone compiles in the `async` or `stack-switching` feature, which gate
    /// the check on 0.25–46.x (facts §1.2). Both are default features of the wasmtime crate, so
    /// listing the `default` feature turns them back on (Wasmtime's own dev-dependencies do).
    var enablesAsync: Bool {
      defaultFeatures != false || ["default", "async", "stack-switching"].contains(where: features.contains)
    }

    /// This member entry completed by the `[workspace.dependencies]` entry it inherits from.
    func inheriting(from base: CargoDependency) -> CargoDependency {
      var merged = base
      merged.name = name
      // Features are additive; `default-features = true` in a member re-enables the defaults.
      merged.features = base.features + features
      if defaultFeatures == true { merged.defaultFeatures = true }
      return merged
    }
  }

  /// What a `Cargo.toml` says about wasmtime.
  struct CargoManifest: Equatable, Sendable {
    /// Entries in `[dependencies]`, `[dev-dependencies]`, `[build-dependencies]` and
    /// `[target.'cfg(…)'.*dependencies]` (inline, string or `[dependencies.wasmtime]` forms).
    var dependencies: [CargoDependency] = []
    /// The entry in `[workspace.dependencies]`, if any.
    var workspaceDependency: CargoDependency?
    /// The crate's default features turn on `wasmtime/async` or `wasmtime/stack-switching`.
    var defaultFeaturesEnableAsync = false
    /// The crate feature that lists `wasmtime/async` (or `stack-switching`) among those default
    /// features (`fibers` in `default = ["fibers"]`, `fibers = ["wasmtime/async"]`): a build
    /// without it (`--no-default-features`) has no async.
    var asyncFeatureName: String?
    /// `[package] version`, used when another crate depends on this one by `path`.
    var packageVersion: String?
    /// Has a `[workspace]` table: the root of a Cargo workspace.
    var isWorkspaceRoot = false
    /// `[workspace] members` and `exclude` patterns (paths relative to the root, `*` allowed).
    var workspaceMembers: [String] = []
    var workspaceExcludes: [String] = []
    /// Has a `[package]` table (a virtual manifest has none).
    var isPackage = false

    var mentionsWasmtime: Bool { !dependencies.isEmpty || workspaceDependency != nil }

    init(parsing text: String) {
      let document = TOMLDocument(parsing: text)
      var order: [String] = []
      var entries: [String: (isWorkspace: Bool, dependency: CargoDependency)] = [:]
      var crateFeatures: [String: [String]] = [:]

      isWorkspaceRoot = document.tables.contains { $0.first == "workspace" }
      isPackage = document.tables.contains(["package"])
      for entry in document.entries {
        let path = entry.table + entry.key
        if entry.table == ["package"], entry.key == ["version"], case .string(let v) = entry.value {
          packageVersion = v
        }
        if entry.table == ["workspace"], entry.key.count == 1, case .array(let items) = entry.value {
          let patterns = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
          if entry.key[0] == "members" { workspaceMembers = patterns }
          if entry.key[0] == "exclude" { workspaceExcludes = patterns }
        }
        if entry.table == ["features"], entry.key.count == 1, case .array(let items) = entry.value {
          crateFeatures[entry.key[0]] = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        }
        guard let split = Self.dependencyTableLength(path) else { continue }
        let tableKey = path[..<split].joined(separator: "\u{0}")
        let name = path[split]
        let id = tableKey + "\u{0}\u{0}" + name
        if entries[id] == nil {
          order.append(id)
          var dependency = CargoDependency(name: name)
          let table = path[split - 1]
          dependency.kind = table.hasPrefix("dev") ? .dev : table.hasPrefix("build") ? .build : .normal
          entries[id] = (path[..<split] == ["workspace", "dependencies"], dependency)
        }
        Self.apply(entry.value, at: Array(path[(split + 1)...]), to: &entries[id]!.dependency)
      }

      for id in order {
        let (isWorkspace, dependency) = entries[id]!
        guard (dependency.package ?? dependency.name) == "wasmtime" else { continue }
        if isWorkspace {
          if workspaceDependency == nil { workspaceDependency = dependency }
        } else {
          dependencies.append(dependency)
        }
      }

      // `default = ["x"]`, `x = ["wasmtime/async"]`: follow the default features transitively.
      let names = Set(dependencies.map(\.name))
      var pending = (crateFeatures["default"] ?? []).map { (feature: $0, listedIn: "default") }
      var seen: Set<String> = []
      while let (feature, listedIn) = pending.popLast() {
        guard seen.insert(feature).inserted else { continue }
        let parts = feature.split(separator: "/", maxSplits: 1).map(String.init)
        if parts.count == 2 {
          let dep = parts[0].hasSuffix("?") ? String(parts[0].dropLast()) : parts[0]
          if names.contains(dep), parts[1] == "async" || parts[1] == "stack-switching" {
            defaultFeaturesEnableAsync = true
            if asyncFeatureName == nil { asyncFeatureName = listedIn }
          }
        } else {
          pending += (crateFeatures[feature] ?? []).map { (feature: $0, listedIn: feature) }
        }
      }
    }

    /// The number of leading components of `path` naming a dependency table, when a dependency
    /// name follows them: `dependencies`, `dev-dependencies`, `build-dependencies`,
    /// `workspace.dependencies`, `target.<cfg>.<one of those>`.
    private static func dependencyTableLength(_ path: [String]) -> Int? {
      let kinds: Set<String> = [
        "dependencies", "dev-dependencies", "build-dependencies", "dev_dependencies", "build_dependencies",
      ]
      if path.count >= 2, kinds.contains(path[0]) { return 1 }
      if path.count >= 3, path[0] == "workspace", path[1] == "dependencies" { return 2 }
      if path.count >= 4, path[0] == "target", kinds.contains(path[2]) { return 3 }
      return nil
    }

    private static func apply(_ value: TOMLValue, at rest: [String], to dependency: inout CargoDependency) {
      guard let field = rest.first else {
        switch value {
        case .string(let version): dependency.version = version
        case .table(let pairs): for pair in pairs { apply(pair.value, at: pair.key, to: &dependency) }
        default: break
        }
        return
      }
      if rest.count > 1 { return }
      switch (field, value) {
      case ("version", .string(let s)): dependency.version = s
      case ("default-features", .bool(let b)), ("default_features", .bool(let b)): dependency.defaultFeatures = b
      case ("features", .array(let items)):
        dependency.features += items.compactMap { if case .string(let s) = $0 { s } else { nil } }
      case ("workspace", .bool(let b)): dependency.workspace = b
      case ("package", .string(let s)): dependency.package = s
      case ("path", .string(let s)): dependency.path = s
      default: break
      }
    }
  }

  // MARK: MSBuild / NuGet

  /// The `Wasmtime` package version an MSBuild file pins, `$(Property)` references resolved from
  /// `properties`. `referenced` is true when the file names the package at all (a central package
  /// management `<PackageReference Include="Wasmtime" />` has no version of its own).
  static func msbuildWasmtimeVersion(_ text: String, properties: [String: String])
    -> (referenced: Bool, version: WasmtimeVersion?)
  {
    let reference = msbuildWasmtimeReference(text)
    guard let raw = reference.raw else { return (reference.referenced, nil) }
    return (true, WasmtimeVersion(resolveProperties(raw, properties)))
  }

  /// The `Wasmtime` package's version as written (`22.0.0`, `$(WasmtimeVersion)`), preferring
  /// one that needs no property; `raw` is nil for a reference without a version (central
  /// package management) or when the file does not name the package.
  static func msbuildWasmtimeReference(_ text: String) -> (referenced: Bool, raw: String?) {
    let xml = stripXMLComments(text)
    var referenced = false
    var found: String?
    for element in xmlElements(xml) {
      let name = element.name.lowercased()
      guard name == "packagereference" || name == "packageversion" || name == "package" else { continue }
      let attributes = element.attributes
      let id = attributes["include"] ?? attributes["update"] ?? attributes["id"]
      guard let id, id.trimmingCharacters(in: .whitespaces).lowercased() == "wasmtime" else { continue }
      referenced = true
      let raw =
        attributes["versionoverride"] ?? attributes["version"]
        ?? element.childText("VersionOverride") ?? element.childText("Version")
      guard let raw else { continue }
      if WasmtimeVersion(raw) != nil { return (true, raw) }
      if found == nil { found = raw }
    }
    return (referenced, found)
  }

  /// Simple `<Name>value</Name>` properties (as in a `<PropertyGroup>`), later definitions winning.
  static func msbuildProperties(_ text: String) -> [String: String] {
    var result: [String: String] = [:]
    for element in xmlElements(stripXMLComments(text)) {
      guard let body = element.body, !body.contains("<") else { continue }
      result[element.name.lowercased()] = body.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    return result
  }

  static func resolveProperties(_ value: String, _ properties: [String: String]) -> String {
    var text = value
    for _ in 0..<8 {
      guard let start = text.range(of: "$("), let end = text[start.upperBound...].firstIndex(of: ")") else { break }
      let name = text[start.upperBound..<end].trimmingCharacters(in: .whitespaces).lowercased()
      guard let replacement = properties[name] else { break }
      text.replaceSubrange(start.lowerBound...end, with: replacement)
    }
    return text
  }

  private static func stripXMLComments(_ text: String) -> String {
    var result = ""
    var rest = Substring(text)
    while let open = rest.range(of: "<!--") {
      result += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].range(of: "-->") else { return result }
      rest = rest[close.upperBound...]
    }
    return result + rest
  }

  /// An XML start tag with its attributes (names lower-cased) and, when not self-closing, the text
  /// up to its matching end tag (first one; nesting of the same name is not expected here).
  struct MSBuildElement {
    var name: String
    var attributes: [String: String]
    var body: String?

    func childText(_ child: String) -> String? {
      guard let body else { return nil }
      for element in WasmtimeManifest.xmlElements(body) where element.name.lowercased() == child.lowercased() {
        if let text = element.body, !text.contains("<") { return text.trimmingCharacters(in: .whitespacesAndNewlines) }
      }
      return nil
    }
  }

  static func xmlElements(_ xml: String) -> [MSBuildElement] {
    let scalars = Array(xml.unicodeScalars)
    var elements: [MSBuildElement] = []
    var i = 0
    func isNameScalar(_ c: Unicode.Scalar) -> Bool {
      c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-" || c == "." || c == ":"
    }
    while i < scalars.count {
      guard scalars[i] == "<", i + 1 < scalars.count, scalars[i + 1].properties.isAlphabetic else {
        i += 1
        continue
      }
      var j = i + 1
      while j < scalars.count, isNameScalar(scalars[j]) { j += 1 }
      let name = String(String.UnicodeScalarView(scalars[(i + 1)..<j]))
      var attributes: [String: String] = [:]
      var selfClosing = false
      // Attributes up to `>` or `/>`.
      while j < scalars.count {
        let c = scalars[j]
        if c == ">" { j += 1; break }
        if c == "/", j + 1 < scalars.count, scalars[j + 1] == ">" { selfClosing = true; j += 2; break }
        if isNameScalar(c) {
          var k = j
          while k < scalars.count, isNameScalar(scalars[k]) { k += 1 }
          let attribute = String(String.UnicodeScalarView(scalars[j..<k])).lowercased()
          while k < scalars.count, scalars[k] == " " || scalars[k] == "\t" || scalars[k] == "\n" || scalars[k] == "\r" { k += 1 }
          if k < scalars.count, scalars[k] == "=" {
            k += 1
            while k < scalars.count, scalars[k] == " " || scalars[k] == "\t" || scalars[k] == "\n" || scalars[k] == "\r" { k += 1 }
            if k < scalars.count, scalars[k] == "\"" || scalars[k] == "'" {
              let quote = scalars[k]
              var e = k + 1
              while e < scalars.count, scalars[e] != quote { e += 1 }
              attributes[attribute] = decodeEntities(String(String.UnicodeScalarView(scalars[(k + 1)..<min(e, scalars.count)])))
              k = min(e + 1, scalars.count)
            }
          }
          j = k
        } else {
          j += 1
        }
      }
      var body: String?
      if !selfClosing {
        let closing = Array("</\(name)".unicodeScalars)
        var e = j
        search: while e + closing.count <= scalars.count {
          var matches = true
          for (offset, c) in closing.enumerated() where scalars[e + offset] != c {
            matches = false
            break
          }
          if matches { break search }
          e += 1
        }
        if e + closing.count <= scalars.count {
          body = decodeEntities(String(String.UnicodeScalarView(scalars[j..<e])))
        }
      }
      elements.append(MSBuildElement(name: name, attributes: attributes, body: body))
      i = j
    }
    return elements
  }

  private static func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }

  // MARK: wasmtime-version.txt, wasmtime.h

  /// The first non-empty line of a `wasmtime-version.txt` (dotnet/runtime pins `23.0.1` this way).
  static func versionFileVersion(_ text: String) -> WasmtimeVersion? {
    for line in text.split(whereSeparator: \.isNewline) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { continue }
      return WasmtimeVersion(trimmed)
    }
    return nil
  }

  /// Whether a C API build compiles in async (`WASMTIME_FEATURE_ASYNC`, the CMake option that
  /// gates `wasmtime/async.h` and the `async` feature of the library), from a generated
  /// `wasmtime/conf.h` (`#define WASMTIME_FEATURE_ASYNC` or cmake's `/* #undef ... */`) or a
  /// CMake file that sets the option (`set(WASMTIME_FEATURE_ASYNC OFF ...)`,
  /// `option(WASMTIME_FEATURE_ASYNC "..." OFF)`, `-DWASMTIME_FEATURE_ASYNC=OFF`, a preset's
  /// `"WASMTIME_FEATURE_ASYNC": "OFF"`); nil when it
  /// says nothing. The option defaults to ON.
  static func cAsyncFeature(_ text: String) -> Bool? {
    guard text.contains("WASMTIME_FEATURE_ASYNC") else { return nil }
    let range = NSRange(text.startIndex..., in: text)
    if let match = cFeatureDirective.firstMatch(in: text, range: range), let r = Range(match.range(at: 1), in: text) {
      return text[r] == "define"
    }
    guard let match = cmakeFeatureValue.firstMatch(in: text, range: range), let r = Range(match.range(at: 1), in: text) else { return nil }
    return ["ON", "TRUE", "1", "YES", "Y"].contains(text[r].uppercased())
  }

  private static let cFeatureDirective = try! NSRegularExpression(
    pattern: #"^\s*(?:/\*\s*)?#\s*(define|undef)\s+WASMTIME_FEATURE_ASYNC\b"#, options: [.anchorsMatchLines])
  private static let cmakeFeatureValue = try! NSRegularExpression(
    pattern: #"WASMTIME_FEATURE_ASYNC(?::BOOL)?(?:\s*=\s*|"\s*:\s*|\s+(?:"[^"]*"\s+)?)"?([A-Za-z0-9]+)"#)

  /// `#define WASMTIME_VERSION "25.0.0"` from a vendored C API header, or the
  /// `WASMTIME_VERSION_MAJOR/MINOR/PATCH` integer macros.
  static func headerVersion(_ text: String) -> WasmtimeVersion? {
    var parts: [String: Int] = [:]
    for line in text.split(whereSeparator: \.isNewline) {
      var rest = Substring(line.trimmingCharacters(in: .whitespaces))
      guard rest.first == "#" else { continue }
      rest = Substring(rest.dropFirst().trimmingCharacters(in: .whitespaces))
      guard rest.hasPrefix("define") else { continue }
      let words = rest.dropFirst("define".count).split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard words.count >= 2 else { continue }
      let value = String(words[1])
      switch words[0] {
      case "WASMTIME_VERSION":
        guard value.hasPrefix("\"") else { continue }
        if let version = WasmtimeVersion(String(value.dropFirst().prefix { $0 != "\"" })) { return version }
      case "WASMTIME_VERSION_MAJOR", "WASMTIME_VERSION_MINOR", "WASMTIME_VERSION_PATCH":
        if let n = Int(value) { parts[String(words[0])] = n }
      default: break
      }
    }
    guard let major = parts["WASMTIME_VERSION_MAJOR"] else { return nil }
    return WasmtimeVersion(major, parts["WASMTIME_VERSION_MINOR"] ?? 0, parts["WASMTIME_VERSION_PATCH"] ?? 0)
  }
}

// MARK: - A small TOML reader

/// A TOML value, as far as manifests need it: strings, booleans, arrays and inline tables;
/// numbers and dates are kept as their text.
indirect enum TOMLValue: Equatable, Sendable {
  case string(String)
  case bool(Bool)
  case other(String)
  case array([TOMLValue])
  /// An inline table; keys may be dotted (`{ a.b = 1 }` has key `["a", "b"]`).
  case table([TOMLPair])
}

struct TOMLPair: Equatable, Sendable {
  var key: [String]
  var value: TOMLValue
}

/// The key/value pairs of a TOML document with the table each belongs to. Lenient: a line it
/// cannot read is skipped, so one odd construct does not hide the rest of a manifest.
struct TOMLDocument: Sendable {
  struct Entry: Equatable, Sendable {
    /// The `[table]` or `[[array.table]]` header path (empty before the first header).
    var table: [String]
    /// Counts headers, so entries of different `[[package]]` blocks can be told apart.
    var tableOrdinal: Int
    var isArrayTable: Bool
    var key: [String]
    var value: TOMLValue
  }

  var entries: [Entry] = []
  /// Every `[table]` / `[[array.table]]` header path, in order (a table may have no entries).
  var tables: [[String]] = []

  init(parsing text: String) {
    var scanner = TOMLScanner(text)
    var table: [String] = []
    var ordinal = 0
    var isArrayTable = false
    while true {
      scanner.skipTrivia()
      guard let c = scanner.peek() else { break }
      let lineStart = scanner.index
      if c == "[" {
        let isArray = scanner.peek(1) == "["
        scanner.advance(isArray ? 2 : 1)
        if let path = scanner.keyPath(), scanner.expect("]"), !isArray || scanner.expect("]") {
          table = path
          tables.append(path)
          ordinal += 1
          isArrayTable = isArray
        } else {
          scanner.index = lineStart
        }
        scanner.skipLine()
        continue
      }
      if let key = scanner.keyPath(), scanner.expect("="), let value = scanner.value(), scanner.atLineEnd() {
        entries.append(Entry(table: table, tableOrdinal: ordinal, isArrayTable: isArrayTable, key: key, value: value))
      } else {
        scanner.index = lineStart
      }
      scanner.skipLine()
    }
  }
}

private struct TOMLScanner {
  let scalars: [Unicode.Scalar]
  var index = 0

  init(_ text: String) { scalars = Array(text.unicodeScalars) }

  func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    index + offset < scalars.count ? scalars[index + offset] : nil
  }

  mutating func advance(_ n: Int = 1) { index = min(index + n, scalars.count) }

  mutating func skipSpaces() {
    while let c = peek(), c == " " || c == "\t" { advance() }
  }

  /// Spaces, newlines and comments.
  mutating func skipTrivia() {
    while let c = peek() {
      if c == " " || c == "\t" || c == "\n" || c == "\r" {
        advance()
      } else if c == "#" {
        while let d = peek(), d != "\n" { _ = d; advance() }
      } else {
        return
      }
    }
  }

  /// Only spaces and maybe a comment remain on this line.
  mutating func atLineEnd() -> Bool {
    skipSpaces()
    guard let c = peek() else { return true }
    return c == "\n" || c == "\r" || c == "#"
  }

  /// To just past the next newline.
  mutating func skipLine() {
    while let c = peek() {
      advance()
      if c == "\n" { return }
    }
  }

  /// Skips spaces, then consumes `c` if it is next.
  mutating func expect(_ c: Unicode.Scalar) -> Bool {
    skipSpaces()
    guard peek() == c else { return false }
    advance()
    return true
  }

  /// `a.b."c d".'e'`
  mutating func keyPath() -> [String]? {
    var path: [String] = []
    while true {
      skipSpaces()
      guard let c = peek() else { return nil }
      if c == "\"" {
        advance()
        guard let s = basicString(multiline: false) else { return nil }
        path.append(s)
      } else if c == "'" {
        advance()
        guard let s = literalString(multiline: false) else { return nil }
        path.append(s)
      } else {
        let start = index
        while let d = peek(), d.properties.isAlphabetic || ("0"..."9").contains(d) || d == "_" || d == "-" { advance() }
        guard index > start else { return nil }
        path.append(String(String.UnicodeScalarView(scalars[start..<index])))
      }
      skipSpaces()
      if peek() == "." { advance() } else { return path }
    }
  }

  mutating func value() -> TOMLValue? {
    skipSpaces()
    guard let c = peek() else { return nil }
    switch c {
    case "\"":
      if peek(1) == "\"", peek(2) == "\"" {
        advance(3)
        return basicString(multiline: true).map(TOMLValue.string)
      }
      advance()
      return basicString(multiline: false).map(TOMLValue.string)
    case "'":
      if peek(1) == "'", peek(2) == "'" {
        advance(3)
        return literalString(multiline: true).map(TOMLValue.string)
      }
      advance()
      return literalString(multiline: false).map(TOMLValue.string)
    case "[":
      advance()
      var items: [TOMLValue] = []
      while true {
        skipTrivia()
        if peek() == "]" { advance(); return .array(items) }
        guard let item = value() else { return nil }
        items.append(item)
        skipTrivia()
        if peek() == "," { advance(); continue }
        if peek() == "]" { advance(); return .array(items) }
        return nil
      }
    case "{":
      advance()
      var pairs: [TOMLPair] = []
      while true {
        skipTrivia()  // TOML 1.1 allows newlines in inline tables; accept them.
        if peek() == "}" { advance(); return .table(pairs) }
        guard let key = keyPath(), expect("="), let item = value() else { return nil }
        pairs.append(TOMLPair(key: key, value: item))
        skipTrivia()
        if peek() == "," { advance(); continue }
        if peek() == "}" { advance(); return .table(pairs) }
        return nil
      }
    default:
      let start = index
      while let d = peek(), !(d == " " || d == "\t" || d == "\n" || d == "\r" || d == "," || d == "]" || d == "}" || d == "#") {
        advance()
      }
      guard index > start else { return nil }
      let token = String(String.UnicodeScalarView(scalars[start..<index]))
      switch token {
      case "true": return .bool(true)
      case "false": return .bool(false)
      default: return .other(token)
      }
    }
  }

  /// After the opening quote(s); nil when unterminated (single-line: at the end of the line).
  mutating func basicString(multiline: Bool) -> String? {
    var result = String.UnicodeScalarView()
    if multiline, peek() == "\n" { advance() } else if multiline, peek() == "\r", peek(1) == "\n" { advance(2) }
    while let c = peek() {
      if multiline {
        if c == "\"", peek(1) == "\"", peek(2) == "\"" {
          advance(3)
          return String(result)
        }
      } else if c == "\"" {
        advance()
        return String(result)
      } else if c == "\n" {
        return nil
      }
      if c == "\\" {
        advance()
        guard let e = peek() else { return nil }
        advance()
        switch e {
        case "n": result.append("\n")
        case "t": result.append("\t")
        case "r": result.append("\r")
        case "b": result.append("\u{8}")
        case "f": result.append("\u{C}")
        case "e": result.append("\u{1B}")
        case "u", "U":
          let length = e == "u" ? 4 : 8
          let digits = String(String.UnicodeScalarView(scalars[index..<min(index + length, scalars.count)]))
          if let code = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(code) {
            result.append(scalar)
            advance(length)
          }
        case "\n", " ", "\t", "\r":
          guard multiline else {
            result.append(e)
            break
          }
          // Line-ending backslash: trim the newline and following whitespace.
          while let w = peek(), w == " " || w == "\t" || w == "\n" || w == "\r" { advance() }
        default: result.append(e)
        }
        continue
      }
      result.append(c)
      advance()
    }
    return nil
  }

  mutating func literalString(multiline: Bool) -> String? {
    var result = String.UnicodeScalarView()
    if multiline, peek() == "\n" { advance() } else if multiline, peek() == "\r", peek(1) == "\n" { advance(2) }
    while let c = peek() {
      if multiline {
        if c == "'", peek(1) == "'", peek(2) == "'" {
          advance(3)
          return String(result)
        }
      } else if c == "'" {
        advance()
        return String(result)
      } else if c == "\n" {
        return nil
      }
      result.append(c)
      advance()
    }
    return nil
  }
}
