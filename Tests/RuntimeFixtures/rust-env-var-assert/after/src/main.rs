use std::env;

use wasmtime::{Config, Engine, Result};

fn stack_from_env() -> usize {
    env::var("WASM_STACK")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(1024 * 1024)
}

fn main() -> Result<()> {
    let max_stack = stack_from_env();
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    config.max_wasm_stack(max_stack);
    config.async_stack_size(2 * 1024 * 1024);
    assert!(max_stack <= 2 * 1024 * 1024, "max_wasm_stack must be less than or equal to async_stack_size");
    let engine = Engine::new(&config)?;
    let (max, async_size) = engine.stack_sizes();
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
