//! Run by the CI job `smoke` with `cargo run --bin smoke`.
use wasmtime::{Config, Engine};

fn main() {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(16 * 1024 * 1024);
    config.async_stack_size(16896 * 1024);
    Engine::new(&config).expect("engine");
}
