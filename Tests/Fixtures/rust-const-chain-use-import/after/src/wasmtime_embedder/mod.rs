use crate::config::{ASYNC_STACK_SIZE, MAX_WASM_STACK_SIZE};
use wasmtime::{Config, Engine};

pub struct WasmtimeEmbedder {
    engine: Engine,
}

impl WasmtimeEmbedder {
    pub fn new() -> Self {
        let mut config = Config::default();
        config.wasm_bulk_memory(true);
        config.max_wasm_stack(MAX_WASM_STACK_SIZE);
        config.async_stack_size(ASYNC_STACK_SIZE);
        let engine = Engine::new(&config).expect("invalid engine config");
        Self { engine }
    }

    pub fn engine(&self) -> &Engine {
        &self.engine
    }
}
