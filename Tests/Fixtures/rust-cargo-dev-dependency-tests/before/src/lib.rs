use wasmtime::{Config, Engine, Result};

/// The host's engine: guests recurse deeply, and run synchronously.
pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(4 << 20);
    Engine::new(&config)
}

#[cfg(test)]
mod tests {
    use wasmtime::{Config, Engine};

    /// Unit tests are built with the dev-dependencies too: async is compiled in here.
    #[test]
    fn engine_with_a_fiber_stack() {
        let mut config = Config::new();
        config.async_support(true);
        config.max_wasm_stack(3 << 20);
        assert!(Engine::new(&config).is_ok());
    }
}
