use wasmtime::{Config, Engine, Result};

/// Untrusted guests get a generous stack: their compilers inline aggressively.
const SANDBOX_STACK: usize = 5 << 20;

pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(SANDBOX_STACK);
    config.async_stack_size(SANDBOX_STACK + 512 * 1024);
    Engine::new(&config)
}
