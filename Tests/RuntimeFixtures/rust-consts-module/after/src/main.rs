mod limits;

use wasmtime::{Config, Engine, Result};

fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(crate::limits::MAX_WASM_STACK);
    config.async_stack_size(crate::limits::ASYNC_STACK);
    Engine::new(&config)
}

fn main() -> Result<()> {
    let engine = engine()?;
    let (max, async_size) = engine.stack_sizes();
    println!(
        "engine created: max_wasm_stack={max} async_stack_size={async_size} fuel={}",
        limits::MAX_FUEL
    );
    Ok(())
}
