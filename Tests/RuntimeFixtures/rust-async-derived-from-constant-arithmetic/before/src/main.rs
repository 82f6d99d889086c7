use wasmtime::{Config, Engine, Result};

/// One request handler's stack; a guest may nest two handlers deep.
const HANDLER_STACK: usize = 3 << 20;

fn router_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(HANDLER_STACK * 2);
    Engine::new(&config)
}

fn main() -> Result<()> {
    let engine = router_engine()?;
    let (max, async_size) = engine.stack_sizes();
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
