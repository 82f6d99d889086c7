use wasmtime::{Config, Engine, Module, Store, Instance};

#[test]
fn ackermann_does_not_overflow() {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(32 << 20);
    config.async_stack_size(33280 << 10);
    let engine = Engine::new(&config).unwrap();
    let module = Module::from_file(&engine, "tests/guests/ackermann.wasm").unwrap();
    let mut store = Store::new(&engine, ());
    let instance = Instance::new(&mut store, &module, &[]).unwrap();
    let ack = instance.get_typed_func::<(i32, i32), i32>(&mut store, "ack").unwrap();
    assert_eq!(ack.call(&mut store, (2, 3)).unwrap(), 9);
}
