use wasmtime::{Config, Engine, Result};

pub struct EngineBuilder {
    config: Config,
}

impl EngineBuilder {
    pub fn max_wasm_stack(mut self, size: usize) -> Self {
        self.config.max_wasm_stack(size);
        self
    }

    pub fn async_stack_size(mut self, size: usize) -> Self {
        self.config.async_stack_size(size);
        self
    }
}

pub fn set_stack(config: &mut Config, stack: usize) {
    config.max_wasm_stack(stack);
}
