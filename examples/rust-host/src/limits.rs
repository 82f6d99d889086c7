//! Stack limits shared by the host's engines.

pub const MIB: usize = 1 << 20;

/// Stack left to host functions called from wasm.
pub const HOST_HEADROOM: usize = 512 * 1024;

/// Deepest stack a guest may use on the precompiling engine.
pub const COMPILE_WASM_STACK: usize = 2 * MIB;

/// Fiber stacks hold the wasm stack plus the host's headroom.
pub const COMPILE_ASYNC_STACK: usize = COMPILE_WASM_STACK + HOST_HEADROOM;
