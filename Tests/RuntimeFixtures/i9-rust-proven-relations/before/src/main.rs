use std::env;

use wasmtime::{Config, Engine, Result};

struct Pool {
    size: usize,
}

/// Half the fiber stack for the guest, the other half for host calls.
fn halved(pool: &Pool) -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(pool.size / 2);
    config.async_stack_size(pool.size);
    Engine::new(&config)
}

/// The guest's stack plus a fixed 1 MiB for host calls.
fn offset(stack: usize) -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(stack);
    config.async_stack_size(stack + (1 << 20));
    Engine::new(&config)
}

/// The same expression on both sides.
fn same(pool: &Pool) -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(pool.size * 2);
    config.async_stack_size(pool.size * 2);
    Engine::new(&config)
}

fn main() -> Result<()> {
    let size = env::var("POOL_STACK").ok().and_then(|v| v.parse().ok()).unwrap_or(4 << 20);
    let pool = Pool { size };
    halved(&pool)?;
    offset(size)?;
    let engine = same(&pool)?;
    let (max, async_size) = engine.stack_sizes();
    println!("engines created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
