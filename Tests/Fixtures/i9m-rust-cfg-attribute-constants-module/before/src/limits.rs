//! Stack sizes per build.

#[cfg(feature = "deep-recursion")]
pub const GUEST_STACK: usize = 4 << 20;
#[cfg(not(feature = "deep-recursion"))]
pub const GUEST_STACK: usize = 1 << 20;
