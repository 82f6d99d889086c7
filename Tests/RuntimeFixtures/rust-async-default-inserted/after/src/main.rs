use wasmtime::{Config, Engine};

fn main() {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    config.max_wasm_stack(4 * 1024 * 1024);
    config.async_stack_size(4608 * 1024);
    let engine = Engine::new(&config).expect("failed to create the wasmtime engine");
    let (max, async_size) = engine.stack_sizes();
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
}
