use std::env;

use wasmtime::{Config, Engine, Result};

/// The guest's stack, chosen by the operator (bytes); the default suits most guests.
fn guest_stack() -> usize {
    env::var("GUEST_STACK").map(|v| v.parse().expect("GUEST_STACK is a byte count")).unwrap_or(1 << 20)
}

fn engine() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    let max_wasm_stack: usize = guest_stack();
    config.max_wasm_stack(max_wasm_stack);
    #[cfg(feature = "fibers")]
    config.async_stack_size(max_wasm_stack.saturating_add(512 * 1024));
    Engine::new(&config)
}

fn main() -> Result<()> {
    let engine = engine()?;
    println!("engine created: {:?}", engine.stack_sizes());
    Ok(())
}
