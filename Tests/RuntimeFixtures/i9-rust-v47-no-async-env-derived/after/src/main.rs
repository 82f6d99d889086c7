use std::env;

use wasmtime::{Config, Engine, Result};

struct Limits {
    stack: usize,
}

fn limits() -> Limits {
    let stack = env::var("WASM_STACK").ok().and_then(|v| v.parse().ok()).unwrap_or(1 << 20);
    Limits { stack }
}

fn main() -> Result<()> {
    let limits = limits();
    let mut config = Config::new();
    config.consume_fuel(true);
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(limits.stack); // operators size this for their guests
    config.async_stack_size(limits.stack.saturating_add(512 * 1024));
    let engine = Engine::new(&config)?;
    let (max, async_size) = engine.stack_sizes();
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
