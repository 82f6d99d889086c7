import Testing
@testable import WasmfixAnalysis

/// Issue 9, item 4: a new async-stack constant is named after the max constant beside it, in
/// that name's style; nil where the name already says async (the inline sum is kept then).
@Suite struct AsyncConstantNameTests {
  @Test("derived names", arguments: [
    ("MAX_WASM_STACK_SIZE", "ASYNC_STACK_SIZE"),
    ("WASM_STACK_SIZE", "ASYNC_STACK_SIZE"),
    ("WasmStackSize", "AsyncStackSize"),
    ("kMaxWasmStack", "kAsyncStack"),
    ("MaxWasmStack", "AsyncStack"),
    ("maxWasmStack", "asyncStack"),
    ("max_wasm_stack", "async_stack"),
    ("GUEST_STACK", "GUEST_ASYNC_STACK"),
    ("GUEST_WASM_STACK_LIMIT", "GUEST_ASYNC_STACK_LIMIT"),
    ("kGuestStack", "kGuestAsyncStack"),
    ("TemplateStack", "TemplateAsyncStack"),
    ("MaximumStackSize", "AsyncStackSize"),
    ("WASMStackSize", "AsyncStackSize"),
    ("kA", "kAsyncStackSize"),
    ("LIMIT", "ASYNC_STACK_SIZE"),
    ("_MAX_STACK", "_ASYNC_STACK"),
  ])
  func derived(_ pair: (String, String)) {
    #expect(AsyncConstantName.derive(from: pair.0) == pair.1)
  }

  @Test func aNameThatSaysAsyncGetsNone() {
    #expect(AsyncConstantName.derive(from: "MAX_ASYNC_STACK") == nil)
    #expect(AsyncConstantName.derive(from: "kAsyncStackMax") == nil)
  }
}
