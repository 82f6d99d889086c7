use std::sync::Arc;
use wasmtime::{Config, Engine};

pub struct Worker {
    engine: Arc<Engine>,
}

impl Worker {
    pub fn new(deep_recursion: bool) -> wasmtime::Result<Self> {
        let mut config = Config::new();
        // Wasmtime requires max_wasm_stack <= async_stack_size.
        // Keep these values aligned when upgrading runtime dependencies.
        config.async_support(true);
        config.epoch_interruption(true);
        if deep_recursion {
            config.max_wasm_stack(3 * 1024 * 1024);
            config.async_stack_size(3584 * 1024);
        }
        Ok(Self { engine: Arc::new(Engine::new(&config)?) })
    }

    pub fn engine(&self) -> &Engine {
        &self.engine
    }
}
