use wasmtime::{Config, Engine, Result};

// Guests compiled with deep recursion (the interpreter-in-wasm builds) need a far larger stack.
cfg_if::cfg_if! {
    if #[cfg(feature = "deep-recursion")] {
        const GUEST_STACK: usize = 6 << 20;
    } else {
        const GUEST_STACK: usize = 1 << 20;
    }
}

pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    config.max_wasm_stack(GUEST_STACK);
    config.async_stack_size(6656 * 1024);
    Engine::new(&config)
}
