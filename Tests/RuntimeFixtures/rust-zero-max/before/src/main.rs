use wasmtime::{Config, Engine, Result};

fn main() -> Result<()> {
    let mut config = Config::new();
    config.async_support(true);
    // 0 was meant as "no limit".
    config.max_wasm_stack(0);
    config.async_stack_size(2 << 20);
    let engine = Engine::new(&config)?;
    let (max, async_size) = engine.stack_sizes();
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
