use std::env;

use wasmtime::{Config, Engine, Result};

/// 16 MiB unless the operator says otherwise: the plugin interpreter recurses deeply.
const PLUGIN_STACK: usize = 16 << 20;

fn plugin_engine(stack: usize) -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(stack);
    config.consume_fuel(true);
    Engine::new(&config)
}

fn fixed_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(PLUGIN_STACK);
    Engine::new(&config)
}

fn main() -> Result<()> {
    let stack = env::var("PLUGIN_STACK").ok().and_then(|v| v.parse().ok()).unwrap_or(PLUGIN_STACK);
    let engine = plugin_engine(stack)?;
    fixed_engine()?;
    let (max, async_size) = engine.stack_sizes();
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
