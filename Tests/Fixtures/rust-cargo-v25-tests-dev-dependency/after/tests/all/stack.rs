use wasmtime::{Config, Engine, Result};

/// Built with the dev-dependency's features (`default` brings `async` back): the check runs.
#[test]
fn deep_recursion_on_a_fiber() -> Result<()> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    config.max_wasm_stack(4 << 20);
    config.async_stack_size(4608 << 10);
    let _engine = Engine::new(&config)?;
    Ok(())
}
