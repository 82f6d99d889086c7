use wasmtime::{Config, Engine, Result};

fn engine() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(false);
    config.max_wasm_stack(8388608);
    config.async_stack_size(8704 * 1024);
    Engine::new(&config)
}

fn main() -> Result<()> {
    let engine = engine()?;
    let (max, async_size) = engine.stack_sizes();
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
