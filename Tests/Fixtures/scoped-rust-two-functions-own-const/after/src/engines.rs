use wasmtime::{Config, Engine, Result};

/// Small guests: 1 MiB of wasm stack inside a 2 MiB fiber.
pub fn small_engine() -> Result<Engine> {
    const STACK: usize = 1 << 20;
    const ASYNC_STACK: usize = 2 << 20;
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(STACK);
    config.async_stack_size(ASYNC_STACK);
    Engine::new(&config)
}

/// Big guests: 8 MiB of wasm stack, but the fiber is only 4 MiB.
pub fn big_engine() -> Result<Engine> {
    const STACK: usize = 8 << 20;
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    const ASYNC_STACK: usize = STACK + 512 * 1024;
    const _: () = assert!(STACK <= ASYNC_STACK, "max_wasm_stack must be less than or equal to async_stack_size");
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(STACK);
    config.async_stack_size(ASYNC_STACK);
    Engine::new(&config)
}
