/// One kibibyte.
pub const KIB: usize = 1 << 10;
/// Guard region left to host functions called from wasm.
pub const HOST_STACK_HEADROOM: usize = 512 * KIB;
/// The deepest stack a canister may use.
pub const MAX_WASM_STACK_SIZE: usize = 5 * 1024 * KIB;
/// Fiber stacks must hold the wasm stack plus the host's headroom.
pub const ASYNC_STACK_SIZE: usize = MAX_WASM_STACK_SIZE + HOST_STACK_HEADROOM;
