use wasmtime::{Config, Engine, Result};

const STACK: usize = 1 << 20;
// Wasmtime requires max_wasm_stack <= async_stack_size.
// Keep these values aligned when upgrading runtime dependencies.
const ASYNC_STACK: usize = 8704 << 10;

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
    const _: () = assert!(STACK <= ASYNC_STACK, "max_wasm_stack must be less than or equal to async_stack_size");
    Engine::new(&config)
}
