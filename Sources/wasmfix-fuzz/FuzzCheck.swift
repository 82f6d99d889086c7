import WasmfixCore
import Foundation

/// What must hold for any input, beyond "does not crash" (a trap, an ASan report): each broken
/// promise stops the fuzzer with the input that broke it, as a crash does.
enum FuzzCheck {
  static func run(_ input: FuzzInput) {
    let scan = MemoryScan(path: input.absolutePath, bytes: input.bytes, version: input.version)
    // The JSON report is valid JSON (`--format json`).
    let json = JSONReport(scan.fixes.result, fixes: scan.fixes.fixes).rendered()
    guard (try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil else {
      fatalError("the JSON report does not parse:\n\(json)")
    }
    // A fix edits only the file scanned, and `--diff` shows it.
    for change in scan.fixes.changes {
      precondition(change.absolutePath == input.absolutePath, "a fix edits \(change.absolutePath), which was not scanned")
      precondition(change.original == input.bytes, "a fix starts from other bytes than the file's")
      precondition(change.edited != change.original && !change.diff.isEmpty, "a change changes nothing")
    }
    // Fixing is idempotent: the fixed text has nothing more to fix (`--write` twice).
    guard let change = scan.fixes.changes.first else { return }
    let again = MemoryScan(path: input.absolutePath, bytes: change.edited, version: input.version)
    if let second = again.fixes.changes.first {
      fatalError("a second fix changes the fixed file again:\n\(second.diff)")
    }
  }
}
