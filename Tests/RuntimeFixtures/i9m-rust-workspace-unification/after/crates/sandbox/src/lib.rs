use wasmtime::{Config, Engine, Result};

// Wasmtime requires max_wasm_stack <= async_stack_size.
// Keep these values aligned when upgrading runtime dependencies.
/// Untrusted guests get a generous stack: their compilers inline aggressively.
const SANDBOX_STACK: usize = 1536 << 10;

pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(SANDBOX_STACK);
    Engine::new(&config)
}
