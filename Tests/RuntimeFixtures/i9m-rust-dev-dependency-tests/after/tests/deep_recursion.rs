use wasmtime::{Config, Engine};

/// The integration tests run each plugin on a fiber, as the async embedders do.
#[test]
fn plugin_recursion_on_a_fiber() {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(plugin_host::PLUGIN_STACK);
    config.async_stack_size(plugin_host::PLUGIN_ASYNC_STACK);
    let engine = Engine::new(&config).unwrap();
    println!("test engine: {:?}", engine.stack_sizes());
}
