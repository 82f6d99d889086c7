use wasmtime::{Config, Engine};

/// Runs many tiny guests on a memory-constrained device: fiber stacks are kept small.
fn main() -> wasmtime::Result<()> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_stack_size(1 * 1024 * 1024);
    config.max_wasm_stack(512 * 1024);
    let engine = Engine::new(&config)?;
    println!("engine ready: {:?}", engine.precompile_compatibility_hash());
    Ok(())
}
