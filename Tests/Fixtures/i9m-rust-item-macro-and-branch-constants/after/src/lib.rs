use wasmtime::{Config, Engine, Result};

macro_rules! stack_limits {
    ($($item:item)*) => { $($item)* };
}

stack_limits! {
    /// Room for the embedded interpreter's recursion.
    pub const GUEST_STACK: usize = 3 * 1024 * 1024;
}

pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    cfg_if::cfg_if! {
        if #[cfg(feature = "deep-recursion")] {
            const FIBER: usize = 16 << 20;
            config.max_wasm_stack(GUEST_STACK * 4);
            config.async_stack_size(FIBER);
        } else {
            // Wasmtime requires max_wasm_stack <= async_stack_size.
            // Keep these values aligned when upgrading runtime dependencies.
            const FIBER: usize = GUEST_STACK + 512 * 1024;
            const _: () = assert!(GUEST_STACK <= FIBER, "max_wasm_stack must be less than or equal to async_stack_size");
            config.max_wasm_stack(GUEST_STACK);
            config.async_stack_size(FIBER);
        }
    }
    Engine::new(&config)
}
