//! Resource limits for plugin guests.

pub const MIB: usize = 1024 * 1024;

/// CPython compiled to wasm recurses deeply when importing large modules.
pub const MAX: usize = 16 * MIB;

/// Stack for the fibers that run async host calls.
pub const ASYNC_STACK: usize = 4 * MIB;
