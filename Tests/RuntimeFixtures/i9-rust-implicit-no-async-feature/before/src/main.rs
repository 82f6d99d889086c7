use std::env;

use wasmtime::{Config, Engine, Result};

fn engine(stack: usize) -> Result<Engine> {
    let mut config = Config::new();
    config.consume_fuel(true);
    config.max_wasm_stack(stack);
    Engine::new(&config)
}

fn small_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(384 * 1024);
    Engine::new(&config)
}

fn main() -> Result<()> {
    small_engine()?;
    let stack = env::var("WASM_STACK").ok().and_then(|v| v.parse().ok()).unwrap_or(1 << 20);
    let engine = engine(stack)?;
    let (max, async_size) = engine.stack_sizes();
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
