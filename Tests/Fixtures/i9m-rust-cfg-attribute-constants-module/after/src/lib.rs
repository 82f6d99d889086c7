use wasmtime::{Config, Engine, Result};

mod limits;

pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    config.max_wasm_stack(crate::limits::GUEST_STACK);
    config.async_stack_size(4608 << 10);
    Engine::new(&config)
}
