use wasmtime::{Config, Engine, Result};

// Both calls are in one branch: the second overrides the first, as anywhere (no finding).
pub fn tuned(fast: bool) -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    if fast {
        config.max_wasm_stack(8 << 20);
        config.max_wasm_stack(1 << 20);
    }
    Engine::new(&config)
}
