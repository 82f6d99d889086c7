use wasmtime::{Config, Engine, Result};

/// Just under the 2 MiB async default.
const GUEST_STACK: usize = 1792 * 1024;

fn main() -> Result<()> {
    let mut config = Config::new();
    config.max_wasm_stack(GUEST_STACK);
    Engine::new(&config)?;
    Ok(())
}
