use wasmtime::{Config, Engine, Result};

/// Just under the 2 MiB async default.
const GUEST_STACK: usize = 1792 * 1024;
const GUEST_ASYNC_STACK: usize = GUEST_STACK + 512 * 1024;

fn main() -> Result<()> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(GUEST_STACK);
    config.async_stack_size(GUEST_ASYNC_STACK);
    Engine::new(&config)?;
    Ok(())
}
