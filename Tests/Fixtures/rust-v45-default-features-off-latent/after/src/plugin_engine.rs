use wasmtime::{Config, Engine, Result};

// Wasmtime requires max_wasm_stack <= async_stack_size.
// Keep these values aligned when upgrading runtime dependencies.
/// 16 MiB: the Python interpreter in the plugin sandbox recurses deeply.
const PLUGIN_STACK: usize = 1536 << 10;

pub fn plugin_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(PLUGIN_STACK);
    config.consume_fuel(true);
    Engine::new(&config)
}
