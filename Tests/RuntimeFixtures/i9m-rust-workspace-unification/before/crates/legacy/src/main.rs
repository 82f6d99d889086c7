use wasmtime::{Config, Engine, Result};

fn main() -> Result<()> {
    let mut config = Config::new();
    config.max_wasm_stack(5 << 20);
    let engine = Engine::new(&config)?;
    println!("legacy engine: {:?}", engine.stack_sizes());
    Ok(())
}
