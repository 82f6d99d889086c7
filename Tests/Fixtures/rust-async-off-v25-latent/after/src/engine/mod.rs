use anyhow::{anyhow, Result};
use wasmtime::{Config, Engine, OptLevel};

/// Deterministic, synchronous engine for actor code.
pub fn default_engine() -> Result<Engine> {
    let mut c = Config::default();
    c.cranelift_opt_level(OptLevel::None);
    c.wasm_threads(false);
    c.consume_fuel(true);
    // Actors written in Go recurse deeply; give them 4 MiB.
    c.max_wasm_stack(4 << 20);
    Engine::new(&c).map_err(|e| anyhow!("failed to create engine: {e}"))
}
