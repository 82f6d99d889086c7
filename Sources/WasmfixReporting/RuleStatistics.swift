import WasmfixAnalysis
import Foundation

/// `--statistics`, like `ruff --statistics`: per rule with findings, how many there are and how
/// many of them wasmfix can fix. Suppressed findings are not counted (they do not count for the
/// exit code either), nor, after `--write`, fixed ones: the counts are what remains.
public enum RuleStatistics {
  public struct Row: Codable, Equatable {
    public var code: String, name: String, count: Int, fixable: Int
  }

  /// Rows in rule order, most frequent first when counts differ (as ruff sorts them).
  public static func rows(_ result: ScanResult) -> [Row] {
    let counted = result.findings.filter { !$0.suppressed && !$0.fixed }
    let order = Dictionary(uniqueKeysWithValues: Rules.all.enumerated().map { ($1.id.code, $0) })
    return Dictionary(grouping: counted, by: \.rule).map { rule, findings in
      Row(code: rule.code, name: rule.name, count: findings.count, fixable: findings.filter(\.fixable).count)
    }.sorted { ($1.count, order[$0.code] ?? 0) < ($0.count, order[$1.code] ?? 0) }
  }

  /// `count  code  name  (N fixable)` aligned in columns, one rule a line.
  public static func text(_ result: ScanResult) -> String {
    let rows = rows(result)
    let countWidth = rows.map { String($0.count).count }.max() ?? 1
    let nameWidth = rows.map(\.name.count).max() ?? 0
    return rows.map { row in
      let count = String(repeating: " ", count: countWidth - String(row.count).count) + String(row.count)
      let name = row.name + String(repeating: " ", count: nameWidth - row.name.count)
      return "\(count)  \(row.code)  \(name)  \(row.fixable) fixable\n"
    }.joined()
  }

  /// A JSON array of `{code, name, count, fixable}`.
  public static func json(_ result: ScanResult) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(rows(result))) ?? Data("[]".utf8), as: UTF8.self) + "\n"
  }
}
