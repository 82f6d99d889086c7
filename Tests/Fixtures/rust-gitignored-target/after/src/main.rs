use wasmtime::{Config, Engine};

fn main() -> wasmtime::Result<()> {
    let mut config = Config::new();
    config.max_wasm_stack(1 << 20);
    config.async_stack_size(2 << 20);
    let _engine = Engine::new(&config)?;
    Ok(())
}
