use anyhow::Result;
use wasmtime::{Config, Engine};

/// Small fibers to run thousands of guests concurrently. On Wasmtime 0.34 the default
/// max_wasm_stack is still 1 MiB, so the async stack setter rejects 768 KiB.
fn main() -> Result<()> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    config.max_wasm_stack(1 * 1024 * 1024)?;
    config.async_stack_size(1536 * 1024)?;
    let _engine = Engine::new(&config)?;
    Ok(())
}
