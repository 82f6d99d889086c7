use wasmtime::{Config, Engine, Result};

pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    #[cfg(debug_assertions)]
    config.max_wasm_stack(8 << 20);
    #[cfg(not(debug_assertions))]
    config.max_wasm_stack(1 << 20);
    Engine::new(&config)
}
