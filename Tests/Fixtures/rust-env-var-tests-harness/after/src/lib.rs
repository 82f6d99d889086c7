//! Runs WASI test programs; the stack settings live in the test harness.
pub fn guest_path(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("guests").join(name)
}
