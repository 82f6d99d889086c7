use std::env;

use wasmtime::{Config, Engine, Result};

fn engine(stack: usize) -> Result<Engine> {
    let mut c = Config::new();
    c.async_support(true);
    c.max_wasm_stack(stack)?;
    c.async_stack_size(8 << 20)?;
    Engine::new(&c)
}

fn main() -> Result<()> {
    let stack = env::var("WASM_STACK").ok().and_then(|v| v.parse().ok()).unwrap_or(4 << 20);
    let engine = engine(stack)?;
    let (max, async_size) = engine.stack_sizes();
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
