//! Run by the CI job `smoke` with `cargo run --bin smoke`.
use wasmtime::{Config, Engine};

fn main() {
    let mut config = Config::new();
    config.max_wasm_stack(16 * 1024 * 1024);
    config.async_stack_size(8 * 1024 * 1024);
    Engine::new(&config).expect("engine");
}
