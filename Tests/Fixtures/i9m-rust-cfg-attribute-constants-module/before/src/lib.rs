use wasmtime::{Config, Engine, Result};

mod limits;

pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(crate::limits::GUEST_STACK);
    config.async_stack_size(2 << 20);
    Engine::new(&config)
}
