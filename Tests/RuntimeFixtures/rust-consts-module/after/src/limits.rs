//! Resource limits for sandboxed guests.

/// Deepest wasm call stack a guest may use.
pub const MAX_WASM_STACK: usize = 8 << 20;

// Wasmtime requires max_wasm_stack <= async_stack_size.
// Keep these values aligned when upgrading runtime dependencies.
/// Native stack for each async fiber.
pub const ASYNC_STACK: usize = 8704 << 10;
const _: () = assert!(MAX_WASM_STACK <= ASYNC_STACK, "max_wasm_stack must be less than or equal to async_stack_size");

pub const MAX_FUEL: u64 = 1_000_000;
