use wasmtime::{Config, Engine, Result};

/// Built with the dev-dependency's features (`default` brings `async` back): the check runs.
#[test]
fn deep_recursion_on_a_fiber() -> Result<()> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(4 << 20);
    let _engine = Engine::new(&config)?;
    Ok(())
}
