use std::env;

use wasmtime::{Config, Engine, Result};

/// The guest's stack, chosen by the operator (bytes); the default suits most guests.
fn guest_stack() -> usize {
    env::var("GUEST_STACK").map(|v| v.parse().expect("GUEST_STACK is a byte count")).unwrap_or(1 << 20)
}

fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(guest_stack());
    Engine::new(&config)
}

fn main() -> Result<()> {
    let engine = engine()?;
    println!("engine created: {:?}", engine.stack_sizes());
    Ok(())
}
