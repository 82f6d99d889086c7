use wasmtime::{Config, Engine};

pub fn sandbox_engine() -> anyhow::Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(6 << 20);
    config.async_stack_size(6656 << 10);
    config.wasm_gc(true);
    Ok(Engine::new(&config)?)
}
