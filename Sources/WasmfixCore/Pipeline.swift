import WasmfixFixing
import WasmfixReporting
/// The pipeline on top of the stages: scan (walk → prefilter → sites → evaluate → group →
/// rules), then fix, whose verification scans again through the same scanner with the edited
/// bytes laid over the files. The overlay exists only here and in the re-scan it feeds.
extension Fixer {
  /// A fixer whose verification re-scans with `Scanner.rescan`, reusing the scan's walk,
  /// constant index and untouched files.
  public init(result: ScanResult, options: FixOptions) {
    self.init(result: result, options: options, rescan: { overlay in
      var scanner = Scanner(options: result.options)
      // Standard input's text (set up by the scanner) stays under the edits laid over it.
      scanner.overlay.merge(overlay) { _, edited in edited }
      return scanner.rescan(result)
    })
  }
}
