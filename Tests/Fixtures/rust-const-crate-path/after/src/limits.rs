//! Resource limits for plugin guests.

pub const MIB: usize = 1024 * 1024;

/// CPython compiled to wasm recurses deeply when importing large modules.
pub const MAX: usize = 16 * MIB;

// Wasmtime requires max_wasm_stack <= async_stack_size.
// Keep these values aligned when upgrading runtime dependencies.
/// Stack for the fibers that run async host calls.
pub const ASYNC_STACK: usize = 16896 * 1024;
const _: () = assert!(MAX <= ASYNC_STACK, "max_wasm_stack must be less than or equal to async_stack_size");
