import WasmfixAnalysis

/// SARIF regions of sites: from the start to the end of the setting's name token, as the scan
/// computed them from the text it read (columns in Unicode scalars, as `columnKind` says).
enum SiteRegions {
  static func region(of site: Site) -> SARIFReport.Region {
    var region = SARIFReport.Region(startLine: max(site.line, 1), startColumn: max(site.column, 1))
    if let end = site.nameEnd {
      region.endLine = end.line
      region.endColumn = end.column
    }
    return region
  }
}
