use wasmtime::{Config, Engine, Result};

const STACK: usize = 1 << 20;
const ASYNC_STACK: usize = 2 << 20;

/// Uses the module's STACK (1 MiB): fine.
pub fn default_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(STACK);
    config.async_stack_size(ASYNC_STACK);
    Engine::new(&config)
}

/// Its own STACK (8 MiB) shadows the module's: above the 2 MiB fiber.
pub fn deep_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(STACK);
    config.async_stack_size(ASYNC_STACK);
    const STACK: usize = 8 << 20;
    Engine::new(&config)
}
