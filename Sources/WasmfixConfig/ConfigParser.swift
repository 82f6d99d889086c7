import Foundation
import TOMLKit
import WasmfixSupport

/// Reads a config file's text into a `ProjectConfig`, rejecting unknown keys, wrong types and
/// bad values with the file and line. TOMLKit parses (and reports syntax errors with a
/// position); it keeps no positions for keys, so `KeyLines` finds them in the text.
public enum ConfigParser {
  public static func parse(_ text: String, path: String, displayPath: String) throws -> ProjectConfig {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw ConfigError(path: displayPath, line: error.source.begin.line, message: "invalid TOML: \(error.description)")
    }
    var config = ProjectConfig(path: path, displayPath: displayPath)
    config.lines = KeyLines.find(in: text)
    func fail(_ key: String, _ message: String) -> ConfigError {
      ConfigError(path: displayPath, line: config.line(of: key), message: message)
    }
    func string(_ key: String, _ value: TOMLValueConvertible, allowed: [String]? = nil) throws -> String {
      guard let text = value.string else { throw fail(key, "'\(key)' must be a string, not \(value.type)") }
      if let allowed, !allowed.contains(text) {
        throw fail(key, "'\(key)' must be one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", ")), not \"\(text)\"")
      }
      return text
    }
    func bool(_ key: String, _ value: TOMLValueConvertible) throws -> Bool {
      guard let flag = value.bool else { throw fail(key, "'\(key)' must be true or false, not \(value.type)") }
      return flag
    }
    func strings(_ key: String, _ value: TOMLValueConvertible) throws -> [String] {
      guard let array = value.array else { throw fail(key, "'\(key)' must be an array of strings, not \(value.type)") }
      return try array.map { element in
        guard let text = element.string else { throw fail(key, "'\(key)' must be an array of strings; found \(element.type)") }
        return text
      }
    }
    func subtable(_ key: String, _ value: TOMLValueConvertible) throws -> TOMLTable {
      guard let table = value.table else { throw fail(key, "'\(key)' must be a table, not \(value.type)") }
      return table
    }

    // Keys in file order, so the first bad key is the one reported.
    for key in table.keys.sorted(by: { config.line(of: $0) < config.line(of: $1) }) {
      guard let value = table[key] else { continue }
      switch key {
      case "strategy": config.strategy = FixStrategy(rawValue: try string(key, value, allowed: FixStrategy.allCases.map(\.rawValue)))
      case "headroom":
        if let bytes = value.int {
          guard bytes >= 0 else { throw fail(key, "'headroom' must not be negative") }
          config.headroom = bytes
        } else if let text = value.string {
          guard let bytes = SizeText.parse(text) else { throw fail(key, "'headroom': \"\(text)\" is not a size (e.g. 524288, \"512K\")") }
          config.headroom = bytes
        } else {
          throw fail(key, "'headroom' must be an integer or a size string like \"512K\", not \(value.type)")
        }
      case "include", "exclude":
        let patterns = try strings(key, value)
        for pattern in patterns {
          if let problem = GlobPatternCheck.problem(pattern) { throw fail(key, "'\(key)' pattern \"\(pattern)\": \(problem)") }
        }
        if key == "include" { config.include = patterns } else { config.exclude = patterns }
      case "wasmtime-version":
        let text = try string(key, value)
        guard let version = WasmtimeVersion(text) else { throw fail(key, "'wasmtime-version': \"\(text)\" is not a version like 25.0.0") }
        config.wasmtimeVersion = version
      case "harden": config.harden = try bool(key, value)
      case "select": config.select = try strings(key, value)
      case "ignore": config.ignore = try strings(key, value)
      case "unsafe-fixes": config.unsafeFixes = try bool(key, value)
      case "fail-on": config.failOn = try string(key, value, allowed: ["error", "warning", "note"])
      case "severity":
        let levels = try subtable(key, value)
        for code in levels.keys {
          guard let entry = levels[code] else { continue }
          let name = try string("severity.\(code)", entry, allowed: RuleLevel.allCases.map(\.rawValue))
          config.severity[code] = RuleLevel(rawValue: name)
        }
      case "setters":
        let setters = try subtable(key, value)
        for name in setters.keys {
          guard let entry = setters[name] else { continue }
          let lineKey = "setters.\(name)"
          guard SetterName.isValid(name) else {
            throw fail(lineKey, "setter '\(name)' is not a function or method name (letters, digits and _, at least 2 characters)")
          }
          config.setters[name] = try string(lineKey, entry, allowed: ["max_wasm_stack", "async_stack_size", "async_support"])
        }
      default:
        throw fail(key, "unknown key '\(key)' (known: \(ProjectConfig.knownKeys.sorted().joined(separator: ", ")))")
      }
    }
    return config
  }
}

/// A `[setters]` key must be a plain identifier: it is searched for as bytes and matched
/// against the name token of a call.
enum SetterName {
  static func isValid(_ name: String) -> Bool {
    guard name.utf8.count >= 2, let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
    return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
  }
}

/// Sizes as the contract spells them: integers, `_` separators, K/KiB/M/MiB (binary).
public enum SizeText {
  public static func parse(_ text: String) -> Int? {
    var digits = text.filter { $0 != "_" }
    var multiplier = 1
    for (suffix, factor) in [("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("K", 1 << 10), ("M", 1 << 20), ("G", 1 << 30)]
    where digits.hasSuffix(suffix) {
      digits.removeLast(suffix.count)
      multiplier = factor
      break
    }
    guard let value = Int(digits), value >= 0 else { return nil }
    let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
    return overflow ? nil : product
  }
}

/// Where each key of a TOML file is written: `key` at the top level, `table.key` inside a
/// `[table]` (or written dotted at the top level). Only the first occurrence counts; lines
/// inside multi-line strings are not special-cased (config files do not need them).
enum KeyLines {
  static func find(in text: String) -> [String: Int] {
    var lines: [String: Int] = [:]
    var table = ""
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces.union(["\r"]))
      if line.hasPrefix("["), !line.hasPrefix("[["), let close = line.firstIndex(of: "]") {
        table = unquoted(String(line[line.index(after: line.startIndex)..<close]))
        if lines[table] == nil { lines[table] = index + 1 }
        continue
      }
      guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
      let key = unquoted(String(line[..<equals]))
      guard !key.isEmpty, !key.contains("\"") || key.hasPrefix("\"") else { continue }
      let full = table.isEmpty ? key : "\(table).\(key)"
      if lines[full] == nil { lines[full] = index + 1 }
      // `severity.WF005 = "off"` at the top level also names the table.
      if let dot = full.firstIndex(of: "."), lines[String(full[..<dot])] == nil { lines[String(full[..<dot])] = index + 1 }
    }
    return lines
  }

  /// `"WF005"` -> `WF005`, `a . b` -> `a.b`.
  private static func unquoted(_ key: String) -> String {
    key.split(separator: ".").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["\"", "'"]) }.joined(separator: ".")
  }
}
