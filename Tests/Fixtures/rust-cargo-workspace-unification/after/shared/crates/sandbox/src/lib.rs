use wasmtime::{Config, Engine, Result};

pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(6 << 20);
    Engine::new(&config)
}
