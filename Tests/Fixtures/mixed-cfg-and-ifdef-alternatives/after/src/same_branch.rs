use wasmtime::{Config, Engine, Result};

// Both calls are in one branch: the second overrides the first, as anywhere (no finding).
pub fn tuned(fast: bool) -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    if fast {
        config.max_wasm_stack(8 << 20);
        config.max_wasm_stack(1 << 20);
        config.async_stack_size(2 << 20);
    }
    Engine::new(&config)
}
