use wasmtime::{Config, Engine, Result};

/// No async feature: Wasmtime 25 never compares the two, so no assertion may go in.
pub fn engine(stack: usize) -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(stack);
    Engine::new(&config)
}
