use std::env;

use wasmtime::{Config, Engine, Result};

fn engine(stack: usize) -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
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
