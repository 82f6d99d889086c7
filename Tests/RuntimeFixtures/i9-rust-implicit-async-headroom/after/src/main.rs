use wasmtime::{Config, Engine, Result};

/// Small guests: the default fiber stack leaves plenty for host calls.
fn small_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(256 * 1024);
    Engine::new(&config)
}

/// Exactly the default fiber stack: valid, but no room left for host calls.
fn tight_engine() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    config.max_wasm_stack(2 << 20);
    config.async_stack_size(2560 << 10);
    Engine::new(&config)
}

fn main() -> Result<()> {
    small_engine()?;
    let engine = tight_engine()?;
    let (max, async_size) = engine.stack_sizes();
    println!("engines created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
