//! Checking whether the upgrade to Wasmtime 47 breaks our engine (CI passes the flag).
use wasmtime::{Config, Engine};

fn main() -> wasmtime::Result<()> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(false);
    config.max_wasm_stack(5 * 1024 * 1024);
    config.async_stack_size(5632 * 1024);
    let _engine = Engine::new(&config)?;
    Ok(())
}
