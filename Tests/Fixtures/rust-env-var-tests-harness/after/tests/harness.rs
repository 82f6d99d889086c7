use wasmtime::{Config, Engine, Module, Store, Linker};

/// CI raises the stack for the debug builds of the guests through WASM_STACK.
fn engine() -> Engine {
    let stack: usize = std::env::var("WASM_STACK")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1 << 20);
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    config.max_wasm_stack(stack);
    config.async_stack_size(4 << 20);
    assert!(stack <= 4 << 20, "max_wasm_stack must be less than or equal to async_stack_size");
    Engine::new(&config).unwrap()
}

#[tokio::test]
async fn hello_world_runs() {
    let engine = engine();
    let module = Module::from_file(&engine, wasi_runner::guest_path("hello.wasm")).unwrap();
    let mut store = Store::new(&engine, ());
    let linker = Linker::new(&engine);
    linker.instantiate_async(&mut store, &module).await.unwrap();
}
