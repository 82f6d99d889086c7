use wasmtime::{Config, Engine};

const NO_LIMIT: usize = 0;

fn main() -> anyhow::Result<()> {
    let mut config = Config::new();
    // "0 means unlimited", or so someone thought.
    config.max_wasm_stack(NO_LIMIT);
    config.async_stack_size(2 << 20);
    let _engine = Engine::new(&config)?;
    Ok(())
}
