import WasmfixAnalysis
/// The `--format github` report: one GitHub Actions workflow command per finding, so each shows
/// as an annotation on the pull request, then a plain summary line for the log.
///
///     ::error file=src/engine.rs,line=12,col=5,title=WF001 stack-exceeds-async::max_wasm_stack 8 MiB exceeds ...
///
/// Paths are relative to the current directory (the caller maps them); GitHub resolves them
/// against the repository root, so annotations land on the right file when wasmfix runs from
/// the repository root. A suppressed finding is no annotation: silencing it is the point.
public enum GitHubReport {
  public static func render(_ result: ScanResult) -> String {
    var out = ""
    for finding in result.findings where !finding.suppressed {
      let status = finding.fixed
        ? " [fixed\(finding.fixDescription.map { ": \($0)" } ?? "")]"
        : (finding.unfixedReason.map { " [not fixed: \($0)]" } ?? "")
      let properties = [
        "file=\(escapeProperty(finding.path))",
        "line=\(finding.line)",
        "col=\(finding.column)",
        "title=\(escapeProperty("\(finding.rule.code) \(finding.rule.name)"))",
      ].joined(separator: ",")
      out += "::\(command(finding.severity)) \(properties)::\(escapeData(finding.message + status))\n"
    }
    out += summaryLine(result) + "\n"
    return out
  }

  static func command(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .note: "notice"
    }
  }

  /// The text report's summary line (counts, files, Wasmtime version), so both formats agree.
  static func summaryLine(_ result: ScanResult) -> String {
    let text = TextReport.render(result, options: .init(quiet: true))
    let line = text.split(separator: "\n").last.map(String.init) ?? ""
    // A log line starting with `::` would be read as a command; the summary never does, but be sure.
    return line.hasPrefix("::") ? " " + line : line
  }

  /// A command's message, as `@actions/core` escapes it: `%`, CR and LF.
  public static func escapeData(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A property value (`file=`, `title=`): the message escapes plus `:` and `,`, which end values.
  public static func escapeProperty(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      case ":": out += "%3A"
      case ",": out += "%2C"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
