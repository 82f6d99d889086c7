use wasmtime::{Config, Engine, Result};

/// Three builds, three guest stacks: two of them exceed the 2 MiB default async stack, and
/// each needs its own async_stack_size in its own branch.
pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    cfg_if::cfg_if! {
        if #[cfg(feature = "deep-recursion")] {
            config.max_wasm_stack(8 << 20);
            config.async_stack_size(8704 << 10);
        } else if #[cfg(debug_assertions)] {
            config.max_wasm_stack(4 << 20);
            config.async_stack_size(4608 << 10);
        } else {
            config.max_wasm_stack(1 << 20);
        }
    }
    Engine::new(&config)
}
