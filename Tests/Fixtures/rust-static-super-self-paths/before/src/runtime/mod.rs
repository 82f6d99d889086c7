pub mod engine;

/// Stack budget for guests, shared by every engine the runtime creates.
pub static GUEST_STACK: usize = 12 * ONE_MIB;
pub const ONE_MIB: usize = 1 << 20;
