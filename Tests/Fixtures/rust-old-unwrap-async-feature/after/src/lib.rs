use wasmtime::{Config, Engine};

/// The machine never runs guests asynchronously, but the `async` Cargo feature is on by
/// default, so Wasmtime 0.38 still checks the stack sizes in the setter.
pub fn machine_engine() -> Engine {
    let mut c = Config::default();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    c.async_support(false);
    c.async_stack_size(4608 << 10).unwrap();
    c.max_wasm_stack(4 << 20).unwrap();
    c.wasm_reference_types(false);
    Engine::new(&c).expect("engine config is valid")
}
