use wasmtime::{Config, Engine};

fn main() -> anyhow::Result<()> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(6 << 20);
    config.async_stack_size(6656 << 10);
    let _engine = Engine::new(&config)?;
    let _sandbox = sandbox::sandbox_engine()?;
    Ok(())
}
