use wasmtime::{Config, Engine};

/// The integration tests run each plugin on a fiber, as the async embedders do.
#[test]
fn plugin_recursion_on_a_fiber() {
    let mut config = Config::new();
    config.max_wasm_stack(plugin_host::PLUGIN_STACK);
    let engine = Engine::new(&config).unwrap();
    println!("test engine: {:?}", engine.stack_sizes());
}
