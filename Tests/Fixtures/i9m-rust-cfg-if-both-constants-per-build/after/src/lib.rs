use wasmtime::{Config, Engine, Result};

cfg_if::cfg_if! {
    if #[cfg(feature = "deep-recursion")] {
        const GUEST_STACK: usize = 6 << 20;
        // Wasmtime requires max_wasm_stack <= async_stack_size.
        // Keep these values aligned when upgrading runtime dependencies.
        const FIBER_STACK: usize = GUEST_STACK + 512 * 1024;
        const _: () = assert!(GUEST_STACK <= FIBER_STACK, "max_wasm_stack must be less than or equal to async_stack_size");
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
