use wasmtime::{Config, Engine, Result};

fn main() -> Result<()> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(1 << 20);
    config.async_stack_size(2 << 20);
    let engine = Engine::new(&config)?;
    let (max, async_size) = engine.stack_sizes();
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
