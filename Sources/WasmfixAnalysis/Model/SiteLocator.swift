/// The site a finding points at, by its location, in constant time. Findings name their
/// site by path, line and column; scanning the site list for each finding made a file with
/// 5,000 configurations quadratic (issue 10, item 3).
package struct SiteLocator {
  private struct Location: Hashable {
    let path: String
    let line: Int
    let column: Int
  }
  private var first: [Location: Int] = [:]

  package init(_ sites: [Site]) {
    first.reserveCapacity(sites.count)
    for (index, site) in sites.enumerated() {
      let location = Location(path: site.path, line: site.line, column: site.column)
      if first[location] == nil { first[location] = index }
    }
  }

  /// The index of the first site at this location, as `sites.firstIndex` would find it.
  package func index(path: String, line: Int, column: Int) -> Int? {
    first[Location(path: path, line: line, column: column)]
  }

  package func index(of finding: Finding) -> Int? { index(path: finding.path, line: finding.line, column: finding.column) }
}
