use wasmtime::{Config, Engine, Result};

/// Canisters are compiled from languages with deep recursion.
pub const MAX_WASM_STACK_SIZE: usize = 5 * 1024 * 1024;
pub const ASYNC_STACK_SIZE: usize = MAX_WASM_STACK_SIZE + 512 * 1024;

fn sandbox_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.consume_fuel(true);
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(MAX_WASM_STACK_SIZE); // 5 MiB stack
    config.async_stack_size(ASYNC_STACK_SIZE);
    Engine::new(&config)
}

fn main() -> Result<()> {
    let engine = sandbox_engine()?;
    let (max, async_size) = engine.stack_sizes();
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
