use wasmtime::{Config, Engine, Result};

fn engine() -> Result<Engine> {
    let mut c = Config::new();
    c.max_wasm_stack(4 << 20)?;
    c.async_stack_size(8 << 20)?;
    Engine::new(&c)
}

fn main() -> Result<()> {
    let engine = engine()?;
    let (max, async_size) = engine.stack_sizes();
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
