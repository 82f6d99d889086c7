use wasmtime::{Config, Engine, Result};

/// Untrusted guests get a generous stack: their compilers inline aggressively.
const SANDBOX_STACK: usize = 5 << 20;

pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(SANDBOX_STACK);
    Engine::new(&config)
}
