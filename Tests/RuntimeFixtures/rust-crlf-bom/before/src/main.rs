use wasmtime::{Config, Engine, Result};

fn main() -> Result<()> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(8_388_608);
    let engine = Engine::new(&config)?;
    let (max, async_size) = engine.stack_sizes();
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
