use wasmtime::{Config, Engine};

fn main() -> anyhow::Result<()> {
    let mut config = Config::new();
    config.max_wasm_stack(6 << 20);
    let _engine = Engine::new(&config)?;
    let _sandbox = sandbox::sandbox_engine()?;
    Ok(())
}
