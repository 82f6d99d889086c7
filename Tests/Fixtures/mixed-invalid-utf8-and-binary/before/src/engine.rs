use wasmtime::{Config, Engine};

pub fn engine() -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(8 << 20);
    Engine::new(&config)
}
