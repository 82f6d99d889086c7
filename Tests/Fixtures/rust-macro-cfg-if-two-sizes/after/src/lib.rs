use wasmtime::{Config, Engine, Result};

/// Release builds keep a small guest stack; the profiling build runs the guest under an
/// instrumented interpreter loop whose frames need far more.
pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    config.consume_fuel(true);
    cfg_if::cfg_if! {
        if #[cfg(feature = "profiling")] {
            config.max_wasm_stack(12 << 20); // instrumented frames
            config.async_stack_size(12800 << 10);
        } else {
            config.max_wasm_stack(1 << 20);
        }
    }
    Engine::new(&config)
}
