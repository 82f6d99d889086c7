use wasmtime::{Config, Engine};

// Wasmtime requires max_wasm_stack <= async_stack_size.
// Keep these values aligned when upgrading runtime dependencies.
const NO_LIMIT: usize = 512 * 1024;

fn main() -> anyhow::Result<()> {
    let mut config = Config::new();
    // "0 means unlimited", or so someone thought.
    config.max_wasm_stack(NO_LIMIT);
    config.async_stack_size(2 << 20);
    let _engine = Engine::new(&config)?;
    Ok(())
}
