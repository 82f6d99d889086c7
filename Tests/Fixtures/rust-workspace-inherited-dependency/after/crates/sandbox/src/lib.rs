use wasmtime::{Config, Engine};

pub fn sandbox_engine() -> anyhow::Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(6 << 20);
    config.wasm_gc(true);
    Ok(Engine::new(&config)?)
}
