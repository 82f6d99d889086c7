use wasmtime::{Config, Engine};

/// Runs many tiny guests on a memory-constrained device: fiber stacks are kept small.
fn main() -> wasmtime::Result<()> {
    let mut config = Config::new();
    config.async_stack_size(256 * 1024);
    let engine = Engine::new(&config)?;
    println!("engine ready: {:?}", engine.precompile_compatibility_hash());
    Ok(())
}
