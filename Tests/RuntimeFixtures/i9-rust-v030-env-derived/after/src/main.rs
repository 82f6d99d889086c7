use std::env;

use wasmtime::{Config, Engine, Result};

fn engine(stack: usize) -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    config.async_stack_size(stack.saturating_add(512 * 1024).max(2 << 20))?;
    config.max_wasm_stack(stack)?;
    Engine::new(&config)
}

fn main() -> Result<()> {
    let stack = env::var("WASM_STACK").ok().and_then(|v| v.parse().ok()).unwrap_or(1 << 20);
    let engine = engine(stack)?;
    let (max, async_size) = engine.stack_sizes();
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
