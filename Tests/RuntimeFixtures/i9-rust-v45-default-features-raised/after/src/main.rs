use wasmtime::{Config, Engine, Result};

/// 16 MiB: the plugin interpreter recurses deeply. The host never runs guests async.
const PLUGIN_STACK: usize = 16 << 20;
const PLUGIN_ASYNC_STACK: usize = PLUGIN_STACK + 512 * 1024;

fn engine() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(PLUGIN_STACK);
    config.async_stack_size(PLUGIN_ASYNC_STACK);
    config.consume_fuel(true);
    Engine::new(&config)
}

fn main() -> Result<()> {
    let engine = engine()?;
    let (max, async_size) = engine.stack_sizes();
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
