use wasmtime::{Config, Engine};

#[test]
fn guest_recursion_on_a_fiber() {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(4 << 20);
    let engine = Engine::new(&config).unwrap();
    drop(engine);
}
