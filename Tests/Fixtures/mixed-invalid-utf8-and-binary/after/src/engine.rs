use wasmtime::{Config, Engine};

pub fn engine() -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(8 << 20);
    config.async_stack_size(8704 << 10);
    Engine::new(&config)
}
