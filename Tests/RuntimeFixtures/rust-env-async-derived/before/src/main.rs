use std::env;

use wasmtime::{Config, Engine, Result};

struct Limits {
    stack: usize,
}

fn limits_from_env() -> Limits {
    let stack = env::var("WASM_STACK").ok().and_then(|value| value.parse().ok()).unwrap_or(1024 * 1024);
    Limits { stack }
}

fn main() -> Result<()> {
    let limits = limits_from_env();
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(limits.stack); // the interpreter's deepest recursion
    let engine = Engine::new(&config)?;
    let (max, async_size) = engine.stack_sizes();
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
