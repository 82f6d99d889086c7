use wasmtime::{Config, Engine, Result};

pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    #[cfg(debug_assertions)]
    config.max_wasm_stack(8 << 20);
    config.async_stack_size(8704 << 10);
    #[cfg(not(debug_assertions))]
    config.max_wasm_stack(1 << 20);
    Engine::new(&config)
}
