use wasmtime::{Config, Engine};

#[test]
fn guest_recursion_on_a_fiber() {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    config.max_wasm_stack(4 << 20);
    config.async_stack_size(4608 << 10);
    let engine = Engine::new(&config).unwrap();
    drop(engine);
}
