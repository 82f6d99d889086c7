use anyhow::Result;
use wasmtime::{Config, Engine};

/// Builds the engine for guests that recurse deeply (a parser compiled to wasm).
pub fn build_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    // The guest's recursive descent parser needs a deep stack.
    config.max_wasm_stack(8 * 1024 * 1024);
    Engine::new(&config)
}
