import Foundation
import Testing

/// Issue 9, item 2: a warning-level mismatch (WF005: Wasmtime does not check the pair today)
/// never lowers max_wasm_stack, not even with `--strategy lower-max`, which is about errors:
/// the guest would lose stack it runs with now for a check that does not run.
@Suite struct WarningNeverLowersTests {
  static let program = """
    using Wasmtime;

    public static class Host
    {
        public static Engine Make() => new Engine(new Config().WithMaximumStackSize(6 * 1024 * 1024));
    }

    """
  static let project = """
    <Project Sdk="Microsoft.NET.Sdk">
      <ItemGroup><PackageReference Include="Wasmtime" Version="22.0.0" /></ItemGroup>
    </Project>

    """

  @Test(arguments: [[], ["--strategy", "lower-max"], ["--strategy", "lower-max", "--unsafe-fixes"]])
  func theWarningIsReportedAndNothingIsLowered(flags: [String]) throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmfix-warn-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try Data(Self.program.utf8).write(to: root.appendingPathComponent("Host.cs"))
    try Data(Self.project.utf8).write(to: root.appendingPathComponent("Host.csproj"))
    let write = try WasmfixBinary.run(["scan", ".", "--write", "--format", "json"] + flags, in: root)
    #expect(write.status == 0, "\(write.stderr)")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(write.stdout.utf8)) as? [String: Any])
    let findings = try #require(report["findings"] as? [[String: Any]])
    let latent = try #require(findings.first { $0["rule"] as? String == "WF005" }, "\(write.stdout)")
    #expect(latent["fixed"] as? Bool == false)
    #expect(try String(contentsOf: root.appendingPathComponent("Host.cs"), encoding: .utf8) == Self.program)
  }
}
