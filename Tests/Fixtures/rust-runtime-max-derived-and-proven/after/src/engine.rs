use wasmtime::{Config, Engine, Result};

pub struct Limits {
    pub stack: usize,
}

pub fn engine(limits: &Limits) -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(limits.stack); // the guest's deepest recursion
    config.async_stack_size(limits.stack.saturating_add(512 * 1024));
    Engine::new(&config)
}

pub fn from_env() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    let max_wasm_stack: usize = std::env::var("WASM_STACK").ok().and_then(|s| s.parse().ok()).unwrap_or(1 << 20);
    config.max_wasm_stack(max_wasm_stack);
    config.async_stack_size(max_wasm_stack.saturating_add(512 * 1024));
    Engine::new(&config)
}

pub fn proven(size: usize) -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(size / 2);
    config.async_stack_size(size);
    Engine::new(&config)
}

pub fn offset(x: usize) -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(x);
    config.async_stack_size(x + (1 << 20));
    Engine::new(&config)
}
