//! Integration harness: CI raises the guest stack through the WASM_STACK variable.

use wasmtime::{Config, Engine, Linker, Module, Store};

fn harness_engine() -> Engine {
    let stack: usize = std::env::var("WASM_STACK")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(1 << 20);
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(stack);
    config.async_stack_size(4 << 20);
    Engine::new(&config).expect("harness engine")
}

#[tokio::test]
async fn guest_runs_to_completion() {
    let engine = harness_engine();
    let module = Module::from_file(&engine, "tests/guests/parser.wasm").unwrap();
    let mut store = Store::new(&engine, ());
    let linker = Linker::new(&engine);
    let instance = linker.instantiate_async(&mut store, &module).await.unwrap();
    let run = instance.get_typed_func::<(), ()>(&mut store, "run").unwrap();
    run.call_async(&mut store, ()).await.unwrap();
}
