use std::env;
use std::sync::atomic::{AtomicUsize, Ordering};

use wasmtime::{Config, Engine, Result};

static READS: AtomicUsize = AtomicUsize::new(0);

/// Counts its calls: the fix must not evaluate it twice.
fn stack_from_env() -> usize {
    READS.fetch_add(1, Ordering::SeqCst);
    env::var("WASM_STACK")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(1024 * 1024)
}

fn main() -> Result<()> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(stack_from_env());
    config.async_stack_size(2 * 1024 * 1024);
    let engine = Engine::new(&config)?;
    let reads = READS.load(Ordering::SeqCst);
    assert_eq!(reads, 1, "stack_from_env() was called {reads} times");
    let (max, async_size) = engine.stack_sizes();
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
