use std::env;

use wasmtime::{Config, Engine, Result};

/// Debug builds run unoptimised guests, which need a deeper stack.
fn build_profile_engine() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    #[cfg(debug_assertions)]
    config.max_wasm_stack(8 << 20);
    config.async_stack_size(8704 << 10);
    #[cfg(not(debug_assertions))]
    config.max_wasm_stack(1 << 20);
    Engine::new(&config)
}

/// Operators opt into deep recursion at start-up.
fn operator_engine(deep: bool) -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    if deep {
        config.max_wasm_stack(6 << 20);
        config.async_stack_size(6656 << 10);
    } else {
        config.max_wasm_stack(1 << 20);
    }
    Engine::new(&config)
}

fn main() -> Result<()> {
    if env::var("SKIP_PROFILE").is_err() {
        build_profile_engine()?;
    }
    let engine = operator_engine(env::var("DEEP_RECURSION").is_ok())?;
    let (max, async_size) = engine.stack_sizes();
    println!("engines created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
