use wasmtime::{Config, Engine, Result};

pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(6 << 20);
    config.async_stack_size(6656 << 10);
    Engine::new(&config)
}
