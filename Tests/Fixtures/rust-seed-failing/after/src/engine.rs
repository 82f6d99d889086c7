use anyhow::Result;
use wasmtime::{Config, Engine};

/// Builds the engine for guests that recurse deeply (a parser compiled to wasm).
pub fn build_engine() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    // The guest's recursive descent parser needs a deep stack.
    config.max_wasm_stack(8 * 1024 * 1024);
    config.async_stack_size(8704 * 1024);
    Engine::new(&config)
}
