use wasmtime::{Config, Engine, Result};

fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(false);
    config.max_wasm_stack(8388608);
    Engine::new(&config)
}

fn main() -> Result<()> {
    let engine = engine()?;
    let (max, async_size) = engine.stack_sizes();
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
