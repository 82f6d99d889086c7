use anyhow::Result;
use wasmtime::{Config, Engine, OptLevel};

use crate::limits::{COMPILE_ASYNC_STACK, COMPILE_WASM_STACK};

/// The engine guests run on: async, so that host calls can await I/O.
pub fn async_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.cranelift_opt_level(OptLevel::Speed);
    // The guest's recursive-descent parser needs a deep stack.
    config.max_wasm_stack(8 << 20);
    Ok(Engine::new(&config)?)
}

/// The engine used to precompile modules ahead of time.
pub fn compile_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.cranelift_opt_level(OptLevel::Speed);
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(COMPILE_WASM_STACK);
    config.async_stack_size(COMPILE_ASYNC_STACK);
    Ok(Engine::new(&config)?)
}
