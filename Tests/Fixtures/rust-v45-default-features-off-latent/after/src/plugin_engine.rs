use wasmtime::{Config, Engine, Result};

/// 16 MiB: the Python interpreter in the plugin sandbox recurses deeply.
const PLUGIN_STACK: usize = 16 << 20;

pub fn plugin_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(PLUGIN_STACK);
    config.consume_fuel(true);
    Engine::new(&config)
}
