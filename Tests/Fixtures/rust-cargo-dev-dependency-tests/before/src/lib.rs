use wasmtime::{Config, Engine, Result};

/// The host's engine: guests recurse deeply, and run synchronously.
pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(4 << 20);
    Engine::new(&config)
}
