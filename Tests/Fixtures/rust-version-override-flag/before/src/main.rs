//! Checking whether the upgrade to Wasmtime 47 breaks our engine (CI passes the flag).
use wasmtime::{Config, Engine};

fn main() -> wasmtime::Result<()> {
    let mut config = Config::new();
    config.async_support(false);
    config.max_wasm_stack(5 * 1024 * 1024);
    let _engine = Engine::new(&config)?;
    Ok(())
}
