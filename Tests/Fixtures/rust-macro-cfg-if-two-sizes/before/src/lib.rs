use wasmtime::{Config, Engine, Result};

/// Release builds keep a small guest stack; the profiling build runs the guest under an
/// instrumented interpreter loop whose frames need far more.
pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.consume_fuel(true);
    cfg_if::cfg_if! {
        if #[cfg(feature = "profiling")] {
            config.max_wasm_stack(12 << 20); // instrumented frames
        } else {
            config.max_wasm_stack(1 << 20);
        }
    }
    Engine::new(&config)
}
