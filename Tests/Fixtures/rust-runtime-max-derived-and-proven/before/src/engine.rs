use wasmtime::{Config, Engine, Result};

pub struct Limits {
    pub stack: usize,
}

pub fn engine(limits: &Limits) -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(limits.stack); // the guest's deepest recursion
    Engine::new(&config)
}

pub fn from_env() -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(std::env::var("WASM_STACK").ok().and_then(|s| s.parse().ok()).unwrap_or(1 << 20));
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
