// No stack settings here, yet a stale suppression: wasmfix: ignore
pub fn helper() {}
