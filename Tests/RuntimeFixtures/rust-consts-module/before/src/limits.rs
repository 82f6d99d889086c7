//! Resource limits for sandboxed guests.

/// Deepest wasm call stack a guest may use.
pub const MAX_WASM_STACK: usize = 8 << 20;

/// Native stack for each async fiber.
pub const ASYNC_STACK: usize = 4 << 20;

pub const MAX_FUEL: u64 = 1_000_000;
