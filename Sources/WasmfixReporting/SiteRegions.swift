import WasmfixAnalysis

/// SARIF regions of sites: from the start to the end of the setting's name token, computed
/// from the text the scan read (columns in Unicode scalars, as `columnKind` says).
struct SiteRegions {
  private var sources: [String: SourceText] = [:]

  init(_ result: ScanResult) {
    for (file, scanned) in result.sitedScans {
      if case let .scanned(scan) = scanned.outcome { sources[file.relativePath] = scan.source }
    }
  }

  func region(of site: Site) -> SARIFReport.Region {
    var region = SARIFReport.Region(startLine: max(site.line, 1), startColumn: max(site.column, 1))
    if let source = sources[site.path], site.nameRange.upperBound <= source.bytes.count {
      let end = source.position(of: site.nameRange.upperBound)
      region.endLine = end.line
      region.endColumn = end.column
    }
    return region
  }
}
