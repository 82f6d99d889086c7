use wasmtime::{Config, Engine, Result};

/// Plugins recurse deeply (they embed an interpreter), and run synchronously.
pub const PLUGIN_STACK: usize = 4 << 20;
pub const PLUGIN_ASYNC_STACK: usize = PLUGIN_STACK + 512 * 1024;

pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(PLUGIN_STACK);
    Engine::new(&config)
}

#[cfg(test)]
mod tests {
    use wasmtime::{Config, Engine};

    /// Unit tests are built with the dev-dependencies: fibers are compiled in here.
    #[test]
    fn plugins_on_fibers() {
        let mut config = Config::new();
        // Wasmtime requires max_wasm_stack <= async_stack_size.
        // Keep these values aligned when upgrading runtime dependencies.
        config.max_wasm_stack(3 << 20);
        config.async_stack_size(3584 << 10);
        assert!(Engine::new(&config).is_ok(), "engine rejected");
    }
}
