//! The runtime crate itself (its code is not part of this fixture).
