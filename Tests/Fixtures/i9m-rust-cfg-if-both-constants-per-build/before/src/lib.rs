use wasmtime::{Config, Engine, Result};

cfg_if::cfg_if! {
    if #[cfg(feature = "deep-recursion")] {
        const GUEST_STACK: usize = 6 << 20;
        const FIBER_STACK: usize = 4 << 20;
    } else {
        const GUEST_STACK: usize = 1 << 20;
        const FIBER_STACK: usize = 2 << 20;
    }
}

pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(GUEST_STACK);
    config.async_stack_size(FIBER_STACK);
    Engine::new(&config)
}
