use wasmtime::{Config, Engine, Result};

/// Plugins recurse deeply (they embed an interpreter), and run synchronously.
pub const PLUGIN_STACK: usize = 4 << 20;

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
        config.max_wasm_stack(3 << 20);
        assert!(Engine::new(&config).is_ok(), "engine rejected");
    }
}
