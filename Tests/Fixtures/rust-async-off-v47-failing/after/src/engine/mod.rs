use anyhow::{anyhow, Result};
use wasmtime::{Config, Engine, OptLevel};

/// Deterministic, synchronous engine for actor code.
pub fn default_engine() -> Result<Engine> {
    let mut c = Config::default();
    c.cranelift_opt_level(OptLevel::None);
    c.wasm_threads(false);
    c.consume_fuel(true);
    // Actors written in Go recurse deeply; give them 4 MiB.
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    c.max_wasm_stack(4 << 20);
    c.async_stack_size(4608 << 10);
    Engine::new(&c).map_err(|e| anyhow!("failed to create engine: {e}"))
}
