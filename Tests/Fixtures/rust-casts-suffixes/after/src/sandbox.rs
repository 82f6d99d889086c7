use wasmtime::{Config, Engine, Result};

const STACK_SHIFT: u32 = 20;

pub fn sandbox_engine() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    config.max_wasm_stack((6u64 << STACK_SHIFT) as usize);
    config.async_stack_size(6656 << 10);
    Engine::new(&config)
}

pub fn unbounded_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(usize::MAX);
    config.async_stack_size(usize::MAX);
    Engine::new(&config)
}

pub fn tiny_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(1_048_576u32 as usize);
    config.async_stack_size((1_048_576usize).saturating_add(512 * 1024));
    Engine::new(&config)
}
